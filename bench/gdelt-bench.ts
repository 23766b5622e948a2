/**
 * GDELT import throughput: generates a GDELT 2.0 export (61 columns) of N rows (default 500,000),
 * then parses, maps and stores it in a SQLite file through `importGdeltFile`, on one core.
 * Target: ≥ 200,000 rows/s. Writes bench/results/gdelt.json.
 *
 * Usage: npx tsx bench/gdelt-bench.ts [rows]
 */
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { importGdeltFile } from '../src/ingest/gdelt/import-gdelt.js';
import { openStore } from '../src/store/open-store.js';

const rows = Number(process.argv[2] ?? 500_000);
const dir = mkdtempSync(join(tmpdir(), 'vigie-gdelt-bench-'));
const file = join(dir, '20241101000000.export.CSV');

const COUNTRIES = ['RUS', 'PRK', 'KOR', 'USA', 'CHN', 'UKR', 'JPN', 'IRN', 'FRA', 'DEU', ''];
const CODES = [
  '010',
  '020',
  '0212',
  '036',
  '040',
  '042',
  '043',
  '057',
  '062',
  '072',
  '111',
  '112',
  '120',
  '130',
  '138',
  '1385',
  '150',
  '154',
  '163',
  '190',
  '194',
  '195',
  '1952',
];

let seed = 42;
const rand = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 0x100000000;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function row(i: number): string {
  const a1 = pick(COUNTRIES);
  const a2 = pick(COUNTRIES);
  const code = pick(CODES);
  const f = new Array<string>(61).fill('');
  f[0] = String(1_200_000_000 + i);
  f[1] = '20241101';
  f[2] = '202411';
  f[3] = '2024';
  f[4] = '2024.8329';
  f[5] = a1 ? `${a1}GOV` : '';
  f[6] = a1 ? `${a1} GOVERNMENT` : '';
  f[7] = a1;
  f[12] = a1 ? 'GOV' : '';
  f[15] = a2 ? `${a2}MIL` : '';
  f[16] = a2 ? `${a2} MILITARY` : '';
  f[17] = a2;
  f[22] = a2 ? 'MIL' : '';
  f[25] = rand() < 0.5 ? '1' : '0';
  f[26] = code;
  f[27] = code.slice(0, 3);
  f[28] = code.slice(0, 2);
  f[29] = String(1 + Math.floor(rand() * 4));
  f[30] = (rand() * 20 - 10).toFixed(1);
  f[31] = String(1 + Math.floor(rand() * 30));
  f[32] = String(1 + Math.floor(rand() * 5));
  f[33] = String(1 + Math.floor(rand() * 30));
  f[34] = (rand() * 20 - 10).toFixed(6);
  f[51] = '1';
  f[52] = "Pyongyang, P'yongyang-si, North Korea";
  f[53] = 'KN';
  f[54] = 'KN12';
  f[56] = '39.0194';
  f[57] = '125.755';
  f[58] = '-1';
  f[59] = '20241101000000';
  f[60] = `https://news.example/${i}/story.html`;
  return f.join('\t');
}

const out = createWriteStream(file);
let buffer: string[] = [];
for (let i = 0; i < rows; i++) {
  buffer.push(row(i));
  if (buffer.length === 10_000) {
    if (!out.write(`${buffer.join('\n')}\n`)) await once(out, 'drain');
    buffer = [];
  }
}
if (buffer.length > 0) out.write(`${buffer.join('\n')}\n`);
out.end();
await once(out, 'finish');

const store = await openStore({ url: join(dir, 'bench.sqlite') });
try {
  const loadBefore = loadavg()[0]!;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await importGdeltFile(store, file);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const cpuAgain = process.cpuUsage();
  const again = process.hrtime.bigint();
  const second = await importGdeltFile(store, file);
  const reimportSeconds = Number(process.hrtime.bigint() - again) / 1e9;
  const reimportCpu = process.cpuUsage(cpuAgain);
  const rate = result.rows / seconds;
  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    rows: result.rows,
    fileBytes: statSync(file).size,
    seconds: Number(seconds.toFixed(3)),
    rowsPerSecond: Math.round(rate),
    /** CPU time of this process: tells a slow machine from a busy one (compare with loadAverage). */
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    rowsPerCpuSecond: Math.round(result.rows / cpuSeconds),
    target: 200_000,
    meetsTarget: rate >= 200_000,
    inserted: result.inserted,
    errors: result.errorCount,
    reimport: {
      seconds: Number(reimportSeconds.toFixed(3)),
      cpuSeconds: Number(((reimportCpu.user + reimportCpu.system) / 1e6).toFixed(3)),
      inserted: second.inserted,
      duplicates: second.duplicates,
    },
    machine: {
      cpus: cpus().length,
      loadAverage1mBefore: loadBefore,
      loadAverage1mAfter: loadavg()[0],
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
    note:
      'one process, one core; generated 61-column GDELT 2.0 export; SQLite file store in WAL mode. ' +
      'A load average above the CPU count means other processes shared the cores during the run.',
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/gdelt.json', import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  console.log(
    `${result.rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} rows/s, ` +
      `${report.rowsPerCpuSecond.toLocaleString('en')} rows per CPU-second, load ${loadavg()[0]!.toFixed(2)} ` +
      `(target 200,000); re-import: ${second.inserted} new, ${second.duplicates} duplicates ` +
      `in ${reimportSeconds.toFixed(2)} s`,
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
