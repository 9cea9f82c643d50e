/**
 * The few parts of Sveltia CMS's page API that Loa's additions to the editor use. Sveltia puts
 * React's `createClass` and `h` on the page for custom fields and previews (as Decap CMS does),
 * and hands entries to them as Immutable.js maps.
 */

/** An Immutable.js map as Sveltia passes an entry or a field's configuration. */
export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: readonly string[]): unknown;
  setIn(path: readonly string[], value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}

/** What a custom field's control is given (Sveltia's CustomFieldControlProps, the parts used here). */
export interface ControlProps {
  value: unknown;
  field: ImmutableMap;
  forID: string;
  classNameWrapper: string;
  /** This locale's data under `data`, the other locales' under `i18n.<locale>.data`. */
  entry?: ImmutableMap;
  onChange: (value: unknown) => void;
}

/** What a preview template is given (the parts used here). */
export interface PreviewProps {
  entry: ImmutableMap;
  widgetFor(name: string): unknown;
}

/** A React element, as `h` makes it. */
export type Element = unknown;

/** A class component as create-react-class makes it: `this.props`, `this.state`, `this.setState`. */
export interface Component<P, S = Record<string, never>> {
  props: P;
  state: S;
  setState(state: Partial<S>): void;
}

interface Globals {
  CMS: {
    registerFieldType(name: string, control: unknown): void;
    registerPreviewTemplate(name: string, template: unknown): void;
    registerPreviewStyle(url: string): void;
    registerCustomFormat(name: string, extension: string, methods: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>): string }): void;
    registerEventListener(listener: { name: 'preSave'; handler(args: { entry: ImmutableMap }): ImmutableMap }): void;
  };
  createClass<P, S>(spec: ThisType<Component<P, S> & Record<string, unknown>> & Record<string, unknown>): unknown;
  h(this: void, type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): Element;
}

/** Sveltia's globals: present once its script has run, which the editor page loads first. */
export const sveltia = globalThis as unknown as Globals;
