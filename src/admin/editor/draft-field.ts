/**
 * The Draft field in the web editor: a checkbox, ticked when the page in this locale has no
 * text yet (a new entry, or a translation just added to one), so unfinished work is saved
 * without being published; the editor unticks it to publish. A field default cannot do this:
 * Sveltia gives defaults to existing entries too, which would turn a published page into a
 * draft the next time it is saved.
 */
import { hasText } from './fingerprint.ts';
import { entryPages, paneLocale } from './follows-field.ts';
import { sveltia, type ControlProps } from './sveltia.ts';

interface Draft {
  element: HTMLElement | null;
  props: ControlProps;
}

/** The control: a checkbox, ticked once for a page without text. */
export function draftControl(): unknown {
  return sveltia.createClass<ControlProps, Record<string, never>>({
    componentDidMount(this: Draft) {
      const own = paneLocale(this.element);
      // Whatever the value (a locale being added gets a copy of the source's), a page without text is new.
      if (own && this.props.value !== true && !hasText(entryPages(this.props.entry, own)[own])) this.props.onChange(true);
    },
    render(this: Draft) {
      const { forID, field, value, onChange } = this.props;
      return sveltia.h(
        'div',
        { ref: (element: HTMLElement | null) => (this.element = element) },
        sveltia.h('input', {
          type: 'checkbox',
          id: forID,
          'aria-label': String(field.get('label')),
          checked: value === true,
          onChange: (event: Event) => onChange((event.target as HTMLInputElement).checked),
        }),
      );
    },
  });
}
