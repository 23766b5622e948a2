/**
 * Reading zipped GDELT exports: throughput of `readGdeltLines` on a generated 2.0 export zipped
 * as GDELT publishes it (one deflated entry), against a simple reference timed in the same run
 * (Node's zlib inflating the same entry as a stream and splitting its text at line ends), and
 * the memory a zip bomb costs: a 1 GiB entry of short lines, read up to a 512 MiB cap, and a
 * 1 GiB entry without a line end. Targets: peak RSS growth on the bombs < 320 MiB, and reading
 * at most 3× the reference's CPU time (the bounded steps must not cost much).
 * Writes bench/results/gdelt-zip.json.
 *
 * Usage: npx tsx bench/gdelt-zip-bench.ts [rows]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { zipSync } from 'fflate';
import {
  DEFAULT_GDELT_LIMITS,
  readGdeltLines,
  type GdeltReadLimits,
} from '../src/ingest/gdelt/read-gdelt-lines.js';
import { shortLines, writeZipBomb } from '../test/support/zip-bomb.js';
import { gdeltRowGenerator } from './gdelt-rows.js';

const rows = Number(process.argv[2] ?? 400_000);
const MiB = 1024 * 1024;
const TARGET_BOMB_GROWTH_MIB = 320;
const TARGET_REFERENCE_RATIO = 3;
const dir = mkdtempSync(join(tmpdir(), 'vigie-gdelt-zip-bench-'));

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** Lines read, CPU and wall seconds, peak RSS growth, and the error the reader stopped with. */
async function measureRead(file: string, limits: GdeltReadLimits) {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let lines = 0;
  let stopped: string | null = null;
  try {
    for await (const batch of readGdeltLines(file, limits)) {
      lines += batch.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  } catch (error) {
    stopped = (error as Error).message.replace(file, 'FILE');
  } finally {
    clearInterval(sampler);
  }
  return {
    lines,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    cpuSeconds: Number(cpuSeconds(cpu).toFixed(3)),
    peakRssGrowthMib: Math.round((Math.max(peak, process.memoryUsage().rss) - rssBefore) / MiB),
    stopped,
  };
}

/** The reference: zlib inflates the entry as a stream; its text is split at line ends. */
async function referenceRead(zip: Buffer): Promise<{ lines: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const start = 30 + zip.readUInt16LE(26) + zip.readUInt16LE(28);
  const entry = zip.subarray(start, start + zip.readUInt32LE(18));
  let lines = 0;
  let carry = '';
  for await (const chunk of Readable.from([entry]).pipe(
    createInflateRaw(),
  ) as AsyncIterable<Buffer>) {
    const parts = (carry + chunk.toString('utf8')).split('\n');
    carry = parts.pop() ?? '';
    lines += parts.length;
  }
  if (carry.length > 0) lines += 1;
  return { lines, cpuSeconds: Number(cpuSeconds(cpu).toFixed(3)) };
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

try {
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
  // The bombs first, while the heap is small, so their growth is not hidden by earlier garbage.
  const shortBomb = join(dir, 'short-lines.zip');
  writeZipBomb(shortBomb, {
    entry: 'bomb.export.CSV',
    unit: shortLines(16_384, 64),
    times: 1024,
  });
  const capped = await measureRead(shortBomb, {
    ...DEFAULT_GDELT_LIMITS,
    maxInflatedBytes: 512 * MiB,
  });
  const endless = join(dir, 'no-line-end.zip');
  writeZipBomb(endless, { entry: 'bomb.export.CSV', unit: Buffer.alloc(MiB, 'x'), times: 1024 });
  const noLineEnd = await measureRead(endless, DEFAULT_GDELT_LIMITS);

  const row = gdeltRowGenerator();
  const text = Buffer.from(`${Array.from({ length: rows }, (_, i) => row(i)).join('\n')}\n`);
  const file = join(dir, '20241101000000.export.CSV.zip');
  writeFileSync(file, zipSync({ '20241101000000.export.CSV': text }));
  const zip = readFileSync(file);
  // Once each to warm up, then measured.
  await measureRead(file, DEFAULT_GDELT_LIMITS);
  await referenceRead(zip);
  const ours = await measureRead(file, DEFAULT_GDELT_LIMITS);
  const reference = await referenceRead(zip);
  if (ours.lines !== rows || reference.lines !== rows)
    throw new Error(`read ${ours.lines} and ${reference.lines} lines, expected ${rows}`);

  const ratio = ours.cpuSeconds / reference.cpuSeconds;
  const bombGrowth = Math.max(capped.peakRssGrowthMib, noLineEnd.peakRssGrowthMib);
  const report = {
    benchmark: 'gdelt-zip',
    measuredAt: new Date().toISOString(),
    commit: gitCommit(),
    export: {
      rows,
      inflatedMib: Number((text.length / MiB).toFixed(1)),
      zipMib: Number((zip.length / MiB).toFixed(1)),
      ...ours,
      inflatedMibPerCpuSecond: Math.round(text.length / MiB / ours.cpuSeconds),
    },
    reference: {
      what: 'node:zlib createInflateRaw over the same entry, text split at line ends, same run',
      ...reference,
      inflatedMibPerCpuSecond: Math.round(text.length / MiB / reference.cpuSeconds),
    },
    /** CPU time of readGdeltLines over the reference's: comparable across machines. */
    ratioToReference: Number(ratio.toFixed(2)),
    bombs: {
      shortLinesCappedAt512Mib: { inflatedMib: 1024, zipMib: 3, ...capped },
      noLineEnd: { inflatedMib: 1024, zipMib: 1, ...noLineEnd },
    },
    target: {
      bombPeakRssGrowthMib: TARGET_BOMB_GROWTH_MIB,
      ratioToReference: TARGET_REFERENCE_RATIO,
      met: bombGrowth < TARGET_BOMB_GROWTH_MIB && ratio <= TARGET_REFERENCE_RATIO,
    },
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg().map((l) => Number(l.toFixed(2))),
    },
    note: 'A load average above the CPU count means other processes shared the cores.',
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/gdelt-zip.json', import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  console.log(
    `gdelt-zip: ${rows} rows (${report.export.inflatedMib} MiB in ${report.export.zipMib} MiB) read in ` +
      `${ours.cpuSeconds} CPU-s, ${ratio.toFixed(2)}× the zlib reference (${reference.cpuSeconds} CPU-s); ` +
      `bombs: 1 GiB of short lines stopped at 512 MiB in ${capped.seconds} s (+${capped.peakRssGrowthMib} MiB RSS), ` +
      `1 GiB without a line end refused in ${noLineEnd.seconds} s (+${noLineEnd.peakRssGrowthMib} MiB RSS); ` +
      `load ${loadavg()[0]!.toFixed(2)}; target ${report.target.met ? 'met' : 'MISSED'}`,
  );
  if (!report.target.met) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
