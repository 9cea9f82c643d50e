import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { parseYaml } from '../../src/model/front-matter.ts';
import { basePath, siteSettingsSchema, text, uiStrings } from '../../src/model/schemas.ts';
import { zodProblems } from '../../src/model/zod-problems.ts';
import { basePathProblem, normalizeBase, siteAddressProblem } from '../../src/lib/urls.ts';
import { bidiControls, isBlank, quoteVisibly } from '../../src/model/visible-text.ts';
import { didYouMean } from '../../src/model/did-you-mean.ts';
import { fieldsAt } from '../../src/model/schema-keys.ts';
import { fill, placeholders } from '../../src/i18n/ui-strings.ts';
import { labelProblem } from '../../src/i18n/check-labels.ts';
import { translator } from '../../src/i18n/translate.ts';
import { kindOf } from '../../src/kinds/index.ts';

/** Parses YAML text with a schema and gives its problems as `line field: message`. */
function problemsOf(schema: z.ZodType, source: string): string[] {
  const yaml = parseYaml(source);
  expect(yaml.errors).toEqual([]);
  const parsed = schema.safeParse(yaml.data);
  if (parsed.success) return [];
  return zodProblems(parsed.error, yaml.data, 'f.yaml', yaml.lineOf, schema).map((p) => `${p.line} ${p.field}: ${p.message}`);
}

const SETTINGS = 'defaultLocale: en\nname: Campaign\norganisation:\n  name: Org\nlocales:\n  - code: en\n    name: English\n';

describe('base paths', () => {
  it('are normalised to /segment/…/ by the one function every consumer uses', () => {
    expect(basePath.parse('/campaign')).toBe('/campaign/');
    expect(basePath.parse('/a/b.c/~d_e-f/')).toBe('/a/b.c/~d_e-f/');
    expect(basePath.parse('/')).toBe('/');
    expect(normalizeBase('/campaign')).toBe('/campaign/');
  });

  it.each([
    ['//evil.example/', 'an empty segment (two slashes in a row)'],
    ['/a//b/', 'an empty segment (two slashes in a row)'],
    ['/a;b/', 'the character ";"'],
    ['/a b/', 'the character " "'],
    ['/{x}/', 'the character "{"'],
    ['/a\nb/', 'the character "\\n"'],
    ['/a?b/', 'the character "?"'],
    ['/a#b/', 'the character "#"'],
    ['/a%20b/', 'the character "%"'],
    ['/../', 'the segment ".."'],
    ['/a/./b/', 'the segment "."'],
  ])('%j is refused, naming what is wrong', (base, problem) => {
    expect(basePathProblem(base)).toBe(problem);
    expect(basePath.safeParse(base).success).toBe(false);
  });

  it('a refused base in site.yaml names the field and line', () => {
    expect(problemsOf(siteSettingsSchema(), `site: https://example.org\nbase: "/a;b/"\n${SETTINGS}`)).toEqual([
      '2 base: expected a path such as /campaign/ made of letters, digits, -, _, . and ~ between single slashes, not the character ";"; found "/a;b/"',
    ]);
  });
});

describe('site addresses', () => {
  it('accept an https origin, with a port or a trailing slash', () => {
    for (const site of ['https://example.org', 'https://example.org/', 'https://example.org:8443', 'https://xn--bcher-kva.example'])
      expect(siteAddressProblem(site, false)).toBeUndefined();
  });

  it('refuse a path and say to put it in base', () => {
    expect(siteAddressProblem('https://host.example/campaign', false)).toBe(
      'expected the address without a path; the path belongs in the base: write site: https://host.example and base: /campaign/ (SITE_URL and BASE_PATH when building)',
    );
    expect(siteAddressProblem('https://host.example/a/b/', false)).toContain('base: /a/b/');
  });

  it('refuse a query, a fragment, credentials, other schemes and what is no address', () => {
    expect(siteAddressProblem('https://host.example/?x=1', false)).toBe(
      'expected the address alone, without a path, query or fragment, such as https://host.example',
    );
    expect(siteAddressProblem('https://host.example#top', false)).toMatch(/^expected the address alone/);
    expect(siteAddressProblem('https://user:pw@host.example', false)).toBe('expected an address without a user name or password, such as https://example.org');
    expect(siteAddressProblem('https://host.example@evil.example', false)).toMatch(/without a user name or password/);
    expect(siteAddressProblem('not-a-url', false)).toBe('expected an absolute address such as https://example.org');
    expect(siteAddressProblem('//host.example', false)).toBe('expected an absolute address such as https://example.org');
    expect(siteAddressProblem('ftp://host.example', false)).toBe('expected an https:// address such as https://example.org');
    expect(siteAddressProblem('javascript://host.example', true)).toBe('expected an https:// address such as https://example.org');
  });

  it('accept http:// only for a local preview build', () => {
    expect(siteAddressProblem('http://localhost:4321', false)).toMatch(
      /^expected an https:\/\/ address \(http:\/\/ is accepted only for a local preview built with LOA_LOCAL_PREVIEW=1\)/,
    );
    expect(siteAddressProblem('http://localhost:4321', true)).toBeUndefined();
    const settings = `site: http://localhost:4321\n${SETTINGS}`;
    expect(problemsOf(siteSettingsSchema(), settings)).toEqual([
      '1 site: expected an https:// address (http:// is accepted only for a local preview built with LOA_LOCAL_PREVIEW=1); found "http://localhost:4321"',
    ]);
    expect(problemsOf(siteSettingsSchema(true), settings)).toEqual([]);
  });
});

describe('text a reader sees', () => {
  it('is empty when only invisible characters are left', () => {
    for (const blank of ['', '  ', '\u200B', '\u200C\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E\u200F', '\u3164', ' \u200B \u00AD '])
      expect(isBlank(blank)).toBe(true);
    for (const shown of ['a', 'کتاب\u200Cها', '👩\u200D💻', 'العربية', '\u200Fمرحبا']) expect(isBlank(shown)).toBe(false);
    expect(text.safeParse('\u200B\u200B').error?.issues[0]?.message).toBe('expected some text');
  });

  it('an invisible title is an error naming the field and line, with the characters written out', () => {
    const guide = kindOf('guides').schema;
    expect(problemsOf(guide, 'title: "\u200B\u00AD"\nsummary: S\napp: A\nplatforms: [android]\nminutes: 3\n')).toEqual([
      '1 title: expected some text; found "<U+200B><U+00AD>"',
    ]);
  });

  it('refuses bidi embedding, override and isolate controls, and keeps direction marks', () => {
    expect(bidiControls('abc\u202Edef\u2066x\u2069')).toEqual([
      'U+202E (RIGHT-TO-LEFT OVERRIDE)',
      'U+2066 (LEFT-TO-RIGHT ISOLATE)',
      'U+2069 (POP DIRECTIONAL ISOLATE)',
    ]);
    expect(bidiControls('\u200Fمرحبا \u200E(Android)')).toEqual([]);
    expect(text.safeParse('\u200Fمرحبا \u200E(Android)').success).toBe(true);
    const guide = kindOf('guides').schema;
    expect(problemsOf(guide, 'title: T\nsummary: "Install \u202Eexe.txt"\napp: A\nplatforms: [android]\nminutes: 3\n')).toEqual([
      '2 summary: expected text without bidi controls, which show it in another order than it is written; remove U+202E (RIGHT-TO-LEFT OVERRIDE) (a locale\'s dir: rtl sets the direction of right-to-left text); found "Install <U+202E>exe.txt"',
    ]);
  });

  it('applies to names and labels given per locale too', () => {
    expect(problemsOf(siteSettingsSchema(), `site: https://example.org\n${SETTINGS.replace('name: Campaign', 'name: { en: "\u2060" }')}`)).toEqual([
      '3 name.en: expected some text; found "<U+2060>"',
    ]);
    expect(problemsOf(uiStrings, 'guides: "\u200B"\n')).toEqual(['1 guides: expected some text; found "<U+200B>"']);
  });

  it('messages never carry the raw control characters', () => {
    expect(quoteVisibly('a\u202Eb\u0007c')).toBe('"a<U+202E>b\\u0007c"');
  });
});

describe('YAML', () => {
  const bomb = ['x: 1', 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (const name of ['b', 'c', 'd', 'e', 'f']) {
    const previous = bomb.at(-1)!.match(/&(\w)/)![1]!;
    bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }

  it('an alias bomb is an error at the line of its first alias, not a ReferenceError', () => {
    const yaml = parseYaml(bomb.join('\n'), 10);
    expect(yaml.data).toBeUndefined();
    expect(yaml.errors).toEqual([{ line: 12, message: 'aliases such as *a copy their values too many times (more than 100); write the values out instead' }]);
  });

  it('an alias without its anchor is an error at its line', () => {
    expect(parseYaml('a: &ok 1\nb: *ok\nc: *missing\n').errors).toEqual([{ line: 3, message: 'alias *missing has no anchor &missing before it' }]);
    expect(parseYaml('a: &ok 1\nb: *ok\n').data).toEqual({ a: 1, b: 1 });
  });

  it('a second document is an error an editor can act on', () => {
    expect(parseYaml('a: 1\n---\nb: 2\n').errors).toEqual([{ line: 2, message: 'a --- line starts a second document; expected one document per file' }]);
  });

  it('__proto__ is reported as an unknown field in objects and in records', () => {
    const guide = kindOf('guides').schema;
    expect(problemsOf(guide, 'title: T\nsummary: S\napp: A\nplatforms: [android]\nminutes: 3\n__proto__: { polluted: true }\n')).toEqual([
      '6 __proto__: unknown field; check its spelling or remove it',
    ]);
    expect(problemsOf(uiStrings, 'guides: G\n__proto__: x\n')).toEqual(['2 __proto__: unknown field; check its spelling or remove it']);
    expect(problemsOf(siteSettingsSchema(), `site: https://example.org\n${SETTINGS.replace('name: Campaign', 'name: { en: C, __proto__: x }')}`)).toEqual([
      '3 name.__proto__: unknown field; check its spelling or remove it',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unknown field comes with the closest known one, at any depth', () => {
    const guide = kindOf('guides').schema;
    expect(problemsOf(guide, 'titel: T\nsummary: S\napp: A\nplatform: [android]\nminutes: 3\n').filter((p) => p.includes('unknown'))).toEqual([
      '1 titel: unknown field; did you mean title?',
      '4 platform: unknown field; did you mean platforms?',
    ]);
    expect(problemsOf(siteSettingsSchema(), `site: https://example.org\n${SETTINGS.replace('  name: Org', '  name: Org\n  phnoe: "1"')}`)).toEqual([
      '6 organisation.phnoe: unknown field; did you mean phone?',
    ]);
    expect(
      problemsOf(siteSettingsSchema(), `site: https://example.org\n${SETTINGS.replace('    name: English', '    name: English\n    fallbacks: []')}`),
    ).toEqual(['9 locales[0].fallbacks: unknown field; did you mean fallback?']);
  });

  it('suggests only names that are close', () => {
    expect(didYouMean('sumary', ['title', 'summary'])).toBe('summary');
    expect(didYouMean('Title', ['title', 'summary'])).toBe('title');
    expect(didYouMean('colour', ['title', 'summary'])).toBeUndefined();
    expect(didYouMean('__proto__', ['title', 'summary', 'app'])).toBeUndefined();
    expect(fieldsAt(siteSettingsSchema(), ['organisation'])).toEqual(['name', 'address', 'phone', 'email']);
    expect(fieldsAt(siteSettingsSchema(), ['locales', 2])).toEqual(['code', 'name', 'dir', 'fallback']);
  });
});

describe('UI labels', () => {
  it('fill only the values given, never what every object inherits', () => {
    expect(fill('{n} steps {constructor} {__proto__} {toString} {hasOwnProperty}', { n: 3 })).toBe(
      '3 steps {constructor} {__proto__} {toString} {hasOwnProperty}',
    );
    const t = translator({ fr: { stepCount: '{n} étapes {constructor}' } }, ['fr']);
    expect(t('stepCount', { n: 4 })).toBe('4 étapes {constructor}');
  });

  it('must use the same {names} as their English text', () => {
    expect(placeholders('{n} results for “{q}” ({n})')).toEqual(['n', 'q']);
    expect(labelProblem('stepCount', '{n} étapes')).toBeUndefined();
    expect(labelProblem('stepCount', '{constructor} étapes')).toBe(
      'unknown placeholder {constructor}; missing {n}; this label takes {n} (as in its English text "{n} steps")',
    );
    expect(labelProblem('searchResults', '{n} résultats')).toBe('missing {q}; this label takes {n}, {q} (as in its English text "{n} results for “{q}”")');
    expect(labelProblem('guides', 'Guides {toString}')).toBe(
      'unknown placeholder {toString}; this label takes no {placeholder} (as in its English text "Guides")',
    );
  });
});
