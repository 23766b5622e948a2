/**
 * Ingest benchmark: 10,000 generated documents of ~3 KB into a fresh SQLite file with full-text
 * indexing (FTS5; CJK as bigrams), through processDocuments without extraction.
 * Writes bench/results/ingest.json. Target: ≥ 5,000 documents/s.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { processDocuments, type InputLine } from '../src/pipeline/process-documents.js';

const COUNT = Number(process.env['VIGIE_BENCH_DOCS'] ?? 10_000);
const TARGET_BYTES = 3_000;
const TARGET_DOCS_PER_S = 5_000;

/** Vocabulary per language, and the share of documents in it (a multilingual news mix). */
const LANGS: readonly { lang: string; share: number; joiner: string; words: string[] }[] = [
  {
    lang: 'en',
    share: 0.4,
    joiner: ' ',
    words: (
      'Pyongyang Moscow Seoul Tokyo Washington Beijing Kursk Vostochny treaty summit missile ' +
      'satellite launch artillery shells shipment sanctions panel report denial minister ' +
      'ministry defence cooperation troops deployment rail port Rajin cargo containers ' +
      'ballistic cruise drone ammunition intelligence official spokesman statement agency ' +
      'according sources analysts imagery vessel border exercise technology transfer the a ' +
      'of and to in on with by for from was were has have said says reported.'
    ).split(' '),
  },
  {
    lang: 'fr',
    share: 0.15,
    joiner: ' ',
    words: (
      'la le les des du et selon missiles balistiques traité soldats Corée du Nord Russie ' +
      'livraisons obus sanctions ministère porte-parole rapport experts images satellite ' +
      'coopération militaire accord sommet déployés région frontière a été ont indiqué.'
    ).split(' '),
  },
  {
    lang: 'ru',
    share: 0.15,
    joiner: ' ',
    words: (
      'Россия КНДР договор ракета спутник санкции снаряды войска министр заявил по данным ' +
      'агентства сотрудничество встреча космодром поставки граница и в на с что был были.'
    ).split(' '),
  },
  {
    lang: 'de',
    share: 0.1,
    joiner: ' ',
    words: (
      'Nordkorea Russland Vertrag Rakete Satellit Sanktionen Granaten Truppen Minister ' +
      'Sprecher Bericht Zusammenarbeit Gipfel Lieferungen der die das und mit von nach laut.'
    ).split(' '),
  },
  {
    lang: 'ko',
    share: 0.08,
    joiner: ' ',
    words: (
      '북한 러시아 조약 미사일 위성 발사 파병 제재 포탄 정상회담 국방부 대변인 보고서 ' +
      '협력 군사 기술 이전 에 따르면 했다 있다 밝혔다 연합뉴스'
    ).split(' '),
  },
  {
    lang: 'ja',
    share: 0.06,
    joiner: '',
    words:
      '北朝鮮 ロシア 条約 ミサイル 衛星 発射 派兵 制裁 砲弾 首脳会談 によると は が を に した。'.split(
        ' ',
      ),
  },
  {
    lang: 'zh',
    share: 0.06,
    joiner: '',
    words: '朝鲜 俄罗斯 条约 导弹 卫星 发射 派兵 制裁 炮弹 峰会 据报道 向 了 的 和。'.split(' '),
  },
];

/** Deterministic generator (mulberry32) so every run ingests the same corpus. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickLanguage(x: number): (typeof LANGS)[number] {
  let acc = 0;
  for (const l of LANGS) {
    acc += l.share;
    if (x < acc) return l;
  }
  return LANGS[0]!;
}

function generate(count: number): { lines: InputLine[]; bytes: number } {
  const random = rng(42);
  const lines: InputLine[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const language = pickLanguage(random());
    const words: string[] = [`${i}:`];
    let length = 0;
    while (length < TARGET_BYTES) {
      const w = language.words[Math.floor(random() * language.words.length)]!;
      words.push(w);
      length += Buffer.byteLength(w) + language.joiner.length;
    }
    const text = words.join(language.joiner);
    bytes += Buffer.byteLength(text);
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push({
      line: i + 1,
      value: {
        id: `bench-${i}`,
        lang: language.lang,
        published: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${day}`,
        outlet: `Outlet ${i % 50}`,
        url: `https://news.example/bench/${i}`,
        title: `${language.words[i % language.words.length]} ${i}`,
        text,
      },
    });
  }
  return { lines, bytes };
}

const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
try {
  const { lines, bytes } = generate(COUNT);
  const store = await openStore({ url: join(dir, 'bench.db') });
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await processDocuments(store, lines, { batchSize: 1000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const probe = await store.db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await store.close();
  if (result.stored !== COUNT || Number(probe.n) !== COUNT) {
    throw new Error(`stored ${result.stored} of ${COUNT} (failed: ${result.failed.length})`);
  }
  const docsPerSecond = COUNT / seconds;
  const report = {
    benchmark: 'ingest',
    backend: 'sqlite',
    fullTextIndex: 'fts5 unicode61 + CJK bigrams',
    languages: Object.fromEntries(LANGS.map((l) => [l.lang, l.share])),
    documents: COUNT,
    averageBytes: Math.round(bytes / COUNT),
    seconds: Number(seconds.toFixed(3)),
    docsPerSecond: Math.round(docsPerSecond),
    /** CPU time of this process: tells a slow machine from a busy one (compare with loadAverage). */
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    docsPerCpuSecond: Math.round(COUNT / cpuSeconds),
    megabytesPerSecond: Number((bytes / 1e6 / seconds).toFixed(2)),
    target: { docsPerSecond: TARGET_DOCS_PER_S, met: docsPerSecond >= TARGET_DOCS_PER_S },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
    date: new Date().toISOString(),
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/ingest.json', import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  console.log(
    `ingest: ${report.docsPerSecond} docs/s, ${report.megabytesPerSecond} MB/s ` +
      `(${COUNT} docs of ~${report.averageBytes} B in ${report.seconds} s, ${report.docsPerCpuSecond} docs per CPU-second, load ${report.machine.loadAverage[0]}; target ${TARGET_DOCS_PER_S} docs/s ${report.target.met ? 'met' : 'MISSED'})`,
  );
  if (!report.target.met) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
