import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topicLabel, topicTags } from '../../src/kinds/message/topics.ts';
import { loadContent } from '../../src/model/load-content.ts';

const TOPICS = { sirens: { vi: 'Ứng dụng', en: 'The sirens' }, vaccine: 'Vắc xin / Vaccine', 'flood-warning': { vi: 'Khai báo y tế', zh: '健康申报' } };

describe('topic labels', () => {
  it('follow the reader’s chain and say which locale they are written in', () => {
    expect(topicLabel(TOPICS, 'sirens', ['en', 'vi'])).toEqual({ text: 'The sirens', lang: 'en' });
    expect(topicLabel(TOPICS, 'sirens', ['zh', 'en', 'vi'])).toEqual({ text: 'The sirens', lang: 'en' });
    expect(topicLabel(TOPICS, 'flood-warning', ['en', 'vi'])).toEqual({ text: 'Khai báo y tế', lang: 'vi' });
    expect(topicLabel(TOPICS, 'vaccine', ['zh', 'vi'])).toEqual({ text: 'Vắc xin / Vaccine' });
  });

  it('are the slug only for a topic never declared (content the check would refuse)', () => {
    expect(topicLabel(TOPICS, 'toString', ['en'])).toEqual({ text: 'toString' });
    expect(topicLabel(undefined, 'sirens', ['en'])).toEqual({ text: 'sirens' });
  });

  it('are a feed item’s tags, for pages that have topics', () => {
    expect(topicTags({ topics: ['sirens', 'vaccine'] }, TOPICS, ['zh', 'vi'])).toEqual(['Ứng dụng', 'Vắc xin / Vaccine']);
    expect(topicTags({ platforms: ['android'] }, TOPICS, ['vi'])).toEqual([]);
  });
});

describe('the content check of topics', () => {
  const site = mkdtempSync(join(tmpdir(), 'loa-topics-'));
  cpSync(join(import.meta.dirname, '../fixtures/minimal'), site, { recursive: true, filter: (path) => !/[\\/](dist|node_modules|\.cache)$/.test(path) });
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  const settings = readFileSync(join(site, 'content/site.yaml'), 'utf8');
  const message = 'content/en/messages/hello.md';
  writeFileSync(join(site, message), '---\ntitle: Hello\nsummary: A first message.\ndate: 2024-05-01\ntopics:\n  - sirens\n  - vacine\n---\n\nHello.\n');
  const problemsIn = (file: string) =>
    loadContent(site)
      .problems.filter((p) => p.file === file)
      .map((p) => `${p.line} ${p.field}: ${p.message}`);

  it('a site that declares no topics: every topic used is an error telling where to declare it', () => {
    expect(problemsIn(message)).toEqual([
      '6 topics[0]: topic "sirens" is not declared; declare it under topics: in content/site.yaml with its label in each language (sirens: { <locale>: … })',
      '7 topics[1]: topic "vacine" is not declared; declare it under topics: in content/site.yaml with its label in each language (vacine: { <locale>: … })',
    ]);
  });

  it('a topic not declared is an error at its line, with the closest declared one and the list', () => {
    writeFileSync(join(site, 'content/site.yaml'), `${settings}topics:\n  sirens:\n    en: The sirens\n    fr: L’appli\n  vaccine: Vaccine\n`);
    expect(problemsIn(message)).toEqual([
      '7 topics[1]: unknown topic "vacine"; did you mean vaccine? the topics declared in content/site.yaml are sirens, vaccine (add it there with its labels if it is new)',
    ]);
    // Written inline, each topic is still found at its line.
    writeFileSync(join(site, message), '---\ntitle: Hello\nsummary: A first message.\ndate: 2024-05-01\ntopics: [vaccine, zzz]\n---\n\nHello.\n');
    expect(problemsIn(message)).toEqual([
      '5 topics[1]: unknown topic "zzz"; the topics declared in content/site.yaml are sirens, vaccine (add it there with its labels if it is new)',
    ]);
  });

  it('declared topics need a slug for a name, known locales and a label in the default locale', () => {
    writeFileSync(
      join(site, 'content/site.yaml'),
      `${settings}topics:\n  Flood Warning: Fund\n  sirens:\n    fr: L’appli\n    eng: The sirens\n  vaccine:\n    en: ""\n  fund: [a]\n`,
    );
    expect(problemsIn('content/site.yaml')).toEqual([
      '20 topics.vaccine.en: expected some text; found empty text',
      '21 topics.fund: expected text, or text per locale such as { vi: …, en: … }; found a list of 1',
    ]);
    writeFileSync(join(site, 'content/site.yaml'), `${settings}topics:\n  Flood Warning: Fund\n  sirens:\n    fr: L’appli\n    eng: The sirens\n`);
    expect(problemsIn('content/site.yaml')).toEqual([
      '15 topics.Flood Warning: expected a topic name of lowercase letters, digits and hyphens, as messages write it (topics: [flood-warning]); found "Flood Warning"',
      '18 topics.sirens.eng: not a locale of the site; did you mean en? (expected one of en, fr)',
      '16 topics.sirens: expected a label in the default locale en, which every locale falls back to; found labels for fr, eng',
    ]);
  });
});
