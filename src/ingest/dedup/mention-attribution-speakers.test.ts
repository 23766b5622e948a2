import { describe, expect, it } from 'vitest';
import { primarySourceKey } from '../../domain/attribution.js';
import type { Modality } from '../../domain/ontology.js';
import type { EventType } from '../../domain/ontology.js';
import { attributeMentions } from './mention-attribution.js';

/** Where a mention's speaker stands: the rules of speaker-cues.ts, read through attribution. */
interface Spec {
  type: EventType;
  source?: string | null;
  target?: string | null;
  modality?: Modality;
  sentence: string;
  trigger: string;
}

function attribute(text: string, lang: string, specs: Spec[]) {
  const mentions = specs.map((s) => {
    const start = text.indexOf(s.sentence);
    if (start < 0) throw new Error(`no sentence "${s.sentence}"`);
    const t = start + s.sentence.indexOf(s.trigger);
    if (t < start) throw new Error(`no trigger "${s.trigger}"`);
    return {
      type: s.type,
      source: s.source ?? null,
      target: s.target ?? null,
      modality: s.modality ?? 'ASSERTED',
      start,
      end: start + s.sentence.length,
      trigger: { start: t, end: t + s.trigger.length },
    };
  });
  return attributeMentions(text, lang, mentions);
}

const one = (text: string, lang: string, spec: Omit<Spec, 'sentence'>) =>
  attribute(text, lang, [{ ...spec, sentence: text }])[0];

describe('where a speaker stands', () => {
  it('gives a state right after "according to" the claim, even one the event names', () => {
    const fr = 'Selon Kiev, des soldats nord-coréens combattent déjà les troupes ukrainiennes.';
    expect(
      one(fr, 'fr', { type: 'ATTACK', source: 'PRK', target: 'UKR', trigger: 'combattent' }),
    ).toMatchObject({ actor: 'UKR', basis: 'speaker' });
    const en = 'According to Kyiv, North Korean units are already fighting Ukrainian troops.';
    expect(
      one(en, 'en', { type: 'ATTACK', source: 'PRK', target: 'UKR', trigger: 'fighting' }),
    ).toMatchObject({ actor: 'UKR' });
  });

  it('reads the longer forms of "according to" in Spanish and French', () => {
    const es =
      'Corea del Norte envió otros 2.000 soldados a Rusia, de acuerdo con la inteligencia surcoreana.';
    expect(
      one(es, 'es', { type: 'TROOP_DEPLOYMENT', source: 'PRK', target: 'RUS', trigger: 'envió' }),
    ).toMatchObject({ actor: 'KOR' });
    const fr =
      'À en croire le renseignement sud-coréen, Pyongyang a envoyé 2 000 soldats de plus en Russie.';
    expect(
      one(fr, 'fr', { type: 'TROOP_DEPLOYMENT', source: 'PRK', target: 'RUS', trigger: 'envoyé' }),
    ).toMatchObject({ actor: 'KOR' });
  });

  it('never reads the state before "according to" as its speaker', () => {
    const es = 'Irán habría enviado drones a Rusia, según un diario francés.';
    expect(
      one(es, 'es', { type: 'ARMS_TRANSFER', source: 'IRN', target: 'RUS', trigger: 'enviado' }),
    ).toBeNull();
    const de = 'Der Iran soll Russland nach einem Bericht einer Zeitung Raketen geliefert haben.';
    expect(
      one(de, 'de', { type: 'ARMS_TRANSFER', source: 'IRN', target: 'RUS', trigger: 'geliefert' }),
    ).toBeNull();
  });

  it('reads a state after a Chinese or Japanese speech verb as what is said, not who says it', () => {
    const zh = '外交部发言人表示，中方对此强烈不满。发言人指出，日方大幅增加防卫预算，值得警惕。';
    const [, concern] = attribute(zh, 'zh', [
      {
        type: 'CONCERN',
        source: 'CHN',
        sentence: '外交部发言人表示，中方对此强烈不满。',
        trigger: '不满',
      },
      {
        type: 'CONCERN',
        source: 'JPN',
        sentence: '发言人指出，日方大幅增加防卫预算，值得警惕。',
        trigger: '警惕',
      },
    ]);
    expect(concern).toMatchObject({ actor: 'CHN', basis: 'continued' });
    const ja =
      '中国外務省の報道官は強い不満を表明した。報道官は、日本が防衛費を増やしていると批判した。';
    const [, criticism] = attribute(ja, 'ja', [
      {
        type: 'CONCERN',
        source: 'CHN',
        sentence: '中国外務省の報道官は強い不満を表明した。',
        trigger: '不満',
      },
      {
        type: 'CONCERN',
        source: 'JPN',
        sentence: '報道官は、日本が防衛費を増やしていると批判した。',
        trigger: '批判',
      },
    ]);
    expect(criticism).toMatchObject({ actor: 'CHN', basis: 'continued' });
  });

  it('finds the speaker of a verb that follows a comma in the rest of its clause', () => {
    const en =
      'Russia has fired some twenty North Korean missiles at Ukrainian cities, said the prosecutor general of Ukraine.';
    expect(
      one(en, 'en', { type: 'ATTACK', source: 'RUS', target: 'UKR', trigger: 'fired' }),
    ).toMatchObject({ actor: 'UKR' });
    const uk =
      'Росія випустила по українських містах два десятки північнокорейських ракет, заявив генеральний прокурор України.';
    expect(
      one(uk, 'uk', { type: 'ATTACK', source: 'RUS', target: 'UKR', trigger: 'випустила' }),
    ).toMatchObject({ actor: 'UKR' });
  });

  it('reads a state opening the clause its verb ends as the speaker, however long its title', () => {
    const en =
      "Russia has fired two dozen North Korean missiles at Ukraine since December, Ukraine's prosecutor general Andriy Kostin said on Friday.";
    expect(
      one(en, 'en', { type: 'ATTACK', source: 'RUS', target: 'UKR', trigger: 'fired' }),
    ).toMatchObject({ actor: 'UKR' });
    const de =
      'Russland habe seit Dezember zwei Dutzend nordkoreanische Raketen auf die Ukraine abgefeuert, die ukrainische Generalstaatsanwaltschaft teilte das am Freitag mit.';
    expect(
      one(de, 'de', { type: 'ATTACK', source: 'RUS', target: 'UKR', trigger: 'abgefeuert' }),
    ).toMatchObject({ actor: 'UKR' });
  });

  it('leaves a claim an agency reports after its verb to the agency, as a conduit alone', () => {
    const es =
      'Francia, Alemania y el Reino Unido activaron el mecanismo de sanciones contra Irán, según informó la AFP.';
    expect(
      one(es, 'es', { type: 'SANCTION', source: 'UN', target: 'IRN', trigger: 'sanciones' }),
    ).toMatchObject({ actor: null, basis: 'conduit', conduit: 'AFP' });
    const uk =
      'Франція, Німеччина та Велика Британія запустили механізм відновлення санкцій проти Ірану, повідомляє AFP.';
    expect(
      one(uk, 'uk', { type: 'SANCTION', source: 'UN', target: 'IRN', trigger: 'санкцій' }),
    ).toMatchObject({ actor: null, basis: 'conduit' });
  });

  it('skips the city of a wire dateline', () => {
    const en =
      'SEOUL, Jan 5 (Wire) - North Korea said on Sunday it had tested a new solid-fuel engine.';
    expect(
      one(en, 'en', { type: 'WEAPONS_DEVELOPMENT', source: 'PRK', trigger: 'tested' }),
    ).toMatchObject({ actor: 'PRK' });
    const fr =
      'SÉOUL, 5 janv. (Agence) - La Corée du Nord a déclaré dimanche avoir testé un nouveau moteur.';
    expect(
      one(fr, 'fr', { type: 'WEAPONS_DEVELOPMENT', source: 'PRK', trigger: 'testé' }),
    ).toMatchObject({ actor: 'PRK' });
  });
});

describe('denials and joint statements', () => {
  it('gives what a denial says did not happen to the denier', () => {
    const en = 'Beijing has denied providing lethal aid to Russia.';
    const [, aid] = attribute(en, 'en', [
      { type: 'REJECTION', source: 'CHN', sentence: en, trigger: 'denied' },
      {
        type: 'ARMS_TRANSFER',
        source: 'CHN',
        target: 'RUS',
        modality: 'NEGATED',
        sentence: en,
        trigger: 'providing',
      },
    ]);
    expect(aid).toMatchObject({ actor: 'CHN', basis: 'speaker' });
    const ru = 'Пекин отверг обвинения в поставках летального оружия России.';
    const [, supply] = attribute(ru, 'ru', [
      { type: 'REJECTION', source: 'CHN', sentence: ru, trigger: 'отверг' },
      {
        type: 'ARMS_TRANSFER',
        source: 'CHN',
        target: 'RUS',
        modality: 'NEGATED',
        sentence: ru,
        trigger: 'поставках',
      },
    ]);
    expect(supply).toMatchObject({ actor: 'CHN' });
  });

  it('keeps an accusation made before a denial with its accuser', () => {
    const en =
      'Washington accused Pyongyang of shipping shells to Russia, which both governments deny.';
    const [, , shipping] = attribute(en, 'en', [
      { type: 'CONCERN', source: 'USA', target: 'PRK', sentence: en, trigger: 'accused' },
      { type: 'REJECTION', source: 'PRK', sentence: en, trigger: 'deny' },
      { type: 'ARMS_TRANSFER', source: 'PRK', target: 'RUS', sentence: en, trigger: 'shipping' },
    ]);
    expect(shipping).toMatchObject({ actor: 'USA' });
    const zh = '美国指责朝鲜向俄罗斯运送弹药，俄朝双方均予以否认。';
    const [, , shells] = attribute(zh, 'zh', [
      { type: 'CONCERN', source: 'USA', target: 'PRK', sentence: zh, trigger: '指责' },
      { type: 'REJECTION', source: 'PRK', sentence: zh, trigger: '否认' },
      { type: 'ARMS_TRANSFER', source: 'PRK', target: 'RUS', sentence: zh, trigger: '运送' },
    ]);
    expect(shells).toMatchObject({ actor: 'USA' });
  });

  it('names states speaking together as one source, whatever order a report lists them in', () => {
    const en = 'Britain, France and Germany accused Iran of breaking the nuclear deal.';
    const de =
      'Deutschland, Frankreich und Großbritannien warfen dem Iran vor, das Atomabkommen zu brechen.';
    const a = one(en, 'en', { type: 'CONCERN', source: 'GBR', target: 'IRN', trigger: 'accused' });
    const b = one(de, 'de', { type: 'CONCERN', source: 'DEU', target: 'IRN', trigger: 'warfen' });
    expect(a).toMatchObject({ actor: 'GBR', joint: ['DEU', 'FRA', 'GBR'] });
    expect(b).toMatchObject({ actor: 'DEU', joint: ['DEU', 'FRA', 'GBR'] });
    expect(primarySourceKey(a)).toBe('actor:DEU+FRA+GBR');
    expect(primarySourceKey(b)).toBe(primarySourceKey(a));
    // One state alone keeps its own key.
    const alone = one('France accused Iran of breaking the deal.', 'en', {
      type: 'CONCERN',
      source: 'FRA',
      target: 'IRN',
      trigger: 'accused',
    });
    expect(alone?.joint).toBeUndefined();
    expect(primarySourceKey(alone)).toBe('actor:FRA');
  });
});

describe('a statement read by word order', () => {
  it('keeps the state its verb is about apart from its speaker when the roles come reversed', () => {
    // The extractor may swap who accuses whom; the word order says who speaks.
    const en =
      'Washington and its allies, who accuse Pyongyang of arming Moscow, criticised the summit.';
    expect(
      one(en, 'en', { type: 'CONCERN', source: 'PRK', target: 'USA', trigger: 'accuse' }),
    ).toMatchObject({ actor: 'USA' });
    const fr =
      "L'ambassadrice britannique, Barbara Woodward, a accusé Moscou de contourner les sanctions.";
    expect(
      one(fr, 'fr', { type: 'CONCERN', source: 'RUS', target: 'GBR', trigger: 'accusé' }),
    ).toMatchObject({ actor: 'GBR' });
  });
});

describe('whom a request is addressed to', () => {
  it('never reads the states urged as the speaker, in English and Chinese', () => {
    const en =
      'The State Department said forty countries had signed the text. They urged Pyongyang and Moscow to stop the transfers.';
    const [, request] = attribute(en, 'en', [
      {
        type: 'CONCERN',
        source: 'USA',
        sentence: 'The State Department said forty countries had signed the text.',
        trigger: 'said',
      },
      {
        type: 'REQUEST',
        source: 'PRK',
        target: 'RUS',
        sentence: 'They urged Pyongyang and Moscow to stop the transfers.',
        trigger: 'urged',
      },
    ]);
    expect(request).toMatchObject({ actor: 'USA', basis: 'continued' });
    const zh = '美国国务院表示，四十多个国家签署了声明。声明还敦促朝鲜和俄罗斯停止此类合作。';
    const [, urge] = attribute(zh, 'zh', [
      {
        type: 'CONCERN',
        source: 'USA',
        sentence: '美国国务院表示，四十多个国家签署了声明。',
        trigger: '表示',
      },
      {
        type: 'REQUEST',
        source: 'PRK',
        target: 'RUS',
        sentence: '声明还敦促朝鲜和俄罗斯停止此类合作。',
        trigger: '敦促',
      },
    ]);
    expect(urge).toMatchObject({ actor: 'USA', basis: 'continued' });
  });
});

describe('more words of saying', () => {
  it('reads admitting as saying, in German and Japanese', () => {
    const de = 'Nordkorea hat erstmals eingeräumt, Soldaten nach Russland geschickt zu haben.';
    expect(
      one(de, 'de', {
        type: 'TROOP_DEPLOYMENT',
        source: 'PRK',
        target: 'RUS',
        trigger: 'geschickt',
      }),
    ).toMatchObject({ actor: 'PRK' });
    const ja = 'ロシアは北朝鮮兵の派遣を初めて認めた。';
    expect(
      one(ja, 'ja', { type: 'TROOP_DEPLOYMENT', source: 'PRK', target: 'RUS', trigger: '派遣' }),
    ).toMatchObject({ actor: 'RUS' });
  });

  it('reads announcing as saying, the German verb split around its object too', () => {
    const de =
      'Die EU-Außenbeauftragte Kaja Kallas kündigte weitere Strafmaßnahmen gegen Moskau an.';
    expect(
      one(de, 'de', { type: 'SANCTION', source: null, target: 'RUS', trigger: 'Strafmaßnahmen' }),
    ).toMatchObject({ actor: 'EU' });
    const en = 'EU foreign policy chief Kaja Kallas announced further penalties against Moscow.';
    expect(
      one(en, 'en', { type: 'SANCTION', source: null, target: 'RUS', trigger: 'penalties' }),
    ).toMatchObject({ actor: 'EU' });
  });

  it('reads detecting a launch as the detector telling it, in Spanish and Korean', () => {
    const es = 'El Estado Mayor Conjunto surcoreano detectó dos lanzamientos cerca de Pyongyang.';
    expect(
      one(es, 'es', { type: 'MISSILE_TEST', source: 'PRK', trigger: 'lanzamientos' }),
    ).toMatchObject({ actor: 'KOR' });
    const ko = '한국군은 북한이 동해상으로 탄도미사일을 발사한 것을 탐지했다.';
    expect(one(ko, 'ko', { type: 'MISSILE_TEST', source: 'PRK', trigger: '발사' })).toMatchObject({
      actor: 'KOR',
    });
  });

  it('reads a Japanese or Korean topic with a title before its particle as the speaker', () => {
    // Another state named first in what is said must not take the topic's place.
    const tech = (text: string, lang: string, trigger: string) =>
      one(text, lang, { type: 'TECH_TRANSFER', source: 'RUS', target: 'PRK', trigger });
    expect(
      tech(
        '韓国政府は、米国の分析を踏まえ、ロシアが北朝鮮を技術支援したとみている。',
        'ja',
        '技術支援',
      ),
    ).toMatchObject({ actor: 'KOR' });
    expect(
      tech(
        '韓国政府は、9月の首脳会談の後にロシアが北朝鮮を技術支援した可能性があるとみている。',
        'ja',
        '技術支援',
      ),
    ).toMatchObject({ actor: 'KOR' });
    expect(
      tech(
        '한국 정부는 미국과 함께 러시아가 북한에 위성 기술을 지원했다고 판단했다.',
        'ko',
        '지원',
      ),
    ).toMatchObject({ actor: 'KOR' });
  });
});

describe('names that speak for a body', () => {
  it('reads Brussels speaking as the EU', () => {
    const fr =
      "Bruxelles leur reproche d'avoir organisé l'envoi de troupes nord-coréennes en Russie.";
    expect(
      one(fr, 'fr', { type: 'TROOP_DEPLOYMENT', source: 'PRK', target: 'RUS', trigger: 'envoi' }),
    ).toMatchObject({ actor: 'EU', source: 'eu' });
    const uk =
      'У Брюсселі пояснили, що ці особи організували відправлення військових КНДР до Росії.';
    expect(
      one(uk, 'uk', {
        type: 'TROOP_DEPLOYMENT',
        source: 'PRK',
        target: 'RUS',
        trigger: 'відправлення',
      }),
    ).toMatchObject({ actor: 'EU' });
  });

  it('reads "the Korean side" in Chinese as South Korea', () => {
    const zh = '韩方判断，朝鲜可能试射了新型固体燃料导弹。';
    expect(one(zh, 'zh', { type: 'MISSILE_TEST', source: 'PRK', trigger: '试射' })).toMatchObject({
      actor: 'KOR',
    });
    const uk = 'Сполучені Штати заявили, що КНДР передала Росії балістичні ракети.';
    expect(
      one(uk, 'uk', { type: 'ARMS_TRANSFER', source: 'PRK', target: 'RUS', trigger: 'передала' }),
    ).toMatchObject({ actor: 'USA' });
  });
});

describe('a statement whose extracted speaker stands only after its verb', () => {
  it("is not that state's: the roles were read the other way round, the frame goes on", () => {
    const first =
      'США та 40 союзників заявили, що Росія запускала північнокорейські ракети по Україні.';
    const second = 'Підписанти вимагають, щоб Пхеньян і Москва негайно припинили таку співпрацю.';
    const [attack, request] = attribute(`${first} ${second}`, 'uk', [
      { type: 'ATTACK', source: 'RUS', target: 'UKR', sentence: first, trigger: 'запускала' },
      { type: 'REQUEST', source: 'PRK', target: null, sentence: second, trigger: 'вимагають' },
    ]);
    expect(attack).toMatchObject({ actor: 'USA' });
    expect(request).toMatchObject({ actor: 'USA', basis: 'continued' });
  });
});
