import { describe, expect, it } from 'vitest';
import type { EventType } from '../../domain/ontology.js';
import { attributeMentions } from './mention-attribution.js';

interface Spec {
  type: EventType;
  source?: string | null;
  target?: string | null;
  /** The mention's sentence, found in the text. */
  sentence: string;
  /** The trigger word, found in the sentence. */
  trigger: string;
}

/** Mentions over `text` at the sentences and triggers given, as the extractor would place them. */
function attribute(text: string, lang: string, specs: Spec[], origin: string | null = null) {
  const mentions = specs.map((s) => {
    const start = text.indexOf(s.sentence);
    if (start < 0) throw new Error(`no sentence "${s.sentence}"`);
    const t = start + s.sentence.indexOf(s.trigger);
    return {
      type: s.type,
      source: s.source ?? null,
      target: s.target ?? null,
      start,
      end: start + s.sentence.length,
      trigger: { start: t, end: t + s.trigger.length },
    };
  });
  return attributeMentions(text, lang, mentions, { origin });
}

describe('attributeMentions', () => {
  it('takes a listed source named with a cue, whatever else the sentence names', () => {
    const text =
      'Pyongyang shipped more shells to Moscow in May, the NIS told lawmakers on Monday.';
    const [a] = attribute(text, 'en', [
      { type: 'ARMS_TRANSFER', source: 'PRK', target: 'RUS', sentence: text, trigger: 'shipped' },
    ]);
    expect(a).toMatchObject({ actor: 'KOR', source: 'kor-nis', basis: 'named', conduit: null });
    expect(text.slice(a!.span!.start, a!.span!.end)).toBe('NIS');
  });

  it('reads the body that briefed lawmakers as the source, in Korean too', () => {
    const en = 'Lawmakers briefed by the NIS said some 2,000 engineers had left for Russia.';
    const ko = '국정원은 북한이 공병 2천 명을 러시아로 보냈다고 국회에 보고했다.';
    expect(
      attribute(en, 'en', [
        { type: 'TROOP_DEPLOYMENT', source: 'PRK', target: 'RUS', sentence: en, trigger: 'left' },
      ])[0],
    ).toMatchObject({ source: 'kor-nis', actor: 'KOR' });
    expect(
      attribute(ko, 'ko', [
        { type: 'TROOP_DEPLOYMENT', source: 'PRK', target: 'RUS', sentence: ko, trigger: '보냈' },
      ])[0],
    ).toMatchObject({ source: 'kor-nis', actor: 'KOR', basis: 'named' });
  });

  it('keeps the conduit apart from the primary source', () => {
    const text =
      "South Korea's national security adviser told SBS that North Korean engineers had reached Russia.";
    const [a] = attribute(text, 'en', [
      {
        type: 'TROOP_DEPLOYMENT',
        source: 'PRK',
        target: 'RUS',
        sentence: text,
        trigger: 'reached',
      },
    ]);
    expect(a).toMatchObject({ actor: 'KOR', basis: 'speaker', conduit: 'SBS' });
  });

  it('records a credited agency alone as the conduit, with no primary source', () => {
    const text = 'Selon Yonhap, la Corée du Nord a tiré deux missiles de croisière mardi soir.';
    const [a] = attribute(text, 'fr', [
      { type: 'MISSILE_TEST', source: 'PRK', sentence: text, trigger: 'tiré' },
    ]);
    expect(a).toMatchObject({ actor: null, source: null, basis: 'conduit', conduit: 'Yonhap' });
  });

  it('carries an attributed statement on to "it added" and to reported speech', () => {
    const text =
      'The Joint Chiefs of Staff said on Monday that a launch vehicle had been moved to the pad. ' +
      'It added that fuelling had begun. Der Start soll am Freitag erfolgen.';
    const [added] = attribute(text, 'en', [
      {
        type: 'SPACE_LAUNCH',
        source: 'PRK',
        sentence: 'It added that fuelling had begun.',
        trigger: 'fuelling',
      },
    ]);
    expect(added).toMatchObject({ source: 'kor-jcs', actor: 'KOR', basis: 'continued' });
    const de =
      'Der südkoreanische Generalstab teilte mit, Nordkorea bereite einen Satellitenstart vor. ' +
      'Der Start soll noch in dieser Woche erfolgen.';
    const [hearsay] = attribute(de, 'de', [
      {
        type: 'SPACE_LAUNCH',
        source: 'PRK',
        sentence: 'Der Start soll noch in dieser Woche erfolgen.',
        trigger: 'Start',
      },
    ]);
    expect(hearsay).toMatchObject({ source: 'kor-jcs', basis: 'continued' });
  });

  it('attributes nothing to background sentences without a cue', () => {
    const text = 'The NIS said the North had launched a rocket. It was the third launch this year.';
    const result = attribute(text, 'en', [
      {
        type: 'SPACE_LAUNCH',
        source: 'PRK',
        sentence: 'It was the third launch this year.',
        trigger: 'launch',
      },
    ]);
    expect(result).toEqual([null]);
  });

  it("marks the outlet's own reporting as an origin of its own", () => {
    const text =
      'Satellite images obtained by this newspaper show two new launchers at the Sohae site.';
    const [a] = attribute(text, 'en', [
      { type: 'WEAPONS_DEVELOPMENT', source: 'PRK', sentence: text, trigger: 'launchers' },
    ]);
    expect(a).toMatchObject({ basis: 'own', actor: null, source: null });
  });

  it('gives a statement to its speaker and what it reports too, but not what a denial denies', () => {
    const text = 'Kyiv accused Moscow of firing North Korean missiles at its cities on Sunday.';
    const [concern, attack] = attribute(text, 'en', [
      { type: 'CONCERN', source: 'UKR', target: 'RUS', sentence: text, trigger: 'accused' },
      { type: 'ATTACK', source: 'RUS', target: 'UKR', sentence: text, trigger: 'firing' },
    ]);
    expect(concern).toMatchObject({ actor: 'UKR', basis: 'speaker' });
    expect(attack).toMatchObject({ actor: 'UKR', basis: 'speaker' });

    const denial = 'Moscow denied that it had received any shells from Pyongyang.';
    const [rejection, transfer] = attribute(denial, 'en', [
      { type: 'REJECTION', source: 'RUS', sentence: denial, trigger: 'denied' },
      {
        type: 'ARMS_TRANSFER',
        source: 'PRK',
        target: 'RUS',
        sentence: denial,
        trigger: 'received',
      },
    ]);
    expect(rejection).toMatchObject({ actor: 'RUS' });
    expect(transfer).toBeNull();
  });

  it('resolves a state speaking to the source the document names for it', () => {
    const text =
      'The JCS said North Korea fired a short-range missile on Thursday. ' +
      'Seoul said the missile flew about 600 kilometres.';
    const [a] = attribute(text, 'en', [
      {
        type: 'MISSILE_TEST',
        source: 'PRK',
        sentence: 'Seoul said the missile flew about 600 kilometres.',
        trigger: 'flew',
      },
    ]);
    expect(a).toMatchObject({ actor: 'KOR', source: 'kor-jcs', basis: 'speaker' });
  });

  it('reads a capital that speaks in Russian, and leaves commentary unattributed', () => {
    const ru = 'В Сеуле полагают, что Пхеньян готовит новый пуск спутника.';
    expect(
      attribute(ru, 'ru', [
        { type: 'SPACE_LAUNCH', source: 'PRK', sentence: ru, trigger: 'пуск' },
      ])[0],
    ).toMatchObject({ actor: 'KOR', basis: 'speaker' });
    const en = 'Analysts said the engine test could precede a satellite launch.';
    expect(
      attribute(en, 'en', [
        { type: 'SPACE_LAUNCH', source: null, sentence: en, trigger: 'launch' },
      ]),
    ).toEqual([null]);
  });

  it('falls back to the document’s credited origin as the conduit', () => {
    const text = 'The Kremlin said Russian and North Korean officials met in Moscow on Friday.';
    const [a] = attribute(
      text,
      'en',
      [{ type: 'MEETING', source: 'RUS', target: 'PRK', sentence: text, trigger: 'met' }],
      'TASS',
    );
    expect(a).toMatchObject({ source: 'rus-kremlin', conduit: 'TASS' });
  });
});
