import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/server/route-table.js';
import { buildHarness, type Harness } from './harness.js';

// Ajv (a dependency of Fastify) compiles JSON Schema 2020-12, the dialect of OpenAPI 3.1.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js') as new (options: object) => {
  addSchema(schema: object, key: string): void;
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
};

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, { content: Record<string, { schema: object }> }>;
        parameters?: { name: string; in: string }[];
        requestBody?: unknown;
        'x-vigie-min-role': string;
      }
    >
  >;
  components: { schemas: Record<string, object>; securitySchemes: object };
};

let h: Harness;
let doc: Doc;
beforeAll(async () => {
  h = await buildHarness();
  const res = await h.as('none', { url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json() as Doc;
});
afterAll(async () => h.close());

function ajvFor(d: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi:components', components: d.components }, 'components');
  return ajv;
}

function resolveRefs(schema: object): object {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"openapi:components#/components/'),
  ) as object;
}

describe('OpenAPI 3.1 document', () => {
  it('is OpenAPI 3.1 and covers every route of the table with its role', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const r of ROUTES) {
      const path = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${path}`).toBeDefined();
      expect(op!['x-vigie-min-role']).toBe(r.access);
      expect(Object.keys(op!.responses)).toContain(String(r.status ?? 200));
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect(op!.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name)).toBe(true);
      }
      if (r.body) expect(op!.requestBody).toBeDefined();
    }
    const count = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(count).toBe(ROUTES.length);
  });

  it('has schemas that compile as JSON Schema 2020-12 and every $ref resolves', () => {
    const ajv = ajvFor(doc);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const schema = response.content['application/json']!.schema;
          expect(
            () => ajv.compile(resolveRefs(schema)),
            `${method} ${path} ${status}`,
          ).not.toThrow();
        }
      }
    }
    const refs = [
      ...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it('describes what the server really answers', async () => {
    const ajv = ajvFor(doc);
    const check = async (method: string, path: string, url: string) => {
      const res = await h.as('viewer', { url });
      const op = doc.paths[path]![method]!;
      const validate = ajv.compile(
        resolveRefs(op.responses[String(res.statusCode)]!.content['application/json']!.schema),
      );
      expect(validate(res.json()), `${url}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    await check('get', '/api/overview', '/api/overview');
    await check('get', '/api/documents', '/api/documents?q=missile');
    await check('get', '/api/documents/{id}', '/api/documents/doc-en-1');
    await check('get', '/api/events/{id}', '/api/events/evt-test-1');
    await check('get', '/api/hypotheses/{id}/explain', '/api/hypotheses/korea.icbm/explain');
    await check('get', '/api/documents', '/api/documents?limit=abc');
  });
});
