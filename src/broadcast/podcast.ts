import { escapeXml as xml } from '../lib/xml.ts';

/** One episode of a podcast: a message with its recording. */
export interface Episode {
  title: string;
  summary: string;
  /** Absolute address of the message page. */
  url: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Absolute address, size in bytes, MIME type and whole seconds of the recording. */
  audio: { url: string; bytes: number; type: string; seconds: number };
  /** Absolute address of the plain-text reading script, the episode's transcript. */
  transcript: string;
}

/** A locale's podcast: what a podcast app shows about it, and its episodes, newest first. */
export interface Podcast {
  title: string;
  description: string;
  /** Absolute addresses of the messages list, of the feed itself and of its cover image. */
  home: string;
  self: string;
  image: string;
  language: string;
  /** The organisation behind the campaign: the podcast's author and owner. */
  author: string;
  email?: string;
  episodes: Episode[];
}

/** The category podcast apps list the feed under (Apple's list: Government). */
export const PODCAST_CATEGORY = 'Government';

const rfc822 = (day: string) => new Date(`${day}T00:00:00Z`).toUTCString();

/**
 * The podcast as RSS 2.0 with the tags podcast apps read: `<enclosure>` for each recording, the
 * iTunes tags (image, author, owner, category, explicit, duration) and a Podcasting 2.0
 * `<podcast:transcript>` pointing at the message's reading script. Nothing in it depends on when
 * it is built (no lastBuildDate), so builds stay byte-identical.
 */
export function podcastXml(podcast: Podcast): string {
  const items = podcast.episodes.map((e) =>
    [
      '<item>',
      `<title>${xml(e.title)}</title>`,
      `<link>${xml(e.url)}</link>`,
      `<guid isPermaLink="false">${xml(`${e.url}#${e.audio.url.split('/').pop()}`)}</guid>`,
      `<description>${xml(e.summary)}</description>`,
      `<pubDate>${rfc822(e.date)}</pubDate>`,
      `<enclosure url="${xml(e.audio.url)}" length="${e.audio.bytes}" type="${xml(e.audio.type)}"/>`,
      `<itunes:duration>${e.audio.seconds}</itunes:duration>`,
      '<itunes:explicit>false</itunes:explicit>',
      '<itunes:episodeType>full</itunes:episodeType>',
      `<podcast:transcript url="${xml(e.transcript)}" type="text/plain" language="${xml(podcast.language)}"/>`,
      '</item>',
    ].join(''),
  );
  const owner = `<itunes:owner><itunes:name>${xml(podcast.author)}</itunes:name>${podcast.email ? `<itunes:email>${xml(podcast.email)}</itunes:email>` : ''}</itunes:owner>`;
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">',
      '<channel>',
      `<title>${xml(podcast.title)}</title>`,
      `<link>${xml(podcast.home)}</link>`,
      `<description>${xml(podcast.description)}</description>`,
      `<language>${xml(podcast.language)}</language>`,
      `<atom:link href="${xml(podcast.self)}" rel="self" type="application/rss+xml"/>`,
      podcast.episodes[0] ? `<pubDate>${rfc822(podcast.episodes[0].date)}</pubDate>` : '',
      `<image><url>${xml(podcast.image)}</url><title>${xml(podcast.title)}</title><link>${xml(podcast.home)}</link></image>`,
      `<itunes:image href="${xml(podcast.image)}"/>`,
      `<itunes:author>${xml(podcast.author)}</itunes:author>`,
      owner,
      `<itunes:category text="${PODCAST_CATEGORY}"/>`,
      '<itunes:explicit>false</itunes:explicit>',
      '<itunes:type>episodic</itunes:type>',
      ...items,
      '</channel>',
      '</rss>',
    ].join('\n') + '\n'
  );
}
