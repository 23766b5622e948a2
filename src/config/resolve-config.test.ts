import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { resolveConfig } from './resolve-config.js';
import { DEFAULT_CONFIG_YAML, writeDefaultConfig } from './default-config.js';
import { ConfigSchema } from './schema.js';
import { ConfigError } from '../domain/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(text: string): string {
  const file = join(dir, 'vigie.yaml');
  writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig', () => {
  it('gives defaults without a file, with the database beside the working directory', () => {
    const config = resolveConfig({ cwd: dir, env: {} });
    expect(config.file).toBeNull();
    expect(config.database.url).toBe(join(dir, 'vigie.db'));
    expect(config.server.port).toBe(8080);
    expect(Object.isFrozen(config.server)).toBe(true);
  });

  it('resolves a SQLite path relative to the config file', () => {
    const file = write('database:\n  url: data/v.db\n');
    expect(resolveConfig({ file, cwd: '/', env: {} }).database.url).toBe(join(dir, 'data/v.db'));
  });

  it('reports YAML syntax errors with the file', () => {
    const file = write('server:\n  port: [8080\n');
    const error = errorOf(() => resolveConfig({ file, env: {} }));
    expect(error.message).toMatch(/invalid YAML/);
    expect(error.where).toBe(file);
  });

  it('names an unknown field, top-level or nested', () => {
    expect(errorOf(() => resolveConfig({ file: write('databse: {}\n'), env: {} })).message).toMatch(
      /databse/,
    );
    const nested = errorOf(() => resolveConfig({ file: write('server:\n  prot: 80\n'), env: {} }));
    expect(nested.message).toMatch(/server/);
    expect(nested.message).toMatch(/prot/);
  });

  it('names a field with a wrong value', () => {
    const error = errorOf(() => resolveConfig({ file: write('server:\n  port: high\n'), env: {} }));
    expect(error.message).toMatch(/server\.port/);
  });

  it('applies VIGIE_* overrides over the file', () => {
    const file = write('server:\n  port: 8000\n');
    const config = resolveConfig({
      file,
      env: {
        VIGIE_DATABASE_URL: 'postgres://u@127.0.0.1:5432/v',
        VIGIE_SERVER__PORT: '9000',
        VIGIE_SERVER__ANONYMOUS_VIEWER: 'true',
        VIGIE_FETCH__ALLOW_PRIVATE: '["127.0.0.1"]',
        VIGIE_DEBUG: '1',
        VIGIE_TEST_POSTGRES_URL: 'postgres://x',
      },
    });
    expect(config.database.url).toBe('postgres://u@127.0.0.1:5432/v');
    expect(config.server.port).toBe(9000);
    expect(config.server.anonymousViewer).toBe(true);
    expect(config.fetch.allowPrivate).toEqual(['127.0.0.1']);
  });

  it('names the field of an invalid override', () => {
    const error = errorOf(() => resolveConfig({ cwd: dir, env: { VIGIE_SERVER__PORT: '99999' } }));
    expect(error.message).toMatch(/server\.port/);
  });

  it('fails on an explicit file that does not exist', () => {
    expect(errorOf(() => resolveConfig({ file: join(dir, 'nope.yaml'), env: {} })).message).toMatch(
      /not found/,
    );
  });
});

describe('default config (vigie init)', () => {
  it('is valid, equals the defaults, and comments every section', () => {
    const parsed = ConfigSchema.parse(parse(DEFAULT_CONFIG_YAML));
    expect(parsed).toEqual(ConfigSchema.parse({}));
    for (const section of Object.keys(ConfigSchema.shape)) {
      const at = DEFAULT_CONFIG_YAML.indexOf(`\n${section}:`);
      expect(at, section).toBeGreaterThan(0);
      const before = DEFAULT_CONFIG_YAML.slice(0, at).trimEnd().split('\n').pop()!;
      expect(before.startsWith('#') || before.startsWith('  #'), section).toBe(true);
    }
  });

  it('refuses to overwrite without force', () => {
    const file = write('server: {}\n');
    expect(() => writeDefaultConfig(file)).toThrow(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('server: {}\n');
    writeDefaultConfig(file, true);
    expect(readFileSync(file, 'utf8')).toBe(DEFAULT_CONFIG_YAML);
    expect(resolveConfig({ file, env: {} }).server.port).toBe(8080);
  });
});
