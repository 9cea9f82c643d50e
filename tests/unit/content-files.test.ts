import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listContentFiles } from '../../src/model/content-files.ts';
import { layoutProblems } from '../../src/model/content-layout.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let sites = 0;
/** A site folder holding the given files under content/ (each holding its own path as text). */
function site(paths: string[]): string {
  const dir = join(work, `site-${++sites}`);
  mkdirSync(join(dir, 'content'), { recursive: true });
  for (const path of paths) {
    mkdirSync(dirname(join(dir, 'content', path)), { recursive: true });
    if (!path.endsWith('/')) writeFileSync(join(dir, 'content', path), path);
  }
  return dir;
}

const good = ['site.yaml', 'published-links.yaml', 'images/a.png', 'images/android/b.webp', 'posters/market.yaml', 'en/ui.yaml', 'en/guides/first.md'];
const layout = (paths: string[], locales = ['en', 'vi']) => layoutProblems(listContentFiles(site([...good, ...paths])), locales);

describe('listContentFiles', () => {
  it('lists files and folders, leaving dotfiles out', () => {
    const listing = listContentFiles(site([...good, '.DS_Store', 'en/guides/.gitkeep', '.git/config']));
    expect(listing.files).toEqual([
      'en/guides/first.md',
      'en/ui.yaml',
      'images/a.png',
      'images/android/b.webp',
      'posters/market.yaml',
      'published-links.yaml',
      'site.yaml',
    ]);
    expect(listing.folders).toEqual(['en', 'en/guides', 'images', 'images/android', 'posters']);
    expect(listing.unsafe).toEqual([]);
  });

  it('refuses links that leave the site folder, files and folders alike, naming each', () => {
    const dir = site(good);
    const outside = join(work, 'secrets');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'key.png'), 'secret');
    symlinkSync(join(outside, 'key.png'), join(dir, 'content/images/key.png'));
    symlinkSync(outside, join(dir, 'content/en/messages'));
    symlinkSync('/etc/passwd', join(dir, 'content/en/guides/passwd.md'));
    const { unsafe, files } = listContentFiles(dir);
    expect(unsafe.map((p) => p.file)).toEqual(['content/en/guides/passwd.md', 'content/en/messages', 'content/images/key.png']);
    expect(unsafe[0]!.message).toBe(
      'a symbolic link to /etc/passwd, outside the site folder; Loa reads only files inside the site folder, so copy the file here instead of linking to it',
    );
    expect(files).not.toContain('images/key.png');
  });

  it('follows a link that stays inside the site folder', () => {
    const dir = site(good);
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/c.png'), 'c');
    symlinkSync('../../shared/c.png', join(dir, 'content/images/c.png'));
    symlinkSync('../en/guides', join(dir, 'content/images/guides'));
    const listing = listContentFiles(dir);
    expect(listing.unsafe).toEqual([]);
    expect(listing.files).toContain('images/c.png');
    expect(listing.files).toContain('images/guides/first.md');
  });

  it('refuses a link to nothing, a link that loops and a pipe', () => {
    const dir = site(good);
    symlinkSync('gone.png', join(dir, 'content/images/broken.png'));
    symlinkSync('..', join(dir, 'content/images/loop'));
    expect(spawnSync('mkfifo', [join(dir, 'content/en/guides/pipe.md')]).status).toBe(0);
    expect(listContentFiles(dir).unsafe).toEqual([
      { file: 'content/en/guides/pipe.md', message: 'neither a file nor a folder (a device, pipe or socket); content holds only files and folders' },
      { file: 'content/images/broken.png', message: 'a symbolic link to gone.png, which does not exist; remove the link or put the file itself here' },
      { file: 'content/images/loop', message: 'a symbolic link to a folder that holds it, which would never end; remove the link' },
    ]);
  });

  it('refuses a content folder that is itself a link out of the site folder', () => {
    const dir = join(work, 'linked-site');
    mkdirSync(dir);
    symlinkSync(join(site(good), 'content'), join(dir, 'content'));
    expect(listContentFiles(dir).unsafe.map((p) => p.file)).toEqual(['content']);
  });
});

describe('layoutProblems', () => {
  it('accepts what Loa reads: settings, ledger, images, posters, UI strings, pages and images beside them', () => {
    expect(layout(['en/guides/second.mdx', 'en/guides/screen.png', 'vi/messages/hello.md', 'posters/other.yml', 'images/deep/er/c.gif'])).toEqual([]);
  });

  it('a folder typo, with a did-you-mean, reported once for everything in it', () => {
    expect(layout(['en/guide/a.md', 'en/guide/b.md', 'imgaes/x.png'])).toEqual([
      { file: 'content/en/guide/', message: 'unknown folder; expected content/en/guides/ or content/en/messages/; did you mean content/en/guides/?' },
      { file: 'content/imgaes/', message: 'unknown folder; did you mean content/images/?' },
    ]);
  });

  it('a top folder that is no locale of the settings, or a typo of one', () => {
    expect(layout(['de/guides/a.md', 'vn/guides/a.md', 'vie/guides/a.md']).map((p) => `${p.file} ${p.message}`)).toEqual([
      'content/de/ locale folder not in the settings; expected one of en, vi (or add "de" to locales in content/site.yaml)',
      'content/vie/ locale folder not in the settings; did you mean content/vi/? expected one of en, vi (or add "vie" to locales in content/site.yaml)',
      // as close to en as to vi: no guess
      'content/vn/ locale folder not in the settings; expected one of en, vi (or add "vn" to locales in content/site.yaml)',
    ]);
  });

  it('pages with another extension in a kind folder, with the name to give them', () => {
    expect(layout(['en/guides/notes.markdown', 'en/guides/readme.txt', 'en/guides/data.json', 'en/guides/UPPER.MD', 'en/guides/Card.MDX'])).toEqual([
      { file: 'content/en/guides/Card.MDX', message: 'unknown kind of file; expected pages (.md or .mdx) or images; to make it a page, rename it to card.mdx' },
      { file: 'content/en/guides/UPPER.MD', message: 'unknown kind of file; expected pages (.md or .mdx) or images; to make it a page, rename it to upper.md' },
      { file: 'content/en/guides/data.json', message: 'unknown kind of file; expected pages (.md or .mdx) or images' },
      {
        file: 'content/en/guides/notes.markdown',
        message: 'unknown kind of file; expected pages (.md or .mdx) or images; to make it a page, rename it to notes.md',
      },
      {
        file: 'content/en/guides/readme.txt',
        message: 'unknown kind of file; expected pages (.md or .mdx) or images; to make it a page, rename it to readme.md',
      },
    ]);
  });

  it('unknown files at the top of content/ and in a locale folder', () => {
    expect(layout(['site.yml', 'notes.txt', 'hello.md', 'logo.png', 'en/ui.yml', 'en/shot.png']).map((p) => `${p.file} ${p.message}`)).toEqual([
      'content/en/shot.png unknown file in a locale folder; expected ui.yaml, with pages in content/en/guides/ or content/en/messages/; images go in content/images/, or beside the pages that show them',
      'content/en/ui.yml unknown file in a locale folder; expected ui.yaml, with pages in content/en/guides/ or content/en/messages/; did you mean ui.yaml?',
      'content/hello.md unknown file at the top of content/; expected site.yaml or published-links.yaml there; pages go in a locale folder, in the folder of their kind, such as content/en/guides/',
      'content/logo.png unknown file at the top of content/; expected site.yaml or published-links.yaml there; images go in content/images/, or beside the pages that show them',
      'content/notes.txt unknown file at the top of content/; expected site.yaml or published-links.yaml there',
      'content/site.yml unknown file at the top of content/; expected site.yaml or published-links.yaml there; did you mean site.yaml?',
    ]);
  });

  it('anything but images in content/images/, anything but YAML in content/posters/, and folders in either', () => {
    expect(
      layout(['images/notes.txt', 'posters/market.txt', 'posters/map.png', 'posters/old/a.yaml', 'en/guides/img/a.png'])
        .map((p) => `${p.file} ${p.message}`)
        .sort(),
    ).toEqual([
      'content/en/guides/img/ a folder in content/en/guides/, which is not read; pages go in content/en/guides/ itself, and images may go in content/images/',
      'content/images/notes.txt not an image; content/images/ holds images (.png, .jpg, .jpeg, .webp, .gif, .avif)',
      'content/posters/map.png not a poster file; poster files end in .yaml; images go in content/images/, or beside the pages that show them',
      'content/posters/market.txt not a poster file; poster files end in .yaml (rename it to market.yaml if it is one)',
      'content/posters/old/ a folder in content/posters/, which is not read; poster files go in content/posters/ itself',
    ]);
  });
});
