/**
 * Everything extractDocument returns over the dev corpus and every corpus of bench/corpora, as
 * canonical JSON lines: a speed change to the engine must leave this file byte for byte the same.
 * Each document is run as given, without its language hint and title, and (dev corpus) joined
 * to the next document of its language as the throughput bench does.
 * Usage: `npx tsx bench/extract-snapshot.ts OUT.jsonl` then `cmp` two outputs.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractDocument, type ExtractInput } from '../src/extract/extract-document.js';

const out = process.argv[2];
if (out === undefined) {
  process.stderr.write('usage: npx tsx bench/extract-snapshot.ts OUT.jsonl\n');
  process.exit(2);
}

interface Doc {
  readonly id: string;
  readonly lang?: string;
  readonly published?: string;
  readonly title?: string;
  readonly text: string;
}

const readJsonl = (file: string): Doc[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Doc);

/** Objects with their keys sorted, so the text does not depend on insertion order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

const corpora = fileURLToPath(new URL('./corpora/', import.meta.url));
const files = [
  fileURLToPath(new URL('../../shared/corpus/dev.jsonl', import.meta.url)),
  ...readdirSync(corpora)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => corpora + f),
];

const lines: string[] = [];
const run = (label: string, input: ExtractInput): void => {
  lines.push(JSON.stringify({ label, result: canonical(extractDocument(input)) }));
};
for (const file of files) {
  const docs = readJsonl(file);
  const name = file.slice(file.lastIndexOf('/') + 1);
  docs.forEach((d, i) => {
    run(`${name}#${d.id}`, d);
    const { lang: _lang, title: _title, ...bare } = d;
    run(`${name}#${d.id}/bare`, bare);
    if (!name.startsWith('dev')) return;
    const next = docs.slice(i + 1).find((x) => x.lang === d.lang);
    if (next !== undefined)
      run(`${name}#${d.id}+${next.id}`, { ...d, text: `${d.text}\n\n${next.text}` });
  });
}
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.length} results → ${out}\n`);
