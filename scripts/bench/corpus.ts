import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newCode } from '../../src/posters/code.ts';

/** The benchmark's locales: Vietnamese first (the default), English and Chinese. */
export const LOCALES = ['vi', 'en', 'zh'] as const;
/**
 * The locales of a national campaign (`npm run bench -- --national`): the benchmark's three, then
 * seven more, among them scripts written without spaces between words (Khmer, Lao, Thai) and one
 * written right to left (Arabic), which cost more to index and draw.
 */
export const NATIONAL_LOCALES = [...LOCALES, 'km', 'lo', 'th', 'ar', 'hi', 'fr', 'es'] as const;
export type Locale = (typeof NATIONAL_LOCALES)[number];
/** The site's name in each locale, the same for Loa and for the Hugo site that it is compared with. */
export const SITE_NAMES: Record<Locale, string> = {
  vi: 'Chiến dịch thử',
  en: 'Benchmark campaign',
  zh: '测试活动',
  km: 'យុទ្ធនាការសាកល្បង',
  lo: 'ແຄມເປນທົດລອງ',
  th: 'แคมเปญทดสอบ',
  ar: 'حملة تجريبية',
  hi: 'परीक्षण अभियान',
  fr: 'Campagne de test',
  es: 'Campaña de prueba',
};
export const LANGUAGE_NAMES: Record<Locale, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  zh: '中文',
  km: 'ខ្មែរ',
  lo: 'ລາວ',
  th: 'ไทย',
  ar: 'العربية',
  hi: 'हिन्दी',
  fr: 'Français',
  es: 'Español',
};
/** Locales written right to left. */
export const RIGHT_TO_LEFT: readonly Locale[] = ['ar'];
const WORDS: Record<Locale, string[]> = {
  vi: 'mở ứng dụng chạm nút đăng ký số điện thoại nhập mã xác nhận tiêm chủng sổ sức khỏe điện tử khai báo y tế đường dây nóng trạm y tế xã phường'.split(' '),
  en: 'open the app tap button register phone number enter code confirm vaccination health book declaration station commune ward certificate'.split(' '),
  zh: '打开 应用 点击 按钮 注册 手机 号码 输入 验证码 确认 接种 疫苗 健康 手册 申报 卫生站 证书'.split(' '),
  km: 'បើក កម្មវិធី ចុច ប៊ូតុង ចុះឈ្មោះ លេខ ទូរស័ព្ទ បញ្ចូល លេខកូដ បញ្ជាក់ ចាក់ថ្នាំ វ៉ាក់សាំង សុខភាព សៀវភៅ ប្រកាស មណ្ឌល ឃុំ សង្កាត់'.split(' '),
  lo: 'ເປີດ ແອັບ ກົດ ປຸ່ມ ລົງທະບຽນ ເບີ ໂທລະສັບ ໃສ່ ລະຫັດ ຢືນຢັນ ສັກຢາ ວັກຊີນ ສຸຂະພາບ ປຶ້ມ ແຈ້ງ ສຸກສາລາ ບ້ານ ເມືອງ'.split(' '),
  th: 'เปิด แอป แตะ ปุ่ม ลงทะเบียน หมายเลข โทรศัพท์ ใส่ รหัส ยืนยัน ฉีด วัคซีน สุขภาพ สมุด แจ้ง สถานี ตำบล อำเภอ'.split(' '),
  ar: 'افتح التطبيق اضغط الزر سجل رقم الهاتف أدخل الرمز أكد التطعيم اللقاح الصحة دفتر التصريح المحطة البلدية الحي'.split(' '),
  hi: 'खोलें ऐप दबाएँ बटन पंजीकरण नंबर फ़ोन दर्ज कोड पुष्टि टीकाकरण टीका स्वास्थ्य पुस्तिका घोषणा केंद्र पंचायत वार्ड'.split(' '),
  fr: 'ouvrir application appuyer bouton inscrire numéro téléphone saisir code confirmer vaccination carnet santé déclaration centre commune quartier certificat'.split(
    ' ',
  ),
  es: 'abrir aplicación tocar botón registrar número teléfono introducir código confirmar vacunación cartilla salud declaración centro municipio barrio certificado'.split(
    ' ',
  ),
};
/** Scripts written without spaces between words, and how their sentences end. */
const UNSPACED: Partial<Record<Locale, string>> = { zh: '。', km: '។', lo: '.', th: '.' };

function sentence(locale: Locale, seed: number, length: number): string {
  const words = WORDS[locale];
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[(seed * 7 + i * 13) % words.length]!);
  const unspaced = UNSPACED[locale];
  const text = out.join(unspaced === undefined ? ' ' : '');
  return text.charAt(0).toUpperCase() + text.slice(1) + (unspaced ?? '.');
}

/** One Markdown file of the synthetic corpus: `content/<locale>/<kind>/<slug>.md`. */
export interface CorpusEntry {
  locale: Locale;
  kind: 'guides' | 'messages';
  slug: string;
  /** The whole file, front matter and body. */
  text: string;
}

/**
 * The guides and messages of the synthetic corpus, `n` of each in each locale: one list that
 * both Loa's site and the Hugo site it is compared with are written from, so that they hold
 * the same Markdown. Every guide has six steps, the first with the shared screenshot.
 */
export function corpusEntries(n: number, locales: readonly Locale[] = LOCALES): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const locale of locales)
    for (let i = 0; i < n; i++) {
      const steps = Array.from(
        { length: 6 },
        (_, s) => `${s + 1}. ${sentence(locale, i + s, 12)}${s === 0 ? '\n\n   ![' + sentence(locale, i, 4) + '](../../images/screen.png)' : ''}`,
      ).join('\n');
      entries.push({
        locale,
        kind: 'guides',
        slug: `guide-${i}`,
        text: `---\ntitle: "${sentence(locale, i, 5)} ${i}"\nsummary: "${sentence(locale, i + 1, 14)}"\napp: App\nplatforms: [android, ios]\nminutes: ${3 + (i % 7)}\norder: ${i}\n---\n\n${sentence(locale, i + 2, 20)}\n\n${steps}\n`,
      });
      const day = String((i % 28) + 1).padStart(2, '0');
      entries.push({
        locale,
        kind: 'messages',
        slug: `message-${i}`,
        text: `---\ntitle: "${sentence(locale, i + 3, 6)} ${i}"\nsummary: "${sentence(locale, i + 4, 12)}"\ndate: 2021-09-${day}\ntopics: [vaccination]\nbroadcast: ${i % 3 === 0}\n---\n\n${sentence(locale, i + 5, 30)}\n\n${sentence(locale, i + 6, 25)}\n`,
      });
    }
  return entries;
}

/** The guide whose one sentence the benchmark changes before timing a rebuild, the same file in both sites. */
export const EDITED_GUIDE = join('content', 'vi', 'guides', 'guide-0.md');

/**
 * A guide's Markdown with one sentence changed: its introduction (the paragraph after the front
 * matter), so that a rebuild after an edit is timed on the same change for Loa and for Hugo.
 */
export function changeOneSentence(markdown: string): string {
  return markdown.replace(/^(---\n[\s\S]*?\n---\n\n)[^\n]+/, '$1Một câu đã được sửa để đo thời gian xây dựng lại.');
}

/** Writes corpus entries under `dir` as `content/<locale>/<kind>/<slug>.md`. */
export function writeEntries(dir: string, entries: CorpusEntry[]): void {
  for (const { locale, kind, slug, text } of entries) {
    const file = join(dir, 'content', locale, kind, `${slug}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/**
 * Writes a synthetic site of `n` guides and `n` messages in each of three locales into
 * `dir` (or in each of `locales`), with one shared screenshot and `posters` posters, for measuring builds.
 */
export function writeCorpus(dir: string, n: number, screenshot: string, posters = 0, locales: readonly Locale[] = LOCALES): void {
  const content = join(dir, 'content');
  mkdirSync(join(content, 'images'), { recursive: true });
  copyFileSync(screenshot, join(content, 'images', 'screen.png'));
  writeFileSync(
    join(content, 'site.yaml'),
    [
      'site: https://bench.example.org',
      'defaultLocale: vi',
      `name: { ${locales.map((l) => `${l}: ${SITE_NAMES[l]}`).join(', ')} }`,
      'organisation: { name: Benchmark }',
      'topics: { vaccination: { vi: Tiêm chủng, en: Vaccination, zh: 疫苗接种 } }',
      'locales:',
      '  - { code: vi, name: Tiếng Việt }',
      '  - { code: en, name: English, fallback: [vi] }',
      '  - { code: zh, name: 中文, fallback: [vi, en] }',
      ...locales
        .filter((l) => !(LOCALES as readonly string[]).includes(l))
        .map((l) => `  - { code: ${l}, name: ${LANGUAGE_NAMES[l]}, fallback: [en]${RIGHT_TO_LEFT.includes(l) ? ', dir: rtl' : ''} }`),
      '',
    ].join('\n'),
  );
  writeEntries(dir, corpusEntries(n, locales));
  const papers = ['A5', 'A4', 'A3'];
  const taken = new Set<string>();
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  mkdirSync(join(content, 'posters'), { recursive: true });
  for (let i = 0; i < posters; i++) {
    const code = newCode(taken, 4, random);
    taken.add(code);
    const target = `${locales[i % locales.length]}/${i % 2 ? 'messages/message' : 'guides/guide'}-${i % n}`;
    writeFileSync(
      join(content, 'posters', `poster-${i}.yaml`),
      `code: ${code}\ntarget: ${target}\nheadline: Poster ${i}\npaper: ${papers[i % 3]}\nplace: Place ${i}\ndate: 2021-09-01\n`,
    );
  }
}
