/**
 * The editor's preview of a guide or message in the site's own look: Loa's stylesheet
 * (admin/preview.css), the page's title, facts and summary as the site sets them, and a
 * guide's steps numbered as the site numbers them (see numberSteps).
 */
import { platformOfHeading } from '../../markdown/steps.ts';
import { sveltia, type PreviewProps } from './sveltia.ts';

/**
 * Numbers a guide's steps in the preview's HTML as src/markdown/shape-body.ts does in the
 * site's: each item of a top-level numbered list is a step, counted on from list to list within
 * a platform section (`## Android` …), with the number drawn as a link to the step. Runs again
 * on every render; a list already numbered is left as it is.
 */
export function numberSteps(body: HTMLElement): void {
  const counters = new Map<string, number>();
  let platform = '';
  for (const node of body.querySelectorAll<HTMLElement>('h2, ol')) {
    if (node.tagName === 'H2') {
      platform = platformOfHeading(node.textContent ?? '') ?? '';
      continue;
    }
    if (node.parentElement?.closest('li')) continue;
    node.classList.add('steps');
    for (const item of node.children) {
      if (item.tagName !== 'LI') continue;
      const n = (counters.get(platform) ?? 0) + 1;
      counters.set(platform, n);
      const id = platform ? `${platform}-step-${n}` : `step-${n}`;
      if (item.classList.contains('step')) continue;
      item.id = id;
      item.classList.add('step');
      const number = Object.assign(document.createElement('a'), { className: 'step-number', href: `#${id}`, textContent: String(n) });
      item.prepend(number, ' ');
    }
  }
}

interface Preview {
  props: PreviewProps;
  body: HTMLElement | null;
  observer?: MutationObserver;
}

/** The preview of one kind of page; `guide` or `message` is the class the site's article has. */
export function previewTemplate(noun: 'guide' | 'message'): unknown {
  const { h } = sveltia;
  return sveltia.createClass<PreviewProps, Record<string, never>>({
    // The body's HTML arrives after the template is drawn, and again on every edit: the steps are
    // numbered whenever it changes.
    componentDidMount(this: Preview) {
      if (!this.body || noun !== 'guide') return;
      const body = this.body;
      this.observer = new MutationObserver(() => numberSteps(body));
      this.observer.observe(body, { childList: true, subtree: true, characterData: true });
      numberSteps(body);
    },
    componentWillUnmount(this: Preview) {
      this.observer?.disconnect();
    },
    render(this: Preview) {
      const data = this.props.entry.toJS().data as { title?: string; summary?: string };
      return h(
        'main',
        { className: 'wrap' },
        h(
          'article',
          { className: noun },
          h('h1', null, data.title ?? ''),
          h('p', { className: 'lead' }, data.summary ?? ''),
          h('div', { className: 'body', ref: (element: HTMLElement | null) => (this.body = element) }, this.props.widgetFor('body')),
        ),
      );
    },
  });
}
