/**
 * The code a website pastes to show a guide's card (EmbedCard.astro) in an iframe. The card keeps
 * its title to two lines, its summary to three and its facts to two, so at 300 px wide or more it
 * is never taller than EMBED_HEIGHT (measured in Chromium; see tests/browser/odd-corners.test.ts).
 */
export const EMBED_HEIGHT = 240;

/** The iframe snippet for a card at `url` (absolute), titled `title`. */
export function embedSnippet(url: string, title: string): string {
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${attr(url)}" title="${attr(title)}" width="100%" height="${EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>`;
}
