// What makes PlatformChoice.astro's links show one phone's section of a guide and remember the
// choice for the next guide. Part of the page script (src/layouts/PageScript.astro), run once the
// page is parsed; nothing on a page with fewer than two sections.
const key = 'loa-platform';
const sections = [...document.querySelectorAll<HTMLElement>('section.platform')];
const nav = document.querySelector<HTMLElement>('.platform-choice');

if (nav && sections.length > 1) {
  nav.querySelector<HTMLElement>('.show-all')!.hidden = false;
  const show = (platform: string | undefined) => {
    for (const s of sections) s.hidden = !!platform && s.dataset.platform !== platform;
    for (const a of nav.querySelectorAll<HTMLElement>('a')) a.setAttribute('aria-current', String(a.dataset.platform === platform));
  };
  nav.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLElement>('a[data-platform]');
    if (!link) return;
    event.preventDefault();
    show(link.dataset.platform);
    try {
      localStorage.setItem(key, link.dataset.platform!);
    } catch {
      /* storage blocked: the choice is not remembered */
    }
    const target = sections.find((s) => s.dataset.platform === link.dataset.platform);
    (target ? target.querySelector('h2')! : nav).scrollIntoView();
  });
  const fromHash = sections.find((s) => location.hash && s.querySelector(location.hash.replace(/[^\w#-]/g, '')));
  let saved = null;
  try {
    saved = localStorage.getItem(key);
  } catch {
    /* storage blocked: nothing remembered */
  }
  const guess = /iPhone|iPad/.test(navigator.userAgent) ? 'ios' : /Android/.test(navigator.userAgent) ? 'android' : null;
  const choice = fromHash ? fromHash.dataset.platform : (saved ?? guess);
  if (choice && sections.some((s) => s.dataset.platform === choice)) show(choice);
}
