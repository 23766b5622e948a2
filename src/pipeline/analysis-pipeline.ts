/**
 * After documents are stored: analysis (events, credibility, trends, watchboards) and alerting.
 * Alerts are recorded in the same transaction that marks the documents analysed, so a crash
 * in between leaves the documents pending and the next pass redoes both (repeats are suppressed
 * by the alerts' dedup keys; board scores are recomputed deterministically).
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { AlertSignals } from '../domain/signals.js';
import { analyseDocuments, type AnalyseOptions } from '../analyse/analyse-documents.js';
import type { Watchboard } from '../analyse/watchboards/board-schema.js';
import { boardFiles, loadWatchboards } from '../analyse/watchboards/load-boards.js';
import type { AlertRule } from '../alert/evaluate-rules.js';
import { createYamlLineLocator } from '../alert/locate-yaml-line.js';
import { recordAlerts } from '../alert/record-alerts.js';
import { validateAlertConfig } from '../alert/validate-alert-config.js';
import type { NotifierConfig } from '../config/schema.js';
import type { Store } from '../store/open-store.js';
import { tidySearchIndex } from '../store/search-index-upkeep.js';

export interface AnalysisSetup {
  readonly boards: readonly Watchboard[];
  readonly rules: readonly AlertRule[];
  readonly notifiers: readonly NotifierConfig[];
  /** Problems with boards or rules: each names its file, line and field; the rest keeps running. */
  readonly problems: readonly string[];
}

/** Loads the shipped and configured watchboards and validates the alert rules against them. */
export function loadAnalysisSetup(config: ResolvedConfig): AnalysisSetup {
  const baseDir = config.file ? dirname(config.file) : process.cwd();
  const loaded = loadWatchboards(boardFiles(config.watchboards, baseDir));
  const boardsById = new Map(loaded.boards.map((b) => [b.id, b.hypotheses.map((h) => h.id)]));
  const text = config.file ? readFileSync(config.file, 'utf8') : null;
  const alerts = validateAlertConfig(config.alerts, {
    file: config.file,
    boards: boardsById,
    ...(text ? { locate: createYamlLineLocator(text) } : {}),
  });
  return {
    boards: loaded.boards,
    rules: alerts.rules,
    notifiers: alerts.notifiers,
    problems: [...loaded.errors, ...alerts.errors].map((e) => e.message),
  };
}

export interface AnalyseAndAlertResult {
  readonly documents: number;
  readonly signals: AlertSignals;
  readonly alertsRecorded: number;
  readonly alertsSuppressed: number;
}

/** Analyses the given documents, records the alerts they cause, and marks them analysed. */
export async function analyseAndAlert(
  store: Store,
  documentIds: readonly string[],
  setup: Pick<AnalysisSetup, 'boards' | 'rules'>,
  options: AnalyseOptions = {},
): Promise<AnalyseAndAlertResult> {
  const signals = await analyseDocuments(store, documentIds, setup.boards, options);
  const now = options.now ? new Date(options.now) : new Date();
  const recorded = await store.db.transaction().execute(async (trx) => {
    const result = await recordAlerts(trx, setup.rules, signals, { now });
    for (let i = 0; i < documentIds.length; i += 500) {
      await trx
        .updateTable('documents')
        .set({ analysed_at: now.toISOString() })
        .where('id', 'in', documentIds.slice(i, i + 500))
        .execute();
    }
    return result;
  });
  // Ingest added index segments; merging them now keeps searches fast (search-index-upkeep.ts).
  await tidySearchIndex(store);
  return {
    documents: documentIds.length,
    signals,
    alertsRecorded: recorded.recorded.length,
    alertsSuppressed: recorded.suppressed.length,
  };
}

/** Documents stored and extracted but not yet analysed (left by a crash, or ingested elsewhere). */
export async function pendingAnalysis(store: Store, limit = 5000): Promise<string[]> {
  const rows = await store.db
    .selectFrom('documents')
    .select('id')
    .where('analysed_at', 'is', null)
    .where('extracted_at', 'is not', null)
    .orderBy('published')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Analyses every pending document in batches; returns the totals. */
export async function analysePending(
  store: Store,
  setup: Pick<AnalysisSetup, 'boards' | 'rules'>,
  options: AnalyseOptions & { batchSize?: number } = {},
): Promise<{ documents: number; alertsRecorded: number }> {
  let documents = 0;
  let alertsRecorded = 0;
  for (;;) {
    const ids = await pendingAnalysis(store, options.batchSize ?? 5000);
    if (ids.length === 0) break;
    const result = await analyseAndAlert(store, ids, setup, options);
    documents += result.documents;
    alertsRecorded += result.alertsRecorded;
  }
  return { documents, alertsRecorded };
}
