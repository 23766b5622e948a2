/** What the scanner finds in one sentence (actors and marks, triggers, classes, cues): `npx tsx scripts/show-sentence-facts.ts TEXT [LANG]`. */
import { defaultLexicons } from '../src/lexicon/load-lexicons.js';
import { scanSentence } from '../src/extract/scan-sentence.js';
const lang = defaultLexicons().get(process.argv[3] ?? 'ko');
const f = scanSentence(process.argv[2]!, lang);
for (const a of f.actors)
  console.log(
    'A',
    f.text.slice(a.start, a.end),
    a.ref.code,
    a.ref.kind,
    a.ref.cases.join('/'),
    [...a.marks].join(','),
  );
for (const t of f.triggers) console.log('T', f.text.slice(t.start, t.end), t.value.entry.id);
for (const t of f.classes) console.log('C', f.text.slice(t.start, t.end), t.value);
for (const t of f.modality) console.log('M', f.text.slice(t.start, t.end), t.value);
