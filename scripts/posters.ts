/**
 * Poster tools for editors and print shops.
 *
 *   npm run posters -- --pdf                 one PDF per poster of the built site (dist/), with Chromium
 *   npm run posters -- --pdf --bleed 3       the same with 3 mm of bleed and crop marks, for a print shop
 *   npm run posters -- --publish CODE …      record codes as printed in content/published-links.yaml
 *   npm run posters -- --publish-all         record every active poster as printed
 *
 * LOA_SITE_DIR and --out work as for the build.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandOutDir, commandSiteDir, loadContentOrExit } from '../src/build/cli.ts';
import { publishCodes } from '../src/posters/ledger.ts';
import { serve } from '../src/build/static-server.ts';
import { CHROMIUM, launchBrowser } from '../src/build/chromium.ts';
import { filePath, pagePath } from '../src/lib/urls.ts';
import { useProjectFonts } from '../src/fonts/fontconfig.ts';
import { sheetMm } from '../src/posters/paper.ts';

const siteDir = commandSiteDir();
const args = process.argv.slice(2);
const outDir = commandOutDir(args, siteDir);
const content = loadContentOrExit(siteDir);
const { settings, posters } = content;

if (args.includes('--publish') || args.includes('--publish-all')) {
  const wanted = args.includes('--publish-all')
    ? posters.filter((p) => p.status === 'active').map((p) => p.code)
    : args.slice(args.indexOf('--publish') + 1).filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((code) => !posters.some((p) => p.code === code));
  if (wanted.length === 0 || unknown.length) {
    console.error(
      wanted.length
        ? `No poster has the code ${unknown.join(', ')}; codes are: ${posters.map((p) => p.code).join(', ')}`
        : 'Name the codes to publish: npm run posters -- --publish CODE …',
    );
    process.exit(1);
  }
  const added = publishCodes(siteDir, wanted, new Date().toISOString().slice(0, 10));
  console.log(added.length ? `Recorded as printed: ${added.join(', ')} (content/published-links.yaml). Commit it.` : 'Those codes were already recorded.');
} else if (args.includes('--pdf')) {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `Making PDFs needs Chromium, which was not found at ${CHROMIUM}.\nInstall Debian's Chromium with: sudo apt-get install chromium (or set CHROMIUM_PATH).`,
    );
    process.exit(1);
  }
  if (!existsSync(join(outDir, 'posters', 'index.html'))) {
    console.error(`No built posters in ${outDir}; run npm run build first.`);
    process.exit(1);
  }
  const bleed = bleedMm(args);
  const server = await serve(outDir, settings.base);
  // Poster pages bring their own fonts; Chromium sees only the project's too, so nothing on the page
  // can come from a font this machine happens to have: the PDF is the same on every machine.
  useProjectFonts();
  const browser = await launchBrowser({ FONTCONFIG_FILE: process.env.FONTCONFIG_FILE! });
  try {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
    let gallery = readFileSync(join(outDir, 'posters', 'index.html'), 'utf8');
    for (const poster of posters) {
      await page.goto(server.origin + pagePath(settings.base, 'posters', poster.code), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const file = join(outDir, 'posters', poster.code, `${poster.code}.pdf`);
      // With a bleed the sheet grows on every side: the colour band reaches into it, crop marks show the trim.
      const [w, h] = sheetMm(poster.paper, poster.orientation);
      if (bleed)
        await page.evaluate(
          ({ mm, width, height }) => {
            const sheet = document.querySelector<HTMLElement>('.sheet')!;
            sheet.classList.add('bleed');
            sheet.style.setProperty('--bleed', `${mm}mm`);
            const sheets = document.styleSheets;
            sheets[sheets.length - 1]!.insertRule(`@page { size: ${width}mm ${height}mm; margin: 0; }`, sheets[sheets.length - 1]!.cssRules.length);
          },
          { mm: bleed, width: w + 2 * bleed, height: h + 2 * bleed },
        );
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true }));
      const href = filePath(settings.base, 'posters', poster.code, `${poster.code}.pdf`);
      gallery = gallery.replace(`<span class="pdf" data-pdf="${href}"></span>`, ` · <a href="${href}">PDF</a>`);
      console.log(`${poster.code}: ${file}`);
    }
    // Each poster's hand-out cards (eight A7 on one A4 sheet) as a PDF of their own, linked from the gallery too.
    for (const poster of posters) {
      await page.goto(server.origin + pagePath(settings.base, 'posters', poster.code, 'cards'), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const file = join(outDir, 'posters', poster.code, `${poster.code}-cards.pdf`);
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true }));
      const href = filePath(settings.base, 'posters', poster.code, `${poster.code}-cards.pdf`);
      gallery = gallery.replace(`<span class="cards-pdf" data-pdf="${href}"></span>`, ` · <a href="${href}">PDF</a>`);
      console.log(`${poster.code} cards: ${file}`);
    }
    writeFileSync(join(outDir, 'posters', 'index.html'), gallery);
  } finally {
    await browser.close();
    await server.close();
  }
} else {
  console.error('Usage: npm run posters -- --pdf | --publish CODE … | --publish-all');
  process.exit(1);
}

/** The bleed asked for with `--bleed N` (millimetres, 0 to 10), 0 without it; exits with a message on a bad value. */
function bleedMm(args: string[]): number {
  const at = args.indexOf('--bleed');
  if (at === -1) return 0;
  const mm = Number(args[at + 1]);
  if (!Number.isFinite(mm) || mm < 0 || mm > 10) {
    console.error(`--bleed takes the bleed in millimetres, from 0 to 10 (print shops ask for 3); found ${args[at + 1] ?? 'nothing'}`);
    process.exit(1);
  }
  return mm;
}
