/**
 * The dashboard's language: English or French, chosen in the header and kept in localStorage,
 * and the helpers every page uses to turn codes into words (`useWords()`).
 * @module
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { formatMessage, type Message, type MessageTable } from '../../../src/domain/messages.js';
import { flagOf, languageName, stateName } from './actors.js';
import { en, type Credibility, type Labels, type Reliability } from './labels-en.js';
import { fr } from './labels-fr.js';

export const LANGUAGES = ['en', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];
const KEY = 'vigie.lang';
const TABLES: Readonly<Record<Lang, Labels>> = { en, fr };

export function loadLang(): Lang {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    // storage refused (private mode): fall back to the browser's language
  }
  if (saved === 'en' || saved === 'fr') return saved;
  return typeof navigator !== 'undefined' && navigator.language.startsWith('fr') ? 'fr' : 'en';
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // not persisted; the choice still holds for this page
  }
  document.documentElement.lang = lang;
}

/** `fill('from {a} to {b}', { a: 1, b: 2 })` → "from 1 to 2". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export interface Words {
  readonly lang: Lang;
  readonly ui: Labels['ui'];
  readonly edgeKind: Labels['edgeKind'];
  type(code: string): string;
  modality(code: string): string;
  capability(code: string): string;
  capabilities(codes: readonly string[]): string;
  /** "2 — probably true" */
  credibility(grade: number): string;
  /** "B — usually reliable" */
  reliability(grade: string): string;
  alertKind(kind: string): string;
  /** "🇰🇵 North Korea", "United Nations", or the code itself when unknown. */
  actor(code: string | null | undefined): string;
  /** "🇷🇺 Russia → 🇰🇵 North Korea" */
  pair(source: string | null, target: string | null): string;
  language(code: string): string;
  fill(template: string, values: Record<string, string | number>): string;
  /**
   * A sentence the server sent as a message (credibility reasons, origins, grade reasons); the
   * API's schema types its parameters loosely, the server builds them as `Message` params.
   */
  message(m: { readonly key: string; readonly params?: Readonly<Record<string, unknown>> }): string;
}

/** A primary source the table does not name, but whose key is a state: its name with flag. */
const ACTOR_SOURCE = 'source.actor:';

export function wordsFor(lang: Lang): Words {
  const l = TABLES[lang];
  const look = (table: Readonly<Record<string, string>>, code: string) => table[code] ?? code;
  const actor = (code: string | null | undefined): string => {
    if (!code) return '—';
    const org = l.organisation[code];
    if (org) return org;
    const name = stateName(code, lang);
    return name ? `${flagOf(code)} ${name}` : code;
  };
  const table: MessageTable = { lang, dateLocale: l.dateLocale, messages: l.messages };
  const word = (name: string): string | null =>
    name.startsWith(ACTOR_SOURCE) ? actor(name.slice(ACTOR_SOURCE.length)) : null;
  return {
    lang,
    ui: l.ui,
    edgeKind: l.edgeKind,
    type: (c) => look(l.eventType, c),
    modality: (c) => look(l.modality, c),
    capability: (c) => look(l.capability, c),
    capabilities: (cs) => cs.map((c) => look(l.capability, c)).join(', ') || '—',
    credibility: (g) => {
      const word = l.credibility[g as Credibility];
      return word ? `${g} — ${word}` : String(g);
    },
    reliability: (g) => {
      const word = l.reliability[g as Reliability];
      return word ? `${g} — ${word}` : g;
    },
    alertKind: (k) => look(l.alertKind, k),
    actor,
    pair: (s, t) => (s && t ? `${actor(s)} → ${actor(t)}` : s || t ? actor(s ?? t) : '—'),
    language: (c) => languageName(c, lang),
    fill,
    message: (m) => formatMessage(table, m as Message, word),
  };
}

export const WordsContext = createContext<Words>(wordsFor('en'));

export function useWords(): Words {
  return useContext(WordsContext);
}
