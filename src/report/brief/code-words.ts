/**
 * Vigie's codes in words for briefs, from data/labels/<lang>.json (the file the dashboard
 * bundles): event types, modalities, capabilities, Admiralty credibility ("3 — possibly true"),
 * and states by name, from Node's own CLDR data (Intl.DisplayNames) and data/iso-alpha2.json.
 * @module
 */
import { readFileSync } from 'node:fs';

interface LabelFile {
  eventType: Record<string, string>;
  modality: Record<string, string>;
  capability: Record<string, string>;
  credibility: Record<string, string>;
  organisation: Record<string, string>;
}

export interface CodeWords {
  type(code: string): string;
  modality(code: string): string;
  capabilities(codes: readonly string[]): string;
  credibility(grade: number): string;
  actor(code: string | null): string;
}

const read = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const ALPHA2 = read<{ codes: Record<string, string> }>('../../../data/iso-alpha2.json').codes;
const cache = new Map<string, CodeWords>();

export function codeWords(lang: string): CodeWords {
  const hit = cache.get(lang);
  if (hit) return hit;
  const l = read<LabelFile>(`../../../data/labels/${lang}.json`);
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const look = (table: Record<string, string>, code: string) => table[code] ?? code;
  const words: CodeWords = {
    type: (c) => look(l.eventType, c),
    modality: (c) => look(l.modality, c),
    capabilities: (cs) => cs.map((c) => look(l.capability, c)).join(', '),
    credibility: (g) =>
      l.credibility[String(g)] ? `${g} — ${l.credibility[String(g)]}` : String(g),
    actor: (c) => {
      if (!c) return '?';
      const a2 = ALPHA2[c];
      return l.organisation[c] ?? (a2 ? (regions.of(a2) ?? c) : c);
    },
  };
  cache.set(lang, words);
  return words;
}
