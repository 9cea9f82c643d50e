import { describe, expect, it } from 'vitest';
import { guideBudget } from '../helpers/budget.ts';
import { htmlFiles, linkedFile, page, urlPathOf } from '../helpers/dist.ts';
import { SITES, builtSite, siteAddress } from '../helpers/sites.ts';

// The row of Listen and Share tools (issue 16) in the built campaign fixture, at the root and
// under a base path: where it is, what it carries, and that guides keep to their budget with it.
const SITE_NAMES = ['campaign', 'campaign-base'] as const;
const ENTRY = /^[^/]+\/(guides|messages)\/[^/]+\/index\.html$/;
const LABELS = { vi: ['Nghe đọc', 'Chia sẻ'], zh: ['朗读', '分享'], en: ['Listen', 'Share'] } as const;

describe.each(SITE_NAMES)('%s', (name) => {
  const dir = builtSite(name);
  const base = SITES[name].base;
  const entries = htmlFiles(dir).filter((file) => ENTRY.test(file) && !page(dir, file)('meta[http-equiv=refresh]').length);

  it('every guide and message has its tools at the end of the row of facts right after its title, hidden until their script shows them', () => {
    expect(entries.length).toBeGreaterThan(10);
    for (const file of entries) {
      const $ = page(dir, file);
      const row = $('.page-tools');
      expect(row.length, file).toBe(1);
      expect(row.parent().is('.entry-meta'), file).toBe(true);
      expect(row.parent().prev().is('article > h1'), file).toBe(true);
      expect(row.next().length, file).toBe(0);
      expect(row.prev().is('.facts, .meta'), file).toBe(true);
      expect(row.attr('data-pagefind-ignore'), file).toBe('');
      expect(row.find('button').length, file).toBe(3);
      expect(row.find('button:not([hidden])').length, file).toBe(0);
      expect(row.find('label[hidden] input[readonly]').length, file).toBe(1);
      expect(row.find('[role=status]').length, file).toBe(1);
      // Its script, a file of the site's, comes after the content it reads, outside main.
      const scripts = $('script[type=module][src]').filter((_, el) => linkedFile(dir, $(el).attr('src')!, base).includes('.page-tools'));
      expect(scripts.length, file).toBe(1);
      expect(scripts.parent().is('body'), file).toBe(true);
      // Labels in the reader's language, also on a page shown from a fallback.
      const locale = file.split('/')[0] as keyof typeof LABELS;
      expect([row.find('.listen span').text(), row.find('.share span').text()], file).toEqual(LABELS[locale]);
    }
  });

  it('shares the address of the page the reader is on', () => {
    for (const file of entries) {
      const address = `${siteAddress(name)}${urlPathOf(file, base)}`;
      const $ = page(dir, file);
      expect($('.page-tools input').attr('value'), file).toBe(address);
    }
  });

  it('other pages have no row of tools; every page marks `html.js` before its body', () => {
    for (const file of htmlFiles(dir)) {
      const $ = page(dir, file);
      if (!ENTRY.test(file)) expect($('.page-tools').length, file).toBe(0);
      if ($('body .site-header').length) expect($('head script').first().html()?.trim(), file).toBe("document.documentElement.classList.add('js');");
    }
  });

  it('guides stay within the budget with the tools: ≤ 15 KB gzip, ≤ 4 requests before images, ≤ 300 DOM nodes', () => {
    const guides = entries.filter((file) => file.includes('/guides/'));
    expect(guides.length).toBeGreaterThan(3);
    for (const file of guides) {
      const { bytes, requests, nodes } = guideBudget(dir, file, base);
      expect(bytes, file).toBeLessThanOrEqual(15 * 1024);
      expect(requests, file).toBeLessThanOrEqual(4);
      expect(nodes, file).toBeLessThanOrEqual(300);
    }
  });
});
