/**
 * The CAMEO → ontology mapping of data/gdelt/cameo-map.yaml and the actor code table of
 * data/gdelt/actor-codes.yaml, validated on load.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { VigieError, formatIssues } from '../../domain/errors.js';
import { CapabilitySchema, EventTypeSchema, ModalitySchema } from '../../domain/ontology.js';
import type { Capability, EventType, Modality } from '../../domain/ontology.js';

const CameoFileSchema = z.object({
  rows: z
    .array(
      z.object({
        code: z.string().regex(/^\d{2,4}$/, 'CAMEO codes have 2 to 4 digits'),
        type: EventTypeSchema.nullable(),
        modality: ModalitySchema.optional(),
        capabilities: z.array(CapabilitySchema).optional(),
        note: z.string().min(1),
      }),
    )
    .min(1),
});

const ActorFileSchema = z.object({
  countries: z.record(z.string().regex(/^[A-Z]{3}$/), z.string().nullable()),
  knownGroups: z.record(z.string().regex(/^[A-Z]{3}$/), z.string().min(2)),
});

export interface CameoMapping {
  /** The map row that matched (longest prefix), e.g. `'163'`; null when no row covers the code. */
  readonly rule: string | null;
  /** Ontology type, or null: unmapped (kept, flagged). */
  readonly type: EventType | null;
  readonly modality: Modality;
  /** `|A|B|` encoded, ready to store. */
  readonly capabilities: string;
}

export interface GdeltMaps {
  mapEvent(eventCode: string): CameoMapping;
  /** Ontology actor code of a CAMEO country and known-group code, or null. */
  mapActor(country: string, knownGroup: string): string | null;
}

const DATA = new URL('../../../data/gdelt/', import.meta.url);
let cached: GdeltMaps | undefined;

export function loadGdeltMaps(dir: URL = DATA): GdeltMaps {
  if (dir === DATA && cached) return cached;
  const cameo = readYaml(new URL('cameo-map.yaml', dir), CameoFileSchema);
  const actors = readYaml(new URL('actor-codes.yaml', dir), ActorFileSchema);
  const rows = new Map(cameo.rows.map((r) => [r.code, r]));
  const memo = new Map<string, CameoMapping>();
  // country → known group → actor: no key string to build per row.
  const actorMemo = new Map<string, Map<string, string | null>>();
  const unmapped: CameoMapping = { rule: null, type: null, modality: 'ASSERTED', capabilities: '' };
  const maps: GdeltMaps = {
    mapEvent(code) {
      const hit = memo.get(code);
      if (hit) return hit;
      let result = unmapped;
      for (let len = Math.min(code.length, 4); len >= 2; len--) {
        const row = rows.get(code.slice(0, len));
        if (row) {
          const caps = row.capabilities ?? [];
          result = {
            rule: row.code,
            type: row.type,
            modality: row.modality ?? 'ASSERTED',
            capabilities: caps.length === 0 ? '' : `|${[...caps].sort().join('|')}|`,
          };
          break;
        }
      }
      memo.set(code, result);
      return result;
    },
    mapActor(country, knownGroup) {
      let byGroup = actorMemo.get(country);
      if (!byGroup) {
        byGroup = new Map();
        actorMemo.set(country, byGroup);
      }
      const known = byGroup.get(knownGroup);
      if (known !== undefined) return known;
      const actor = mapActorUncached(country, knownGroup);
      byGroup.set(knownGroup, actor);
      return actor;
    },
  };
  function mapActorUncached(country: string, knownGroup: string): string | null {
    const group = knownGroup ? actors.knownGroups[knownGroup] : undefined;
    if (group) return group;
    if (!country) return null;
    if (Object.hasOwn(actors.countries, country)) return actors.countries[country] ?? null;
    return /^[A-Z]{3}$/.test(country) ? country : null;
  }
  if (dir === DATA) cached = maps;
  return maps;
}

/** Capability codes of an encoded list, for callers that need the array. */
export function decodeCapabilities(encoded: string): Capability[] {
  return encoded.split('|').filter((c) => c.length > 0) as Capability[];
}

function readYaml<T>(file: URL, schema: z.ZodType<T>): T {
  const path = fileURLToPath(file);
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new VigieError('VIGIE_CONFIG_INVALID', `cannot read ${path}: ${String(error)}`, {
      where: path,
      cause: error,
    });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new VigieError(
      'VIGIE_CONFIG_INVALID',
      `invalid ${path}: ${formatIssues(result.error.issues)}`,
      { where: path },
    );
  }
  return result.data;
}
