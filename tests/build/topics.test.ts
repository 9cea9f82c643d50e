import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

// The campaign fixture declares its topics in site.yaml: evacuation (vi, en), app (vi, en, zh),
// volunteers (vi, en); zh falls back zh → en → vi.
const campaign = builtSite('campaign');

/** The topics a built message page shows: label, its lang attribute, and whether the search indexes it as a filter. */
function topicsOn(file: string) {
  const $ = page(campaign, file);
  return $('.topics span')
    .toArray()
    .map((el) => ({ text: $(el).text(), lang: $(el).attr('lang'), filter: $(el).attr('data-pagefind-filter') }));
}

/** The topic filter values of a locale's search index, read from Pagefind's filter files (gzip, then a `pagefind_dcd` header). */
function indexedTopics(locale: string): string {
  const folder = join(campaign, 'pagefind/filter');
  const files = readdirSync(folder).filter((f) => f.startsWith(`${locale}_`));
  const texts = files.map((f) => gunzipSync(readFileSync(join(folder, f))).toString('utf8'));
  const topics = texts.filter((t) => t.includes('topic'));
  expect(topics).toHaveLength(1);
  return topics[0]!;
}

describe('topics are shown by their label in the reader’s language', () => {
  it('on message pages, with the search filter on a locale’s own pages', () => {
    expect(topicsOn('vi/messages/know-your-route/index.html')).toEqual([{ text: 'Sơ tán', lang: undefined, filter: 'topic' }]);
    expect(topicsOn('en/messages/sign-up-for-warnings/index.html')).toEqual([{ text: 'The warning app', lang: undefined, filter: 'topic' }]);
    expect(topicsOn('zh/messages/sign-up-for-warnings/index.html')).toEqual([{ text: '预警应用', lang: undefined, filter: 'topic' }]);
    // zh has no label of its own for evacuation: the English one, marked as English; a page shown
    // from a fallback locale is not in the search index.
    expect(topicsOn('zh/messages/know-your-route/index.html')).toEqual([{ text: 'Evacuation', lang: 'en', filter: undefined }]);
    // en has no sandbag-day of its own: the page is Vietnamese, its topic the reader's English label.
    expect(topicsOn('en/messages/sandbag-day/index.html')).toEqual([{ text: 'Volunteers', lang: undefined, filter: undefined }]);
  });

  it('in the RSS feed as categories and in the JSON Feed as tags', () => {
    const rss = parseFeed(readFileSync(join(campaign, 'vi/messages/feed.xml'), 'utf8'));
    const categories = Object.fromEntries(rss.items.map((item) => [new URL(item.url!).pathname, item.categories.map((c) => c.term)]));
    expect(categories).toEqual({
      '/vi/messages/know-your-route/': ['Sơ tán'],
      '/vi/messages/sandbag-day/': ['Tình nguyện viên'],
      '/vi/messages/sign-up-for-warnings/': ['Ứng dụng cảnh báo'],
    });
    const json = JSON.parse(readFileSync(join(campaign, 'zh/messages/feed.json'), 'utf8')) as { items: { url: string; tags?: string[] }[] };
    expect(json.items.map((item) => [new URL(item.url).pathname, item.tags])).toEqual([['/zh/messages/sign-up-for-warnings/', ['预警应用']]]);
    // Guides have no topics, and their feeds no tags.
    const guides = JSON.parse(readFileSync(join(campaign, 'vi/guides/feed.json'), 'utf8')) as { items: { tags?: string[] }[] };
    for (const item of guides.items) expect(item.tags).toBeUndefined();
  });

  it('as the values of the search index’s topic filter', () => {
    const vi = indexedTopics('vi');
    for (const label of ['Sơ tán', 'Tình nguyện viên', 'Ứng dụng cảnh báo']) expect(vi).toContain(label);
    expect(indexedTopics('en')).toContain('The warning app');
    expect(indexedTopics('zh')).toContain('预警应用');
    for (const locale of ['vi', 'en', 'zh']) for (const slug of ['evacuation', 'volunteers']) expect(indexedTopics(locale)).not.toContain(slug);
  });
});
