// Registers the service worker for offline reading (sw.js) once the page has loaded, so it never
// competes with the page's own requests; then, on the first visit, tells it the page's address and
// the files it loaded, which it saves from the browser's cache. Only on pages that carry the
// offline text (RegisterWorker.astro, absent when the settings turn offline reading off). Part of
// the page script (src/layouts/PageScript.astro).
const base = import.meta.env.BASE_URL;
const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined;

if (workers && document.getElementById('offline-page')) {
  addEventListener('load', () => {
    workers
      .register(`${base}sw.js`, { scope: base })
      .then(async () => {
        if (workers.controller) return;
        const { active } = await workers.ready;
        active!.postMessage([location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
      })
      .catch(() => {});
  });
}
