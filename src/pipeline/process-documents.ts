/**
 * Stores documents and their extracted mentions, batch by batch, one transaction per batch:
 * validate → content hash → skip duplicates → extract → enrich → insert document and mentions.
 * A failing document is recorded with its line and reason and leaves nothing behind; the others
 * go on.
 * @module
 */
import type { Kysely } from 'kysely';
import { InputDocumentSchema, type InputDocument } from '../domain/document.js';
import type { ExtractionResult } from '../domain/mention.js';
import { formatIssues } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { Database, NewDocument, NewMention } from '../store/schema.js';
import {
  completeDocument,
  findExisting,
  findExistingSqlite,
  insertDocuments,
  insertDocumentsSqlite,
} from '../store/documents-repo.js';
import { insertMentionRows, insertMentionRowsSqlite, mentionRows } from '../store/mentions-repo.js';
import { inSearchKeyOrder } from '../store/search-key.js';
import { withSavepoint, withTransaction } from '../store/transaction.js';

/** One line of input: a parsed document, or why the line could not be read. */
export interface InputLine {
  readonly line: number;
  /** File (or `-`) the line came from, for messages. */
  readonly file?: string;
  readonly value?: InputDocument | unknown;
  readonly error?: string;
}

export type ExtractFn = (doc: {
  id: string;
  text: string;
  lang?: string;
  published?: string;
  title?: string;
}) => ExtractionResult;

export type EnrichFn = (
  db: Kysely<Database>,
  doc: NewDocument,
  extraction?: ExtractionResult,
) => Promise<Partial<Pick<NewDocument, 'fingerprint' | 'story_id' | 'origin' | 'lang'>>>;

export interface ProcessProgress {
  readonly processed: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly failed: number;
}

export interface ProcessOptions {
  readonly extract?: ExtractFn;
  readonly enrich?: EnrichFn;
  /** `documents.source_id` of every document. */
  readonly sourceId?: string;
  /** Documents per transaction (default 500). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: ProcessProgress) => void;
}

export interface FailedLine {
  readonly line: number;
  readonly file?: string;
  readonly id?: string;
  readonly reason: string;
}

export interface ProcessResult {
  stored: number;
  duplicates: number;
  failed: FailedLine[];
  mentions: number;
  /** Ids of the documents stored by this run, in input order. */
  documentIds: string[];
}

interface Prepared {
  readonly input: InputLine;
  doc: NewDocument;
  extraction?: ExtractionResult;
}

export async function processDocuments(
  store: Pick<Store, 'db' | 'dialect' | 'sqlite'>,
  inputs: AsyncIterable<InputLine> | Iterable<InputLine>,
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const result: ProcessResult = {
    stored: 0,
    duplicates: 0,
    failed: [],
    mentions: 0,
    documentIds: [],
  };
  // SQLite: inserts and look-ups go through raw prepared statements on the same connection.
  const raw = store.dialect === 'sqlite' ? store.sqlite : undefined;
  let processed = 0;
  let batch: InputLine[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    await withTransaction(store, (trx) => processBatch(trx, raw, lines, options, result));
    processed += lines.length;
    options.onProgress?.({
      processed,
      stored: result.stored,
      duplicates: result.duplicates,
      failed: result.failed.length,
    });
  };
  for await (const input of inputs) {
    batch.push(input);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return result;
}

function fail(result: ProcessResult, input: InputLine, reason: string, id?: string): void {
  result.failed.push({
    line: input.line,
    ...(input.file !== undefined ? { file: input.file } : {}),
    ...(id !== undefined ? { id } : {}),
    reason,
  });
}

function toDocument(value: InputDocument, sourceId: string | undefined, now: string): NewDocument {
  const meta = value.story !== undefined ? JSON.stringify({ story: value.story }) : null;
  return completeDocument(
    {
      id: value.id,
      source_id: sourceId ?? null,
      outlet: value.outlet ?? null,
      url: value.url ?? null,
      title: value.title ?? null,
      text: value.text,
      lang: value.lang ?? null,
      published: value.published ?? null,
      origin: value.origin ?? null,
      meta,
    },
    now,
  );
}

type RawSqlite = Store['sqlite'];

async function processBatch(
  trx: Kysely<Database>,
  raw: RawSqlite,
  lines: readonly InputLine[],
  options: ProcessOptions,
  result: ProcessResult,
): Promise<void> {
  const now = new Date().toISOString();
  const candidates: Prepared[] = [];
  for (const input of lines) {
    if (input.error !== undefined) {
      fail(result, input, input.error);
      continue;
    }
    const parsed = InputDocumentSchema.safeParse(input.value);
    if (!parsed.success) {
      const id = (input.value as { id?: unknown } | null)?.id;
      fail(
        result,
        input,
        formatIssues(parsed.error.issues),
        typeof id === 'string' ? id : undefined,
      );
      continue;
    }
    if (parsed.data.text.trim().length === 0) {
      fail(result, input, 'text: empty', parsed.data.id);
      continue;
    }
    candidates.push({ input, doc: toDocument(parsed.data, options.sourceId, now) });
  }

  const ids = candidates.map((c) => c.doc.id);
  const hashes = candidates.map((c) => c.doc.content_hash);
  const existing = raw
    ? findExistingSqlite(raw, ids, hashes)
    : await findExisting(trx, ids, hashes);
  const fresh: Prepared[] = [];
  for (const c of candidates) {
    if (existing.ids.has(c.doc.id) || existing.hashes.has(c.doc.content_hash)) {
      result.duplicates += 1;
      continue;
    }
    existing.ids.add(c.doc.id);
    existing.hashes.add(c.doc.content_hash);
    if (options.extract && !extractInto(c, options.extract, now, result)) continue;
    fresh.push(c);
  }

  if (!options.enrich && fresh.length > 0) {
    const stored = await withSavepoint(trx, (t) => insertFast(t, raw, fresh)).catch(() => null);
    if (stored) {
      record(fresh, stored, result);
      return;
    }
  }
  // One at a time, in the order the full-text index writes fastest; results in input order.
  const outcomes = new Map<Prepared, number | null | Error>();
  for (const c of inSearchKeyOrder(fresh, (f) => f.doc.published ?? null)) {
    try {
      const mentions = await withSavepoint(trx, async (t) => {
        if (options.enrich) Object.assign(c.doc, await options.enrich(t, c.doc, c.extraction));
        const stored = await insertFast(t, raw, [c]);
        return stored.hashes.size > 0 ? stored.mentions : null;
      });
      outcomes.set(c, mentions);
    } catch (error) {
      outcomes.set(c, error as Error);
    }
  }
  for (const c of fresh) {
    const outcome = outcomes.get(c);
    if (outcome instanceof Error)
      fail(result, c.input, `could not store: ${outcome.message}`, c.doc.id);
    else if (outcome === null || outcome === undefined) result.duplicates += 1;
    else {
      result.stored += 1;
      result.mentions += outcome;
      result.documentIds.push(c.doc.id);
    }
  }
}

/** Runs the extractor on a candidate; false (and a recorded failure) when it throws. */
function extractInto(c: Prepared, extract: ExtractFn, now: string, result: ProcessResult): boolean {
  try {
    const d = c.doc;
    c.extraction = extract({
      id: d.id,
      text: d.text,
      ...(d.lang ? { lang: d.lang } : {}),
      ...(d.published ? { published: d.published } : {}),
      ...(d.title ? { title: d.title } : {}),
    });
    d.lang ??= c.extraction.lang;
    d.origin ??= c.extraction.origins[0]?.name ?? null;
    d.extracted_at = now;
    return true;
  } catch (error) {
    fail(result, c.input, `extraction failed: ${(error as Error).message}`, c.doc.id);
    return false;
  }
}

async function insertFast(
  trx: Kysely<Database>,
  raw: RawSqlite,
  items: readonly Prepared[],
): Promise<{ hashes: Set<string>; mentions: number }> {
  const docs = items.map((c) => c.doc);
  const hashes = raw ? insertDocumentsSqlite(raw, docs) : await insertDocuments(trx, docs);
  const rows: NewMention[] = [];
  for (const c of items) {
    if (!c.extraction || !hashes.has(c.doc.content_hash)) continue;
    rows.push(...mentionRows(c.doc.id, c.extraction.mentions, c.doc, c.doc.ingested_at));
  }
  const mentions = raw ? insertMentionRowsSqlite(raw, rows) : await insertMentionRows(trx, rows);
  return { hashes, mentions };
}

function record(
  items: readonly Prepared[],
  stored: { hashes: Set<string>; mentions: number },
  result: ProcessResult,
): void {
  for (const c of items) {
    if (stored.hashes.has(c.doc.content_hash)) {
      result.stored += 1;
      result.documentIds.push(c.doc.id);
    } else result.duplicates += 1;
  }
  result.mentions += stored.mentions;
}
