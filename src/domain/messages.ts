/**
 * Sentences built from data (why an event has its credibility, its independent origins, why a
 * grade is suggested) as a key and parameters, worded from the `messages` table of
 * data/labels/<lang>.json. The API returns the message beside its English text, the dashboard
 * words the message in the reader's language, and the English text is worded from the same table:
 * each sentence is written once per language, in data/.
 *
 * Templates: `{name}` is a parameter; `{name|, }` joins a list parameter with ", " (default "; ");
 * a template may be `{ "one": …, "other": … }`, chosen by the parameter `n` (Intl.PluralRules).
 * A `day` parameter (YYYY-MM-DD) is written as a date in words, a `bound` with two decimals.
 * A key without a template is worded by its `fallback` parameter.
 *
 * Pure (the dashboard bundles it); the server's English table is `english-messages.ts`.
 *
 * @example
 * formatMessage(table, message('credibility.firm', { n: 2 })) // "2 origins assert it"
 * @module
 */
export type MessageParam = string | number | Message | readonly Message[];

export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** A template, or its plural forms chosen by the parameter `n`. */
export type Template = string | { readonly one: string; readonly other: string };

export interface MessageTable {
  /** BCP 47 tag for plurals and numbers ("en", "fr"). */
  readonly lang: string;
  /** Locale whose long dates the table uses ("en-GB": 4 November 2025). */
  readonly dateLocale: string;
  readonly messages: Readonly<Record<string, Template>>;
}

/**
 * Words the caller gives to a string parameter (the dashboard: actor codes as names with flags),
 * or to a key without a template; null keeps the value.
 */
export type ParamWording = (name: string, value: string) => string | null;

export function message(key: string, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function pick(table: MessageTable, t: Template, n: MessageParam | undefined): string {
  if (typeof t === 'string') return t;
  const rules = cached(plurals, table.lang, () => new Intl.PluralRules(table.lang));
  return rules.select(typeof n === 'number' ? n : Number(n)) === 'one' ? t.one : t.other;
}

function formatNumber(table: MessageTable, name: string, v: number): string {
  const digits = name === 'bound' ? 2 : 0;
  const key = `${table.lang}:${digits}`;
  return cached(
    numbers,
    key,
    () =>
      new Intl.NumberFormat(table.lang, {
        minimumFractionDigits: digits,
        maximumFractionDigits: 2,
        useGrouping: false,
      }),
  ).format(v);
}

/** A YYYY-MM-DD day as the table's long date ("4 November 2025"); null when not a day. */
export function formatDay(table: MessageTable, iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const f = cached(
    dates,
    table.dateLocale,
    () =>
      new Intl.DateTimeFormat(table.dateLocale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  return f.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function formatParam(
  table: MessageTable,
  name: string,
  v: MessageParam,
  separator: string,
  word?: ParamWording,
): string {
  if (typeof v === 'number') return formatNumber(table, name, v);
  if (typeof v === 'string') {
    if (name === 'day') return formatDay(table, v) ?? v;
    return word?.(name, v) ?? v;
  }
  if (Array.isArray(v))
    return (v as readonly Message[]).map((m) => formatMessage(table, m, word)).join(separator);
  return formatMessage(table, v as Message, word);
}

/** The message in the table's language. */
export function formatMessage(table: MessageTable, m: Message, word?: ParamWording): string {
  const params = m.params ?? {};
  const template = table.messages[m.key];
  if (template === undefined) {
    const fallback = params['fallback'];
    const text = typeof fallback === 'string' ? fallback : m.key;
    return word?.(m.key, text) ?? text;
  }
  return pick(table, template, params['n']).replace(
    /\{(\w+)(?:\|([^}]*))?\}/g,
    (all, name: string, separator: string | undefined) => {
      const v = params[name];
      return v === undefined ? all : formatParam(table, name, v, separator ?? '; ', word);
    },
  );
}
