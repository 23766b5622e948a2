/**
 * A source row as `vigie source list --json` and `vigie status --json` print it. Its own module so
 * `vigie status` does not load the `source` command (and the ingestion code it imports).
 * @module
 */
import type { SourceRow } from '../../store/schema.js';

export function sourceToJson(r: SourceRow) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    url: r.url,
    reliability: r.reliability,
    lang: r.lang,
    intervalSeconds: r.interval_seconds,
    enabled: r.enabled === 1,
    lastFetchedAt: r.last_fetched_at,
    nextFetchAt: r.next_fetch_at,
    errorCount: r.error_count,
    lastError: r.last_error,
  };
}
