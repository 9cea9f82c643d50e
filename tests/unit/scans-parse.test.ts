import { describe, expect, it } from 'vitest';
import { parseCombined } from '../../src/scans/parse-combined.ts';
import { cloudFrontColumns, parseCloudFront, type CloudFrontColumns } from '../../src/scans/parse-cloudfront.ts';

const ANDROID = 'Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

describe('the combined log format', () => {
  it('reads address, day, method, path with its query, status and user agent of an nginx line', () => {
    const line = `203.0.113.9 - - [28/Sep/2026:23:59:59 +0700] "GET /P/K7P/?utm_source=poster HTTP/1.1" 301 162 "-" "${ANDROID}"`;
    expect(parseCombined(line)).toEqual({
      address: '203.0.113.9',
      day: '2026-09-28',
      method: 'GET',
      path: '/P/K7P/?utm_source=poster',
      status: 301,
      userAgent: ANDROID,
    });
  });

  it('takes the day as the server wrote it, in its own time zone', () => {
    expect(parseCombined(`::1 - - [01/Jan/2027:00:00:01 +0700] "GET / HTTP/2.0" 200 5 "-" "${ANDROID}"`)?.day).toBe('2027-01-01');
  });

  it('reads Apache lines with a user, escaped quotes, and nginx’s main format with X-Forwarded-For after the user agent', () => {
    const apache = `2001:db8::7 - alice [03/Oct/2026:10:00:00 +0000] "HEAD /p/n6d HTTP/1.0" 200 - "https://example.org/a \\"b\\"" "Agent \\"quoted\\" 1.0"`;
    expect(parseCombined(apache)).toMatchObject({ address: '2001:db8::7', method: 'HEAD', path: '/p/n6d', status: 200, userAgent: 'Agent \\"quoted\\" 1.0' });
    const nginxMain = `10.0.0.1 - - [03/Oct/2026:10:00:00 +0000] "GET /p/k7p/ HTTP/1.1" 200 300 "-" "${ANDROID}" "198.51.100.4"`;
    expect(parseCombined(nginxMain)?.userAgent).toBe(ANDROID);
  });

  it('gives a request line that is not one (bytes of TLS sent to port 80) no path', () => {
    const junk = `10.0.0.1 - - [03/Oct/2026:10:00:00 +0000] "\\x16\\x03\\x01\\x02\\x00\\x01" 400 157 "-" "-"`;
    expect(parseCombined(junk)).toMatchObject({ method: '', path: '', status: 400 });
  });

  it('refuses lines in other formats', () => {
    expect(parseCombined('{"time":"2026-09-28","path":"/p/k7p/"}')).toBeUndefined();
    expect(parseCombined('10.0.0.1 - - [28/Sep/2026:06:30:00 +0700] "GET /p/k7p/ HTTP/1.1" 200 512')).toBeUndefined(); // common format: no user agent
    expect(parseCombined('10.0.0.1 - - [28/Foo/2026:06:30:00 +0700] "GET / HTTP/1.1" 200 5 "-" "x"')).toBeUndefined();
  });
});

describe('CloudFront standard logs', () => {
  const header =
    '#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type';
  const columns = cloudFrontColumns(header) as CloudFrontColumns;

  it('finds the needed fields by name in the #Fields line', () => {
    expect(columns).toMatchObject({ date: 0, address: 4, method: 5, stem: 7, status: 8, userAgent: 10, query: 11 });
    expect(cloudFrontColumns('#Fields: date time c-ip cs-method sc-status')).toEqual({ problem: 'its #Fields line lacks cs-uri-stem, cs(User-Agent)' });
  });

  it('reads a line, decoding the user agent (encoded once or twice) and joining the query to the path', () => {
    const twice = ANDROID.replaceAll(' ', '%2520').replaceAll(';', '%253B');
    const line = [
      '2026-09-28',
      '23:10:00',
      'SIN2-C1',
      '512',
      '198.51.100.7',
      'GET',
      'd1.cloudfront.net',
      '/P/K7P/',
      '301',
      '-',
      twice,
      'utm_source=poster',
      '-',
      'Hit',
    ].join('\t');
    expect(parseCloudFront(line, columns)).toEqual({
      address: '198.51.100.7',
      day: '2026-09-28',
      method: 'GET',
      path: '/P/K7P/?utm_source=poster',
      status: 301,
      userAgent: ANDROID,
    });
    const once = line.replace(twice, ANDROID.replaceAll(' ', '%20')).replace('utm_source=poster', '-');
    expect(parseCloudFront(once, columns)).toMatchObject({ path: '/P/K7P/', userAgent: ANDROID });
  });

  it('refuses a line that does not match its fields', () => {
    expect(parseCloudFront('28/Sep/2026 GET /p/k7p/ 301', columns)).toBeUndefined();
  });
});
