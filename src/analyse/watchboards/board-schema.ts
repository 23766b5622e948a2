/**
 * The watchboard file format (data/watchboards/*.yaml), validated with zod.
 * @module
 */
import { z } from 'zod';
import {
  ActorCodeSchema,
  CapabilitySchema,
  EventTypeSchema,
  ModalitySchema,
} from '../../domain/ontology.js';
import {
  BOARD_LANGUAGES,
  type BoardLanguage,
  type LocalizedText,
} from '../../domain/board-wording.js';

const Probability = z
  .number()
  .gt(0, 'a probability must be strictly between 0 and 1')
  .lt(1, 'a probability must be strictly between 0 and 1');
const Ratio = z.number().positive('a likelihood ratio must be > 0');
const Id = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'ids are lower-case letters, digits, . _ -');

/**
 * A title or description: a plain string (English) or one text per language,
 * `{ en: …, fr: … }`. Parsed to its per-language record.
 */
export const LocalizedTextSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { en: v } : v),
  z.strictObject(
    {
      en: z.string({ error: 'give the English text (en), or a plain string' }).min(1),
      fr: z.string({ error: 'the French text (fr) must be a string' }).min(1).optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown language ${issue.keys.join(', ')}: a board is worded in ${BOARD_LANGUAGES.join(', ')}`
          : 'expected a text, or one text per language ({ en: …, fr: … })',
    },
  ),
);

/** A definition with its title (and description) as English strings and every language aside. */
type Worded<T> = Omit<T, 'title' | 'description'> & {
  readonly title: string;
  /** The title in each language it is written in (`en` equals `title`). */
  readonly titles?: LocalizedText;
} & (T extends { description?: LocalizedText }
    ? { readonly description?: string; readonly descriptions?: LocalizedText }
    : unknown);

function worded<T extends { title: LocalizedText; description?: LocalizedText }>(o: T): Worded<T> {
  const { title, description, ...rest } = o;
  return {
    ...rest,
    title: title.en,
    titles: title,
    ...(description ? { description: description.en, descriptions: description } : {}),
  } as unknown as Worded<T>;
}

export const MatchSchema = z
  .object({
    types: z.array(EventTypeSchema).min(1).optional(),
    actors: z
      .object({
        source: z.array(ActorCodeSchema).min(1).optional(),
        target: z.array(ActorCodeSchema).min(1).optional(),
        either: z.array(ActorCodeSchema).min(1).optional(),
      })
      .strict()
      .optional(),
    capabilities: z.array(CapabilitySchema).min(1).optional(),
    modality: z.array(ModalitySchema).min(1).optional(),
    keywords: z.array(z.string().min(2)).min(1).optional(),
    /** Worst Admiralty credibility (1–6) still counted. */
    maxCredibility: z.number().int().min(1).max(6).optional(),
  })
  .strict();

export const IndicatorSchema = z
  .object({
    id: Id,
    title: LocalizedTextSchema,
    /** Inherit another indicator's match criteria (same board); own fields override. */
    extends: Id.optional(),
    match: MatchSchema.default({}),
    /** Likelihood ratio P(event | H) / P(event | not H) for one full-weight event. */
    lr: Ratio,
    /** At most this many full-weight events' worth of log-odds from this indicator. */
    cap: z.number().positive().default(3),
    halfLifeDays: z.number().positive().optional(),
    absence: z.object({ days: z.number().int().positive(), lr: Ratio }).strict().optional(),
  })
  .strict()
  .transform(worded);

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD');

/**
 * What a hypothesis asks (docs/watchboards.md, "Question kinds"):
 * - `occurrence`: has X happened (since `since`, by `deadline`)? Credible evidence does not decay;
 *   silence counts only while the question is open and nothing credible supports it.
 * - `window`: will X happen within the next `horizonDays`? A rolling forecast: decay and absence apply.
 */
export const QuestionKindSchema = z.enum(['occurrence', 'window']);

/** How the question is settled: what counts as confirmation, and who must confirm it. */
export const ResolutionCriterionSchema = z
  .object({
    criterion: z.string().min(10, 'say what counts as confirmation (at least 10 characters)'),
    by: z.string().min(2, 'say who must confirm it'),
  })
  .strict();

export const HypothesisSchema = z
  .object({
    id: Id,
    title: LocalizedTextSchema,
    kind: QuestionKindSchema,
    resolution: ResolutionCriterionSchema,
    prior: Probability,
    horizonDays: z.number().int().positive().optional(),
    /** occurrence: first day the question covers (YYYY-MM-DD). */
    since: Day.optional(),
    /** occurrence: last day the question covers; silence after it lowers nothing. */
    deadline: Day.optional(),
    indicators: z.array(IndicatorSchema).min(1, 'a hypothesis needs at least one indicator'),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.kind === 'window' && h.horizonDays === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['horizonDays'],
        message: 'a window question needs horizonDays (the N of "within the next N days")',
      });
    for (const field of ['since', 'deadline'] as const) {
      if (h.kind === 'window' && h[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} belongs to occurrence questions; a window question rolls`,
        });
    }
    if (h.since && h.deadline && h.since > h.deadline)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'deadline is before since' });
  })
  .transform(worded);

export const BoardSchema = z
  .object({
    id: Id,
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** Half-life (days) of evidence weight; indicators may override. */
    halfLifeDays: z.number().positive().default(180),
    /** First day of observation (YYYY-MM-DD), from which absence is counted. */
    start: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    hypotheses: z.array(HypothesisSchema).min(1),
  })
  .strict()
  .transform(worded);

/** A resolution shipped in a resolutions YAML (load-resolutions.ts). */
export const FileResolutionSchema = z
  .object({
    hypothesis: Id,
    outcome: z.boolean(),
    date: Day,
    source: z.url({ protocol: /^https?$/, error: 'source must be an http(s) URL' }),
    note: z.string().optional(),
  })
  .strict();
export type FileResolution = z.infer<typeof FileResolutionSchema>;

/** What an analyst gives to resolve a hypothesis (CLI and API). */
export const ResolutionInputSchema = FileResolutionSchema.omit({ hypothesis: true }).extend({
  note: z.string().max(2000).optional(),
});
export type ResolutionInput = z.infer<typeof ResolutionInputSchema>;

export type MatchCriteria = z.infer<typeof MatchSchema>;
export type IndicatorDefinition = z.infer<typeof IndicatorSchema>;
export type HypothesisDefinition = z.infer<typeof HypothesisSchema>;
export type BoardDefinition = z.infer<typeof BoardSchema>;
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/** A validated board whose indicators have their inherited criteria resolved. */
export interface Watchboard extends BoardDefinition {
  readonly file: string;
  /** Resolutions shipped beside the board file (`<board>.resolutions.yaml`); the store's win. */
  readonly resolutions?: readonly FileResolution[];
}

interface WordedFields {
  readonly title: string;
  readonly titles?: LocalizedText;
  readonly description?: string;
  readonly descriptions?: LocalizedText;
}

function sourceFields<T extends WordedFields>(o: T) {
  const { titles, descriptions, ...rest } = o;
  return {
    ...rest,
    title: titles ?? o.title,
    ...(o.description === undefined ? {} : { description: descriptions ?? o.description }),
  };
}

/**
 * A board as its file writes it (each title one text per language), which BoardSchema parses
 * again: what the store keeps as the board's definition (`watchboards.definition`).
 */
export function boardSource<T extends BoardDefinition>(board: T) {
  return {
    ...sourceFields(board),
    hypotheses: board.hypotheses.map((h) => ({
      ...sourceFields(h),
      indicators: h.indicators.map((i) => sourceFields(i)),
    })),
  };
}

function fieldsIn<T extends WordedFields>(o: T, lang: BoardLanguage): T {
  return {
    ...o,
    title: o.titles?.[lang] ?? o.title,
    ...(o.description === undefined
      ? {}
      : { description: o.descriptions?.[lang] ?? o.description }),
  };
}

/**
 * The board with its title, description and every hypothesis's and indicator's title in `lang`
 * (each falls back to English); the same object in English.
 */
export function boardIn<T extends BoardDefinition>(board: T, lang: BoardLanguage): T {
  if (lang === 'en') return board;
  return {
    ...fieldsIn(board, lang),
    hypotheses: board.hypotheses.map((h) => ({
      ...fieldsIn(h, lang),
      indicators: h.indicators.map((i) => fieldsIn(i, lang)),
    })),
  };
}
