import { describe, expect, it } from 'vitest';
import { attributeSource, sentenceSpans } from './attributed-source.js';

describe('attributeSource', () => {
  it('finds the source of the first attributed statement, in any language', () => {
    const cases: [string, string, string][] = [
      [
        'Pyongyang launched two rockets on Tuesday, South Korea’s Joint Chiefs of Staff said.',
        'en',
        'kor-jcs',
      ],
      ['국가정보원은 5일 국회 정보위원회에 북한군 동향을 보고했다.', 'ko', 'kor-nis'],
      ['据朝中社报道，朝鲜进行了新型火箭发动机试验。', 'zh', 'prk-state'],
      ['Учения завершились в срок, сообщили в Минобороны России.', 'ru', 'rus-mod'],
      ['За даними ГУР, колона рушила на північ.', 'uk', 'ukr-hur'],
      ['Selon l’AIEA, le stock a encore augmenté.', 'fr', 'iaea'],
      ['Nach Angaben des Pentagons wurden zwei Schiffe verlegt.', 'de', 'usa-pentagon'],
      ['防衛省によると、落下地点は排他的経済水域の外とみられる。', 'ja', 'jpn-mod'],
    ];
    for (const [text, lang, id] of cases)
      expect(attributeSource(text, lang).primary, text).toBe(id);
  });

  it('keeps later attributions and every named source, in text order', () => {
    const a = attributeSource(
      'Seoul’s spy agency said the shipment left in March. Japan’s defence ministry confirmed it. Putin was not mentioned in any statement today',
      'en',
    );
    expect(a).toEqual({
      primary: 'kor-nis',
      attributed: ['kor-nis', 'jpn-mod', 'rus-kremlin'],
      named: ['kor-nis', 'jpn-mod', 'rus-kremlin'],
    });
  });

  it('names without a cue, bodies that never speak and lower-case acronyms are no source', () => {
    expect(attributeSource('The NIS building stands in Seoul.', 'en')).toEqual({
      primary: null,
      attributed: [],
      named: ['kor-nis'],
    });
    expect(
      attributeSource('The test violates Security Council resolutions, the JCS said.', 'en')
        .primary,
    ).toBe('kor-jcs');
    expect(attributeSource('He said the nis was closed.', 'en').named).toEqual([]);
  });

  it('tries every language when the language is unknown', () => {
    expect(attributeSource('합참은 오전 발사를 확인했다고 밝혔다.', null).primary).toBe('kor-jcs');
  });
});

describe('sentenceSpans', () => {
  it('does not cut after abbreviations or before numbers', () => {
    const text = 'On Oct. 8 the U.S. envoy spoke. Then he left.다음 문장。最後';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'On Oct. 8 the U.S. envoy spoke.',
      'Then he left.다음 문장。',
      '最後',
    ]);
  });
});
