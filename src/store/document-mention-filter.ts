/**
 * The documents filters that look at a document's mentions (type, actor in either role,
 * modality, capability), as one EXISTS so a document counts once however many mentions match.
 * Shared by the CLI's listing (documents-repo) and the API's pages (api-queries/document-queries).
 * @module
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export interface DocumentMentionFilters {
  readonly type?: string | undefined;
  readonly actor?: string | undefined;
  readonly modality?: string | undefined;
  readonly capability?: string | undefined;
}

export function documentMentionCondition(f: DocumentMentionFilters): RawBuilder<SqlBool> | null {
  const parts: RawBuilder<SqlBool>[] = [];
  if (f.type) parts.push(sql<SqlBool>`mentions.type = ${f.type}`);
  if (f.modality) parts.push(sql<SqlBool>`mentions.modality = ${f.modality}`);
  if (f.capability) parts.push(sql<SqlBool>`mentions.capabilities LIKE ${`%|${f.capability}|%`}`);
  if (f.actor) {
    parts.push(
      sql<SqlBool>`(mentions.source_actor = ${f.actor} OR mentions.target_actor = ${f.actor})`,
    );
  }
  if (parts.length === 0) return null;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM mentions WHERE mentions.document_id = documents.id AND ${sql.join(parts, sql` AND `)})`;
}
