import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matches, resolveEventDate } from './resolve-date.js';
import { compileTimeData, loadTimeData, timeDataFor } from './time-data.js';
import { inferYear, lastWeekdayOnOrBefore, mondayOfWeek } from './calendar.js';

const date = (sentence: string, lang: string, published?: string): string | null =>
  resolveEventDate({ sentence, lang, ...(published ? { published } : {}) }).date;

// 2023-09-14 is a Thursday; 2024-11-14 is a Thursday.
describe('resolveEventDate: relative to publication', () => {
  it('resolves a weekday to the most recent such day on or before publication', () => {
    const r = resolveEventDate({
      sentence: 'Kim met Putin on Wednesday.',
      lang: 'en',
      published: '2023-09-14',
    });
    expect(r).toEqual({
      date: '2023-09-13',
      span: { start: 17, end: 26 },
      rule: 'time.en.weekday',
    });
    expect(date('Kim met Putin on Thursday.', 'en', '2023-09-14')).toBe('2023-09-14');
    expect(date('Kim met Putin on Friday.', 'en', '2023-09-14')).toBe('2023-09-08');
    expect(date('Ким встретился с Путиным в среду.', 'ru', '2023-09-14')).toBe('2023-09-13');
    expect(date('Ким зустрівся з Путіним у середу.', 'uk', '2023-09-14')).toBe('2023-09-13');
    expect(date('Kim a rencontré Poutine mercredi.', 'fr', '2023-09-14')).toBe('2023-09-13');
    expect(date('Kim traf Putin am Mittwoch.', 'de', '2023-09-14')).toBe('2023-09-13');
    expect(date('Kim se reunió con Putin el miércoles.', 'es', '2023-09-14')).toBe('2023-09-13');
    expect(date('김정은은 수요일 푸틴과 만났다.', 'ko', '2023-09-14')).toBe('2023-09-13');
    expect(date('金正恩氏は水曜日にプーチン氏と会談した。', 'ja', '2023-09-14')).toBe('2023-09-13');
    expect(date('金正恩星期三与普京会面。', 'zh', '2023-09-14')).toBe('2023-09-13');
  });

  it('puts "last <weekday>" strictly before publication and "next <weekday>" strictly after', () => {
    // 2023-09-14 is a Thursday: last Thursday is a week before, next Thursday a week after.
    expect(date('Kim met Putin last Thursday.', 'en', '2023-09-14')).toBe('2023-09-07');
    expect(date('Kim met Putin last Wednesday.', 'en', '2023-09-14')).toBe('2023-09-13');
    expect(date('Kim will meet Putin next Thursday.', 'en', '2023-09-14')).toBe('2023-09-21');
    expect(date('Kim will meet Putin next Monday.', 'en', '2023-09-14')).toBe('2023-09-18');
    expect(date('Kim a rencontré Poutine jeudi dernier.', 'fr', '2023-09-14')).toBe('2023-09-07');
    expect(date('Kim rencontrera Poutine jeudi prochain.', 'fr', '2023-09-14')).toBe('2023-09-21');
    expect(date('Ким встретился с Путиным в прошлый четверг.', 'ru', '2023-09-14')).toBe(
      '2023-09-07',
    );
    expect(date('Ким встретится с Путиным в следующий четверг.', 'ru', '2023-09-14')).toBe(
      '2023-09-21',
    );
    expect(date('김정은은 지난 목요일 푸틴과 만났다.', 'ko', '2023-09-14')).toBe('2023-09-07');
    expect(date('김정은은 다음 목요일 푸틴과 만난다.', 'ko', '2023-09-14')).toBe('2023-09-21');
    // "last" elsewhere in the sentence changes nothing.
    expect(date('At last, Kim met Putin on Thursday.', 'en', '2023-09-14')).toBe('2023-09-14');
  });

  it('does not take the Russian word for environment for Wednesday', () => {
    expect(date('Загрязнение окружающей среды растёт.', 'ru', '2023-09-14')).toBeNull();
  });

  it('resolves today, yesterday, last week (its Monday), last month, last year', () => {
    expect(date('North Korea fired a missile today.', 'en', '2024-11-14')).toBe('2024-11-14');
    expect(date('It fired yesterday.', 'en', '2024-11-14T08:00:00Z')).toBe('2024-11-13');
    expect(date('Officials met last week.', 'en', '2024-11-14')).toBe('2024-11-04');
    expect(date('Exports rose last month.', 'en', '2024-01-10')).toBe('2023-12');
    expect(date('La Russie a livré des obus la semaine dernière.', 'fr', '2024-11-14')).toBe(
      '2024-11-04',
    );
    expect(date('Pyongyang a tiré hier un missile.', 'fr', '2024-11-14')).toBe('2024-11-13');
    expect(date('КНДР провела пуск на прошлой неделе.', 'ru', '2024-11-14')).toBe('2024-11-04');
    expect(date('Росія отримала снаряди минулого місяця.', 'uk', '2024-11-14')).toBe('2024-10');
    expect(date('북한은 지난주 미사일을 발사했다.', 'ko', '2024-11-14')).toBe('2024-11-04');
    expect(date('북한은 어제 미사일을 발사했다.', 'ko', '2024-11-14')).toBe('2024-11-13');
    expect(date('북한은 지난달 위성을 발사했다.', 'ko', '2024-11-14')).toBe('2024-10');
    expect(date('北朝鮮は先週ミサイルを発射した。', 'ja', '2024-11-14')).toBe('2024-11-04');
    expect(date('朝鲜昨天发射了导弹。', 'zh', '2024-11-14')).toBe('2024-11-13');
    expect(date('Nordkorea hat gestern eine Rakete getestet.', 'de', '2024-11-14')).toBe(
      '2024-11-13',
    );
    expect(date('Corea del Norte lanzó un misil la semana pasada.', 'es', '2024-11-14')).toBe(
      '2024-11-04',
    );
  });

  it('puts a bare month in the most recent such month', () => {
    expect(date('Russia shipped shells in June.', 'en', '2024-11-12')).toBe('2024-06');
    expect(date('Russia shipped shells in December.', 'en', '2024-11-12')).toBe('2024-12');
    expect(date('Russia shipped shells in March.', 'en', '2024-01-12')).toBe('2023-03');
    expect(date('La Russie a livré des obus en juin.', 'fr', '2024-11-12')).toBe('2024-06');
    expect(date('Россия поставила снаряды в июне.', 'ru', '2024-11-12')).toBe('2024-06');
    expect(date('북한은 6월 위성을 발사했다.', 'ko', '2024-11-12')).toBe('2024-06');
    expect(date('Putin may visit soon.', 'en', '2024-11-12')).toBeNull();
  });

  it('resolves a day of the month alone in Korean, Japanese and Chinese', () => {
    expect(date('국가정보원은 18일 북한이 병력을 파견했다고 밝혔다.', 'ko', '2024-10-19')).toBe(
      '2024-10-18',
    );
    expect(date('北朝鮮は27日夜、ロケットを発射した。', 'ja', '2024-05-28')).toBe('2024-05-27');
    expect(date('朝鲜30号发射了卫星。', 'zh', '2024-06-02')).toBe('2024-05-30');
    expect(date('북한은 3일간 훈련을 했다.', 'ko', '2024-10-19')).toBeNull();
  });

  it('leaves relative dates null without a publication date', () => {
    expect(date('Kim met Putin on Wednesday.', 'en')).toBeNull();
    expect(date('Russia shipped shells in June.', 'en')).toBeNull();
    expect(date('북한은 어제 미사일을 발사했다.', 'ko')).toBeNull();
    expect(date('The treaty was signed on June 19, 2024.', 'en')).toBe('2024-06-19');
  });
});

describe('resolveEventDate: explicit dates', () => {
  const cases: [string, string, string][] = [
    ['en', 'The treaty was signed on June 19, 2024.', '2024-06-19'],
    ['en', 'The treaty was signed on 19 June 2024.', '2024-06-19'],
    ['en', 'The treaty was signed on 2024-06-19.', '2024-06-19'],
    ['fr', 'Le traité a été signé le 19 juin 2024.', '2024-06-19'],
    ['fr', 'Le traité a été signé le 1er juin 2024.', '2024-06-01'],
    ['de', 'Der Vertrag wurde am 19. Juni 2024 unterzeichnet.', '2024-06-19'],
    ['es', 'El tratado se firmó el 19 de junio de 2024.', '2024-06-19'],
    ['ru', 'Договор подписан 19 июня 2024 года.', '2024-06-19'],
    ['uk', 'Договір підписано 19 червня 2024 року.', '2024-06-19'],
    ['ko', '양국은 2024년 6월 19일 조약에 서명했다.', '2024-06-19'],
    ['ja', '両国は2024年6月19日に条約に署名した。', '2024-06-19'],
    ['zh', '两国于2024年6月19日签署条约。', '2024-06-19'],
    ['en', 'The exercise took place in June 2024.', '2024-06'],
    ['ru', 'Учения прошли в июне 2024 года.', '2024-06'],
    ['ko', '훈련은 2024년 6월 진행됐다.', '2024-06'],
  ];
  it.each(cases)('%s: %s', (lang, sentence, expected) => {
    expect(date(sentence, lang, '2024-11-14')).toBe(expected);
  });

  it('infers the year of a month and day written without one', () => {
    expect(date('양국은 6월 19일 조약에 서명했다.', 'ko', '2024-11-14')).toBe('2024-06-19');
    expect(date('They met on 5 June.', 'en', '2024-11-14')).toBe('2024-06-05');
    expect(date('They will meet on December 2.', 'en', '2024-11-14')).toBe('2024-12-02');
    expect(date('They met on December 20.', 'en', '2025-01-05')).toBe('2024-12-20');
    expect(date('Ils se sont rencontrés le 3 mars.', 'fr', '2024-11-14')).toBe('2024-03-03');
  });

  it('prefers the most precise expression, and a written date over a weekday', () => {
    expect(
      date('Seoul said on Tuesday that the launch happened on 5 June.', 'en', '2024-11-14'),
    ).toBe('2024-06-05');
    expect(
      date('The missile, first shown in 2023, was launched on Thursday.', 'en', '2024-11-14'),
    ).toBe('2024-11-14');
  });
});

describe('resolveEventDate: years and false dates', () => {
  it('takes a year only with its preposition or year word', () => {
    expect(date('Russia delivered missiles in 2023.', 'en', '2024-11-14')).toBe('2023');
    expect(date('La Russie a livré des missiles en 2023.', 'fr')).toBe('2023');
    expect(date('Россия поставила ракеты в 2023 году.', 'ru')).toBe('2023');
    expect(date('Росія отримала ракети у 2023 році.', 'uk')).toBe('2023');
    expect(date('북한은 2023년 위성을 발사했다.', 'ko')).toBe('2023');
    expect(date('北朝鮮は2023年に衛星を打ち上げた。', 'ja')).toBe('2023');
    expect(date('Nordkorea testete im Jahr 2023 Raketen.', 'de')).toBe('2023');
  });

  it('never reads counts, resolution numbers or durations as dates', () => {
    expect(
      date('Russia delivered 600 missiles under Resolution 1718.', 'en', '2024-11-14'),
    ).toBeNull();
    expect(
      date('North Korea has 2000 artillery pieces near the border.', 'en', '2024-11-14'),
    ).toBeNull();
    expect(
      date('The sanctions have been in place for three years.', 'en', '2024-11-14'),
    ).toBeNull();
    expect(
      date('The missile flew for about 86 minutes before landing.', 'en', '2024-11-01'),
    ).toBeNull();
    expect(date('It runs 24/7.', 'en', '2024-11-01')).toBeNull();
    expect(date('Совет Безопасности принял резолюцию 2397.', 'ru', '2024-11-14')).toBeNull();
    expect(date('안보리 결의 1718호를 위반했다.', 'ko', '2024-11-14')).toBeNull();
  });

  it('drops range bounds', () => {
    expect(
      date('Russia has launched missiles since late December.', 'en', '2024-02-16'),
    ).toBeNull();
    expect(date('La Russie reçoit des obus depuis 2023.', 'fr', '2024-02-16')).toBeNull();
    expect(date('Россия получает снаряды с 2023 года.', 'ru', '2024-02-16')).toBeNull();
    expect(date('북한이 지난해 8월 이후 포탄을 보냈다.', 'ko', '2024-09-03')).toBeNull();
    expect(date('북한이 지난해 8월 포탄을 보냈다.', 'ko', '2024-09-03')).toBe('2023-08');
  });

  it('returns null for languages without date words and for empty text', () => {
    expect(date('', 'en', '2024-11-14')).toBeNull();
    expect(date('Qualcosa è successo ieri.', 'xx', '2024-11-14')).toBeNull();
  });
});

describe('calendar', () => {
  it('finds Mondays, weekdays and years', () => {
    expect(mondayOfWeek({ year: 2024, month: 11, day: 14 }, -1)).toEqual({
      year: 2024,
      month: 11,
      day: 4,
    });
    expect(mondayOfWeek({ year: 2024, month: 11, day: 17 }, 0)).toEqual({
      year: 2024,
      month: 11,
      day: 11,
    });
    expect(lastWeekdayOnOrBefore({ year: 2024, month: 1, day: 1 }, 7)).toEqual({
      year: 2023,
      month: 12,
      day: 31,
    });
    expect(inferYear({ year: 2024, month: 11, day: 12 }, 6)).toBe(2024);
    expect(inferYear({ year: 2024, month: 2, day: 1 }, 12)).toBe(2023);
  });
});

describe('time data', () => {
  it('loads every bundled language', () => {
    for (const lang of ['en', 'fr', 'de', 'es', 'ru', 'uk', 'ko', 'ja', 'zh'])
      expect(timeDataFor(lang)?.lang).toBe(lang);
  });

  it('names the file and field of an invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-time-'));
    const file = join(dir, 'xx.yaml');
    writeFileSync(
      file,
      'lang: xx\nwordBoundary: true\nmonths: {june: 13}\nweekdays: {}\nrelative: {}\n',
    );
    expect(() => loadTimeData(file)).toThrow(/months\.june/);
    writeFileSync(
      file,
      "lang: xx\nwordBoundary: true\nmonths: {}\nweekdays: {}\nrelative: {}\npatterns: ['{year}']\n",
    );
    expect(() => compileTimeData(loadTimeData(file))).toThrow(/patterns\.0/);
  });
});

describe('matches: leading lookbehinds checked by hand', () => {
  it('finds what exec() finds with the lookbehind, for every expression of every language', () => {
    const langs = ['en', 'fr', 'de', 'es', 'ru', 'uk', 'ko', 'ja', 'zh'];
    let seed = 3;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const glue = ['', ' ', '1', 'x', 'é', '\u0301', '\ud835\udc00', '. ', '2024', '月', '日'];
    for (const lang of langs) {
      const data = timeDataFor(lang)!;
      const words = [...data.months.keys(), ...data.weekdays.keys(), ...data.relative.keys()];
      const expressions = [
        data.relativeRe,
        data.weekdayRe,
        data.monthRe,
        data.yearRe,
        ...data.patterns.map((p) => p.re),
        ...data.dayPatterns.map((p) => p.re),
      ].filter((re): re is RegExp => re !== undefined);
      for (let t = 0; t < 300; t++) {
        let text = '';
        for (let k = random(6); k > 0; k--)
          text +=
            glue[random(glue.length)]! + words[random(words.length)]! + glue[random(glue.length)]!;
        for (const re of expressions) {
          const want: [number, string][] = [];
          re.lastIndex = 0;
          for (let m = re.exec(text); m !== null; m = re.exec(text)) {
            want.push([m.index, m[0]]);
            if (m[0].length === 0) re.lastIndex++;
          }
          expect(matches(re, text).map((m) => [m.index, m[0]])).toEqual(want);
        }
      }
    }
  });
});
