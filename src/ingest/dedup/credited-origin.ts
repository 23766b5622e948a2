/**
 * Credited origins: the agency or outlet a copy credits ("according to Yonhap", "selon l’AFP",
 * "по данным ТАСС", "연합뉴스에 따르면", "据新华社"). Only names listed in data/origins/agencies.yaml
 * count, so a quoted official ("according to the NIS", "nach Angaben der NATO") is never an origin:
 * it is the source of a claim, not a news report other outlets copy. State voices (KCNA) are
 * recognised but not credited (see agencies.yaml).
 * @module
 */
import type { Span } from '../../domain/document.js';
import { AGENCY_MARK, loadOriginData, type OriginData } from './origin-data.js';
import { primaryLang } from './story-features.js';

export interface Attribution {
  readonly name: string;
  /** Span of the agency's name in the text (UTF-16 offsets). */
  readonly span: Span;
  /** Span of the whole credit phrase. */
  readonly phrase: Span;
  /** False for state voices: the source of the claim, not a syndication origin. */
  readonly credited: boolean;
}

/** Characters around an agency name that a credit phrase may span. */
const WINDOW = 120;

/**
 * Every attribution to a known agency or outlet, in text order: each alias found in the text is
 * masked and the credit patterns of the language are tried around it.
 */
export function detectAttributions(
  text: string,
  lang?: string | null,
  data: OriginData = loadOriginData(),
): Attribution[] {
  const primary = primaryLang(lang ?? null);
  const pattern = primary ? data.languages.get(primary) : undefined;
  // A known language uses its own patterns; an unknown one tries every language.
  const sets = pattern ? [data.common, pattern] : [data.common, ...data.languages.values()];
  const found: Attribution[] = [];
  const aliasRegex = new RegExp(data.aliasRegex.source, data.aliasRegex.flags);
  for (let hit = aliasRegex.exec(text); hit !== null; hit = aliasRegex.exec(text)) {
    const alias = hit[0];
    const start = hit.index;
    const end = start + alias.length;
    const agency = data.aliases.get(alias.toLowerCase().replace(/\s+/gu, ' '));
    if (!agency) continue;
    const canonical = [...data.exactCase].find((a) => a.toLowerCase() === alias.toLowerCase());
    if (canonical !== undefined && canonical !== alias) continue;
    const from = Math.max(0, start - WINDOW);
    const window = text.slice(from, start) + AGENCY_MARK + text.slice(end, end + WINDOW);
    let phrase: Span | null = null;
    for (const set of sets) {
      for (const regex of set.regexes) {
        const m = regex.exec(window);
        if (m) {
          phrase = { start: from + m.index, end: from + m.index + m[0].length - 1 + alias.length };
          break;
        }
      }
      if (phrase) break;
    }
    if (phrase)
      found.push({ name: agency.name, span: { start, end }, phrase, credited: agency.credited });
  }
  return found;
}

/**
 * The first credited origin of a text, or null.
 * @example detectCreditedOrigin('North Korea fired a missile, according to Yonhap.', 'en')
 *   // { name: 'Yonhap', span: { start: 42, end: 48 } }
 */
export function detectCreditedOrigin(
  text: string,
  lang?: string | null,
): { name: string; span: Span } | null {
  const first = detectAttributions(text, lang).find((a) => a.credited);
  return first ? { name: first.name, span: first.span } : null;
}
