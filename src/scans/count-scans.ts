import { createHash, randomBytes } from 'node:crypto';
import { isbot } from 'isbot';
import type { LogRecord } from './log-record.ts';
import { shortLinkCode, shortLinkPrefixes } from './short-link-path.ts';

/** Scans of one poster on one day. */
export interface DayCount {
  /** Requests counted. */
  total: number;
  /** Visitors: one per visitor (address and user agent) per day. */
  unique: number;
}

/** What the logs say: scans per known code and day, and requests for codes no poster has. */
export interface ScanCounts {
  /** code → day (`2026-09-28`) → counts; only codes and days with scans. */
  byCode: Map<string, Map<string, DayCount>>;
  /** Unknown code (lower case) → requests for it by people, whatever the answer (a mistyped link gets a 404). */
  unknown: Map<string, number>;
}

/** How many user agents' verdicts are remembered before the memo starts again: bounded memory, and logs repeat a few thousand agents. */
const BOT_MEMO_SIZE = 20_000;

/**
 * Counts poster scans from log records: requests by people (isbot's list of crawlers and
 * link-preview fetchers is left out) with GET or HEAD for a short link, answered with 2xx or 3xx.
 * A visitor is a hash of address and user agent with a salt made at random for this counter and
 * kept only in its memory: the same visitor gets the same hash within one run, and nothing written
 * anywhere can be traced back to an address. Only the counts leave the counter.
 */
export class ScanCounter {
  private readonly prefixes: string[];
  private readonly known: ReadonlySet<string>;
  private readonly salt: Buffer;
  private readonly visitors = new Map<string, Map<string, { total: number; seen: Set<string> }>>();
  private readonly unknown = new Map<string, number>();
  private readonly botMemo = new Map<string, boolean>();

  constructor(codes: Iterable<string>, base: string, salt: Buffer = randomBytes(32)) {
    this.known = new Set(codes);
    this.prefixes = shortLinkPrefixes(base);
    this.salt = salt;
  }

  /**
   * A quick test a raw log line must pass before it is parsed: it mentions a short-link prefix.
   * Most lines of a site's log are other pages and files, and a substring test costs far less than a parse.
   */
  readonly wanted = (line: string): boolean => {
    for (const prefix of this.prefixes) if (line.includes(prefix)) return true;
    return false;
  };

  /** Counts one record when it is a person's scan of a known poster (or notes an unknown code). */
  readonly add = (record: LogRecord): void => {
    if (record.method !== 'GET' && record.method !== 'HEAD') return;
    const code = shortLinkCode(record.path, this.prefixes);
    if (code === undefined || this.isBot(record.userAgent)) return;
    if (!this.known.has(code)) {
      this.unknown.set(code, (this.unknown.get(code) ?? 0) + 1);
      return;
    }
    if (record.status < 200 || record.status > 399) return;
    let days = this.visitors.get(code);
    if (!days) this.visitors.set(code, (days = new Map<string, { total: number; seen: Set<string> }>()));
    let day = days.get(record.day);
    if (!day) days.set(record.day, (day = { total: 0, seen: new Set() }));
    day.total++;
    day.seen.add(this.visitor(record));
  };

  /** The counts so far; the visitors' hashes stay inside the counter. */
  counts(): ScanCounts {
    const byCode = new Map<string, Map<string, DayCount>>();
    for (const [code, days] of this.visitors) byCode.set(code, new Map([...days].map(([day, { total, seen }]) => [day, { total, unique: seen.size }])));
    return { byCode, unknown: new Map(this.unknown) };
  }

  private visitor(record: LogRecord): string {
    // 96 bits of the salted hash: collisions are negligible for any campaign's visitors a day.
    return createHash('sha256').update(this.salt).update(record.address).update('\0').update(record.userAgent).digest('base64').slice(0, 16);
  }

  private isBot(userAgent: string): boolean {
    let verdict = this.botMemo.get(userAgent);
    if (verdict === undefined) {
      if (this.botMemo.size >= BOT_MEMO_SIZE) this.botMemo.clear();
      // No user agent at all ("-" in a log) is a script, not a phone.
      verdict = userAgent === '' || isbot(userAgent);
      this.botMemo.set(userAgent, verdict);
    }
    return verdict;
  }
}
