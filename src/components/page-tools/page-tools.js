/* global document, navigator, window, matchMedia, setTimeout, clearTimeout, addEventListener, SpeechSynthesisUtterance */
// What makes the row of PageTools.astro work (part of src/layouts/PageScript.astro): Share shown at
// once, Listen once the phone has a voice for the content's language.
(() => {
  const tools = document.querySelector('.page-tools');
  if (!tools) return;
  const $ = (selector) => tools.querySelector(selector);
  const labelOf = (button, text) => (button.querySelector('span').textContent = text);

  // Share: the phone's share sheet, or the link copied, said in the live region.
  const share = $('.share');
  const status = $('[role=status]');
  const field = $('.page-tools-link');
  const url = field.querySelector('input').value;
  let quiet;
  const say = (text) => {
    status.textContent = text;
    clearTimeout(quiet);
    quiet = setTimeout(() => (status.textContent = ''), 5000);
  };
  share.hidden = false;
  share.addEventListener('click', async () => {
    if (navigator.share) {
      try {
        return await navigator.share({ title: document.title, url });
      } catch (error) {
        if (error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      say(share.dataset.copied);
    } catch {
      field.hidden = false;
      field.querySelector('input').focus();
      field.querySelector('input').select();
      say(field.querySelector('span').textContent);
    }
  });

  // Listen: the title, the summary, then each block of the body, one at a time, each as its turn comes if shown.
  const synth = window.speechSynthesis;
  if (!synth || !window.SpeechSynthesisUtterance) return;
  const listen = $('.listen');
  const stop = $('.stop');
  const article = tools.closest('article');
  const lang = article.querySelector('h1').closest('[lang]').lang;
  const base = (code) => code.toLowerCase().replace('_', '-').split('-')[0];
  let voice = null;
  const findVoice = () => {
    const voices = synth.getVoices().filter((v) => base(v.lang) === base(lang));
    voice = voices.find((v) => v.localService) || voices[0] || null;
    if (!voice && listen.dataset.state !== 'idle') end();
    listen.hidden = !voice;
  };
  let blocks = [];
  let at = 0;
  let current = null;
  // The Listen button's icon in each state: the speaker the page draws, Pause, Resume.
  const icons = { idle: listen.querySelector('path').getAttribute('d'), speaking: 'M8 5v14M16 5v14', paused: 'M7 5v14l12-7z' };
  const show = (state) => {
    listen.dataset.state = state;
    labelOf(listen, listen.dataset[state]);
    listen.querySelector('path').setAttribute('d', icons[state]);
    stop.hidden = state === 'idle';
  };
  const mark = (block) => {
    for (const el of article.querySelectorAll('.reading-aloud')) el.classList.remove('reading-aloud');
    if (!block) return;
    block.classList.add('reading-aloud');
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    block.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  };
  const quietly = () => {
    current = null;
    synth.cancel();
  };
  const end = () => {
    quietly();
    at = 0;
    mark(null);
    if (document.activeElement === stop) listen.focus();
    show('idle');
  };
  // A block's words, each line ending as a sentence, so the voice pauses after a step's number.
  const words = (el) =>
    el.innerText
      .split(/\s*\n\s*/)
      .filter(Boolean)
      .map((line) => (/[.!?:;。！？：；។]$/.test(line) ? line : line + '.'))
      .join(' ');
  const next = () => {
    // What the page does not show is not read: the other phone's section, a summary shown on wide screens only.
    while (at < blocks.length && !blocks[at].getClientRects().length) at++;
    if (at >= blocks.length) return end();
    const utterance = new SpeechSynthesisUtterance(words(blocks[at]));
    utterance.lang = lang;
    utterance.voice = voice;
    utterance.onend = () => {
      if (current !== utterance) return;
      at++;
      next();
    };
    utterance.onerror = () => current === utterance && end();
    current = utterance;
    mark(blocks[at]);
    synth.speak(utterance);
  };
  listen.addEventListener('click', () => {
    const state = listen.dataset.state;
    if (state === 'speaking') {
      quietly();
      return show('paused');
    }
    if (state === 'idle') {
      const body = [...article.querySelectorAll('.body :is(h2, h3, h4, p, li, blockquote, dt, dd, th, td)')];
      const own = body.filter((el) => !el.parentElement.closest('li, blockquote, dd, th, td') && el.innerText.trim());
      blocks = [article.querySelector('h1'), article.querySelector('.lead'), ...own].filter(Boolean);
      at = 0;
      quietly();
    }
    show('speaking');
    next();
  });
  stop.addEventListener('click', end);
  addEventListener('pagehide', () => listen.dataset.state !== 'idle' && end());
  synth.addEventListener('voiceschanged', findVoice);
  findVoice();
})();
