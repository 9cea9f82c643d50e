/**
 * The `follows:` field in the web editor. A translator never types it: while a translation's
 * text is being edited, the field records the fingerprint of its source's present text, so
 * `npm run translations` counts the saved translation as current. A translation saved without
 * edits (Sveltia writes every locale of an entry when one is saved) keeps what it had, so
 * editing the source leaves its translations outdated, as they are.
 */
import { pageFingerprint, sourceLocale, type PageData } from './fingerprint.ts';
import { fingerprintText } from '../../model/fingerprint.ts';
import { sveltia, type ControlProps } from './sveltia.ts';

/** Every locale's texts of the entry a control shows: its own under `data`, the others' under `i18n`. */
export function entryPages(entry: ControlProps['entry'], own: string): Record<string, PageData> {
  const { data = {}, i18n = {} } = (entry?.toJS() ?? {}) as { data?: PageData; i18n?: Record<string, { data?: PageData }> };
  const pages: Record<string, PageData> = { [own]: data };
  for (const [locale, value] of Object.entries(i18n)) if (value?.data) pages[locale] = value.data;
  return pages;
}

/** The locale a field's control is drawn for: Sveltia marks each locale's pane with `data-locale`. */
export function paneLocale(element: Element | null): string | undefined {
  return (element?.closest('[data-locale]') as HTMLElement | null)?.dataset.locale;
}

const languageName = (locale: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;

/** What the translator reads under the field: where the translation stands against its source. */
export function followsNote(own: string, source: string | undefined, recorded: unknown, current: string | undefined): string {
  if (!source) return '';
  const name = languageName(source);
  if (own === source) return `This is the source text: each translation records which version of it it follows.`;
  if (typeof recorded !== 'string' || !recorded)
    return `Not recorded yet: edit this translation and save, and it records that it follows the current ${name} text.`;
  if (recorded === current) return `Follows the current ${name} text.`;
  return `Written from an earlier ${name} text: bring this translation up to date and save, and it records that it follows the current one.`;
}

interface State {
  note: string;
}

interface Follows {
  element: HTMLElement | null;
  /** This locale's texts when the control was first drawn. */
  opened?: string;
  sync(): Promise<void>;
}

/**
 * The control: a line of status; the value changes only once this locale's text does. The
 * field's `locales` option lists the site's locales in order, the default first, to find the source.
 */
export function followsControl(): unknown {
  return sveltia.createClass<ControlProps, State>({
    getInitialState: (): State => ({ note: '' }),
    componentDidMount(this: Follows) {
      void this.sync();
    },
    componentDidUpdate(this: Follows & { props: ControlProps }, previous: ControlProps) {
      if (previous.entry !== this.props.entry || previous.value !== this.props.value) void this.sync();
    },
    async sync(this: Follows & { props: ControlProps; setState(s: State): void }) {
      const own = paneLocale(this.element);
      if (!own) return;
      const pages = entryPages(this.props.entry, own);
      const text = fingerprintText(pages[own]!);
      this.opened ??= text;
      const order = (this.props.field.get('locales') as { toJS(): string[] } | undefined)?.toJS() ?? [];
      const source = sourceLocale(pages, order);
      const current = source && source !== own ? await pageFingerprint(pages[source]!) : undefined;
      if (current && text !== this.opened && this.props.value !== current) this.props.onChange(current);
      this.setState({ note: followsNote(own, source, this.props.value, current) });
    },
    render(this: Follows & { props: ControlProps; state: State }) {
      return sveltia.h('p', { id: this.props.forID, ref: (element: HTMLElement | null) => (this.element = element), 'aria-live': 'polite' }, this.state.note);
    },
  });
}
