import { describe, expect, it } from 'vitest';
import { makeExcerpt } from '../../src/search/excerpt.ts';
import { joinSentences, scriptOfLanguage, scriptOfText } from '../../src/search/sentence-joins.ts';

// Page texts as Pagefind's index holds them (read from the fragments it wrote for these pages):
// blocks joined with ". " when they lack punctuation of their own, with a space when they have it,
// and U+200B between the words it found in Chinese, Japanese and Thai.
const ZW = '\u200b';
const CHINESE = [
  '防汛',
  '准备',
  '. ',
  '在',
  '手机',
  '上',
  '接收',
  '预警',
  '. ',
  '你好',
  '。 ',
  '世界',
  '！ ',
  '第二',
  '步',
  '； ',
  'Wi',
  '-',
  'Fi',
  '. ',
  '结束',
  '.',
].join(ZW);
const THAI = ['เตรียม', 'พร้อม', '. ', 'เปิด', 'แอป', '.'].join(ZW);
const KHMER = 'ត្រៀម. បើកកម្មវិធី។ ចប់.';
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('excerpts join a page’s blocks as its script joins sentences', () => {
  it('Chinese: a block without punctuation ends with 。, one with its own punctuation is followed by nothing', () => {
    expect(text(makeExcerpt(CHINESE, '手机'))).toBe('防汛准备。在手机上接收预警。你好。世界！第二步；Wi-Fi。结束。');
  });

  it('Chinese: a Latin word ending a block next to Chinese ends with 。 too, an English sentence inside keeps its ". "', () => {
    expect(joinSentences('应用程序: Test app. 适用于: Android.', scriptOfLanguage('zh'))).toBe('应用程序: Test app。适用于: Android.');
    expect(joinSentences('请阅读：Open the app. Tap Install.', scriptOfLanguage('zh'))).toBe('请阅读：Open the app. Tap Install.');
  });

  it('Japanese joins like Chinese', () => {
    const japanese = ['準備', '. ', 'アプリ', 'を', '開く', '. ', '終', 'わり', '。'].join(ZW);
    expect(text(makeExcerpt(japanese, 'アプリ'))).toBe('準備。アプリを開く。終わり。');
  });

  it('Thai ends a sentence with a space, Khmer with ។', () => {
    expect(text(makeExcerpt(THAI, 'แอป'))).toBe('เตรียมพร้อม เปิดแอป');
    expect(text(makeExcerpt(KHMER, 'ចប់'))).toBe('ត្រៀម។ បើកកម្មវិធី។ ចប់។');
  });

  it('Latin and Vietnamese texts keep ". " as Pagefind wrote it', () => {
    const vietnamese = 'Nhận cảnh báo. Mở ứng dụng. Đăng ký.';
    expect(text(makeExcerpt(vietnamese, 'dang ky'))).toBe(vietnamese);
    expect(joinSentences('First guide. The first guide.', scriptOfText('First guide. The first guide.'))).toBe('First guide. The first guide.');
  });

  it('the page’s language decides when given, else the script most of the text is in', () => {
    expect(scriptOfLanguage('zh')?.stop).toBe('。');
    expect(scriptOfLanguage('zh-Hant-TW')?.stop).toBe('。');
    expect(scriptOfLanguage('ja')?.stop).toBe('。');
    expect(scriptOfLanguage('km')?.stop).toBe('។');
    expect(scriptOfLanguage('vi')).toBeUndefined();
    expect(scriptOfLanguage('not a tag')).toBeUndefined();
    // A Chinese page naming a Vietnamese app is still Chinese; a Vietnamese page quoting 中文 is not.
    expect(scriptOfText('安装应用程序 Sổ sức khỏe điện tử')?.stop).toBe('。');
    expect(scriptOfText('Bài này có hai chữ 中文 ở giữa rất nhiều chữ Việt')).toBeUndefined();
    expect(text(makeExcerpt('标题. 摘要', '摘要', 160, 'vi'))).toBe('标题. 摘要');
  });
});

describe('excerpts of texts without spaces', () => {
  it('mark a match inside a run of Chinese, across Pagefind’s word breaks', () => {
    const marked = makeExcerpt(CHINESE, '机上接')
      .filter((p) => p.match)
      .map((p) => p.text);
    expect(marked).toEqual(['机上接']);
  });

  it('start after a sentence mark before the match, with an ellipsis and no spaces around it', () => {
    const long = `${'这是很长的一段说明文字'.repeat(4)}。请在暴雨来临前打开手机接收预警信息${'。后面还有很多文字'.repeat(20)}`;
    const parts = makeExcerpt(long, '预警');
    expect(parts[0]!.text).toBe('…');
    expect(parts[1]!.text.startsWith('请在暴雨来临前')).toBe(true);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['预警']);
    expect(parts.at(-1)!.text).toBe('…');
  });

  it('never skip past the match looking for a space', () => {
    const long = `${'这是很长的一段说明文字'.repeat(6)}请打开手机接收预警信息${'后面还有很多文字'.repeat(10)} Android 手机`;
    expect(makeExcerpt(long, '预警').some((p) => p.match && p.text === '预警')).toBe(true);
  });
});
