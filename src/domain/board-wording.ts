/**
 * Boards in the reader's language: a watchboard's, a hypothesis's and an indicator's title (and
 * a board's description) are written per language in the board file (`title: { en: …, fr: … }`),
 * stored English in `title` and the other languages as JSON in `wording` (migration 0180), and
 * read back in the language a request asks for (its Accept-Language, or a command's `--lang`).
 *
 * Pure (the server, the CLI and briefs share it).
 *
 * @example
 * wordedTitle({ title: 'Russia supplies air-defence systems', wording: '{"fr":{"title":"La Russie livre…"}}' }, 'fr')
 * // 'La Russie livre…'
 * @module
 */

/**
 * The languages a board may be worded in: those the dashboard and briefs have labels for
 * (data/labels/<lang>.json). English is the board's own language and is always given.
 */
export const BOARD_LANGUAGES = ['en', 'fr'] as const;
export type BoardLanguage = (typeof BOARD_LANGUAGES)[number];

/** A text in each language it is written in; `en` always. */
export type LocalizedText = { readonly en: string } & Partial<Record<BoardLanguage, string>>;

/** The text in `lang`, else the English one. */
export function textIn(text: LocalizedText, lang: BoardLanguage): string {
  return text[lang] ?? text.en;
}

/** What a `wording` column holds: per language other than English, its title and description. */
export type StoredWording = Partial<
  Record<BoardLanguage, { readonly title?: string; readonly description?: string }>
>;

/** The `wording` JSON of a row; null when only English is given. */
export function wordingJson(
  title: LocalizedText | undefined,
  description?: LocalizedText,
): string | null {
  const out: Record<string, { title?: string; description?: string }> = {};
  for (const lang of BOARD_LANGUAGES) {
    if (lang === 'en') continue;
    const t = title?.[lang];
    const d = description?.[lang];
    if (t === undefined && d === undefined) continue;
    out[lang] = {
      ...(t === undefined ? {} : { title: t }),
      ...(d === undefined ? {} : { description: d }),
    };
  }
  return Object.keys(out).length === 0 ? null : JSON.stringify(out);
}

const parsed = new Map<string, StoredWording>();

function readWording(json: string | null | undefined): StoredWording {
  if (!json) return {};
  let w = parsed.get(json);
  if (w === undefined) {
    try {
      const v = JSON.parse(json) as unknown;
      w = v !== null && typeof v === 'object' ? (v as StoredWording) : {};
    } catch {
      w = {};
    }
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(json, w);
  }
  return w;
}

interface WordedRow {
  readonly title: string;
  readonly wording?: string | null;
}

/** A row's title in `lang`, else its English title. */
export function wordedTitle(row: WordedRow, lang: BoardLanguage): string {
  if (lang === 'en') return row.title;
  const t = readWording(row.wording)[lang]?.title;
  return typeof t === 'string' && t !== '' ? t : row.title;
}

/** A board row's description in `lang`, else its English one. */
export function wordedDescription(
  row: { readonly description: string | null; readonly wording?: string | null },
  lang: BoardLanguage,
): string | null {
  if (lang === 'en' || row.description === null) return row.description;
  const d = readWording(row.wording)[lang]?.description;
  return typeof d === 'string' && d !== '' ? d : row.description;
}

export function isBoardLanguage(tag: string): tag is BoardLanguage {
  return (BOARD_LANGUAGES as readonly string[]).includes(tag);
}

/**
 * The board language an Accept-Language header prefers (`fr-FR,fr;q=0.9,en;q=0.8` → fr), by
 * quality then order; English when it names none of them.
 */
export function preferredLanguage(header: string | undefined): BoardLanguage {
  if (!header) return 'en';
  let best: { lang: BoardLanguage; q: number } | null = null;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find((m) => m !== null)?.[1];
    const quality = q === undefined ? 1 : Number(q);
    const primary = range.trim().toLowerCase().split('-')[0] ?? '';
    if (!isBoardLanguage(primary) || !(quality > 0)) continue;
    if (best === null || quality > best.q) best = { lang: primary, q: quality };
  }
  return best?.lang ?? 'en';
}
