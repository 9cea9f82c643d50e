import { PAPER_SIZES, QR_LEVELS, type PaperSize } from '../model/schemas.ts';
import { maxCodeMm, MAX_CODE_SHARE, MODULE_MM_PER_M, PAPER_MM, printedCode, type PrintedCode } from './paper.ts';
import { makeQr, type QrLevel, type QrMatrix, type QrMode } from './qr.ts';
import { codeLink } from './short-links.ts';

/** A poster's QR code as it is printed: what it encodes, its modules and its printed size. */
export interface PosterCode extends PrintedCode {
  /** The text the code encodes: the short link in capitals, or as written under a base path. */
  text: string;
  mode: QrMode;
  qr: QrMatrix;
}

/** The fields of a poster its code depends on. */
export interface CodedPoster {
  code: string;
  paper: PaperSize;
  level: QrLevel;
}

/** A poster's code, sized for its paper's scanning distance: one source for the check, the pages and the files. */
export function posterCode(poster: CodedPoster, site: string, base: string): PosterCode {
  const { text, mode } = codeLink(site, base, poster.code);
  const qr = makeQr(text, poster.level, mode);
  return { text, mode, qr, ...printedCode(poster.paper, qr.size) };
}

function fits(poster: CodedPoster, site: string, base: string): boolean {
  return posterCode(poster, site, base).widthMm <= maxCodeMm(poster.paper);
}

/** The longest site address (`https://` included) a poster's code fits its paper with, or 0 when none does. */
function longestSite(poster: CodedPoster, site: string, base: string): number {
  const { protocol } = new URL(site);
  let length = site.replace(/\/$/, '').length;
  while (length > protocol.length + 3) {
    length--;
    if (fits(poster, `${protocol}//${'x'.repeat(length - protocol.length - 2)}`, base)) return length;
  }
  return 0;
}

/** `A`, `A or B`, `A, B or C`. */
function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');
}

/**
 * Why a poster's code cannot be printed on its paper so that it scans from the paper's distance
 * with room left for the text, with what would make it fit; undefined when it fits.
 */
export function codeSizeProblem(poster: CodedPoster, site: string, base: string): string | undefined {
  const code = posterCode(poster, site, base);
  const limit = maxCodeMm(poster.paper);
  if (code.widthMm <= limit) return undefined;
  const short = Math.min(...PAPER_MM[poster.paper]);
  const papers = PAPER_SIZES.slice(PAPER_SIZES.indexOf(poster.paper) + 1).filter((paper) => fits({ ...poster, paper }, site, base));
  const levels = QR_LEVELS.slice(0, QR_LEVELS.indexOf(poster.level)).filter((level) => fits({ ...poster, level }, site, base));
  const address = site.replace(/\/$/, '');
  const longest = longestSite(poster, site, base);
  const advice = [
    papers.length ? `a bigger paper (paper: ${orList(papers)})` : undefined,
    longest ? `a shorter site address (at most ${longest} characters; ${address} has ${address.length})` : undefined,
    levels.length ? `a lower error-correction level (level: ${orList(levels.reverse())})` : undefined,
  ].filter(Boolean);
  if (!advice.length) {
    // No one change is enough: say what the largest paper at the lowest level needs.
    const largest = { ...poster, paper: PAPER_SIZES[PAPER_SIZES.length - 1]!, level: QR_LEVELS[0] };
    const needed = longestSite(largest, site, base);
    advice.push(
      needed
        ? `paper: ${largest.paper} and level: ${largest.level} with a site address of at most ${needed} characters (${address} has ${address.length})`
        : `a shorter base path (${base})`,
    );
  }
  return (
    `the QR code is too big to scan from ${code.distanceM} m on ${poster.paper}: at ${MODULE_MM_PER_M} mm a module per metre, ` +
    `its ${code.qr.size} modules (version ${code.qr.version} at level ${poster.level}, for ${code.text}) are ${code.moduleMm} mm each, ` +
    `${code.widthMm} mm with the quiet zone, more than the ${limit} mm (${Math.round(MAX_CODE_SHARE * 100)} % of the sheet's shorter side, ${short} mm) ` +
    `that leave room for the text; use ${advice.join(', or ')}`
  );
}
