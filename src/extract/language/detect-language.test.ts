import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  detectDocumentLanguage,
  detectLanguage,
  identifyLanguage,
  normalizeLanguageTag,
} from './detect-language.js';
import { loadLanguageData } from './language-data.js';

const SHORT: Record<string, string[]> = {
  en: ['North Korea sent troops to Russia.', 'Kim visits uranium enrichment site', 'the'],
  fr: ['La Corée du Nord a envoyé des troupes.', 'Les pourparlers', "selon l'agence Yonhap"],
  de: ['Nordkorea hat Truppen geschickt.', 'Nordkoreanische Soldaten in Russland', 'Die Gespräche'],
  es: ['Corea del Norte envió tropas a Rusia.', 'Corea del Sur estudia enviar armas a Ucrania'],
  ru: ['КНДР направила войска в Россию.', 'Северная Корея', 'Путин'],
  uk: ['КНДР направила війська до Росії.', 'Північна Корея', 'Київ'],
  ko: ['북한은 러시아에 포탄을 보냈다', '국정원', '북한'],
  ja: ['北朝鮮はロシアに兵士を派遣した', 'ミサイル発射'],
  zh: ['朝鲜向俄罗斯派遣了军队', '导弹'],
};

const LONG: Record<string, string> = {
  en: 'North Korea test-fired a new solid-fuel intercontinental ballistic missile on Thursday, according to the South Korean military, which said the launch was detected from an area near Pyongyang and that the missile flew for more than an hour before falling into the sea.',
  fr: "Selon des sources citées par l'agence Yonhap, la Corée du Nord aurait envoyé plusieurs milliers de soldats en Russie au cours de l'été, ce que Moscou a démenti lors d'une conférence de presse jeudi après-midi.",
  de: 'Nach Angaben des südkoreanischen Geheimdienstes hat Nordkorea in den vergangenen Monaten mehrere tausend Soldaten nach Russland geschickt, die dort an der Front in der Region Kursk eingesetzt werden sollen.',
  es: 'Según el servicio de inteligencia de Corea del Sur, Corea del Norte ha enviado varios miles de soldados a Rusia durante los últimos meses, que serían desplegados en la región de Kursk para apoyar a las tropas rusas.',
  ru: 'По данным южнокорейской разведки, КНДР за последние месяцы направила в Россию несколько тысяч военнослужащих, которые якобы будут задействованы в Курской области, однако в Москве эту информацию не подтвердили.',
  uk: 'За даними південнокорейської розвідки, КНДР за останні місяці направила до Росії кілька тисяч військових, які нібито будуть залучені в Курській області, проте в Москві цю інформацію не підтвердили.',
  ko: '국가정보원은 북한이 러시아에 약 1만 명의 병력을 파견한 것으로 알려졌다고 밝혔다. 이들은 쿠르스크 지역에 배치될 가능성이 있다고 국정원은 설명했다.',
  ja: '韓国の国家情報院によると、北朝鮮はロシアに約1万人の兵士を派遣したとみられ、クルスク州に配置される可能性があるという。',
  zh: '据韩国国家情报院称，朝鲜已向俄罗斯派遣约一万名士兵，这些士兵可能被部署在库尔斯克地区，俄方尚未对此作出回应。',
  it: 'Il governo italiano ha deciso di inviare nuove armi in Ucraina, secondo quanto riferito dal ministro della difesa durante una conferenza stampa a Roma oggi pomeriggio con i giornalisti.',
};

describe('detectLanguage', () => {
  for (const [lang, texts] of Object.entries(SHORT)) {
    it.each(texts)(`short ${lang}: %s`, (text) => {
      expect(detectLanguage(text)).toBe(lang);
    });
  }
  for (const [lang, text] of Object.entries(LONG)) {
    it(`long ${lang}`, () => {
      expect(detectLanguage(text)).toBe(lang);
      expect(detectDocumentLanguage(`${text}\n\n${text}`)).toBe(lang);
    });
  }

  it('returns und without letters and no hint, the hint otherwise', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12 345 — 2024-06-19')).toBe('und');
    expect(detectLanguage('12 345', 'fr-FR')).toBe('fr');
  });

  it('lets a valid hint win when the script agrees', () => {
    expect(detectLanguage('North Korea sent troops', 'fr')).toBe('fr');
    expect(detectLanguage('Путин', 'uk')).toBe('uk');
    expect(detectLanguage('北朝鮮', 'ja')).toBe('ja');
    expect(detectLanguage('Il governo', 'it')).toBe('it');
    expect(identifyLanguage('Die Gespräche', 'de-AT').method).toBe('hint');
  });

  it('overrides a hint the script contradicts', () => {
    expect(detectLanguage('북한은 러시아에 포탄을 보냈다', 'en')).toBe('ko');
    expect(detectLanguage('КНДР направила войска в Россию.', 'fr')).toBe('ru');
    expect(detectLanguage('北朝鮮はロシアに兵士を派遣した', 'zh')).toBe('ja');
    expect(detectLanguage('North Korea sent troops to Russia.', 'ko')).toBe('en');
    expect(detectLanguage('North Korea sent troops to Russia.', 'xx')).toBe('xx');
    expect(detectLanguage('북한', 'xx')).toBe('ko');
  });

  it('ignores an invalid hint', () => {
    expect(detectLanguage('La Corée du Nord a envoyé des troupes.', 'not a tag!')).toBe('fr');
  });

  it('decides a Korean text with Hanja and Latin names as Korean', () => {
    expect(detectLanguage('北 김정은, 러시아 방문…Putin과 정상회담')).toBe('ko');
  });

  it('reads a Russian article with Latin names as Russian', () => {
    expect(
      detectLanguage(
        'Агентство Reuters и газета The New York Times сообщили, что КНДР передала снаряды.',
      ),
    ).toBe('ru');
  });

  it('settles Russian and Ukrainian by a confirming letter without trigrams', () => {
    const ru =
      'Как сообщает агентство, Пхеньян передал Москве артиллерийские снаряды и ракеты, а взамен ' +
      'получил технологии для спутников, что вызывает тревогу в Сеуле и Токио.';
    const uk =
      'Як повідомляє агентство, Пхеньян передав Москві артилерійські снаряди та ракети, а натомість ' +
      'отримав технології для супутників, що викликає занепокоєння в Сеулі та Токіо.';
    expect(identifyLanguage(ru)).toMatchObject({ lang: 'ru', method: 'letters' });
    expect(identifyLanguage(uk)).toMatchObject({ lang: 'uk', method: 'letters' });
  });

  it('does not take Bulgarian or Belarusian for Russian (they go to trigrams)', () => {
    const bg =
      'Министърът на отбраната съобщи, че България ще изпрати още помощ на Украйна през ' +
      'следващата година, въпреки критиките от опозицията в парламента за цената на доставките.';
    const be =
      'Міністэрства абароны Беларусі паведаміла, што ўрад працягвае вайсковае супрацоўніцтва з ' +
      'Расіяй і плануе новыя вучэнні ў верасні каля заходняй мяжы краіны.';
    expect(identifyLanguage(bg).method).toBe('trigrams');
    expect(identifyLanguage(bg).lang).not.toBe('ru');
    expect(identifyLanguage(be).method).toBe('trigrams');
    expect(['ru', 'uk']).not.toContain(identifyLanguage(be).lang);
  });

  it('stays bounded on a 5 MB document without punctuation', () => {
    const big = 'северная корея направила войска и ракеты '.repeat(120_000);
    expect(detectDocumentLanguage(big)).toBe('ru');
  });

  it('ignores URLs and handles at document level', () => {
    expect(
      detectDocumentLanguage(
        'https://www.example.com/news/north-korea-troops @reuters 북한이 러시아에 병력을 보냈다',
      ),
    ).toBe('ko');
  });
});

describe('normalizeLanguageTag', () => {
  it('keeps the primary subtag', () => {
    expect(normalizeLanguageTag('en-US')).toBe('en');
    expect(normalizeLanguageTag('zh_Hant_TW')).toBe('zh');
    expect(normalizeLanguageTag('KO')).toBe('ko');
    expect(normalizeLanguageTag('')).toBeUndefined();
    expect(normalizeLanguageTag('english language')).toBeUndefined();
  });
});

describe('loadLanguageData', () => {
  it('names the file and field of an invalid data file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-lang-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'supported: {en: Klingon}\n');
    expect(() => loadLanguageData(file)).toThrow(/supported\.en/);
  });
});
