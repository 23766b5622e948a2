/**
 * Stores documents and their extracted mentions, batch by batch:
 * validate → clean (no NUL, no lone surrogate) → refuse unreadable text (binary: mostly control
 * and replacement characters, see unreadable-text.ts) → content hash → skip duplicates → extract →
 * enrich → insert document and mentions. Everything up to extraction runs outside any transaction;
 * enrichment and inserts run in short write transactions (WRITE_BUDGET_MS), so
 * concurrent writers never wait for another's extraction. Every way in (CLI, API, `vigie run`,
 * workers) comes through here, so this is where a document's text is made storable on every
 * backend.
 * A failing document is recorded with its line and reason and leaves nothing behind; the others
 * go on. A document stored with a caveat (its mentions capped) is listed in `warnings`.
 * @module
 */
import type { Kysely } from 'kysely';
import { appendAll } from '../domain/append-all.js';
import { InputDocumentSchema, type InputDocument } from '../domain/document.js';
import type { ExtractionResult } from '../domain/mention.js';
import { formatIssues } from '../domain/errors.js';
import { detectCreditedOrigin } from '../ingest/dedup/credited-origin.js';
import { attributeMentions } from '../ingest/dedup/mention-attribution.js';
import { stripUnstorable } from '../domain/storable-text.js';
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
import { unreadableReason } from './unreadable-text.js';

/** One line of input: a parsed document, or why the line could not be read. */
export interface InputLine {
  readonly line: number;
  /** File (or `-`) the line came from, for messages. */
  readonly file?: string;
  readonly value?: InputDocument | unknown;
  readonly error?: string;
  /** A caveat found while reading (a charset declaration overruled), reported in `warnings`. */
  readonly warning?: string;
}

export type ExtractFn = (doc: {
  id: string;
  text: string;
  lang?: string;
  published?: string;
  title?: string;
}) => ExtractionResult | Promise<ExtractionResult>;

export type EnrichFn = (
  db: Kysely<Database>,
  doc: NewDocument,
  extraction?: ExtractionResult,
) => Promise<Partial<Pick<NewDocument, 'fingerprint' | 'story_id' | 'origin' | 'lang'>>>;

/** The pure part of enrichment, done before the write lock (ingest-stages: prepareEnrichment). */
export type PrepareEnrichFn = (doc: NewDocument, extraction?: ExtractionResult) => void;

export interface ProcessProgress {
  readonly processed: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly failed: number;
}

export interface ProcessOptions {
  readonly extract?: ExtractFn;
  readonly enrich?: EnrichFn;
  /** Called for each extracted document before the write lock, so `enrich` holds it less. */
  readonly prepareEnrich?: PrepareEnrichFn;
  /** `documents.source_id` of every document. */
  readonly sourceId?: string;
  /**
   * Documents read, checked and extracted together (default 500, and at most BATCH_TEXT_CHARS of
   * text); written in short transactions (WRITE_BUDGET_MS).
   */
  readonly batchSize?: number;
  readonly onProgress?: (progress: ProcessProgress) => void;
  /**
   * The process is stopping: extraction stops before its next document and writing before its
   * next transaction; what was committed stays, the rest is left out and `stopped` is set.
   */
  readonly signal?: AbortSignal;
}

export interface FailedLine {
  readonly line: number;
  readonly file?: string;
  readonly id?: string;
  readonly reason: string;
}

/** A document that was stored, with what was left out of it: the same shape as a failure. */
export type WarnedLine = FailedLine;

/**
 * Mentions stored per document; the rest are dropped with a warning. A news report holds tens of
 * mentions; thousands mean a dump or a repetition, which would otherwise outweigh every other
 * document in events, trends and alerts (and once overflowed the call stack: 150,000 mentions).
 */
export const MAX_MENTIONS_PER_DOCUMENT = 5_000;

/**
 * How long one write transaction goes on enriching and inserting documents one by one before it
 * commits and lets another writer (process or API request) take the lock. A batch written in one
 * statement (no enrichment) is one transaction: a bulk insert, and one full-text segment.
 */
export const WRITE_BUDGET_MS = 200;

/**
 * Text extracted per batch at most. Several processes writing one SQLite file each extract a batch,
 * then queue for the write lock: with batches of a few seconds of extraction, one process writes
 * while the others extract, instead of all extracting at once and then all waiting (three
 * `vigie ingest` of 24 KB documents: bench/concurrent-ingest-bench.ts). 512 Ki characters: ~20
 * documents of 24 KB, ~170 of 3 KB.
 */
export const BATCH_TEXT_CHARS = 512 * 1024;

/** Longest run of inline extraction between two turns of the event loop. */
const YIELD_EVERY_MS = 20;

export interface ProcessResult {
  stored: number;
  duplicates: number;
  failed: FailedLine[];
  /** Documents stored with a caveat (mentions capped), in input order. */
  warnings: WarnedLine[];
  mentions: number;
  /** Ids of the documents stored by this run, in input order. */
  documentIds: string[];
  /** `signal` aborted: the documents after the last committed transaction were left out. */
  stopped?: boolean;
}

interface Prepared {
  readonly input: InputLine;
  doc: NewDocument;
  extraction?: ExtractionResult;
  /** Reported in `warnings` once the document is stored. */
  warning?: string;
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
    warnings: [],
    mentions: 0,
    documentIds: [],
  };
  // SQLite: inserts and look-ups go through raw prepared statements on the same connection.
  const raw = store.dialect === 'sqlite' ? store.sqlite : undefined;
  let processed = 0;
  let batch: InputLine[] = [];
  let batchChars = 0;
  const { signal } = options;
  // Set when the stop signal leaves documents out.
  let leftOut = false;
  const flush = async () => {
    if (batch.length === 0) return;
    if (signal?.aborted) return void (leftOut = true);
    const lines = batch;
    batch = [];
    batchChars = 0;
    // Checked and extracted before the write lock is taken: other writers wait only for inserts.
    const fresh = await prepareBatch(store.db, raw, lines, options, result);
    const all: Written = { outcomes: new Map(), mentions: 0 };
    let pending = fresh;
    while (pending.length > 0) {
      // SQLite answers synchronously: without a turn of the event loop between transactions, a
      // batch's enrichment would hold off every socket (other sources, webhooks, the API).
      await new Promise<void>((resolve) => setImmediate(resolve));
      // A safe point: every transaction so far is committed, the rest is left for the next start.
      if (signal?.aborted) {
        leftOut = true;
        break;
      }
      const written = await withTransaction(store, (trx) => writeBatch(trx, raw, pending, options));
      for (const [c, outcome] of written.outcomes) all.outcomes.set(c, outcome);
      all.mentions += written.mentions;
      pending = pending.filter((c) => !written.outcomes.has(c));
    }
    record(fresh, all, result);
    processed += lines.length;
    options.onProgress?.({
      processed,
      stored: result.stored,
      duplicates: result.duplicates,
      failed: result.failed.length,
    });
  };
  for await (const input of inputs) {
    if (signal?.aborted) {
      leftOut = true;
      break;
    }
    batch.push(input);
    batchChars += textLength(input.value);
    if (batch.length >= batchSize || batchChars >= BATCH_TEXT_CHARS) await flush();
  }
  await flush();
  if (leftOut) result.stopped = true;
  return result;
}

/** The length of a line's `text`, 0 when it has none (it fails validation later). */
function textLength(value: unknown): number {
  const text = (value as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text.length : 0;
}

function fail(result: ProcessResult, input: InputLine, reason: string, id?: string): void {
  result.failed.push(lineNote(input, reason, id));
}

function lineNote(input: InputLine, reason: string, id?: string): FailedLine {
  return {
    line: input.line,
    ...(input.file !== undefined ? { file: input.file } : {}),
    ...(id !== undefined ? { id } : {}),
    reason,
  };
}

/** Counts a stored document, and its warning if it has one. */
function recordStored(result: ProcessResult, c: Prepared): void {
  result.stored += 1;
  result.documentIds.push(c.doc.id);
  if (c.warning !== undefined) result.warnings.push(lineNote(c.input, c.warning, c.doc.id));
}

/**
 * The document without NUL and lone surrogates in any field (stripUnstorable), before it is
 * hashed and extracted, so spans point into the stored text. A field left empty is dropped.
 */
function storableDocument(value: InputDocument): InputDocument {
  const clean: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const text = typeof field === 'string' ? stripUnstorable(field) : field;
    if (text !== '' || key === 'text') clean[key] = text;
  }
  return clean as InputDocument;
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

/**
 * Validates, cleans and extracts a batch outside any transaction; returns the documents to
 * write. Failures, and documents already stored (a look-up, repeated under the write lock by
 * writeBatch), go into `result`.
 */
async function prepareBatch(
  db: Kysely<Database>,
  raw: RawSqlite,
  lines: readonly InputLine[],
  options: ProcessOptions,
  result: ProcessResult,
): Promise<Prepared[]> {
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
    const value = storableDocument(parsed.data);
    if (value.text.trim().length === 0) {
      fail(result, input, 'text: empty', parsed.data.id);
      continue;
    }
    const unreadable = unreadableReason(value.text);
    if (unreadable !== null) {
      fail(result, input, unreadable, parsed.data.id);
      continue;
    }
    candidates.push({
      input,
      doc: toDocument(value, options.sourceId, now),
      ...(input.warning !== undefined ? { warning: input.warning } : {}),
    });
  }

  // Through the store's connection, so never inside another request's open transaction.
  const existing = await db.connection().execute((conn) => storedKeys(conn, raw, candidates));
  const unseen: Prepared[] = [];
  for (const c of candidates) {
    if (existing.ids.has(c.doc.id) || existing.hashes.has(c.doc.content_hash)) {
      result.duplicates += 1;
      continue;
    }
    existing.ids.add(c.doc.id);
    existing.hashes.add(c.doc.content_hash);
    unseen.push(c);
  }
  const extract = options.extract;
  if (!extract) return unseen;
  // Started all at once: an extractor backed by the thread pool (extract-pool.ts) runs them in
  // parallel. An inline extractor runs as it is called: a turn of the event loop every
  // YIELD_EVERY_MS lets signals, sockets and timers in, and the stop signal end the batch there
  // (the caller then writes none of it).
  const started: Promise<boolean>[] = [];
  let turn = performance.now();
  for (const c of unseen) {
    if (performance.now() - turn >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      turn = performance.now();
    }
    if (options.signal?.aborted) break;
    started.push(extractInto(c, extract, now, result, options.prepareEnrich));
  }
  const extracted = await Promise.all(started);
  return unseen.filter((_, i) => extracted[i] === true);
}

/** Ids and content hashes of `items` already in the store. */
async function storedKeys(
  db: Kysely<Database>,
  raw: RawSqlite,
  items: readonly Prepared[],
): Promise<{ ids: Set<string>; hashes: Set<string> }> {
  const ids = items.map((c) => c.doc.id);
  const hashes = items.map((c) => c.doc.content_hash);
  return raw ? findExistingSqlite(raw, ids, hashes) : findExisting(db, ids, hashes);
}

/** What writing a batch did to each document: stored, a duplicate, or why it failed. */
interface Written {
  readonly outcomes: Map<Prepared, 'stored' | 'duplicate' | Error>;
  mentions: number;
}

/**
 * Inserts prepared documents under the write lock: enrichment (story, fingerprint), documents
 * and mentions. Documents stored meanwhile by another writer count as duplicates. One by one, it
 * stops after WRITE_BUDGET_MS; the documents without an outcome are left for the next
 * transaction. Touches nothing but the database: the caller records outcomes once committed.
 */
async function writeBatch(
  trx: Kysely<Database>,
  raw: RawSqlite,
  items: readonly Prepared[],
  options: ProcessOptions,
): Promise<Written> {
  const outcomes = new Map<Prepared, 'stored' | 'duplicate' | Error>();
  const existing = await storedKeys(trx, raw, items);
  const fresh = items.filter((c) => {
    const stored = existing.ids.has(c.doc.id) || existing.hashes.has(c.doc.content_hash);
    if (stored) outcomes.set(c, 'duplicate');
    return !stored;
  });
  if (!options.enrich && fresh.length > 0) {
    const stored = await withSavepoint(trx, (t) => insertFast(t, raw, fresh)).catch(() => null);
    if (stored) {
      for (const c of fresh)
        outcomes.set(c, stored.hashes.has(c.doc.content_hash) ? 'stored' : 'duplicate');
      return { outcomes, mentions: stored.mentions };
    }
  }
  // One at a time, in the order the full-text index writes fastest.
  const deadline = Date.now() + WRITE_BUDGET_MS;
  let mentions = 0;
  for (const c of inSearchKeyOrder(fresh, (f) => f.doc.published ?? null)) {
    if (outcomes.size > 0 && Date.now() >= deadline) break;
    try {
      const stored = await withSavepoint(trx, async (t) => {
        if (options.enrich) Object.assign(c.doc, await options.enrich(t, c.doc, c.extraction));
        return insertFast(t, raw, [c]);
      });
      outcomes.set(c, stored.hashes.size > 0 ? 'stored' : 'duplicate');
      mentions += stored.mentions;
    } catch (error) {
      outcomes.set(c, error as Error);
    }
  }
  return { outcomes, mentions };
}

/**
 * Runs the extractor on a candidate, then the pure part of enrichment; false (and a recorded
 * failure) when it throws.
 */
async function extractInto(
  c: Prepared,
  extract: ExtractFn,
  now: string,
  result: ProcessResult,
  prepareEnrich?: PrepareEnrichFn,
): Promise<boolean> {
  try {
    const d = c.doc;
    const extraction = await extract({
      id: d.id,
      text: d.text,
      ...(d.lang ? { lang: d.lang } : {}),
      ...(d.published ? { published: d.published } : {}),
      ...(d.title ? { title: d.title } : {}),
    });
    const capped = capMentions(c, extraction);
    d.lang ??= capped.lang;
    // A mention's conduit is an agency the document credits (credited-origin.ts), not any name
    // the extractor took for an origin.
    const credited = d.origin ?? detectCreditedOrigin(d.text, d.lang)?.name ?? null;
    c.extraction = withAttributions(d.text, d.lang, credited, capped);
    d.origin ??= capped.origins[0]?.name ?? null;
    d.extracted_at = now;
    prepareEnrich?.(d, c.extraction);
    return true;
  } catch (error) {
    fail(result, c.input, `extraction failed: ${(error as Error).message}`, c.doc.id);
    return false;
  }
}

/**
 * Every mention with whom its text says the claim comes from (primary source and conduit):
 * done here, after extraction, so that every way in records it, with or without story
 * enrichment (docs/credibility.md §2).
 */
function withAttributions(
  text: string,
  lang: string | null,
  credited: string | null,
  extraction: ExtractionResult,
): ExtractionResult {
  const attributions = attributeMentions(text, lang ?? extraction.lang, extraction.mentions, {
    origin: credited,
  });
  return {
    ...extraction,
    mentions: extraction.mentions.map((m, i) =>
      m.attribution !== undefined ? m : { ...m, attribution: attributions[i] ?? null },
    ),
  };
}

/** The extraction with at most MAX_MENTIONS_PER_DOCUMENT mentions: the first, in the extractor's order. */
function capMentions(c: Prepared, extraction: ExtractionResult): ExtractionResult {
  const found = extraction.mentions.length;
  if (found <= MAX_MENTIONS_PER_DOCUMENT) return extraction;
  const warning =
    `mentions: ${found} mentions found, the first ${MAX_MENTIONS_PER_DOCUMENT} stored ` +
    `(MAX_MENTIONS_PER_DOCUMENT)`;
  c.warning = c.warning === undefined ? warning : `${c.warning}; ${warning}`;
  return { ...extraction, mentions: extraction.mentions.slice(0, MAX_MENTIONS_PER_DOCUMENT) };
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
    appendAll(rows, mentionRows(c.doc.id, c.extraction.mentions, c.doc, c.doc.ingested_at));
  }
  const mentions = raw ? insertMentionRowsSqlite(raw, rows) : await insertMentionRows(trx, rows);
  return { hashes, mentions };
}

/** Counts what a committed write did, in input order. */
function record(items: readonly Prepared[], written: Written, result: ProcessResult): void {
  for (const c of items) {
    const outcome = written.outcomes.get(c);
    // Left out by the stop signal: neither stored nor a duplicate.
    if (outcome === undefined) continue;
    if (outcome instanceof Error)
      fail(result, c.input, `could not store: ${outcome.message}`, c.doc.id);
    else if (outcome === 'stored') recordStored(result, c);
    else result.duplicates += 1;
  }
  result.mentions += written.mentions;
}
