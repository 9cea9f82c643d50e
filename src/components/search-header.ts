// What makes the header's search field (SearchForm.astro) show results as the reader types: the
// search code (search.js) is loaded on the field's first focus only. Part of the page script
// (src/layouts/PageScript.astro).
const script = `${import.meta.env.BASE_URL}search.js?v=${import.meta.env.LOA_SEARCH_VERSION}`;

interface SearchClient {
  attachHeaderSearch(form: HTMLFormElement): void;
}

function attach(target: EventTarget | null): void {
  const form = target instanceof Element ? target.closest<HTMLFormElement>('form[data-search-header]') : null;
  if (!form || form.dataset.ready) return;
  form.dataset.ready = 'true';
  void (import(/* @vite-ignore */ script) as Promise<SearchClient>).then((search) => search.attachHeaderSearch(form));
}

document.addEventListener('focusin', (event) => attach(event.target));
// A reader who reached the field before this script arrived (a slow network) is not left out.
attach(document.activeElement);
