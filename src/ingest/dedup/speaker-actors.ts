/**
 * States and bodies a text names, read with the extractor's gazetteer (data/gazetteer/): the
 * speakers a statement may come from when no listed source is named ("Seoul said", "Kiev
 * accuses", "韩方判断", "В Сеуле полагают"), and their names in words for explanations.
 * @module
 */
import { fileURLToPath } from 'node:url';
import { defaultLexicons, readGazetteer } from '../../lexicon/load-lexicons.js';
import { normalizeBoth, wordMask } from '../../lexicon/normalize-text.js';

export interface ActorHit {
  readonly code: string;
  /** The gazetteer entry's kind: state, capital, person, institution, demonym… */
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Every actor name of the gazetteer in `text`, leftmost first; of overlapping names the longer
 * wins. A compound of several actors ("북러") is left out: it modifies a noun, it never speaks.
 */
export function findActors(text: string, lang: string | null): ActorHit[] {
  const compiled = defaultLexicons().get(lang ?? 'en');
  const { lower, exact } = normalizeBoth(text);
  const mask = wordMask(text);
  const hits: ActorHit[] = [];
  for (const m of [
    ...compiled.actors.find(lower, mask),
    ...compiled.actorsExact.find(exact, mask),
  ]) {
    const ref = m.payloads[0];
    if (ref && ref.parts === undefined)
      hits.push({ code: ref.code, kind: ref.kind, start: m.start, end: m.end });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ActorHit[] = [];
  for (const h of hits) {
    const last = kept.at(-1);
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

let labels: Map<string, string> | undefined;

/**
 * An actor in words: the English name of its state or organisation entry ("South Korea",
 * "NATO"), else the code.
 */
export function actorLabel(code: string): string {
  labels ??= gazetteerLabels();
  return labels.get(code) ?? code;
}

function gazetteerLabels(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = fileURLToPath(new URL('../../../data/gazetteer/', import.meta.url));
  for (const { entries } of readGazetteer(dir)) {
    for (const e of entries) {
      if (out.has(e.code) || (e.kind !== 'state' && e.kind !== 'organisation')) continue;
      // States by their English name ("South Korea"), organisations by their acronym ("NATO").
      const english = e.names['en']?.[0];
      const acronym = e.exact[0];
      const name =
        e.kind === 'state'
          ? ((english && titleCase(english)) ?? acronym)
          : (acronym ?? (english && titleCase(english)));
      if (name) out.set(e.code, name);
    }
  }
  return out;
}

function titleCase(name: string): string {
  return name.replace(
    /(^|\s)(\p{Ll})/gu,
    (_m, space: string, ch: string) => space + ch.toUpperCase(),
  );
}
