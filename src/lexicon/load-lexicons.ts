/**
 * Loads and validates `data/lexicons/<lang>.yaml` and `data/gazetteer/*.yaml`, and compiles
 * them into matchers. Loading is synchronous, lazy and cached per language.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { VigieError, formatIssues } from '../domain/errors.js';
import type { Capability } from '../domain/ontology.js';
import { expandTerm } from './expand-term.js';
import {
  GazetteerFileSchema,
  LanguageLexiconSchema,
  type GazetteerEntry,
  type LanguageLexicon,
  type TriggerEntry,
} from './lexicon-schema.js';
import { TermMatcherGroup } from './term-matcher-group.js';
import { TermMatcher } from './term-matcher.js';
import { checkSeparableVerbs, joinedTermsOf } from './separable-verbs.js';

export interface SegmentationRules {
  /** Lowercase tokens without their final period ("u.s", "dr", "т.е"). */
  readonly abbreviations: ReadonlySet<string>;
  /** Words that continue a sentence after a closing quote. */
  readonly continuations: readonly string[];
  /** A period after a short number is an ordinal's ("13. Oktober"). */
  readonly ordinalPeriod?: boolean;
}

export interface ActorRef {
  readonly id: string;
  readonly code: string;
  readonly kind: GazetteerEntry['kind'];
  /** Grammatical cases the matched form can carry (from ending sets), empty when unknown. */
  readonly cases: readonly string[];
  /** A compound of several names ("북러"): each part's code and where it ends in the match. */
  readonly parts?: readonly { readonly code: string; readonly end: number }[];
}

export interface TriggerRef {
  readonly entry: TriggerEntry;
  /** A blocker phrase: it hides the trigger words inside it. */
  readonly blocked?: true;
  /** The clause-final particle of a separable verb found apart from its stem ("setzt … ein"). */
  readonly particle?: { readonly start: number; readonly end: number };
}

const BLOCKER_ENTRY: TriggerEntry = { id: 'blocker', terms: ['-'], type: 'MEETING' };

export interface CapabilityRef {
  readonly id: string;
  readonly capabilities: readonly Capability[];
  readonly unless: readonly Capability[];
}

export type ModalityKind =
  | 'hedge'
  | 'negation'
  | 'conditional'
  | 'plan'
  | 'inversion'
  | 'prohibition'
  /** Hides a cue inside a longer word that sets none (Korean 하면서); no rule reads it. */
  | 'notCue';
export type RoleMarkerKind =
  | 'targetBefore'
  | 'opposedBefore'
  | 'placeBefore'
  | 'allyBefore'
  | 'inertBefore'
  | 'exchange'
  | 'sourceBefore'
  | 'attribution'
  | 'speech'
  | 'coordination'
  | 'filler'
  | 'between'
  | 'pairReference'
  | 'possessivePronoun';
export type ParticleKind =
  | 'targetAfter'
  | 'sourceAfter'
  | 'subjectAfter'
  | 'possessorAfter'
  | 'attributionAfter'
  | 'inertAfter'
  | 'opposedAfter'
  | 'allyAfter'
  | 'givenFromAfter';

/** Marker kinds found over the whole sentence, in the vocabulary pass. */
export const SCANNED_MARKERS = [
  'targetBefore',
  'opposedBefore',
  'placeBefore',
  'allyBefore',
  'inertBefore',
  'exchange',
  'sourceBefore',
  'attribution',
  'speech',
  'coordination',
  'between',
  'pairReference',
  'possessivePronoun',
] as const satisfies readonly RoleMarkerKind[];
export type ScannedMarker = (typeof SCANNED_MARKERS)[number];

/** Everything the extractor needs for one language, compiled. */
export interface CompiledLanguage {
  readonly lang: string;
  readonly lexicon: LanguageLexicon;
  readonly abbreviations: ReadonlySet<string>;
  /** What segmentation needs: abbreviations and quote continuations. */
  readonly segmentation: SegmentationRules;
  readonly actors: TermMatcher<ActorRef>;
  readonly actorsExact: TermMatcher<ActorRef>;
  readonly triggers: TermMatcher<TriggerRef>;
  readonly classes: TermMatcher<string>;
  readonly capabilities: TermMatcher<CapabilityRef>;
  readonly modality: TermMatcher<ModalityKind>;
  readonly markers: ReadonlyMap<RoleMarkerKind, TermMatcher<RoleMarkerKind>>;
  readonly particles: TermMatcher<ParticleKind>;
  /**
   * What every sentence is searched for, in one pass: actors, triggers, classes, capabilities,
   * modality cues and the role markers (fillers excepted: they are only tried inside gaps).
   */
  readonly vocabulary: TermMatcherGroup;
}

/** All languages of a data directory, compiled on first use. */
export interface LexiconSet {
  readonly languages: readonly string[];
  /** The compiled language, or the fallback language (`en`) when `lang` has no lexicon. */
  get(lang: string): CompiledLanguage;
}

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

function lexiconError(message: string, where: string, cause?: unknown): VigieError {
  return new VigieError('VIGIE_LEXICON_INVALID', `${where}: ${message}`, { where, cause });
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw lexiconError(`cannot read YAML (${(cause as Error).message})`, file, cause);
  }
}

/** Reads and validates one lexicon file; throws a VigieError naming the file and field. */
export function readLanguageLexicon(file: string): LanguageLexicon {
  const parsed = LanguageLexiconSchema.safeParse(readYaml(file));
  if (!parsed.success) throw lexiconError(formatIssues(parsed.error.issues), file);
  return parsed.data;
}

/** Reads and validates every gazetteer file of a directory. */
export function readGazetteer(dir: string): { file: string; entries: GazetteerEntry[] }[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.map((f) => {
    const file = join(dir, f);
    const parsed = GazetteerFileSchema.safeParse(readYaml(file));
    if (!parsed.success) throw lexiconError(formatIssues(parsed.error.issues), file);
    return { file, entries: parsed.data.entries };
  });
}

function compileLanguage(
  lexicon: LanguageLexicon,
  file: string,
  gazetteer: readonly { file: string; entries: GazetteerEntry[] }[],
): CompiledLanguage {
  const boundaries = lexicon.wordBoundaries;
  const opts = { boundaries };
  const expand = (term: string, where: string) => expandTerm(term, lexicon.endings, where);

  const actors = new TermMatcher<ActorRef>();
  const actorsExact = new TermMatcher<ActorRef>(true);
  for (const { file: gFile, entries } of gazetteer) {
    entries.forEach((entry, i) => {
      const where = `${gFile}: entries[${i}] (${entry.id})`;
      for (const key of ['all', lexicon.lang]) {
        for (const name of entry.names[key] ?? []) {
          for (const form of expand(name, `${where}.names.${key}`)) {
            const ref = { id: entry.id, code: entry.code, kind: entry.kind, cases: form.cases };
            if (entry.parts === undefined) actors.add(form.term, ref, opts);
            else {
              const { term, parts } = splitParts(form.term, entry.parts, `${where}.names.${key}`);
              actors.add(term, { ...ref, parts }, opts);
            }
          }
        }
      }
      for (const name of entry.exact) {
        actorsExact.add(
          name,
          { id: entry.id, code: entry.code, kind: entry.kind, cases: [] },
          { boundaries: true, startBoundary: true, endBoundary: true },
        );
      }
    });
  }

  const triggers = new TermMatcher<TriggerRef>();
  checkSeparableVerbs(lexicon, file);
  lexicon.triggers.forEach((entry, i) => {
    for (const t of [...entry.terms, ...joinedTermsOf(lexicon, { trigger: entry.id })])
      for (const form of expand(t, `${file}: triggers[${i}] (${entry.id})`))
        triggers.add(form.term, { entry }, opts);
  });
  for (const t of lexicon.blockers)
    for (const form of expand(t, `${file}: blockers`))
      triggers.add(form.term, { entry: BLOCKER_ENTRY, blocked: true }, opts);
  const classes = new TermMatcher<string>();
  for (const [name, terms] of Object.entries(lexicon.classes))
    for (const t of terms)
      for (const form of expand(t, `${file}: classes.${name}`)) classes.add(form.term, name, opts);
  const capabilities = new TermMatcher<CapabilityRef>();
  lexicon.capabilities.forEach((entry, i) => {
    const ref = { id: entry.id, capabilities: entry.capabilities, unless: entry.unless ?? [] };
    for (const t of entry.terms)
      for (const form of expand(t, `${file}: capabilities[${i}] (${entry.id})`))
        capabilities.add(form.term, ref, opts);
  });
  const modality = new TermMatcher<ModalityKind>();
  for (const kind of [
    'hedge',
    'negation',
    'conditional',
    'plan',
    'inversion',
    'prohibition',
    'notCue',
  ] as const)
    for (const t of [...lexicon.modality[kind], ...joinedTermsOf(lexicon, { cue: kind })])
      for (const form of expand(t, `${file}: modality.${kind}`))
        modality.add(form.term, kind, opts);

  const markers = new Map<RoleMarkerKind, TermMatcher<RoleMarkerKind>>();
  const markerKinds: RoleMarkerKind[] = [
    'targetBefore',
    'opposedBefore',
    'placeBefore',
    'allyBefore',
    'inertBefore',
    'exchange',
    'sourceBefore',
    'attribution',
    'speech',
    'coordination',
    'filler',
    'between',
    'pairReference',
    'possessivePronoun',
  ];
  for (const kind of markerKinds) {
    const m = new TermMatcher<RoleMarkerKind>();
    for (const t of lexicon.roles[kind])
      for (const form of expand(t, `${file}: roles.${kind}`)) m.add(form.term, kind, opts);
    markers.set(kind, m);
  }
  const particles = new TermMatcher<ParticleKind>();
  for (const kind of ['targetAfter', 'sourceAfter', 'subjectAfter', 'possessorAfter'] as const)
    for (const t of lexicon.roles[kind])
      particles.add(t, kind, {
        boundaries,
        startBoundary: boundaries,
        endBoundary: lexicon.spaced,
      });
  for (const kind of [
    'attributionAfter',
    'inertAfter',
    'opposedAfter',
    'allyAfter',
    'givenFromAfter',
  ] as const)
    for (const t of lexicon.roles[kind])
      for (const form of expand(t, `${file}: roles.${kind}`))
        particles.add(form.term, kind, { boundaries, startBoundary: boundaries });

  return {
    lang: lexicon.lang,
    lexicon,
    abbreviations: new Set(lexicon.abbreviations.map((a) => a.toLowerCase())),
    segmentation: {
      abbreviations: new Set(lexicon.abbreviations.map((a) => a.toLowerCase())),
      continuations: lexicon.continuations,
      ordinalPeriod: lexicon.ordinalPeriod,
    },
    actors,
    actorsExact,
    triggers,
    classes,
    capabilities,
    modality,
    markers,
    particles,
    vocabulary: new TermMatcherGroup([
      actors,
      triggers,
      classes,
      capabilities,
      modality,
      ...SCANNED_MARKERS.flatMap((k) => markers.get(k) ?? []),
    ] as TermMatcher<never>[]),
  };
}

/** Loads a data directory (default: the package's `data/`). Files are read on first use of a language. */
export function loadLexicons(dataDir: string = DEFAULT_DATA_DIR, fallback = 'en'): LexiconSet {
  const lexDir = join(dataDir, 'lexicons');
  const languages = readdirSync(lexDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
  let gazetteer: { file: string; entries: GazetteerEntry[] }[] | undefined;
  const compiled = new Map<string, CompiledLanguage>();
  const get = (lang: string): CompiledLanguage => {
    const key = languages.includes(lang) ? lang : fallback;
    let c = compiled.get(key);
    if (c === undefined) {
      gazetteer ??= readGazetteer(join(dataDir, 'gazetteer'));
      const file = join(lexDir, `${key}.yaml`);
      const lexicon = readLanguageLexicon(file);
      if (lexicon.lang !== key)
        throw lexiconError(`lang is "${lexicon.lang}", expected "${key}"`, file);
      c = compileLanguage(lexicon, file, gazetteer);
      compiled.set(key, c);
    }
    return c;
  };
  return { languages, get };
}

let defaultSet: LexiconSet | undefined;

/** The package's own lexicons, loaded once. */
export function defaultLexicons(): LexiconSet {
  defaultSet ??= loadLexicons();
  return defaultSet;
}

/** "북|러" with parts [PRK, RUS] → the term "북러" and where each part ends. */
function splitParts(
  term: string,
  codes: readonly string[],
  where: string,
): { term: string; parts: { code: string; end: number }[] } {
  const pieces = term.split('|');
  if (pieces.length !== codes.length)
    throw new VigieError(
      'VIGIE_LEXICON_INVALID',
      `${where}: "${term}" has ${pieces.length} parts, the entry names ${codes.length}`,
      { where },
    );
  let end = 0;
  const parts = pieces.map((piece, i) => ({ code: codes[i]!, end: (end += piece.length) }));
  return { term: pieces.join(''), parts };
}
