/** The mentions of one text and the rules that fired: `npx tsx scripts/show-mentions.ts TEXT [LANG]`. */
import { extractDocument } from '../src/extract/extract-document.js';
const r = extractDocument({
  text: process.argv[2]!,
  lang: process.argv[3] ?? 'en',
  published: '2024-11-01',
});
for (const m of r.mentions)
  console.log(
    m.type,
    m.source,
    m.target,
    m.modality,
    m.capabilities.join(','),
    '|',
    m.rules.join(' '),
  );
