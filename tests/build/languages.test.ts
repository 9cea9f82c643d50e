import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { guideBudget } from '../helpers/budget.ts';
import { htmlFiles, page } from '../helpers/dist.ts';
import { ROOT, runBuild } from '../helpers/sites.ts';

/**
 * The `languages` fixture: vi, en, zh (falling back to vi, then en) and ar (right to left, falling
 * back to en, then vi). book-a-test exists in vi, en and ar; connect-wi-fi in vi only; zh and vi
 * each have a message of their own and en translates vi's.
 */
function builtLanguages(): string {
  const out = join(inject('runOutput'), 'languages');
  if (existsSync(`${out}.built`)) return out;
  const result = runBuild(join(ROOT, 'tests/fixtures/languages'), out);
  if (result.status !== 0) throw new Error(`Building the languages fixture failed:\n${result.output}`);
  writeFileSync(`${out}.built`, '');
  return out;
}

const dir = builtLanguages();

describe('a page shown from a fallback offers every language that has it', () => {
  it('names the language shown and links to each other language’s own page, natively named, with lang and hreflang', () => {
    const $ = page(dir, 'zh/guides/book-a-test/index.html');
    const note = $('[role=note]');
    expect(note).toHaveLength(1);
    expect(note.find('.notice').text()).toBe('本页还没有中文版本，以下显示的是越南语版本。');
    const links = note
      .find('a')
      .map((_, el) => ({ href: $(el).attr('href'), lang: $(el).attr('lang'), hreflang: $(el).attr('hreflang'), dir: $(el).attr('dir'), text: $(el).text() }))
      .get();
    expect(links).toEqual([
      { href: '/en/guides/book-a-test/', lang: 'en', hreflang: 'en', dir: 'ltr', text: 'English' },
      { href: '/ar/guides/book-a-test/', lang: 'ar', hreflang: 'ar', dir: 'rtl', text: 'العربية' },
    ]);
    // In the reader's words, with no space after a full-width colon.
    expect(note.find('.also').text()).toBe('其他语言版本：English العربية');
    // Each link leads to a real page in its language, not to a fallback.
    for (const { href, lang } of links) {
      const target = page(dir, `${href!.slice(1)}index.html`);
      expect(target('html').attr('lang')).toBe(lang);
      expect(target('[role=note]')).toHaveLength(0);
    }
  });

  it('leaves out the language shown and the reader’s own, and works the same in every locale', () => {
    // A locale's own page has no notice.
    expect(page(dir, 'ar/guides/book-a-test/index.html')('[role=note]')).toHaveLength(0);
    // connect-wi-fi exists only in vi: en, zh and ar name Vietnamese and offer nothing more.
    for (const locale of ['en', 'zh', 'ar']) {
      const $ = page(dir, `${locale}/guides/connect-wi-fi/index.html`);
      expect($('[role=note] .notice')).toHaveLength(1);
      expect($('[role=note] a')).toHaveLength(0);
      expect($('[role=note] .also')).toHaveLength(0);
    }
    // The en message translates vi's; ar (→ en → vi) shows en's and offers vi's.
    const $ = page(dir, 'ar/messages/open-days/index.html');
    expect(
      $('[role=note] a')
        .map((_, el) => `${$(el).attr('href')} ${$(el).attr('hreflang')} ${$(el).text()}`)
        .get(),
    ).toEqual(['/vi/messages/open-days/ vi Tiếng Việt']);
  });

  it('is in the page before its article, readable without JavaScript', () => {
    const $ = page(dir, 'zh/guides/book-a-test/index.html');
    expect($('main > [role=note] + article')).toHaveLength(1);
    expect($('main script')).toHaveLength(0);
  });
});

describe('lists mark items written in another language', () => {
  const marks = ($: ReturnType<typeof page>, items: string) =>
    $(items)
      .map((_, li) => {
        const heading = $(li).find('h2, h3').first();
        return {
          title: heading.find('a').text(),
          lang: heading.attr('lang'),
          dir: heading.attr('dir'),
          summary: $(li).find('p:not(.meta, .card-meta)').attr('lang'),
          mark: heading.find('.lang-mark').text() || undefined,
        };
      })
      .get();

  it('on the home page, guides and latest messages: lang on title and summary, and the language’s own name', () => {
    const $ = page(dir, 'zh/index.html');
    expect(marks($, '.cards li')).toEqual([
      { title: 'Đặt lịch xét nghiệm Covid-19 qua điện thoại', lang: 'vi', dir: undefined, summary: 'vi', mark: 'Tiếng Việt' },
      { title: 'Kết nối Wi-Fi ở trạm y tế', lang: 'vi', dir: undefined, summary: 'vi', mark: 'Tiếng Việt' },
      { title: '扫描健康码', lang: undefined, dir: undefined, summary: undefined, mark: undefined },
    ]);
    expect(marks($, '.messages li')).toEqual([
      { title: 'Trạm y tế mở cửa cả thứ bảy', lang: 'vi', dir: undefined, summary: 'vi', mark: 'Tiếng Việt' },
      { title: '在卫生站请戴口罩', lang: undefined, dir: undefined, summary: undefined, mark: undefined },
    ]);
    // The campaign's name has no Chinese text: the Vietnamese one is marked as such.
    expect($('h1').attr('lang')).toBe('vi');
    expect($('.lead').first().attr('lang')).toBeUndefined();
  });

  it('on the guide, message and search lists, with the direction of a right-to-left list’s left-to-right items', () => {
    expect(marks(page(dir, 'zh/guides/index.html'), '.cards li').map((m) => m.mark)).toEqual(['Tiếng Việt', 'Tiếng Việt', undefined]);
    expect(marks(page(dir, 'zh/search/index.html'), '.cards li').map((m) => m.mark)).toEqual(['Tiếng Việt', 'Tiếng Việt', undefined]);
    expect(marks(page(dir, 'zh/messages/index.html'), '.messages li')).toHaveLength(2);
    expect(marks(page(dir, 'ar/messages/index.html'), '.messages li')).toEqual([
      { title: 'The health station opens on Saturdays too', lang: 'en', dir: 'ltr', summary: 'en', mark: 'English' },
    ]);
    expect(marks(page(dir, 'ar/guides/index.html'), '.cards li').map((m) => [m.lang, m.mark])).toEqual([
      [undefined, undefined],
      ['vi', 'Tiếng Việt'],
    ]);
  });

  it('never on a locale’s own items', () => {
    for (const file of ['vi/index.html', 'vi/guides/index.html', 'vi/messages/index.html', 'en/messages/index.html']) {
      const $ = page(dir, file);
      expect([file, $('.lang-mark').length]).toEqual([file, 0]);
      expect([file, $('.cards [lang], .messages [lang]').length]).toEqual([file, 0]);
    }
  });
});

describe('short hyphenated words stay on one line', () => {
  const kept = ($: ReturnType<typeof page>, selector: string) =>
    $(selector)
      .find('.nowrap')
      .map((_, el) => $(el).text())
      .get();

  it('in titles, summaries and bodies, with the text as written', () => {
    const $ = page(dir, 'vi/guides/connect-wi-fi/index.html');
    expect(kept($, 'h1')).toEqual(['-Fi']);
    expect($('h1').text()).toBe('Kết nối Wi-Fi ở trạm y tế');
    expect(kept($, '.lead')).toEqual(['-Fi']);
    // A number or up to three letters after the hyphen, or one letter before it; not in code.
    expect(kept($, '.body')).toEqual(['-Fi', '-19', '-CoV-2', '-mail', '-Fi', '-2021']);
    expect($('.body').text()).toContain('Covid-19, SARS-CoV-2 và well-being');
    expect($('.body code').html()).toBe('Covid-19');
    expect(kept(page(dir, 'zh/index.html'), '.cards')).toEqual(['-19', '-19', '-Fi', '-Fi']);
    expect(kept(page(dir, 'vi/messages/index.html'), 'main')).toEqual([]);
  });

  it('the search index and its titles hold the text as typed', () => {
    const fragments = join(dir, 'pagefind/fragment');
    const indexed = readdirSync(fragments)
      .filter((f) => f.startsWith('vi_'))
      .map(
        (f) =>
          JSON.parse(
            gunzipSync(readFileSync(join(fragments, f)))
              .subarray(12)
              .toString('utf8'),
          ) as { content: string; meta: Record<string, string> },
      );
    const guide = indexed.find((f) => f.meta.title === 'Kết nối Wi-Fi ở trạm y tế');
    expect(guide?.content).toContain('Hướng dẫn chống Covid-19, SARS-CoV-2 và well-being có trong tờ rơi; gửi e-mail nếu cần.');
    expect(indexed.find((f) => f.meta.title === 'Đặt lịch xét nghiệm Covid-19 qua điện thoại')?.meta.summary).toBe(
      'Gọi điện đặt lịch xét nghiệm Covid-19 để không phải chờ lâu ở trạm y tế.',
    );
  });
});

describe('the fixture’s pages', () => {
  it('are valid HTML (Nu Html Checker)', () => {
    const vnu = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
    const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', '--skip-non-html', dir], { encoding: 'utf8', maxBuffer: 32 * 2 ** 20 });
    if (result.error) throw new Error(`Java could not be started (${result.error.message}); npm run test:build installs Debian's Java when missing`);
    expect(`${result.stdout}${result.stderr}`.split('\n').filter(Boolean)).toEqual([]);
  });

  it('stay within the guide budget with a notice and marks', () => {
    for (const file of htmlFiles(dir).filter((f) => /^(vi|en|zh|ar)\/(guides\/[^/]+\/)?index\.html$/.test(f))) {
      const weight = guideBudget(dir, file);
      expect([file, weight.bytes <= 15 * 1024, weight.requests <= 4, weight.nodes <= 300]).toEqual([file, true, true, true]);
    }
  });
});
