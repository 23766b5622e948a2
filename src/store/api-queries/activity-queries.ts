/**
 * Activity for the overview: documents by language and by source over the last days of the
 * store (ending at its newest publication, so an archive replay still shows its activity).
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface ApiActivity {
  /** First and last day of the window. */
  from: string | null;
  to: string | null;
  totals: { documents: number; mentions: number; events: number };
  byLanguage: { lang: string; documents: number }[];
  bySource: { sourceId: string | null; name: string; documents: number }[];
  byDay: { day: string; documents: number }[];
}

export async function computeApiActivity(db: Kysely<Database>, days: number): Promise<ApiActivity> {
  const newest = await db
    .selectFrom('documents')
    .select('published')
    .where('published', 'is not', null)
    .orderBy('published', 'desc')
    .limit(1)
    .executeTakeFirst();
  const count = (table: 'documents' | 'mentions' | 'events') =>
    db
      .selectFrom(table)
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
  const [documents, mentions, events] = await Promise.all([
    count('documents'),
    count('mentions'),
    count('events'),
  ]);
  const totals = {
    documents: Number(documents.n),
    mentions: Number(mentions.n),
    events: Number(events.n),
  };
  if (!newest?.published) {
    return { from: null, to: null, totals, byLanguage: [], bySource: [], byDay: [] };
  }
  const to = newest.published.slice(0, 10);
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  const from = start.toISOString().slice(0, 10);
  const window = db.selectFrom('documents').where('published', '>=', from);
  const dayExpr = sql<string>`substr(documents.published, 1, 10)`;
  const [byLanguage, bySource, byDay] = await Promise.all([
    window
      .select([
        sql<string>`coalesce(documents.lang, 'und')`.as('lang'),
        sql<number | string>`count(*)`.as('n'),
      ])
      .groupBy('documents.lang')
      .orderBy(sql`count(*)`, 'desc')
      .execute(),
    window
      .leftJoin('sources', 'sources.id', 'documents.source_id')
      .select([
        'documents.source_id',
        sql<string>`coalesce(sources.name, documents.outlet, 'unknown')`.as('name'),
        sql<number | string>`count(*)`.as('n'),
      ])
      .groupBy(['documents.source_id', sql`coalesce(sources.name, documents.outlet, 'unknown')`])
      .orderBy(sql`count(*)`, 'desc')
      .limit(20)
      .execute(),
    window
      .select([dayExpr.as('day'), sql<number | string>`count(*)`.as('n')])
      .groupBy(dayExpr)
      .orderBy(dayExpr)
      .execute(),
  ]);
  return {
    from,
    to,
    totals,
    byLanguage: byLanguage.map((r) => ({ lang: r.lang, documents: Number(r.n) })),
    bySource: bySource.map((r) => ({
      sourceId: r.source_id,
      name: r.name,
      documents: Number(r.n),
    })),
    byDay: byDay.map((r) => ({ day: r.day, documents: Number(r.n) })),
  };
}
