/**
 * Guesses the charset of undeclared bytes: valid UTF-8 first; otherwise each legacy candidate
 * is decoded and scored by how much of the result is frequent characters of its language
 * (data/charset/sniff-profiles.json), penalised by undecodable sequences. Western text with
 * scattered accents (isolated high bytes) falls back to windows-1252.
 * @module
 */
import iconv from 'iconv-lite';
import { loadSniffProfiles } from './sniff-profiles.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface SniffResult {
  readonly charset: string;
  /** Fraction of non-ASCII bytes that decode to characters frequent in the guessed language (0–1). */
  readonly confidence: number;
  readonly lang: string | null;
}

const SAMPLE = 64 * 1024;

export function sniffCharset(bytes: Uint8Array): SniffResult {
  const sample = bytes.subarray(0, SAMPLE);
  if (isValidUtf8(trimPartialUtf8(sample))) return { charset: 'utf-8', confidence: 1, lang: null };
  if (mostlyIsolatedHighBytes(sample))
    return { charset: 'windows-1252', confidence: 0.5, lang: null };
  let best: SniffResult = { charset: 'windows-1252', confidence: 0, lang: null };
  for (const profile of loadSniffProfiles()) {
    for (const charset of profile.charsets) {
      const text = iconv.decode(Buffer.from(sample), charset);
      let nonAscii = 0;
      let common = 0;
      let bad = 0;
      for (const ch of text) {
        if (ch.charCodeAt(0) < 0x80) continue;
        // Weigh by the bytes a character stands for, so 1-byte and 2-byte charsets compare fairly.
        const width = ch.charCodeAt(0) >= 0x2e80 ? 2 : 1;
        nonAscii += width;
        if (ch === '\ufffd' || (ch >= '\u2500' && ch <= '\u259f')) bad += width;
        else if (profile.common.has(ch)) common += width;
      }
      if (nonAscii === 0) continue;
      const score = (common - 3 * bad) / nonAscii;
      if (score > best.confidence) best = { charset, confidence: score, lang: profile.lang };
    }
  }
  return best.confidence >= 0.15 ? best : { charset: 'windows-1252', confidence: 0.1, lang: null };
}

/** A sample cut mid-character must not make valid UTF-8 look invalid. */
function trimPartialUtf8(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = sample[end - i]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end -= i;
    break;
  }
  return sample.subarray(0, end);
}

/** Latin text: high bytes are accents between ASCII letters; Cyrillic/CJK come in runs. */
function mostlyIsolatedHighBytes(sample: Uint8Array): boolean {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! < 0x80) continue;
    high += 1;
    const before = i > 0 ? sample[i - 1]! : 0;
    const after = i + 1 < sample.length ? sample[i + 1]! : 0;
    if (before < 0x80 && after < 0x80) isolated += 1;
  }
  return high > 0 && isolated / high > 0.6;
}
