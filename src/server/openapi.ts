/**
 * The OpenAPI 3.1 document, generated from the route table's zod schemas (z.toJSONSchema emits
 * JSON Schema 2020-12, which OpenAPI 3.1 uses as is). Named schemas (`.meta({ id })`) become
 * components; path parameters are written `{id}`.
 * @module
 */
import { z } from 'zod';
import type { RouteDef } from './route.js';
import { ErrorBodySchema } from './schemas/common.js';
import { VERSION } from './routes/overview-routes.js';

type JsonSchema = Record<string, unknown>;

const ERROR_RESPONSES: Readonly<Record<string, string>> = {
  '400': 'Invalid input (validation error, malformed JSON)',
  '401': 'Missing, malformed, unknown, expired or revoked token',
  '403': 'The token’s role is below the route’s minimum role',
  '404': 'No such resource',
  '413': 'Request body too large',
  '429': 'Rate limit exceeded',
};

function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

type Converted = JsonSchema & {
  properties: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
};

function convert(root: z.ZodType, io: 'input' | 'output'): Converted {
  return z.toJSONSchema(root, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    reused: 'inline',
  }) as Converted;
}

/**
 * The JSON Schema of a response, for Fastify's compiled serializer (route.ts `compiledSerializer`):
 * the same conversion as the OpenAPI document, so the two cannot disagree.
 */
export function responseJsonSchema(schema: z.ZodType): JsonSchema {
  return strip(convert(schema, 'output'));
}

/** Points `#/$defs/X` at `#/components/schemas/<rename(X)>`. */
function relink<T>(value: T, rename: (id: string) => string): T {
  return JSON.parse(
    JSON.stringify(value).replace(
      /"#\/\$defs\/([^"]+)"/g,
      (_, id: string) => `"#/components/schemas/${rename(id)}"`,
    ),
  ) as T;
}

/** One conversion of all schemas at once, so shared named schemas are emitted once as components. */
export function buildOpenApi(routes: readonly RouteDef[]): Record<string, unknown> {
  const keyed: [string, z.ZodType][] = [];
  routes.forEach((r, i) => {
    if (r.body) keyed.push([`req${i}`, r.body]);
    keyed.push([`res${i}`, r.response]);
  });
  keyed.push(['error', ErrorBodySchema]);
  const root = z.object(Object.fromEntries(keyed));
  const out = convert(root, 'output');
  const inp = convert(root, 'input');
  const components: Record<string, JsonSchema> = {};
  const outDefs = out.$defs ?? {};
  const inDefs = inp.$defs ?? {};
  const inputName = (id: string) =>
    outDefs[id] && JSON.stringify(outDefs[id]) === JSON.stringify(inDefs[id]) ? id : `${id}Input`;
  for (const [id, def] of Object.entries(outDefs)) components[id] = relink(def, (x) => x);
  for (const [id, def] of Object.entries(inDefs))
    components[inputName(id)] ??= relink(def, inputName);
  const converted = { properties: relink(out.properties, (x) => x) };
  const inputConverted = { properties: relink(inp.properties, inputName) };
  const paths: Record<string, Record<string, unknown>> = {};
  routes.forEach((r, i) => {
    const path = openApiPath(r.url);
    const parameters = [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')];
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: {
        description: 'Success',
        content: { 'application/json': { schema: strip(converted.properties[`res${i}`]!) } },
      },
    };
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      if (r.access === 'public' && (status === '401' || status === '403')) continue;
      responses[status] = {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: operationId(r),
      summary: r.summary,
      tags: [r.tag],
      'x-vigie-min-role': r.access,
      security: r.access === 'public' ? [] : [{ bearer: [] }],
      ...(r.description ? { description: r.description } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: strip(inputConverted.properties[`req${i}`]!) },
              },
            },
          }
        : {}),
      responses,
    };
    (paths[path] ??= {})[r.method.toLowerCase()] = operation;
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vigie API',
      version: VERSION,
      description:
        'Multilingual early warning for nuclear and missile proliferation. Every route except /api/health needs `Authorization: Bearer vigie_…`; `x-vigie-min-role` gives the minimum role (viewer < analyst < admin). Watchboard, hypothesis and indicator titles and descriptions come in the language of `Accept-Language` where the board gives it (en, fr; English otherwise); other text fields are English, beside their messages.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token: vigie token create USER',
        },
      },
    },
  };
}

function operationId(r: RouteDef): string {
  const words = r.url
    .replace(/^\/api\//, '')
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w));
  return [r.method.toLowerCase(), ...words]
    .map((w, i) =>
      i === 0 ? w : w.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase()),
    )
    .join('');
}

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _drop, ...rest } = schema;
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
  }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}
