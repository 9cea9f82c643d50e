/* global self, caches, fetch, Response, URL, LOA */
// Loa's service worker, shipped minified as <base>sw.js by src/pages/sw.js.ts, which puts
// `const LOA = { version, base, locales }` before it. It saves what a reader opened, in their
// language only, so that it opens again without a signal (see src/offline/README.md):
// - pages (navigations): network first, the saved copy when the network fails, else an offline
//   page in the reader's language, listing the pages saved on this phone: a saved page with the
//   offline text it carries (<script type="application/json" id="offline-page">,
//   RegisterWorker.astro) as its content;
// - the search index (pagefind/): network first, the saved copy when the network fails;
// - hashed files (_astro/): saved copy first; other files: saved copy, refreshed in the background;
// - short links (p/…, P/…) are never answered here: they always reach the server.
// Nothing is saved in advance: the first page is saved from the browser's own cache when the page
// that registered this worker sends its address and the files it loaded (see Register.astro).

const CACHE = `loa-${LOA.version}`;
const SCOPE = new URL(LOA.base, self.location.origin).href;

/** The locale folder of an address of this site (`vi` of …/vi/guides/x/), or undefined. */
const localeOf = (url) => {
  if (!url.startsWith(SCOPE)) return undefined;
  const first = url.slice(SCOPE.length).split(/[/?#]/)[0];
  return LOA.locales.includes(first) ? first : undefined;
};

/** True for a short link of a poster (p/…, P/…), which must always reach the server. */
const isShortLink = (url) => /^[pP]\//.test(url.slice(SCOPE.length));

/** A page's address without its query and fragment, under which it is saved. */
const pageKey = (url) => url.split(/[?#]/)[0];

/** True for a page's address (a folder). */
const isPage = (url) => /\/(\?|$)/.test(url);

let reader;
/** The reader's locale: the locale of the first page saved, or undefined when none is saved yet. */
const readerLocale = async (cache) => {
  for (const request of reader ? [] : await cache.keys()) {
    reader = localeOf(request.url);
    if (reader && isPage(request.url)) break;
    reader = undefined;
  }
  return reader;
};

/** True when pages of `locale` may be saved: it is the reader's, or nothing is saved yet. */
const mayKeep = async (cache, locale) => {
  if (!locale) return false;
  const reader = await readerLocale(cache);
  return !reader || reader === locale;
};

/** Saves a good answer (a copy, as the original goes to the page); true when it did. */
const keep = async (cache, request, response) => {
  if (!response.ok || response.type !== 'basic') return false;
  await cache.put(request, response.clone());
  return true;
};

self.addEventListener('install', () => self.skipWaiting());

// Pages saved by an older version stay saved: they are copied into this version's cache before
// the old caches are deleted.
self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const name of await caches.keys()) {
        if (!name.startsWith('loa-') || name === CACHE) continue;
        const old = await caches.open(name);
        for (const request of await old.keys()) if (!(await cache.match(request))) await cache.put(request, await old.match(request));
        await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  ),
);

// The page that registered this worker was loaded before it ran: it sends its address and the
// files it loaded, which are saved from the browser's cache (`force-cache`: no second download).
// A "keep this guide" button (KeepButton.astro) sends `{ keep: [page, ...files] }` and a port:
// the answer says whether the page was kept.
self.addEventListener('message', (event) =>
  event.waitUntil(
    (async () => {
      const asked = event.data && event.data.keep;
      const [page, ...files] = Array.isArray(event.data) ? event.data : Array.isArray(asked) ? asked : [];
      const cache = await caches.open(CACHE);
      const locale = typeof page === 'string' && localeOf(page);
      const kept = await mayKeep(cache, locale);
      if (kept)
        for (const url of [pageKey(page), ...files])
          if (typeof url === 'string' && url.startsWith(SCOPE) && !isShortLink(url)) {
            try {
              await keep(cache, url, await fetch(url, { cache: 'force-cache' }));
            } catch {
              // Not saved; it will be when opened again.
            }
          }
      if (event.ports[0]) event.ports[0].postMessage(kept && Boolean(await cache.match(pageKey(page))));
    })(),
  ),
);

/** A page: from the network, saved when in the reader's language; else saved, else the offline page. */
const openPage = async (event, cache) => {
  const key = pageKey(event.request.url);
  const locale = localeOf(key);
  try {
    const response = await fetch(event.request);
    const copy = response.clone();
    event.waitUntil((async () => (await mayKeep(cache, locale)) && keep(cache, key, copy))().catch(() => {}));
    return response;
  } catch (error) {
    const saved = await cache.match(key);
    if (saved) return saved;
    const offline = await offlinePage(cache, await readerLocale(cache));
    if (!offline) throw error;
    return new Response(offline, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
};

/** Text made safe to put in a page. */
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The offline page of the reader's language: a saved page of theirs whose content gives way to
 * the offline text it carries, with the list of pages saved on this phone (each page's own title,
 * og:title, else its <title>, which adds the campaign's name). Undefined when none is saved.
 */
const offlinePage = async (cache, locale) => {
  const items = [];
  let frame;
  for (const request of await cache.keys()) {
    if (!locale || localeOf(request.url) !== locale || !isPage(request.url)) continue;
    const html = await (await cache.match(request)).text();
    const data = /<script type="application\/json" id="offline-page">([^<]*)<\/script>/.exec(html);
    if (data && !frame) frame = { html, text: JSON.parse(data[1]) };
    const title = /<meta property="og:title" content="([^"]*)"/.exec(html) || /<title>([^<]*)<\/title>/.exec(html);
    const path = new URL(request.url).pathname;
    items.push(`<li><a href="${path}">${title ? title[1] : path}</a></li>`);
  }
  if (!frame) return undefined;
  const { title, body, saved } = frame.text;
  const content = `<h1>${escape(title)}</h1><p>${escape(body)}</p><h2>${escape(saved)}</h2><ul class="saved-pages">${items.join('')}</ul>`;
  return frame.html
    .replace(/(<main\b[^>]*>)[\s\S]*<\/main>/, (_, main) => `${main}<div class="offline-page">${content}</div></main>`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(title)}</title>`);
};

/** A file a page uses: saved when the page is in the reader's language. */
const openFile = async (event, cache) => {
  const { request } = event;
  const path = request.url.slice(SCOPE.length);
  // The search index's files are asked for with a query that changes each time (`?ts=…`): they
  // are saved and found without it.
  const index = path.startsWith('pagefind/');
  const key = index ? pageKey(request.url) : request;
  const client = event.clientId && (await self.clients.get(event.clientId));
  // A worker a page started (the search's) has no language of its own: it works for the reader.
  const locale = client && (client.type === 'worker' ? await readerLocale(cache) : localeOf(client.url));
  const save = (response) => {
    const copy = response.clone();
    event.waitUntil((async () => (await mayKeep(cache, locale)) && keep(cache, key, copy))());
    return response;
  };
  if (index) {
    try {
      return await save(await fetch(request));
    } catch (error) {
      const saved = await cache.match(key);
      if (saved) return saved;
      throw error;
    }
  }
  const saved = await cache.match(request);
  if (!saved) return save(await fetch(request));
  if (!path.startsWith('_astro/')) event.waitUntil(fetch(request).then(save, () => {}));
  return saved;
};

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Only this site's own GET requests; never a short link, which must reach the server.
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE) || isShortLink(request.url)) return;
  event.respondWith(caches.open(CACHE).then((cache) => (request.mode === 'navigate' ? openPage(event, cache) : openFile(event, cache))));
});
