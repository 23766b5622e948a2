/**
 * The one filter of the events table, for every reader (the API's lists, `vigie events
 * --resolved`, counts): conditions common to every branch, and the branches an actor needs (as
 * source, or as target), read in index order and merged by the paged-list helper.
 * @module
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { StoreDialect } from '../migrations/migration.js';
import { documentSearchCondition } from '../text-search.js';
import { sinceBound, untilBound } from './keyset.js';
import type { Branches } from './paged-list.js';

export interface EventFilters {
  type?: string | undefined;
  /** Actor code in either role. */
  actor?: string | undefined;
  /** With `actor`: only events between the two, in either direction. */
  partner?: string | undefined;
  capability?: string | undefined;
  modality?: string | undefined;
  /** Events with at least one mention in this language. */
  lang?: string | undefined;
  /** Events whose sighting window [first_seen, last_seen] overlaps [since, until]. */
  since?: string | undefined;
  until?: string | undefined;
  /** Events with at least one mention whose document matches this full-text query. */
  q?: string | undefined;
}

export interface EventCondition {
  readonly where: Expression<SqlBool>[];
  readonly branches: Branches;
}

export function eventCondition(dialect: StoreDialect, f: EventFilters): EventCondition {
  const where: Expression<SqlBool>[] = [];
  if (f.type) where.push(sql<SqlBool>`events.type = ${f.type}`);
  if (f.modality) where.push(sql<SqlBool>`events.modality = ${f.modality}`);
  if (f.capability) where.push(sql<SqlBool>`events.capabilities LIKE ${`%|${f.capability}|%`}`);
  if (f.since) where.push(sinceBound('events.last_seen', f.since));
  if (f.until) where.push(untilBound('events.first_seen', f.until));
  if (f.lang) {
    where.push(
      sql<SqlBool>`EXISTS (SELECT 1 FROM mentions WHERE mentions.event_id = events.id AND mentions.lang = ${f.lang})`,
    );
  }
  const match = f.q ? documentSearchCondition(dialect, f.q) : null;
  if (match) {
    where.push(
      sql<SqlBool>`events.id IN (SELECT mentions.event_id FROM mentions JOIN documents ON documents.id = mentions.document_id WHERE mentions.event_id IS NOT NULL AND ${match})`,
    );
  }
  return { where, branches: actorBranches(f.actor, f.partner) };
}

function actorBranches(a: string | undefined, p: string | undefined): Branches {
  if (a && p) {
    return [
      [sql<SqlBool>`events.source_actor = ${a}`, sql<SqlBool>`events.target_actor = ${p}`],
      [sql<SqlBool>`events.source_actor = ${p}`, sql<SqlBool>`events.target_actor = ${a}`],
    ];
  }
  if (a) {
    return [
      [sql<SqlBool>`events.source_actor = ${a}`],
      [
        sql<SqlBool>`events.target_actor = ${a}`,
        sql<SqlBool>`(events.source_actor IS NULL OR events.source_actor <> ${a})`,
      ],
    ];
  }
  return [[]];
}

/** The branches as one condition (for counts): any branch's conditions all hold. */
export function anyBranch(branches: Branches): Expression<SqlBool> | null {
  const live = branches.filter((b) => b.length > 0);
  if (live.length < branches.length || live.length === 0) return null;
  const each = live.map((b) => sql`(${sql.join(b, sql` AND `)})`);
  return sql<SqlBool>`(${sql.join(each, sql` OR `)})`;
}
