/**
 * Stories and the story clustering index: candidate lookup by LSH band or event signature,
 * story creation and membership. The decision itself is pure code in src/ingest/dedup.
 * @module
 */
import { isInTransaction } from './transaction.js';
import { sql, type Kysely } from 'kysely';
import { decodeCodes, encodeCodes, type Database, type StoryDocumentRow } from './schema.js';

type Db = Kysely<Database>;

/** A clustered document as candidate for a new document's story, with its text when stored. */
export interface StoryCandidateRow {
  readonly document_id: string;
  readonly story_id: string;
  readonly lang: string | null;
  readonly published: string | null;
  readonly signatures: string[];
  readonly actors: string[];
  readonly numbers: string[];
  readonly details: string[];
  readonly sentences: number;
  readonly source: string | null;
  readonly names: string[];
  /** documents.text; null while the document row is not stored yet. */
  readonly text: string | null;
}

export interface StoryCandidateQuery {
  readonly bands: readonly string[];
  readonly signatures: readonly string[];
  /** Publication window, inclusive ISO bounds; documents without a date are always candidates. */
  readonly from: string | null;
  readonly to: string | null;
  readonly excludeDocumentId: string;
  /** Per route (bands, signatures): the documents sharing most keys first. */
  readonly limit?: number;
}

const CHUNK = 500;

export async function findStoryCandidates(
  db: Db,
  query: StoryCandidateQuery,
): Promise<StoryCandidateRow[]> {
  const limit = query.limit ?? 50;
  const ids = new Set<string>();
  if (query.bands.length > 0) {
    const rows = await db
      .selectFrom('story_bands')
      .select(['document_id', sql<number>`count(*)`.as('hits')])
      .where('band', 'in', [...query.bands])
      .where('document_id', '!=', query.excludeDocumentId)
      .groupBy('document_id')
      .orderBy('hits', 'desc')
      .limit(limit * 4)
      .execute();
    for (const r of rows) ids.add(r.document_id);
  }
  if (query.signatures.length > 0) {
    const rows = await db
      .selectFrom('story_signatures')
      .select(['document_id', sql<number>`count(*)`.as('hits')])
      .where('signature', 'in', [...query.signatures])
      .where('document_id', '!=', query.excludeDocumentId)
      .groupBy('document_id')
      .orderBy('hits', 'desc')
      .limit(limit * 4)
      .execute();
    for (const r of rows) ids.add(r.document_id);
  }
  if (ids.size === 0) return [];
  const out: StoryCandidateRow[] = [];
  const all = [...ids];
  for (let i = 0; i < all.length; i += CHUNK) {
    let q = db
      .selectFrom('story_documents as s')
      .leftJoin('documents as d', 'd.id', 's.document_id')
      .select([
        's.document_id',
        's.story_id',
        's.lang',
        's.published',
        's.signatures',
        's.actors',
        's.numbers',
        's.details',
        's.sentences',
        's.source',
        's.names',
        'd.text',
      ])
      .where('s.document_id', 'in', all.slice(i, i + CHUNK));
    const { from, to } = query;
    if (from !== null && to !== null) {
      q = q.where((eb) =>
        eb.or([
          eb('s.published', 'is', null),
          eb.and([eb('s.published', '>=', from), eb('s.published', '<=', to)]),
        ]),
      );
    }
    for (const r of await q.execute()) {
      out.push({
        document_id: r.document_id,
        story_id: r.story_id,
        lang: r.lang,
        published: r.published,
        signatures: decodeCodes(r.signatures),
        actors: decodeCodes(r.actors),
        numbers: decodeCodes(r.numbers),
        details: decodeCodes(r.details),
        sentences: r.sentences,
        source: r.source,
        names: decodeCodes(r.names),
        text: r.text ?? null,
      });
    }
  }
  return out;
}

export interface EvidenceCandidateQuery {
  /** `s:` source, `n:` figure and `e:` event keys of the new document (see story_keys). */
  readonly keys: readonly string[];
  /** Publication window, inclusive ISO bounds (text comparison). */
  readonly from: string;
  readonly to: string;
  readonly excludeDocumentId: string;
  /** The documents sharing most keys first. */
  readonly limit?: number;
}

/**
 * Clustered documents of the publication window that share at least one key with a new
 * document, with their stored features (no text: the evidence stage does not read it).
 */
export async function findEvidenceCandidates(
  db: Db,
  query: EvidenceCandidateQuery,
): Promise<Omit<StoryCandidateRow, 'text'>[]> {
  if (query.keys.length === 0) return [];
  const hits = await db
    .selectFrom('story_keys')
    .select(['document_id', sql<number>`count(*)`.as('hits')])
    .where('key', 'in', [...new Set(query.keys)])
    .where('published', '>=', query.from)
    .where('published', '<=', query.to)
    .where('document_id', '!=', query.excludeDocumentId)
    .groupBy('document_id')
    .orderBy('hits', 'desc')
    .orderBy('document_id')
    .limit(query.limit ?? 200)
    .execute();
  if (hits.length === 0) return [];
  const rows = await db
    .selectFrom('story_documents')
    .select([
      'document_id',
      'story_id',
      'lang',
      'published',
      'signatures',
      'actors',
      'numbers',
      'details',
      'sentences',
      'source',
      'names',
    ])
    .where(
      'document_id',
      'in',
      hits.map((h) => h.document_id),
    )
    .orderBy('published')
    .orderBy('document_id')
    .execute();
  return rows.map((r) => ({
    ...r,
    signatures: decodeCodes(r.signatures),
    actors: decodeCodes(r.actors),
    numbers: decodeCodes(r.numbers),
    details: decodeCodes(r.details),
    names: decodeCodes(r.names),
  }));
}

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
