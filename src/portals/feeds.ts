import { escapeXml as xml } from '../lib/xml.ts';

/** One item of a feed. */
export interface FeedItem {
  title: string;
  /** Absolute address of the page. */
  url: string;
  summary: string;
  /** YYYY-MM-DD, when the item has a date. */
  date?: string;
  image?: string;
  /** Labels of its topics in the feed's language: RSS `<category>`, JSON Feed `tags`. */
  tags?: string[];
}

/** A feed of one kind of page in one locale. */
export interface Feed {
  title: string;
  description: string;
  /** Absolute address of the list page the feed follows. */
  home: string;
  /** Absolute address of the feed itself. */
  self: string;
  language: string;
  items: FeedItem[];
}

const rfc822 = (day: string) => new Date(`${day}T00:00:00Z`).toUTCString();

/** The feed as RSS 2.0. */
export function rss(feed: Feed): string {
  const items = feed.items.map(
    (item) =>
      `<item><title>${xml(item.title)}</title><link>${xml(item.url)}</link><guid isPermaLink="true">${xml(item.url)}</guid><description>${xml(item.summary)}</description>${(item.tags ?? []).map((tag) => `<category>${xml(tag)}</category>`).join('')}${item.date ? `<pubDate>${rfc822(item.date)}</pubDate>` : ''}</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(feed.title)}</title><link>${xml(feed.home)}</link><description>${xml(feed.description)}</description><language>${xml(feed.language)}</language><atom:link href="${xml(feed.self)}" rel="self" type="application/rss+xml"/>${items.join('')}</channel></rss>\n`;
}

/** The feed as JSON Feed 1.1, without indentation: a feed is read by programs, and polled often. */
export function jsonFeed(feed: Feed): string {
  return `${JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.home,
    feed_url: feed.self,
    description: feed.description,
    language: feed.language,
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      // The summary is all the feed carries of a page, so it is the item's text (one of the
      // two texts JSON Feed requires), not repeated as its `summary` too.
      content_text: item.summary,
      ...(item.image ? { image: item.image } : {}),
      ...(item.date ? { date_published: `${item.date}T00:00:00Z` } : {}),
      ...(item.tags?.length ? { tags: item.tags } : {}),
    })),
  })}\n`;
}
