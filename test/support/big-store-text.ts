/**
 * The sentences of the large synthetic store (big-store.ts): one per mention, in the document's
 * language, naming its actor and a trigger word at known offsets, so spans and highlighted cues
 * point at real text; filler sentences about nothing stored; rare place names for selective
 * full-text searches.
 * @module
 */

export interface Sentence {
  readonly text: string;
  /** Offsets inside `text`. */
  readonly actor: number;
  readonly actorLength: number;
  readonly trigger: number;
  readonly triggerLength: number;
}

const NAMES: Record<string, string> = {
  PRK: 'North Korea',
  RUS: 'Russia',
  USA: 'The United States',
  CHN: 'China',
  IRN: 'Iran',
  KOR: 'South Korea',
  JPN: 'Japan',
  UKR: 'Ukraine',
  ISR: 'Israel',
  PAK: 'Pakistan',
  IND: 'India',
  FRA: 'France',
  GBR: 'Britain',
  DEU: 'Germany',
  SYR: 'Syria',
  BLR: 'Belarus',
  IAEA: 'The IAEA',
  UN: 'The United Nations',
  NATO: 'NATO',
  EU: 'The European Union',
};

/** English verbs by event type; other languages use one reporting verb. */
const EN_VERBS: Record<string, string> = {
  AGREEMENT: 'signed an agreement',
  MEETING: 'held talks',
  MILITARY_COOPERATION: 'held joint drills',
  ARMS_TRANSFER: 'delivered weapons',
  TECH_TRANSFER: 'shared technology',
  TROOP_DEPLOYMENT: 'deployed troops',
  MISSILE_TEST: 'fired a missile',
  NUCLEAR_TEST: 'conducted a nuclear test',
  SPACE_LAUNCH: 'launched a satellite',
  WEAPONS_DEVELOPMENT: 'developed a new weapon',
  REQUEST: 'asked for help',
  SANCTION: 'imposed sanctions',
  CONCERN: 'voiced concern',
  THREAT: 'threatened retaliation',
  ATTACK: 'struck targets',
  REJECTION: 'rejected the demand',
};

interface Template {
  readonly verb: string;
  readonly with: string;
  readonly tail: string;
  readonly fillers: readonly string[];
}

const TEMPLATES: Record<string, Template> = {
  fr: {
    verb: 'a annoncé',
    with: ' avec ',
    tail: ', selon des responsables',
    fillers: [
      'les analystes attendent de nouveaux essais',
      'les discussions se sont terminées sans accord',
    ],
  },
  ru: {
    verb: 'заявила',
    with: ' вместе с ',
    tail: ', сообщили официальные лица',
    fillers: ['аналитики ожидают новых испытаний', 'переговоры завершились без соглашения'],
  },
  ko: {
    verb: '발표했다',
    with: ' 및 ',
    tail: '고 당국자들이 밝혔다',
    fillers: ['전문가들은 추가 시험을 예상한다', '회담은 합의 없이 끝났다'],
  },
  zh: {
    verb: '宣布',
    with: '与',
    tail: '，官员表示',
    fillers: ['分析人士预计将有进一步试验', '会谈未达成协议'],
  },
  ja: {
    verb: '発表した',
    with: 'と',
    tail: 'と当局者が述べた',
    fillers: ['専門家はさらなる試験を予想している', '協議は合意なく終わった'],
  },
  de: {
    verb: 'meldete',
    with: ' mit ',
    tail: ', sagten Beamte',
    fillers: ['Analysten erwarten weitere Tests', 'die Gespräche endeten ohne Einigung'],
  },
  es: {
    verb: 'anunció',
    with: ' con ',
    tail: ', según funcionarios',
    fillers: ['los analistas esperan nuevas pruebas', 'las conversaciones terminaron sin acuerdo'],
  },
};

const EN_FILLERS = [
  'analysts expect further tests',
  'satellite imagery showed activity at the site',
  'the talks ended without agreement',
  'a spokesperson declined to comment',
  'the agency raised concerns about enrichment',
];
/** Place names found in few documents: the selective searches of the API benchmark. */
const RARE: [string, number][] = [
  ['Hwasong', 0.01],
  ['Sohae', 0.002],
  ['Yongbyon reactor', 0.005],
  ['Vostochny cosmodrome', 0.001],
];

const nameOf = (code: string) => NAMES[code] ?? code;

/** A sentence naming `source` with a trigger for `type` (null: a filler sentence). */
export function sentenceOf(
  r: () => number,
  lang: string,
  type: string | null,
  source: string,
  target: string | null,
  caps: string,
): Sentence {
  const actor = nameOf(source);
  const t = TEMPLATES[lang];
  let rare = '';
  for (const [name, p] of RARE) if (r() < p) rare += ` near ${name}`;
  if (type === null) {
    const filler = t
      ? t.fillers[Math.floor(r() * t.fillers.length)]!
      : EN_FILLERS[Math.floor(r() * EN_FILLERS.length)]!;
    const text = `${actor}: ${filler}${rare}.`;
    return {
      text,
      actor: 0,
      actorLength: actor.length,
      trigger: actor.length + 2,
      triggerLength: filler.length,
    };
  }
  const verb = t ? t.verb : (EN_VERBS[type] ?? 'reported');
  const capWord = caps ? ` (${caps.slice(1, -1).toLowerCase().replace(/_/g, ' ')})` : '';
  const other = target ? `${t ? t.with : ' with '}${nameOf(target)}` : '';
  const head = `${actor}${other}${capWord} `;
  const text = `${head}${verb}${t ? t.tail : ', officials said'}${rare}.`;
  return {
    text,
    actor: 0,
    actorLength: actor.length,
    trigger: head.length,
    triggerLength: verb.length,
  };
}

/** The document's text (sentences joined), its title (the first sentence) and where each starts. */
export function bigText(
  r: () => number,
  sentences: readonly Sentence[],
): { text: string; title: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const s of sentences) {
    if (text !== '') text += r() < 0.2 ? '\n\n' : ' ';
    starts.push(text.length);
    text += s.text;
  }
  return { text, title: sentences[0]?.text.slice(0, 120) ?? 'Report', starts };
}
