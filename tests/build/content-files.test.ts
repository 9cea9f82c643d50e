import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/sites.ts';
import { changedFixture, failedBuild, type Change } from '../helpers/changed-site.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A file to write (text or bytes), a symbolic link to make, or null to delete. */
/** A copy of the campaign fixture with some files changed. */
const fixture = (name: string, changes: Record<string, Change>) => changedFixture(work, name, changes, 'campaign');

/** Builds a broken fixture over a previous dist/; see failedBuild. Returns its errors. */
const failingBuild = (name: string, changes: Record<string, Change>) => failedBuild(fixture(name, changes));

/** A PNG whose header says it is `width` × `height` pixels: what a check that trusts names would ship. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const framing = Buffer.alloc(8);
    framing.writeUInt32BE(data.length, 0);
    framing.writeUInt32BE(crc32(body), 4);
    return Buffer.concat([framing.subarray(0, 4), body, framing.subarray(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const guide = 'content/en/guides/alerts-on-android.md';
const showing = (src: string) => readFileSync(join(ROOT, 'tests/fixtures/campaign', guide), 'utf8').replace('../../images/alert-settings.png', src);
const realPng = () => readFileSync(join(ROOT, 'tests/fixtures/campaign/content/images/alert-settings.png'));

describe('images are images', () => {
  it('a text file named .png: an error naming each page and line that shows it', () => {
    const err = failingBuild('text-png', { 'content/images/alert-settings.png': 'Not a picture, a text file renamed.\n' });
    expect(err).toMatch(
      /content\/en\/guides\/alerts-on-android\.md\n +line 25 +image: image \.\.\/\.\.\/images\/alert-settings\.png is not a PNG image: .*; export the picture again as PNG/,
    );
    expect(err).toMatch(/content\/vi\/guides\/alerts-on-android\.md\n +line 24 +image: image \.\.\/\.\.\/images\/alert-settings\.png is not a PNG image/);
  });

  it('a 20,000 × 20,000 PNG named .webp: the format must match the name, and the size the limit', () => {
    const err = failingBuild('huge-webp', { 'content/images/huge.webp': pngHeader(20_000, 20_000), [guide]: showing('../../images/huge.webp') });
    expect(err).toMatch(/line 25 +image: image \.\.\/\.\.\/images\/huge\.webp is a PNG image, not WebP as its name says; rename it to huge\.png/);
    const named = failingBuild('huge-png', { 'content/images/huge.png': pngHeader(20_000, 20_000), [guide]: showing('../../images/huge.png') });
    expect(named).toMatch(/line 25 +image: image \.\.\/\.\.\/images\/huge\.png is 20000 × 20000 px; the largest accepted is 4000 px on a side/);
  });

  it('an SVG image is refused, with what to do instead', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><image href="https://tracker.example/x.png"/></svg>';
    const err = failingBuild('svg', { 'content/images/logo.svg': svg, [guide]: showing('../../images/logo.svg') });
    expect(err).toMatch(/line 25 +image: image \.\.\/\.\.\/images\/logo\.svg is an SVG drawing, which is not accepted: .*export it as PNG or WebP instead/);
  });

  it('a bad image no page shows, at its own file', () => {
    const err = failingBuild('unused', { 'content/images/old/banner.jpg': 'GIF89a but not really' });
    expect(err).toMatch(/content\/images\/old\/banner\.jpg\n +this image is not a JPEG image/);
  });

  it('an image path that climbs out of the content folder is an error at check time', () => {
    const err = failingBuild('climbs', { 'x.png': realPng(), [guide]: showing('../../../x.png') });
    expect(err).toMatch(/line 25 +image: image \.\.\/\.\.\/\.\.\/x\.png is outside the content folder/);
    const etc = failingBuild('climbs-etc', { [guide]: showing('../../../../../../../../etc/x.png') });
    expect(etc).toMatch(/line 25 +image: image (\.\.\/)+etc\/x\.png is outside the content folder/);
  });
});

describe('links leaving the site folder', () => {
  const outside = join(work, 'elsewhere');
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.md'), '---\ntitle: Secret\nsummary: S\ndate: 2024-01-01\n---\n\nA secret.\n');
  writeFileSync(join(outside, 'photo.png'), realPng());

  it('a page and an image reached through links out of the site folder are refused, each named', () => {
    const err = failingBuild('links-out', {
      'content/en/messages/secret.md': { link: join(outside, 'secret.md') },
      'content/images/alert-settings.png': { link: join(outside, 'photo.png') },
    });
    expect(err).toContain('Loa found 2 problems');
    expect(err).toMatch(
      /content\/en\/messages\/secret\.md\n +a symbolic link to .*elsewhere\/secret\.md, outside the site folder; Loa reads only files inside the site folder/,
    );
    expect(err).toMatch(/content\/images\/alert-settings\.png\n +a symbolic link to .*elsewhere\/photo\.png, outside the site folder/);
    expect(err).not.toContain('A secret.');
  });

  it('a link inside the site folder that stays inside it is fine', () => {
    const dir = fixture('link-inside', { 'content/images/alert-settings.png': { link: '../../shots/alert-settings.png' } });
    mkdirSync(join(dir, 'shots'));
    writeFileSync(join(dir, 'shots/alert-settings.png'), realPng());
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], { cwd: ROOT, env: { ...process.env, LOA_SITE_DIR: dir }, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describe('unknown folders and files under content/', () => {
  it('are all reported at once, with did-you-mean where close', () => {
    const err = failingBuild('unknown', {
      'content/en/guide/first.md': '# misplaced\n',
      'content/en/guides/notes.markdown': '# notes\n',
      'content/en/messages/todo.txt': 'todo\n',
      'content/site.yml': 'site: x\n',
      'content/README.md': '# about\n',
      'content/imgaes/x.png': realPng(),
      'content/en/guides/.DS_Store': 'ignored',
    });
    expect(err).toContain('Loa found 6 problems');
    expect(err).toMatch(
      /content\/en\/guide\/\n +unknown folder; expected content\/en\/guides\/ or content\/en\/messages\/; did you mean content\/en\/guides\/\?/,
    );
    expect(err).toMatch(
      /content\/en\/guides\/notes\.markdown\n +unknown kind of file; expected pages \(\.md or \.mdx\) or images; to make it a page, rename it to notes\.md/,
    );
    expect(err).toMatch(/content\/en\/messages\/todo\.txt\n +unknown kind of file; .*rename it to todo\.md/);
    expect(err).toMatch(
      /content\/site\.yml\n +unknown file at the top of content\/; expected site\.yaml or published-links\.yaml there; did you mean site\.yaml\?/,
    );
    expect(err).toMatch(/content\/README\.md\n +unknown file at the top of content\//);
    expect(err).toMatch(/content\/imgaes\/\n +unknown folder; did you mean content\/images\/\?/);
  });
});
