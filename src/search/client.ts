/**
 * Search in the page, loaded only when a reader focuses a search field (or opens the search
 * page): Pagefind's own code is fetched at that moment, never with the page.
 */
import { spacedQuery } from './unspaced-words.ts';
import { makeExcerpt } from './excerpt.ts';
import { formFor, type Label } from '../i18n/plural.ts';

/** Labels the search shows, in the page's language (`/<locale>/search/strings.json`, or the search page's JSON). */
interface Strings {
  /** `{n} results for “{q}”`, one text per plural form of `resultsLang` or one text. */
  results: Label;
  resultsLang: string;
  none: string;
  all: string;
  filterType: string;
  filterPlatform: string;
  filterTopic: string;
  /** What the search page says when it cannot load the index (no signal, nothing saved). */
  offline: string;
  labels: Record<string, string>;
}

/** A found page as Pagefind gives it: its address, text, meta (title; the page's address, where the build's search document was a file named otherwise) and filters (type: guide or message). */
interface Found {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}
interface PagefindResult {
  data(): Promise<Found>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Record<string, { any: string[] }> }): Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch(q: string, o?: { filters?: Record<string, { any: string[] }> }, ms?: number): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * A promise of what a fetch gives, kept while it is pending or fulfilled: one that failed (no
 * signal on a phone) is forgotten, so the next search tries again instead of failing for good.
 */
function retried<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (!kept) {
      kept = load();
      kept.catch(() => (kept = undefined));
    }
    return kept;
  };
}

let pagefind: (() => Promise<Pagefind>) | undefined;

function loadPagefind(bundle: string): Promise<Pagefind> {
  pagefind ??= retried(() =>
    import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pf: Pagefind) => {
      // Result addresses already include the base path (see build-index.ts).
      await pf.options({ bundlePath: bundle, baseUrl: '/', excerptLength: 30 });
      return pf;
    }),
  );
  return pagefind();
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (w, k: string) => String(values[k] ?? w));

/** The line above the results: how many, in the plural form the count needs, or that nothing was found. */
const statusText = (strings: Strings, total: number, query: string) =>
  fill(total ? formFor(strings.results, strings.resultsLang, total) : strings.none, { n: total, q: query });

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

async function find(bundle: string, query: string, filters: Record<string, string[]>, limit: number) {
  const pf = await loadPagefind(bundle);
  const chosen = Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v.length)
      .map(([k, v]) => [k, { any: v }]),
  );
  const found = await pf.debouncedSearch(spacedQuery(query, document.documentElement.lang), { filters: chosen }, 150);
  if (!found) return undefined; // a newer query replaced this one
  return { total: found.results.length, items: await Promise.all(found.results.slice(0, limit).map((r) => r.data())) };
}

/** The results as a list: each one's kind (guide or message), its title as a link, and an excerpt with the words found marked. */
function renderResults(list: HTMLElement, items: Found[], query: string, labels: Record<string, string>): void {
  list.replaceChildren(
    ...items.map((item) => {
      const excerpt = element('p');
      for (const part of makeExcerpt(item.content, query, 160, document.documentElement.lang))
        excerpt.append(part.match ? element('mark', {}, part.text) : part.text);
      const type = item.filters?.type?.[0];
      const kind = element('span', { className: `search-type search-type-${type}` }, labels[`type:${type}`] ?? '');
      const address = item.meta.url ?? item.url;
      return element('li', {}, ...(type ? [kind, ' '] : []), element('a', { href: address }, item.meta.title ?? address), excerpt);
    }),
  );
}

/**
 * Live results under the search field in the page header. Its labels are a file of the locale's
 * (`data-strings-src`), fetched with Pagefind, so that pages do not each carry them.
 */
export function attachHeaderSearch(form: HTMLFormElement): void {
  const input = form.querySelector('input[type=search]') as HTMLInputElement;
  const labels = retried(() =>
    fetch(form.dataset.stringsSrc!).then((answer) => {
      if (!answer.ok) throw new Error(`${answer.status} for ${answer.url}`);
      return answer.json() as Promise<Strings>;
    }),
  );
  const bundle = form.dataset.bundle!;
  const panel = element('div', { className: 'search-panel', hidden: true });
  const status = element('p', { className: 'search-status' });
  status.setAttribute('role', 'status');
  const list = element('ol', { className: 'search-results' });
  const more = element('a', { className: 'search-all' });
  panel.append(status, list, more);
  form.append(panel);
  void labels();
  void loadPagefind(bundle);
  const run = async () => {
    const query = input.value.trim();
    if (!query) {
      panel.hidden = true;
      return;
    }
    let strings: Strings, found: Awaited<ReturnType<typeof find>>;
    try {
      [strings, found] = await Promise.all([labels(), find(bundle, query, {}, 5)]);
    } catch {
      // Without a signal there are no live results; Enter still opens the search page, and the next keystroke tries again.
      panel.hidden = true;
      return;
    }
    if (!found || input.value.trim() !== query) return;
    more.textContent = strings.all;
    status.textContent = statusText(strings, found.total, query);
    renderResults(list, found.items, query, strings.labels);
    more.href = `${form.action}?q=${encodeURIComponent(query)}`;
    more.hidden = found.total <= found.items.length;
    panel.hidden = false;
  };
  input.addEventListener('input', () => void run());
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      panel.hidden = true;
      input.focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) panel.hidden = true;
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) void run();
  });
  if (input.value.trim()) void run();
}

/** The search page: results for `?q=` on load, filters, and `q` kept in the address while typing. */
export async function attachSearchPage(root: HTMLElement): Promise<void> {
  const form = root.querySelector('form') as HTMLFormElement;
  const input = form.querySelector('input[type=search]') as HTMLInputElement;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const bundle = root.dataset.bundle!;
  const status = root.querySelector('.search-status') as HTMLElement;
  const list = root.querySelector('.search-results') as HTMLElement;
  const filterBox = root.querySelector('.search-filters') as HTMLDetailsElement;
  const chosenCount = filterBox.querySelector('.search-chosen') as HTMLElement;
  // The list of every guide shown without JavaScript: hidden at once, so the page does not move,
  // and shown again, without its notice, when search cannot load (no signal, nothing saved).
  const everyGuide = root.querySelector<HTMLElement>('.search-no-js');
  if (everyGuide) everyGuide.hidden = true;
  const offline = () => {
    status.textContent = strings.offline;
    list.replaceChildren();
    everyGuide?.querySelector('.notice')?.remove();
    if (everyGuide) everyGuide.hidden = false;
  };
  const chosen: Record<string, string[]> = {};
  input.value = new URLSearchParams(location.search).get('q') ?? '';

  const run = async () => {
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    let found: Awaited<ReturnType<typeof find>>;
    try {
      found = await find(bundle, query, chosen, 50);
    } catch {
      return offline();
    }
    if (!found || input.value.trim() !== query) return;
    everyGuide?.remove();
    status.textContent = statusText(strings, found.total, query);
    renderResults(list, found.items, query, strings.labels);
  };

  let available: Record<string, Record<string, number>>;
  try {
    available = await (await loadPagefind(bundle)).filters();
  } catch {
    return offline();
  }
  everyGuide?.remove();
  const names: Record<string, string> = { type: strings.filterType, platform: strings.filterPlatform, topic: strings.filterTopic };
  const groups = element('div', { className: 'search-filter-groups' });
  // Type first, then phone and topic, then any other filter the index has.
  const order = (key: string) => (key in names ? Object.keys(names).indexOf(key) : 9);
  for (const [key, values] of Object.entries(available).sort(([a], [b]) => order(a) - order(b))) {
    if (Object.keys(values).length < 2) continue;
    const fieldset = element('fieldset', {}, element('legend', {}, names[key] ?? key));
    // Values are shown by their labels (topics are indexed by theirs), in the page's language's order.
    const label = (value: string) => strings.labels[`${key}:${value}`] ?? value;
    for (const value of Object.keys(values).sort((a, b) => label(a).localeCompare(label(b), document.documentElement.lang))) {
      const box = element('input', { type: 'checkbox', name: key, value });
      box.addEventListener('change', () => {
        chosen[key] = [...fieldset.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
        const count = Object.values(chosen).flat().length;
        chosenCount.textContent = count ? `(${count})` : '';
        void run();
      });
      fieldset.append(element('label', {}, box, ` ${label(value)}`));
    }
    groups.append(fieldset);
  }
  // One line on a phone, so the results come right after the field; open where there is room.
  filterBox.append(groups);
  filterBox.hidden = !groups.children.length;
  filterBox.open = matchMedia('(min-width: 40rem)').matches;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  await run();
}
