/**
 * The allowed codes of the list filters (event types, modalities, capabilities), read from
 * /openapi.json so the dashboard follows the server's ontology without a copy of it.
 * @module
 */

interface OpenApiParam {
  name: string;
  schema?: { enum?: string[] };
}

interface OpenApiDoc {
  paths?: Record<string, { get?: { parameters?: OpenApiParam[] } }>;
}

let doc: Promise<OpenApiDoc> | null = null;

async function fetchDoc(): Promise<OpenApiDoc> {
  try {
    const res = await fetch('/openapi.json');
    return res.ok ? ((await res.json()) as OpenApiDoc) : {};
  } catch {
    return {};
  }
}

/** Enum values of the query parameters of `path` (default the events list), by name. */
export async function loadChoices(path = '/api/events'): Promise<Record<string, string[]>> {
  doc ??= fetchDoc();
  const out: Record<string, string[]> = {};
  for (const p of (await doc).paths?.[path]?.get?.parameters ?? []) {
    if (p.schema?.enum) out[p.name] = p.schema.enum;
  }
  return out;
}
