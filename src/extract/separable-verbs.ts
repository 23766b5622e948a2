/**
 * Finds separable verbs split across their clause (German "Russland setzt Truppen in Kursk ein",
 * "Nordkorea feuerte am Dienstag eine Rakete ab"): a finite stem of the lexicon's
 * `separableVerbs` whose particle is the last word of the same clause, before punctuation, a
 * coordinating conjunction or the sentence end. The stem is the trigger (or the modality cue) in
 * verb-second position, where the rules read roles and modality from; the trigger carries the
 * particle so that its span can cover both. Joined forms ("einsetzen", "eingesetzt") are plain
 * terms (lexicon/separable-verbs.ts).
 * @module
 */
import type { CompiledLanguage, ModalityKind, TriggerRef } from '../lexicon/load-lexicons.js';
import type { TriggerEntry } from '../lexicon/lexicon-schema.js';
import type { SeparableVerb } from '../lexicon/separable-verbs.js';
import { expandTerm } from '../lexicon/expand-term.js';
import { TermMatcher } from '../lexicon/term-matcher.js';
import { appendAll } from '../domain/append-all.js';
import type { Hit } from './scan-sentence.js';

interface StemRef {
  readonly verb: SeparableVerb;
  readonly entry: TriggerEntry | undefined;
}

interface CompiledSeparable {
  readonly stems: TermMatcher<StemRef>;
  readonly clauseEnds: ReadonlySet<string>;
}

/** How far (UTF-16 units) a particle may stand from its stem. */
const PARTICLE_REACH = 160;
/** Punctuation that closes a clause; a period only where nothing but punctuation follows it. */
const CLAUSE_MARK = /[,;:()"«»„“”‚‘’—–!?]/u;
const LETTER = /\p{L}/u;
const WORD_OR_DIGIT = /[\p{L}\p{N}]/u;

const compiledOf = new WeakMap<CompiledLanguage, CompiledSeparable | null>();

function compile(lang: CompiledLanguage): CompiledSeparable | null {
  const lexicon = lang.lexicon;
  if (lexicon.separableVerbs.length === 0) return null;
  const stems = new TermMatcher<StemRef>();
  for (const verb of lexicon.separableVerbs) {
    const entry =
      verb.trigger === undefined ? undefined : lexicon.triggers.find((e) => e.id === verb.trigger);
    for (const s of verb.stems)
      for (const form of expandTerm(s, lexicon.endings, `separableVerbs (${verb.particle})`))
        stems.add(form.term, { verb, entry }, { boundaries: lexicon.wordBoundaries });
  }
  return { stems, clauseEnds: new Set(lexicon.separable?.clauseEnds ?? []) };
}

function separableOf(lang: CompiledLanguage): CompiledSeparable | null {
  let c = compiledOf.get(lang);
  if (c === undefined) {
    c = compile(lang);
    compiledOf.set(lang, c);
  }
  return c;
}

function wordEnd(norm: string, i: number): number {
  while (i < norm.length && LETTER.test(norm[i]!)) i++;
  return i;
}

/** Whether norm[i] closes a clause. */
function closesClause(norm: string, i: number): boolean {
  const ch = norm[i]!;
  if (CLAUSE_MARK.test(ch)) return true;
  if (ch !== '.') return false;
  for (let k = i + 1; k < norm.length; k++) if (WORD_OR_DIGIT.test(norm[k]!)) return false;
  return true;
}

/**
 * The particle `particle` as the last word of the clause that starts at `from`: followed by the
 * clause's end (punctuation, sentence end) or by a word of `clauseEnds` ("und", "oder").
 */
export function clauseFinalParticle(
  norm: string,
  from: number,
  particle: string,
  clauseEnds: ReadonlySet<string>,
): { start: number; end: number } | null {
  const limit = Math.min(norm.length, from + PARTICLE_REACH);
  let candidate: { start: number; end: number } | null = null;
  for (let i = from; i < limit;) {
    if (closesClause(norm, i)) return candidate;
    if (!LETTER.test(norm[i]!)) {
      i++;
      continue;
    }
    const end = wordEnd(norm, i);
    const word = norm.slice(i, end);
    // A conjunction after the particle ends its clause ("… ein und liefert …").
    if (candidate !== null && clauseEnds.has(word)) return candidate;
    candidate =
      word === particle && norm[i - 1] !== '-' && norm[end] !== '-' ? { start: i, end } : null;
    i = end;
  }
  return limit === norm.length ? candidate : null;
}

/** A split verb that is a modality cue, with where its particle stands. */
export interface SeparableCue extends Hit<ModalityKind> {
  readonly particle: { readonly start: number; readonly end: number };
  /** It needs a negation between stem and particle (separable-verbs.ts in lexicon/). */
  readonly negated: boolean;
}

export interface SeparableHits {
  readonly triggers: Hit<TriggerRef>[];
  readonly cues: SeparableCue[];
}

const NONE: SeparableHits = { triggers: [], cues: [] };

/** The split separable verbs of one sentence (`norm`: its lowercase normalised text). */
export function findSeparableVerbs(
  norm: string,
  mask: Uint8Array,
  lang: CompiledLanguage,
): SeparableHits {
  const compiled = separableOf(lang);
  if (compiled === null) return NONE;
  const triggers: Hit<TriggerRef>[] = [];
  const cues: SeparableCue[] = [];
  for (const m of compiled.stems.find(norm, mask)) {
    const end = wordEnd(norm, m.end);
    for (const { verb, entry } of m.payloads) {
      const particle = clauseFinalParticle(norm, end, verb.particle, compiled.clauseEnds);
      if (particle === null) continue;
      if (entry !== undefined) triggers.push({ start: m.start, end, value: { entry, particle } });
      else if (verb.cue !== undefined)
        cues.push({
          start: m.start,
          end,
          value: verb.cue,
          particle,
          negated: verb.negated === true,
        });
      // A litotes may still fail for want of its negation: the plain verb is tried too.
      if (verb.negated !== true) break;
    }
  }
  return triggers.length === 0 && cues.length === 0 ? NONE : { triggers, cues };
}

/**
 * Puts the split verbs of a sentence among its triggers and cues. The stem's word is the split
 * verb: what the stem alone would have matched there ("traf" for "trafen … ein", the speech verb
 * "sagte" for "sagte … zu") goes, from the triggers, the cues and the role `markers`.
 */
export function addSeparableVerbs(
  facts: {
    readonly norm: string;
    readonly mask: Uint8Array;
    readonly triggers: Hit<TriggerRef>[];
    readonly modality: Hit<ModalityKind>[];
  },
  markers: Record<string, readonly { readonly start: number; readonly end: number }[]>,
  lang: CompiledLanguage,
): void {
  const found = findSeparableVerbs(facts.norm, facts.mask, lang);
  if (found === NONE) return;
  // "schließt … nicht aus": the negation inside is the litotes's own, no cue of its own.
  const cues: Hit<ModalityKind>[] = [];
  for (const c of found.cues) {
    if (!c.negated) continue;
    const k = facts.modality.findIndex(
      (n) => n.value === 'negation' && n.start >= c.end && n.end <= c.particle.start,
    );
    if (k < 0) continue;
    facts.modality.splice(k, 1);
    cues.push({ start: c.start, end: c.end, value: c.value });
  }
  // Without its negation the same stem is the plain verb ("schloss … aus": ruled out).
  for (const c of found.cues)
    if (!c.negated && !cues.some((k) => k.start === c.start))
      cues.push({ start: c.start, end: c.end, value: c.value });
  const words = [...found.triggers, ...cues];
  const inStem = (h: { start: number; end: number }) =>
    words.some((w) => h.start < w.end && w.start < h.end);
  replaceSorted(facts.triggers, inStem, found.triggers);
  replaceSorted(facts.modality, inStem, cues);
  // "Kim sagte … zu" promises: the stem is no speech verb, nor any other marker.
  for (const kind of Object.keys(markers))
    if (markers[kind]!.some(inStem)) markers[kind] = markers[kind]!.filter((m) => !inStem(m));
}

function replaceSorted<T>(
  list: Hit<T>[],
  drop: (h: Hit<T>) => boolean,
  add: readonly Hit<T>[],
): void {
  const kept = list.filter((h) => !drop(h));
  appendAll(kept, add);
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  list.length = 0;
  appendAll(list, kept);
}

/** The triggers with the split separable verbs first, each group in sentence order. */
export function splitVerbsFirst(triggers: readonly Hit<TriggerRef>[]): readonly Hit<TriggerRef>[] {
  if (!triggers.some((t) => t.value.particle !== undefined)) return triggers;
  return [
    ...triggers.filter((t) => t.value.particle !== undefined),
    ...triggers.filter((t) => t.value.particle === undefined),
  ];
}

/**
 * A trigger's span in the document (`offset`: its sentence's start): a split separable verb runs
 * from its stem to its particle ("setzt Truppen in Kursk ein").
 */
export function triggerSpan(t: Hit<TriggerRef>, offset: number): { start: number; end: number } {
  return { start: offset + t.start, end: offset + (t.value.particle?.end ?? t.end) };
}
