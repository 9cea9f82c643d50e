/**
 * Renders the demo campaign's screenshots: each SVG drawing in this folder becomes the PNG of
 * the same name in content/images/, drawn by sharp (librsvg) with the project's shipped Noto
 * fonts only, so the text looks the same on every machine. Run `npx node design/demo-screenshots/render.ts`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { useProjectFonts } from '../../src/fonts/fontconfig.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const images = join(here, '../../content/images');

useProjectFonts();
for (const file of readdirSync(here).filter((name) => name.endsWith('.svg'))) {
  const out = join(images, `${basename(file, '.svg')}.png`);
  // A palette of up to 256 colours keeps flat drawings crisp at a fraction of the size.
  await sharp(readFileSync(join(here, file)))
    .png({ palette: true, colours: 256, effort: 10, compressionLevel: 9 })
    .toFile(out);
  const { width, height } = await sharp(out).metadata();
  console.log(`${out}: ${width} × ${height}, ${Math.round(statSync(out).size / 1000)} KB`);
}
