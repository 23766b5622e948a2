/**
 * An analyst's correction, and its revocation, through analysis (docs/corrections.md): in one
 * transaction the correction is recorded and applied to the mention (corrections-repo), the event
 * the mention leaves is refitted from its other mentions, and the document is marked pending;
 * then the document is analysed again like a new one: the mention is placed in an event,
 * credibility, trends and watchboards are recomputed for the events involved, and alert rules
 * run on the result. A crash between the two leaves the document pending for the next pass.
 * @module
 */
import { refitEvents } from '../analyse/events/refit-events.js';
import type { HypothesisChange } from '../domain/signals.js';
import {
  recordCorrection,
  revokeCorrection,
  type Correction,
  type CorrectionOutcome,
  type NewCorrection,
} from '../store/corrections-repo.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/open-store.js';
import { withTransaction } from '../store/transaction.js';
import type { Kysely } from 'kysely';
import { analyseAndAlert, type AnalysisSetup } from './analysis-pipeline.js';

export interface RescoredCorrection {
  readonly correction: Correction;
  /** The mention carrying the corrected values, null when rejected. */
  readonly mentionId: string | null;
  /** The event the mention belongs to after rescoring. */
  readonly eventId: string | null;
  readonly hypothesisChanges: readonly HypothesisChange[];
  readonly alertsRecorded: number;
}

type Setup = Pick<AnalysisSetup, 'boards' | 'rules'>;

export function correctMention(
  store: Store,
  setup: Setup,
  input: NewCorrection,
): Promise<RescoredCorrection> {
  return rescore(store, setup, input.now, (trx) => recordCorrection(trx, input));
}

export function revokeMentionCorrection(
  store: Store,
  setup: Setup,
  input: { id: string; by: string; note?: string | null; now?: string },
): Promise<RescoredCorrection> {
  return rescore(store, setup, input.now, (trx) => revokeCorrection(trx, input));
}

async function rescore(
  store: Store,
  setup: Setup,
  at: string | undefined,
  change: (trx: Kysely<Database>) => Promise<CorrectionOutcome>,
): Promise<RescoredCorrection> {
  const now = at ?? new Date().toISOString();
  const { outcome, changed } = await withTransaction(store, async (trx) => {
    const outcome = await change(trx);
    const doc = await trx
      .selectFrom('documents')
      .select('published')
      .where('id', '=', outcome.documentId)
      .executeTakeFirst();
    const day = doc?.published ? [doc.published.slice(0, 10)] : [];
    const refit = outcome.previousEventId
      ? await refitEvents(trx, [outcome.previousEventId], now, day)
      : { refitted: [], deleted: [] };
    await trx
      .updateTable('documents')
      .set({ analysed_at: null })
      .where('id', '=', outcome.documentId)
      .execute();
    return { outcome, changed: [...refit.refitted, ...refit.deleted] };
  });
  const analysed = await analyseAndAlert(store, [outcome.documentId], setup, {
    now,
    changedEventIds: changed,
  });
  const placed = outcome.mentionId
    ? await store.db
        .selectFrom('mentions')
        .select('event_id')
        .where('id', '=', outcome.mentionId)
        .executeTakeFirst()
    : undefined;
  return {
    correction: outcome.correction,
    mentionId: outcome.mentionId,
    eventId: placed?.event_id ?? null,
    hypothesisChanges: analysed.signals.hypothesisChanges,
    alertsRecorded: analysed.alertsRecorded,
  };
}
