/**
 * Reads vigie.yaml, applies `VIGIE_*` overrides, validates, and returns a frozen config.
 * Override names: the field path in upper snake case joined by `__`, e.g.
 * `VIGIE_DATABASE_URL` (the one exception: single `_` works for the top-level section),
 * `VIGIE_SERVER__PORT=9000`, `VIGIE_FETCH__ALLOW_PRIVATE='["127.0.0.1"]'` (JSON for lists).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError, formatIssues } from '../domain/errors.js';
import { ConfigSchema, type Config } from './schema.js';

export type ResolvedConfig = Readonly<Config> & { readonly file: string | null };

export interface ResolveConfigOptions {
  /** Explicit path (`--config`); else `VIGIE_CONFIG`, else ./vigie.yaml when it exists. */
  readonly file?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export function resolveConfig(options: ResolveConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.file ?? env['VIGIE_CONFIG'];
  const file = explicit ? resolve(cwd, explicit) : resolve(cwd, 'vigie.yaml');
  let raw: Record<string, unknown> = {};
  let used: string | null = null;
  if (existsSync(file)) {
    raw = readYamlObject(file);
    used = file;
  } else if (explicit) {
    throw new ConfigError(`config file not found: ${file}`, file);
  }
  applyEnvOverrides(raw, env);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      `invalid config${used ? ` in ${used}` : ''}: ${formatIssues(parsed.error.issues)}`,
      used ?? undefined,
    );
  }
  const config = parsed.data;
  const base = used ? resolve(used, '..') : cwd;
  config.sources.allowedRoots = config.sources.allowedRoots.map((root) => resolve(base, root));
  if (!/^postgres(?:ql)?:\/\//i.test(config.database.url) && config.database.url !== ':memory:') {
    config.database.url = resolve(base, config.database.url);
  }
  return deepFreeze({ ...config, file: used });
}

function readYamlObject(file: string): Record<string, unknown> {
  const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new ConfigError(`invalid YAML in ${file}: ${first.message}`, file);
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`invalid config in ${file}: the top level must be a mapping`, file);
  }
  return value as Record<string, unknown>;
}

/** Top-level sections: only `VIGIE_<SECTION>…` variables are config overrides. */
const SECTIONS = new Set(Object.keys(ConfigSchema.shape));

/**
 * Sets `raw[a][b]` from `VIGIE_A__B`; values parse as JSON when they can, else stay strings.
 * Variables that name no config section (VIGIE_DEBUG, VIGIE_TEST_POSTGRES_URL…) are not config.
 */
export function applyEnvOverrides(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('VIGIE_') || value === undefined || name === 'VIGIE_CONFIG') continue;
    const rest = name.slice('VIGIE_'.length);
    const path = rest.includes('__') ? rest.split('__') : splitFirst(rest);
    if (path.some((p) => p.length === 0)) continue;
    const keys = path.map(toCamel);
    if (!SECTIONS.has(keys[0]!)) continue;
    let node: Record<string, unknown> = raw;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = parseEnvValue(value);
  }
}

function splitFirst(rest: string): string[] {
  const i = rest.indexOf('_');
  return i < 0 ? [rest] : [rest.slice(0, i), rest.slice(i + 1)];
}

function toCamel(segment: string): string {
  return segment.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function parseEnvValue(value: string): unknown {
  if (/^(?:-?\d+(?:\.\d+)?|true|false|null|\[.*\]|\{.*\})$/s.test(value.trim())) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
