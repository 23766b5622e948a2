/**
 * Stories and the story clustering index: story creation and membership (candidates are read by
 * story-candidates-repo.ts). The decision itself is pure code in src/ingest/dedup.
 * @module
 */
import { isInTransaction } from './transaction.js';
import type { Kysely } from 'kysely';
import { encodeCodes, type Database, type StoryDocumentRow } from './schema.js';

type Db = Kysely<Database>;

const CHUNK = 500;

export async function getStoryDocument(
  db: Db,
  documentId: string,
): Promise<StoryDocumentRow | undefined> {
  return db
    .selectFrom('story_documents')
    .selectAll()
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

/** The story of a stored document with this content hash (an exact duplicate), if any. */
export async function findStoryByContentHash(
  db: Db,
  contentHash: string,
): Promise<{ document_id: string; story_id: string | null } | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'story_id'])
    .where('content_hash', '=', contentHash)
    .executeTakeFirst();
  return row ? { document_id: row.id, story_id: row.story_id } : undefined;
}

export interface IndexStoryDocumentInput {
  readonly documentId: string;
  readonly storyId: string;
  readonly lang: string | null;
  readonly published: string | null;
  readonly signatures: readonly string[];
  readonly actors: readonly string[];
  readonly numbers: readonly string[];
  readonly details: readonly string[];
  readonly sentences: number;
  readonly bands: readonly string[];
  readonly source: string | null;
  readonly names: readonly string[];
  /** Keys for the evidence stage's candidate lookup (story_keys). */
  readonly keys: readonly string[];
  readonly reason: string;
  readonly matchedDocumentId: string | null;
  /** Why the document joined its story (JSON), null for a new story. */
  readonly evidence: string | null;
  /** Create the story row (first document) or count one more document in it. */
  readonly newStory: boolean;
  readonly now: string;
}

/**
 * Records a document's story membership: the index rows, the story row (created or counted),
 * and documents.story_id when the document row already exists. Inside a transaction (the
 * ingest pipeline calls it in the batch transaction, a savepoint per document) it joins it,
 * which makes the document and its story membership atomic; otherwise it opens its own.
 */
export async function indexStoryDocument(db: Db, input: IndexStoryDocumentInput): Promise<void> {
  if (isInTransaction(db)) await writeStoryDocument(db, input);
  else await db.transaction().execute((trx) => writeStoryDocument(trx, input));
}

async function writeStoryDocument(trx: Db, input: IndexStoryDocumentInput): Promise<void> {
  await trx
    .insertInto('story_documents')
    .values({
      document_id: input.documentId,
      story_id: input.storyId,
      lang: input.lang,
      published: input.published,
      signatures: encodeCodes(input.signatures),
      actors: encodeCodes(input.actors),
      numbers: encodeCodes(input.numbers),
      details: encodeCodes(input.details),
      sentences: input.sentences,
      reason: input.reason,
      matched_document_id: input.matchedDocumentId,
      created_at: input.now,
      source: input.source,
      names: encodeCodes(input.names),
      evidence: input.evidence,
    })
    .execute();
  const keyRows = [...new Set(input.keys)].map((key) => ({
    key,
    document_id: input.documentId,
    published: input.published,
  }));
  for (let i = 0; i < keyRows.length; i += CHUNK) {
    await trx
      .insertInto('story_keys')
      .values(keyRows.slice(i, i + CHUNK))
      .execute();
  }
  const bandRows = [...new Set(input.bands)].map((band) => ({
    band,
    document_id: input.documentId,
    published: input.published,
  }));
  for (let i = 0; i < bandRows.length; i += CHUNK) {
    await trx
      .insertInto('story_bands')
      .values(bandRows.slice(i, i + CHUNK))
      .execute();
  }
  const signatureRows = [...new Set(input.signatures)].map((signature) => ({
    signature,
    document_id: input.documentId,
    published: input.published,
  }));
  if (signatureRows.length > 0) {
    await trx.insertInto('story_signatures').values(signatureRows).execute();
  }
  if (input.newStory) {
    await trx
      .insertInto('stories')
      .values({
        id: input.storyId,
        first_document_id: input.documentId,
        first_published: input.published,
        document_count: 1,
        created_at: input.now,
        updated_at: input.now,
      })
      .execute();
  } else {
    await countStoryDocument(trx, input.storyId, input.documentId, input.published, input.now);
  }
  await trx
    .updateTable('documents')
    .set({ story_id: input.storyId })
    .where('id', '=', input.documentId)
    .execute();
}

async function countStoryDocument(
  db: Db,
  storyId: string,
  documentId: string,
  published: string | null,
  now: string,
): Promise<void> {
  await db
    .updateTable('stories')
    .set((eb) => ({ document_count: eb('document_count', '+', 1), updated_at: now }))
    .where('id', '=', storyId)
    .execute();
  if (published === null) return;
  // An earlier copy arriving late becomes the story's first document.
  await db
    .updateTable('stories')
    .set({ first_published: published, first_document_id: documentId })
    .where('id', '=', storyId)
    .where((eb) =>
      eb.or([eb('first_published', 'is', null), eb('first_published', '>', published)]),
    )
    .execute();
}

export interface StoryRow {
  readonly id: string;
  readonly first_document_id: string;
  readonly first_published: string | null;
  readonly document_count: number;
}

export async function getStory(db: Db, storyId: string): Promise<StoryRow | undefined> {
  return db
    .selectFrom('stories')
    .select(['id', 'first_document_id', 'first_published', 'document_count'])
    .where('id', '=', storyId)
    .executeTakeFirst();
}

/** Document ids of a story, oldest first. */
export async function listStoryDocumentIds(db: Db, storyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('story_documents')
    .select('document_id')
    .where('story_id', '=', storyId)
    .orderBy('published')
    .orderBy('document_id')
    .execute();
  return rows.map((r) => r.document_id);
}
