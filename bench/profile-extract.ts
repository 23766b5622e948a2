/** Quick timing of extractDocument on synthetic text: `npx tsx bench/profile-extract.ts [MB]`. */
import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/extract/extract-document.js';

const mb = Number(process.argv[2] ?? '1');
const docs = readFileSync('../shared/corpus/dev.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { text: string; lang: string; published: string });
const unit = 'north korea russia missiles troops sent delivered weapons ';
const flat = unit.repeat(Math.ceil((mb * 1e6) / unit.length));
let t = performance.now();
extractDocument({ text: flat, lang: 'en' });
console.log(`no punctuation ${mb} MB: ${((performance.now() - t) / 1000).toFixed(2)} s`);
let bytes = 0;
t = performance.now();
while (bytes < mb * 1e6)
  for (const d of docs) {
    extractDocument(d);
    bytes += d.text.length;
  }
console.log(
  `dev corpus ${(bytes / 1e6).toFixed(1)} M chars: ${((performance.now() - t) / 1000).toFixed(2)} s`,
);
