/**
 * Actor codes in words: states by their ISO alpha-3 code, named by the browser's own CLDR data
 * (Intl.DisplayNames, so every language the dashboard offers comes for free) with their flag;
 * organisations from the label table.
 * @module
 */
import alpha2 from '../../../data/iso-alpha2.json' with { type: 'json' };

const ALPHA2: Readonly<Record<string, string>> = alpha2.codes;
const namers = new Map<string, Intl.DisplayNames | null>();

function namer(lang: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${lang}:${type}`;
  if (!namers.has(key)) {
    try {
      namers.set(key, new Intl.DisplayNames([lang], { type, fallback: 'none' }));
    } catch {
      namers.set(key, null);
    }
  }
  return namers.get(key) ?? null;
}

/** The flag emoji of an alpha-3 state code (regional indicator letters), or '' for others. */
export function flagOf(code: string): string {
  const a2 = ALPHA2[code];
  if (!a2) return '';
  return String.fromCodePoint(...[...a2].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** "North Korea" for PRK in English, "Corée du Nord" in French; the code when unknown. */
export function stateName(code: string, lang: string): string | null {
  const a2 = ALPHA2[code];
  if (!a2) return null;
  return namer(lang, 'region')?.of(a2) ?? null;
}

/** A language code in words ("ko" → "Korean"); 'und' and unknown codes stay as they are. */
export function languageName(code: string, lang: string): string {
  if (!/^[a-z]{2,3}$/.test(code) || code === 'und') return code;
  return namer(lang, 'language')?.of(code) ?? code;
}
