/**
 * Response types of the Vigie API, derived from the server's own zod schemas (type-only imports:
 * nothing of the server or of zod reaches the bundle), so the dashboard follows the contract.
 * @module
 */
import type { z } from 'zod';
import type {
  ExplanationSchema,
  HypothesisSchema,
  OverviewSchema,
  TrendsSchema,
} from '../../src/server/schemas/analysis.js';
import type {
  GradeChangeSchema,
  TrackRecordSchema,
} from '../../src/server/schemas/source-grades.js';
import type {
  ActorSchema,
  DocumentFacetsSchema,
  SavedSearchSchema,
} from '../../src/server/schemas/workbench.js';
import type {
  AlertSchema,
  CueSchema,
  DocumentDetailSchema,
  DocumentRefSchema,
  DocumentSummarySchema,
  EventDetailSchema,
  EventSchema,
  MentionWithSentenceSchema,
  SourceSchema,
  StorySchema,
} from '../../src/server/schemas/records.js';

export type Overview = z.output<typeof OverviewSchema>;
export type Board = Overview['boards'][number];
export type HypothesisCard = Board['hypotheses'][number];
export type Hypothesis = z.output<typeof HypothesisSchema>;
export type Explanation = z.output<typeof ExplanationSchema>;
export type ExplanationStep = Explanation['steps'][number];
export type Trends = z.output<typeof TrendsSchema>;
export type Alert = z.output<typeof AlertSchema>;
export type Cue = z.output<typeof CueSchema>;
export type DocumentDetail = z.output<typeof DocumentDetailSchema>;
export type MentionWithSentence = z.output<typeof MentionWithSentenceSchema>;
export type VigieEvent = z.output<typeof EventSchema>;
export type EventDetail = z.output<typeof EventDetailSchema>;
export type Source = z.output<typeof SourceSchema>;
export type Story = z.output<typeof StorySchema>;
export type DocumentRef = z.output<typeof DocumentRefSchema>;
export type Actor = z.output<typeof ActorSchema>;
export type DocumentSummary = z.output<typeof DocumentSummarySchema>;
export type DocumentFacets = z.output<typeof DocumentFacetsSchema>;
export type SavedSearch = z.output<typeof SavedSearchSchema>;
export type TrackRecord = z.output<typeof TrackRecordSchema>;
export type GradeChange = z.output<typeof GradeChangeSchema>;

export interface OffsetPage<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly next: number | null;
}

export interface CursorPage<T> {
  readonly items: T[];
  readonly next: string | null;
}

export type Role = 'viewer' | 'analyst' | 'admin';
