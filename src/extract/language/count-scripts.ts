/**
 * Counts letters per writing system; language identification starts from the script.
 * @module
 */
import { SCRIPTS, type Script } from './language-data.js';

export type ScriptCounts = Record<Script, number>;

/** Ideographic and syllabic characters carry about as much as a short word. */
const CJK_WEIGHT = 2;

function scriptOfCode(c: number): Script | undefined {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'Latin' : undefined;
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? undefined : 'Latin';
  if (c >= 0x1e00 && c <= 0x1eff) return 'Latin';
  if (c >= 0x400 && c <= 0x52f) return 'Cyrillic';
  if (c >= 0x370 && c <= 0x3ff) return 'Greek';
  if (c >= 0x590 && c <= 0x5ff) return 'Hebrew';
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f)) return 'Arabic';
  if (c >= 0x900 && c <= 0x97f) return 'Devanagari';
  if (c >= 0xe00 && c <= 0xe7f) return 'Thai';
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f))
    return 'Hangul';
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f))
    return 'Japanese';
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff))
    return 'Han';
  return undefined;
}

let scriptTable: Uint8Array | undefined;

/** 1 + index in SCRIPTS of every UTF-16 unit's script, 0 for none (built on first use). */
function scriptsByUnit(): Uint8Array {
  if (scriptTable !== undefined) return scriptTable;
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const s = scriptOfCode(c);
    if (s !== undefined) table[c] = SCRIPTS.indexOf(s) + 1;
  }
  return (scriptTable = table);
}

/** Letter counts per script; `Japanese` counts kana only. */
export function countScripts(text: string): ScriptCounts {
  const table = scriptsByUnit();
  const tally = new Int32Array(SCRIPTS.length + 1);
  for (let i = 0; i < text.length; i++) tally[table[text.charCodeAt(i)]!]!++;
  const counts = {} as ScriptCounts;
  SCRIPTS.forEach((s, k) => (counts[s] = tally[k + 1]!));
  return counts;
}

/**
 * The script the text is written in, or undefined when it has no letters.
 * Hangul, kana and Han are weighed together against alphabets; within them Hangul
 * means Korean, any real share of kana means Japanese, Han alone means Chinese.
 */
export function dominantScript(counts: ScriptCounts): Script | undefined {
  const cjk = (counts.Hangul + counts.Japanese + counts.Han) * CJK_WEIGHT;
  let best: Script | undefined;
  let bestScore = 0;
  for (const s of [
    'Latin',
    'Cyrillic',
    'Arabic',
    'Hebrew',
    'Devanagari',
    'Greek',
    'Thai',
  ] as const) {
    if (counts[s] > bestScore) {
      best = s;
      bestScore = counts[s];
    }
  }
  if (cjk === 0 || cjk < bestScore) return best;
  const { Hangul: hangul, Japanese: kana, Han: han } = counts;
  if (hangul > 0 && hangul >= kana && hangul >= han * 0.3) return 'Hangul';
  if (kana > 0 && (kana >= (kana + han) * 0.05 || kana + han < 20)) return 'Japanese';
  return han > 0 ? 'Han' : hangul > 0 ? 'Hangul' : 'Japanese';
}
