/**
 * The official STIX 2.1 JSON schemas (oasis-open/cti-stix2-json-schemas, BSD-3-Clause, vendored
 * unchanged in test/fixtures/stix2-schemas with their licence), loaded with Ajv (draft 2020-12).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const SCHEMA_DIR = fileURLToPath(
  new URL('../fixtures/stix2-schemas/schemas', import.meta.url),
);

export type StixValidator = (object: Record<string, unknown>) => string | null;

const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';

export function loadStixValidator(): StixValidator | null {
  if (!existsSync(SCHEMA_DIR)) return null;
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  for (const folder of ['common', 'sdos', 'sros', 'observables']) {
    const dir = join(SCHEMA_DIR, folder);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
      ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')) as object);
  }
  const schemaFor = (type: string): string => {
    if (type === 'bundle' || type === 'marking-definition' || type === 'extension-definition')
      return `${BASE}/common/${type}.json`;
    if (type === 'relationship' || type === 'sighting') return `${BASE}/sros/${type}.json`;
    if (type.startsWith('x-')) return `${BASE}/common/core.json`;
    return `${BASE}/sdos/${type}.json`;
  };
  return (object) => {
    const validate = ajv.getSchema(schemaFor(String(object.type)));
    if (!validate) return `no schema for type ${String(object.type)}`;
    return validate(object)
      ? null
      : `${String(object.id)}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`;
  };
}
