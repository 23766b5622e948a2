import { describe, expect, it } from 'vitest';
import { defaultLexicons } from '../lexicon/load-lexicons.js';
import { MAX_SENTENCE_LENGTH, segmentSentences } from './segment-sentences.js';

const split = (text: string, lang: string) =>
  segmentSentences(text, defaultLexicons().get(lang).segmentation).map((s) =>
    text.slice(s.start, s.end),
  );

describe('segmentSentences', () => {
  it('keeps English abbreviations and initials inside the sentence', () => {
    expect(
      split('The U.S. envoy met Dr. Lee and J. R. Smith on Monday. Talks ended.', 'en'),
    ).toEqual(['The U.S. envoy met Dr. Lee and J. R. Smith on Monday.', 'Talks ended.']);
  });

  it('keeps French M. and Mme inside the sentence', () => {
    expect(split('M. Macron et Mme Kim se sont parlé. Rien n’a filtré.', 'fr')).toEqual([
      'M. Macron et Mme Kim se sont parlé.',
      'Rien n’a filtré.',
    ]);
  });

  it('keeps Russian т.е. and г. inside the sentence', () => {
    expect(split('В 2024 г. Москва, т.е. Кремль, ответила. Пхеньян молчит.', 'ru')).toEqual([
      'В 2024 г. Москва, т.е. Кремль, ответила.',
      'Пхеньян молчит.',
    ]);
  });

  it('splits Japanese and Chinese on full-width stops without spaces', () => {
    expect(split('北朝鮮は発射した。日本は抗議した。', 'ja')).toEqual([
      '北朝鮮は発射した。',
      '日本は抗議した。',
    ]);
    expect(split('朝鲜发射了导弹！韩国表示关切？是的', 'zh')).toEqual([
      '朝鲜发射了导弹！',
      '韩国表示关切？',
      '是的',
    ]);
  });

  it('splits Korean sentences and keeps closing quotes with their sentence', () => {
    expect(split('그는 "북한이 발사했다." 라고 말했다. 정부는 우려했다.', 'ko')).toEqual([
      '그는 "북한이 발사했다." 라고 말했다.',
      '정부는 우려했다.',
    ]);
  });

  it('treats line breaks as paragraph ends and trims spans', () => {
    expect(split('  Headline without stop\n\nBody sentence one. Body two.  ', 'en')).toEqual([
      'Headline without stop',
      'Body sentence one.',
      'Body two.',
    ]);
  });

  it('cuts a run without punctuation into bounded pieces', () => {
    const text = 'word '.repeat(2000);
    const spans = segmentSentences(text, new Set());
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
  });

  it('keeps a German ordinal inside its sentence, but not a year or a plain count', () => {
    const text =
      'Am 13. Oktober testete Pjöngjang eine Rakete. Das 15. Paket folgte im Jahr 2024. Danach kam nichts.';
    const split = (ordinalPeriod: boolean) =>
      segmentSentences(text, { abbreviations: new Set(), ordinalPeriod }).map((s) =>
        text.slice(s.start, s.end),
      );
    expect(split(true)).toEqual([
      'Am 13. Oktober testete Pjöngjang eine Rakete.',
      'Das 15. Paket folgte im Jahr 2024.',
      'Danach kam nichts.',
    ]);
    expect(split(false)).toHaveLength(5);
  });
});
