/**
 * One entry point for every export format (CLI and API): validates the request and returns the
 * stream of text chunks with its media type and a default file name.
 *
 * @example
 * const out = openExport(store, { format: 'csv', what: 'events' });
 * await writeAtomically('events.csv', out.chunks);
 * @module
 */
import { InputError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import { exportStixBundle } from '../stix/export-stix.js';
import { TLP_LEVELS, type TlpLevel } from '../stix/stix-static.js';
import { exportEventsCsv, exportMentionsCsv } from './export-csv.js';
import { exportStoreJsonl } from './export-jsonl.js';
import { exportGoldCorpus } from './export-gold.js';
import type { ExportFilter } from './export-filter.js';

export const EXPORT_FORMATS = ['stix', 'csv', 'jsonl', 'gold'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_WHATS = ['events', 'mentions'] as const;

export interface ExportRequest extends ExportFilter {
  readonly format: string;
  /** CSV only: `events` (default) or `mentions`. */
  readonly what?: string;
  /** STIX only: TLP 2.0 level (default clear). */
  readonly tlp?: string;
  /**
   * JSONL only: also the users and token hashes (default false). The caller decides who may ask
   * (the API: admins only).
   */
  readonly includeAuth?: boolean;
}

export interface OpenedExport {
  readonly chunks: AsyncIterable<string>;
  readonly contentType: string;
  readonly fileName: string;
}

/** Exports that take no period or board filter refuse one rather than ignore it. */
function unfiltered(filter: ExportFilter, what: string): void {
  if (filter.since || filter.board)
    throw new InputError(`${what}: --since and --board do not apply`, 'format');
}

export function openExport(store: Store, request: ExportRequest): OpenedExport {
  const filter: ExportFilter = {
    ...(request.since ? { since: request.since } : {}),
    ...(request.board ? { board: request.board } : {}),
  };
  if (request.includeAuth && request.format !== 'jsonl')
    throw new InputError(
      'only the JSONL export can carry the auth tables (users, tokens): includeAuth applies to format jsonl',
      'includeAuth',
    );
  switch (request.format) {
    case 'stix': {
      const tlp = (request.tlp ?? 'clear').toLowerCase();
      if (!(TLP_LEVELS as readonly string[]).includes(tlp))
        throw new InputError(
          `unknown TLP level "${request.tlp}" (use one of: ${TLP_LEVELS.join(', ')})`,
          'tlp',
        );
      return {
        chunks: exportStixBundle(store, { ...filter, tlp: tlp as TlpLevel }),
        contentType: 'application/stix+json;version=2.1',
        fileName: 'vigie-stix.json',
      };
    }
    case 'csv': {
      const what = request.what ?? 'events';
      if (what !== 'events' && what !== 'mentions')
        throw new InputError(
          `unknown CSV content "${what}" (use one of: ${CSV_WHATS.join(', ')})`,
          'what',
        );
      return {
        chunks:
          what === 'events' ? exportEventsCsv(store, filter) : exportMentionsCsv(store, filter),
        contentType: 'text/csv; charset=utf-8; header=present',
        fileName: `vigie-${what}.csv`,
      };
    }
    case 'jsonl':
      unfiltered(filter, 'the JSONL export is the whole store (for backup and migration)');
      return {
        chunks: exportStoreJsonl(store, { includeAuth: request.includeAuth === true }),
        contentType: 'application/x-ndjson; charset=utf-8',
        fileName: 'vigie-store.jsonl',
      };
    case 'gold':
      unfiltered(filter, 'the gold export is every corrected document');
      return {
        chunks: exportGoldCorpus(store),
        contentType: 'application/x-ndjson; charset=utf-8',
        fileName: 'vigie-gold.jsonl',
      };
    default:
      throw new InputError(
        `unknown export format "${request.format}" (use one of: ${EXPORT_FORMATS.join(', ')})`,
        'format',
      );
  }
}
