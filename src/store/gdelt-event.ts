/**
 * A GDELT event as readers see it: the stored columns of gdelt_events with `detail` unpacked into
 * named fields (the shape of the table before migration 0013, so readers did not change).
 * @module
 */
import { COL, DETAIL_FIRST, isoDateAdded, layoutFor } from './gdelt-layout.js';
import type { GdeltEventRow } from './schema.js';

export interface GdeltEvent {
  /** GLOBALEVENTID. */
  readonly id: string;
  /** 1 (daily files, 57/58 columns) or 2 (15-minute exports, 61 columns). */
  readonly version: number;
  /** SQLDATE as YYYY-MM-DD. */
  readonly day: string;
  /** DATEADDED as ISO 8601 (2.0: timestamp; 1.0: date). */
  readonly date_added: string | null;
  readonly event_code: string;
  readonly event_base_code: string;
  readonly event_root_code: string;
  /** Ontology type; null = unmapped (kept, flagged). */
  readonly type: string | null;
  readonly modality: string | null;
  /** `|ARTILLERY|` capabilities the CAMEO code implies, or ''. */
  readonly capabilities: string;
  readonly actor1_code: string | null;
  readonly actor1_name: string | null;
  readonly actor1_country: string | null;
  readonly actor2_code: string | null;
  readonly actor2_name: string | null;
  readonly actor2_country: string | null;
  /** Ontology actor codes mapped from the CAMEO country and known-group codes. */
  readonly source_actor: string | null;
  readonly target_actor: string | null;
  readonly is_root_event: number;
  readonly quad_class: number | null;
  readonly goldstein: number | null;
  readonly num_mentions: number | null;
  readonly num_sources: number | null;
  readonly num_articles: number | null;
  readonly avg_tone: number | null;
  /** ActionGeo_CountryCode (FIPS 10-4, as GDELT writes it) and full name. */
  readonly action_country: string | null;
  readonly action_place: string | null;
  readonly source_url: string | null;
  readonly imported_at: string;
}

/** A stored row with its `detail` unpacked. */
export function toGdeltEvent(row: GdeltEventRow): GdeltEvent {
  const detail = row.detail.split('\t');
  // A row that does not have a GDELT layout any more (edited by hand) reads as 2.0.
  const layout = layoutFor(DETAIL_FIRST + detail.length) ?? layoutFor(61)!;
  const at = (column: number): string => detail[column - DETAIL_FIRST] ?? '';
  const text = (column: number): string | null => at(column) || null;
  const number = (column: number): number | null => {
    const value = at(column);
    return value === '' ? null : Number(value);
  };
  return {
    id: row.id,
    version: row.version,
    day: row.day,
    date_added: isoDateAdded(at(layout.dateAdded)) ?? null,
    event_code: row.event_code,
    event_base_code: at(COL.eventBaseCode) || row.event_code.slice(0, 3),
    event_root_code: at(COL.eventRootCode) || row.event_code.slice(0, 2),
    type: row.type,
    modality: row.modality,
    capabilities: row.capabilities ?? '',
    actor1_code: text(COL.actor1Code),
    actor1_name: text(COL.actor1Name),
    actor1_country: text(COL.actor1Country),
    actor2_code: text(COL.actor2Code),
    actor2_name: text(COL.actor2Name),
    actor2_country: text(COL.actor2Country),
    source_actor: row.source_actor,
    target_actor: row.target_actor,
    is_root_event: at(COL.isRootEvent) === '1' ? 1 : 0,
    quad_class: number(COL.quadClass),
    goldstein: row.goldstein === null ? null : Number(row.goldstein),
    num_mentions: row.num_mentions === null ? null : Number(row.num_mentions),
    num_sources: row.num_sources === null ? null : Number(row.num_sources),
    num_articles: row.num_articles === null ? null : Number(row.num_articles),
    avg_tone: number(COL.avgTone),
    action_country: text(layout.actionCountry),
    action_place: text(layout.actionPlace),
    source_url: layout.sourceUrl >= 0 ? text(layout.sourceUrl) : null,
    imported_at: row.imported_at,
  };
}
