import { describe, expect, it } from 'vitest';
import { findActors } from './speaker-actors.js';
import { joinsNames, placeCues, standsAsSpeaker } from './speaker-cues.js';
import { loadStoryData } from './story-data.js';

describe('joinsNames', () => {
  it('joins names listed with commas and "and", articles allowed, in several languages', () => {
    expect(joinsNames(', ', 'en')).toBe(true);
    expect(joinsNames(' as well as ', 'en')).toBe(true);
    expect(joinsNames(' und die ', 'de')).toBe(true);
    expect(joinsNames('、', 'zh')).toBe(true);
    expect(joinsNames('和', 'zh')).toBe(true);
    expect(joinsNames('과 ', 'ko')).toBe(true);
  });

  it('keeps apart names that a verb or nothing stands between', () => {
    expect(joinsNames(' soll ', 'de')).toBe(false);
    expect(joinsNames(' said ', 'en')).toBe(false);
    expect(joinsNames('', 'en')).toBe(false);
  });
});

describe('placeCues', () => {
  const place = (text: string, lang: string) => {
    const data = loadStoryData();
    const regex = data.statementCues.get(lang)!;
    const cues = [...text.matchAll(new RegExp(regex.source, regex.flags))].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      word: m[0],
    }));
    const placed = placeCues(text, lang, cues, data, [], findActors(text, lang));
    return placed.map((p, i) => ({ word: cues[i]!.word, ...p }));
  };

  it('lets "according to" take its speaker after it only, in English and Russian', () => {
    expect(place('According to Seoul, the launch failed.', 'en')[0]).toMatchObject({
      before: false,
      after: true,
      preposed: true,
    });
    expect(place('По словам Сеула, пуск не удался.', 'ru')[0]).toMatchObject({
      before: false,
      preposed: true,
    });
  });

  it('lets a Chinese or Korean verb take its speaker before it only', () => {
    expect(place('韩方表示，朝鲜发射了导弹。', 'zh')[0]).toMatchObject({
      word: '表示',
      before: true,
      after: false,
    });
    expect(place('합참은 북한이 미사일을 쐈다고 밝혔다.', 'ko').at(-1)).toMatchObject({
      before: true,
      after: false,
    });
  });

  it('keeps a name after a comma out of the cue before it ("he said, Pyongyang…"), in English and Russian', () => {
    const en = 'In return, he said, Pyongyang is seeking fighter jets.';
    const ru = 'В ответ, по его словам, Пхеньян хочет получить истребители.';
    for (const [text, lang] of [
      [en, 'en'],
      [ru, 'ru'],
    ] as const) {
      const cues = place(text, lang);
      const name = findActors(text, lang).find((a) => a.code === 'PRK')!;
      expect(standsAsSpeaker(name, cues, 8)).toBe(false);
    }
    // Without the comma the name right after the verb may be its speaker ("said Seoul").
    const close = 'The launch failed, said Seoul on Monday.';
    const seoul = findActors(close, 'en').find((a) => a.code === 'KOR')!;
    expect(standsAsSpeaker(seoul, place(close, 'en'), 8)).toBe(true);
  });

  it('reads a verb after a comma as inverted up to the end of its clause, in French and English', () => {
    const fr = 'Le tir a eu lieu lundi, a indiqué le ministère sud-coréen. La suite viendra.';
    const cue = place(fr, 'fr').find((c) => c.word.startsWith('indiqu'))!;
    expect(cue).toMatchObject({ before: false, after: true });
    expect(cue.clauseEnd).toBe(fr.indexOf('. La suite'));
    // A participle after a comma keeps its subject before it.
    const en = 'Britain moved to restore sanctions, accusing Tehran of breaking the deal.';
    expect(place(en, 'en').find((c) => c.word.startsWith('accus'))).toMatchObject({
      before: true,
    });
  });
});
