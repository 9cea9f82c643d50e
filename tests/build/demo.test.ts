/**
 * The one test of the campaign in content/ (the demo, or whatever campaign replaced it): it
 * builds, public/ is copied, nothing links nowhere, guide pages keep the budget and every
 * poster's code decodes to its short link. Every expectation is read from content/ itself, so
 * any campaign passes it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findBrokenRefs } from '../helpers/crawl.ts';
import { guideBudget } from '../helpers/budget.ts';
import { page } from '../helpers/dist.ts';
import { decodeQr } from '../helpers/qr-decode.ts';
import { ROOT, builtSite, ownSlugs } from '../helpers/sites.ts';

const CONTENT = join(ROOT, 'content');
/** A YAML file; with `text`, every value as written (poster codes such as 2e3 stay text, as the engine reads them). */
const yamlOf = (path: string, text = false): unknown => parse(readFileSync(path, 'utf8'), text ? { schema: 'failsafe' } : {});

const settings = yamlOf(join(CONTENT, 'site.yaml')) as { site: string; base?: string; defaultLocale?: string; locales: { code: string }[] };
const ORIGIN = new URL(settings.site).origin;
const trimmedBase = (settings.base ?? '').replace(/^\/+|\/+$/g, '');
const BASE = trimmedBase ? `/${trimmedBase}/` : '/';
const LOCALES = settings.locales.map((locale) => locale.code);

const slugs = (locale: string, kind: string) => ownSlugs(ROOT, locale, kind);

const postersFolder = join(CONTENT, 'posters');
const posters = (existsSync(postersFolder) ? readdirSync(postersFolder).filter((f) => /\.ya?ml$/.test(f)) : []).map(
  (file) => yamlOf(join(postersFolder, file), true) as { code: string; target: string; status?: string },
);

const demo = builtSite('demo');

describe(`the campaign in content/ (${LOCALES.join(', ')}; ${posters.length} posters)`, () => {
  it('builds every page it has, in every locale', () => {
    const defaultLocale = settings.defaultLocale ?? LOCALES[0]!;
    for (const locale of LOCALES) {
      expect(existsSync(join(demo, locale, 'index.html')), locale).toBe(true);
      // A locale shows its own pages, and those of the default locale, which ends every fallback chain.
      for (const kind of ['guides', 'messages']) {
        for (const slug of new Set([...slugs(locale, kind), ...slugs(defaultLocale, kind)])) {
          expect(existsSync(join(demo, locale, kind, slug, 'index.html')), `${locale}/${kind}/${slug}`).toBe(true);
        }
      }
    }
  });

  it('copies every file of public/ as it is', () => {
    const publicDir = join(ROOT, 'public');
    const files = readdirSync(publicDir, { recursive: true, encoding: 'utf8' }).filter(
      (file) => statSync(join(publicDir, file)).isFile() && !file.endsWith('.gitkeep'),
    );
    for (const file of files) expect(readFileSync(join(demo, file)).equals(readFileSync(join(publicDir, file))), file).toBe(true);
  });

  it('has no broken internal link, asset or fragment', () => {
    expect(findBrokenRefs(demo, ORIGIN, BASE)).toEqual([]);
  });

  it('keeps every guide page within budget: ≤ 15 KB gzip, ≤ 4 requests before images, ≤ 300 DOM nodes', () => {
    const guides = LOCALES.flatMap((locale) =>
      [...new Set(LOCALES.flatMap((l) => slugs(l, 'guides')))].map((slug) => `${locale}/guides/${slug}/index.html`),
    ).filter((file) => existsSync(join(demo, file)));
    expect(guides.length).toBeGreaterThan(0);
    for (const file of guides) {
      const { bytes, requests, nodes } = guideBudget(demo, file, BASE);
      expect(bytes, file).toBeLessThanOrEqual(15 * 1024);
      expect(requests, file).toBeLessThanOrEqual(4);
      expect(nodes, file).toBeLessThanOrEqual(300);
    }
  });

  it('prints on every poster a code that decodes to its short link, which leads to its page', async () => {
    for (const poster of posters) {
      const { code } = poster;
      // At the domain's root, codes encode the short link in capitals (fewer modules), which the site serves too.
      const shortLink = BASE === '/' ? `${ORIGIN}/p/${code}/`.toUpperCase() : `${ORIGIN}${BASE}p/${code}/`;
      if (BASE === '/') expect(readFileSync(join(demo, 'P', code.toUpperCase(), 'index.html'))).toEqual(readFileSync(join(demo, 'p', code, 'index.html')));
      const decoded = await decodeQr(readFileSync(join(demo, 'posters', code, 'qr.png')));
      expect(
        decoded.map((d) => d.text),
        code,
      ).toEqual([shortLink]);
      const $ = page(demo, `p/${code}/index.html`);
      const refresh = $('meta[http-equiv=refresh]').attr('content') ?? '';
      const [locale] = poster.target.split('/');
      const expected = poster.status === 'retired' ? `${BASE}${locale}/` : `${BASE}${poster.target}/`;
      // A retired poster's page has no timed refresh, only its link to the campaign home.
      expect(poster.status === 'retired' ? $('main a').attr('href') : /url=(.+)$/.exec(refresh)?.[1], code).toBe(expected);
      expect(existsSync(join(demo, expected.slice(BASE.length), 'index.html')), expected).toBe(true);
    }
  });
});
