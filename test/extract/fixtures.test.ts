/**
 * Linguistic phenomena per language, from sentences written for these tests
 * (test/extract/fixtures/<lang>.yaml; `others.yaml` names the language per case).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SYMMETRIC_TYPES, type EventType } from '../../src/domain/ontology.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import { segmentSentences } from '../../src/extract/segment-sentences.js';
import { defaultLexicons } from '../../src/lexicon/load-lexicons.js';

interface Expected {
  type: EventType;
  source?: string | null;
  target?: string | null;
  modality?: string;
  /** Each listed capability must be there; an empty list: none may be. */
  capabilities?: string[];
  /** When given, the mention's date (null: undated). */
  date?: string | null;
  /** When given, text the mention's span must hold (which sentence it stands in). */
  within?: string;
  /** When given, the text of the mention's trigger span ("setzt … ein" spans stem to particle). */
  trigger?: string;
}
interface FixtureCase {
  name: string;
  lang?: string;
  text: string;
  published?: string;
  sentences?: number;
  expect: Expected[];
  absent?: EventType[];
  /** When given, exactly this many mentions of each listed type. */
  counts?: Partial<Record<EventType, number>>;
}

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  const cases = parse(readFileSync(join(dir, file), 'utf8')) as FixtureCase[];
  const fileLang = file.replace(/\.yaml$/, '');
  describe(`fixtures ${file}`, () => {
    for (const c of cases) {
      const lang = c.lang ?? fileLang;
      it(`${lang}: ${c.name}`, () => {
        const result = extractDocument({
          text: c.text,
          lang,
          ...(c.published !== undefined ? { published: c.published } : {}),
        });
        if (c.sentences !== undefined) {
          const spans = segmentSentences(c.text, defaultLexicons().get(lang).abbreviations);
          expect(spans.map((s) => c.text.slice(s.start, s.end))).toHaveLength(c.sentences);
        }
        const got = result.mentions.map((m) => ({
          type: m.type,
          source: m.source,
          target: m.target,
          modality: m.modality,
          capabilities: [...m.capabilities],
          date: m.date,
        }));
        for (const e of c.expect) {
          const found = result.mentions.some((m) => {
            if (m.type !== e.type) return false;
            if (e.modality !== undefined && m.modality !== e.modality) return false;
            if (e.date !== undefined && m.date !== e.date) return false;
            if (e.within !== undefined && !c.text.slice(m.start, m.end).includes(e.within))
              return false;
            if (
              e.trigger !== undefined &&
              (m.trigger === undefined ||
                c.text.slice(m.trigger.start, m.trigger.end) !== e.trigger)
            )
              return false;
            if (e.capabilities?.some((cap) => !m.capabilities.includes(cap as never))) return false;
            // `capabilities: []` says the event carries none.
            if (e.capabilities?.length === 0 && m.capabilities.length > 0) return false;
            const pair = [m.source, m.target];
            if (SYMMETRIC_TYPES.has(e.type) && e.source !== undefined && e.target !== undefined)
              return pair.includes(e.source) && pair.includes(e.target);
            return (
              (e.source === undefined || m.source === e.source) &&
              (e.target === undefined || m.target === e.target)
            );
          });
          expect(found, `expected ${JSON.stringify(e)} in ${JSON.stringify(got)}`).toBe(true);
        }
        for (const t of c.absent ?? []) expect(result.mentions.map((m) => m.type)).not.toContain(t);
        for (const [t, n] of Object.entries(c.counts ?? {}))
          expect(
            result.mentions.filter((m) => m.type === t),
            `${t} in ${JSON.stringify(got)}`,
          ).toHaveLength(n);
        for (const m of result.mentions) {
          expect(m.rules.length).toBeGreaterThan(0);
          expect(c.text.slice(m.start, m.end).trim()).toBe(c.text.slice(m.start, m.end));
        }
      });
    }
  });
}
