import type { PaperSize } from '../model/schemas.ts';
import { lineCount, lineWidth } from './measure-text.ts';
import { sheetMm } from './paper.ts';
import { PAPER_SCALE, POSTER_TYPE, typeMm, type TypeName } from './poster-type.ts';

/** Spaces of a poster in millimetres on A4, scaled by paper; the stylesheet reads them from the sheet (see posterSpacesCss). */
export const POSTER_SPACE = {
  /** Margin left and right of the sheet's content. */
  pad: 11,
  /** Space above and below the band's text. */
  bandPad: 6,
  /** Height of a logo in the band. */
  logo: 13,
  /** Space between the band and the headline. */
  top: 8,
  /** Space between the headline, the subline or steps. */
  gap: 5,
  /** Space below each step. */
  step: 2.2,
  /** Space between the code and what is written beside it (and above the code block). */
  beside: 6,
  /** The arrow from the call to action towards the code. */
  arrow: 13,
  /** Space above the address. */
  address: 3,
  /** Space below the address, at the foot of the sheet. */
  bottom: 8,
} as const;

/** The spaces as CSS custom properties for the sheet (`--s-pad: 11mm; …`). */
export function posterSpacesCss(paper: PaperSize): string {
  return Object.entries(POSTER_SPACE)
    .map(([name, mm]) => `--s-${name}: ${(mm * PAPER_SCALE[paper]).toFixed(2)}mm`)
    .join('; ');
}

/** The narrowest column beside a portrait poster's code, as a share of the sheet's content width, before the call to action goes above the code. */
const MIN_SIDE_SHARE = 0.2;

/** What a poster prints, to be fitted on its sheet. */
export interface PosterText {
  paper: PaperSize;
  orientation: 'portrait' | 'landscape';
  /** Printed width of the code, quiet zone included. */
  qrMm: number;
  /** The poster's language, and the language its target's text is written in. */
  locale: string;
  textLocale: string;
  logo: boolean;
  organisation: string;
  headline: string;
  subline: string;
  steps: readonly string[];
  stepsFor?: string;
  moreSteps: string;
  cta: string;
  scan: string;
  safety: string;
  type: string;
  link: string;
  issued: string;
}

/** How a poster fits its sheet: how many of its steps, and what does not fit at all. */
export interface PosterFit {
  /** Portrait posters whose code leaves too narrow a column beside it have the call to action above it. */
  stacked: boolean;
  steps: number;
  /** Whether the subline fits, on a poster without steps. */
  subline: boolean;
  /** What does not fit whatever is left out: the field and what to change. */
  problems: { field: 'headline' | 'paper'; message: string }[];
}

/**
 * Fits a poster's text on its sheet at the sizes its reading distance asks for (type is never
 * made smaller to fit): as many key steps as there is room for, the rest said to be at the link;
 * a headline that leaves no room (a long call to action takes room from it) is a problem for the editor to fix.
 */
export function fitPoster(p: PosterText): PosterFit {
  const s = PAPER_SCALE[p.paper];
  const space = (name: keyof typeof POSTER_SPACE) => POSTER_SPACE[name] * s;
  const size = (name: TypeName) => typeMm(name, p.paper);
  const height = (name: TypeName, text: string, width: number, lang = p.locale, bold = false) =>
    lineCount(text, lang, size(name), width, bold) * size(name) * POSTER_TYPE[name].lineHeight;
  const [w, h] = sheetMm(p.paper, p.orientation);
  const content = w - 2 * space('pad');
  const landscape = p.orientation === 'landscape';

  // The band: logo, issuer, and the date at its end.
  const dateWidth = Math.min(content / 3, lineWidth(p.issued, p.locale, size('footer')));
  const bandText = content - dateWidth - space('bandPad') - (p.logo ? 3 * space('logo') + space('bandPad') : 0);
  const band =
    2 * space('bandPad') +
    Math.max(p.logo ? space('logo') : 0, height('band', p.organisation, bandText, p.locale, true), height('footer', p.issued, dateWidth));
  // Landscape: the code on the right, the text and the call to action on the left. Portrait: the call to
  // action beside the code, or above it when the code leaves too narrow a column beside it.
  const stacked = !landscape && content - p.qrMm - space('beside') < content * MIN_SIDE_SHARE;
  const column = landscape ? content - p.qrMm - 2 * space('beside') : stacked ? content : content - p.qrMm - space('beside');
  const textWidth = landscape ? column : content;

  // The address, across the sheet below everything else: how to type it and the short link, on one line when they fit.
  const oneLine = lineWidth(p.type, p.locale, size('near')) + 0.5 * size('near') + lineWidth(p.link, p.locale, size('link'), true) <= content;
  const address =
    space('address') +
    (oneLine ? size('link') * POSTER_TYPE.link.lineHeight : height('near', p.type, content) + height('link', p.link, content, p.locale, true)) +
    space('bottom');

  // The call to action, how to scan (not in landscape, where the code is beside the text) and the safety line.
  const cta = height('cta', p.cta, column, p.locale, true);
  const safety = height('safety', p.safety, column - 2 * space('step'));
  const scan = landscape ? 0 : height('near', p.scan, column) + space('beside');
  const side = (landscape ? space('beside') : space('arrow')) + cta + space('beside') + scan + safety;
  const problems: PosterFit['problems'] = [];

  let room: number;
  if (landscape) {
    if (space('top') + p.qrMm + address > h - band)
      problems.push({ field: 'paper', message: `the code does not fit on ${p.paper} landscape; print portrait or on bigger paper` });
    room = h - band - space('top') - side - address;
  } else {
    const block = stacked ? side + space('beside') + p.qrMm : Math.max(p.qrMm, side);
    room = h - band - space('top') - space('beside') - block - address;
  }
  const headline = height('headline', p.headline, textWidth, p.textLocale, true);
  const stepWidth = textWidth - 1.75 * size('near');
  const stepHeights = p.steps.map((step) => height('near', step, stepWidth, p.textLocale) + space('step'));
  const fixed = headline + space('gap') + (p.stepsFor ? height('near', p.stepsFor, textWidth, p.locale, true) + 2 * s : 0);
  if (p.steps.length === 0) {
    if (headline > room) problems.push({ field: 'headline', message: tooLong(p, headline, room) });
    return { stacked, steps: 0, subline: headline + space('gap') + height('subline', p.subline, textWidth, p.textLocale) <= room, problems };
  }
  let shown = p.steps.length;
  const total = (n: number) =>
    fixed + stepHeights.slice(0, n).reduce((a, b) => a + b, 0) + (n < p.steps.length ? height('near', p.moreSteps, textWidth, p.locale, true) : 0);
  while (shown > 0 && total(shown) > room) shown--;
  if (shown === 0) problems.push({ field: 'headline', message: tooLong(p, total(1), room) });
  return { stacked, steps: shown, subline: false, problems };
}

/** What to say of a headline that leaves no room for a step. */
function tooLong(p: PosterText, needed: number, room: number): string {
  return `too long for ${p.paper} ${p.orientation}: at the size read from three metres it needs about ${Math.round(needed)} mm of the ${Math.round(Math.max(room, 0))} mm there is room for; write a shorter headline for the poster (headline: …), or print on bigger paper`;
}
