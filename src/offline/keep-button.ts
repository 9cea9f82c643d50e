// What makes KeepButton.astro work: shows it where the browser has service workers, and on a tap
// loads every image of the page and asks the worker (sw.js) to keep the page and them. Part of
// the page script (src/layouts/PageScript.astro).
const button = document.querySelector<HTMLButtonElement>('[data-keep-offline]');
const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined;

if (button && workers && window.MessageChannel) {
  const status = button.nextElementSibling!;
  button.parentElement!.hidden = false;
  const keep = async () => {
    button.disabled = true;
    status.textContent = '';
    for (const image of document.images) image.loading = 'eager';
    await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
    const registration = await workers.ready;
    const channel = new MessageChannel();
    channel.port1.onmessage = (answer) => {
      status.textContent = (answer.data ? button.dataset.kept : button.dataset.notKept) ?? '';
      button.disabled = false;
    };
    const files = performance.getEntriesByType('resource').map((entry) => entry.name);
    registration.active!.postMessage({ keep: [location.href, ...files] }, [channel.port2]);
  };
  button.addEventListener('click', () => void keep());
}
