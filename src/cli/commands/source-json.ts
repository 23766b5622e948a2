/**
 * A source row as `vigie source list --json` and `vigie status --json` print it. Its own module so
 * `vigie status` does not load the `source` command (and the ingestion code it imports).
 * @module
 */
import { toApiSource } from '../../store/api-queries/source-queries.js';
import type { SourceRow } from '../../store/schema.js';

/** The API's view of a source without its row timestamps. */
export function sourceToJson(r: SourceRow) {
  const { createdAt: _created, updatedAt: _updated, ...shown } = toApiSource(r);
  return shown;
}
