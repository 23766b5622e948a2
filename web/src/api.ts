/**
 * The API client: bearer token from sessionStorage, JSON in and out, and errors that keep the
 * server's status, code and message so pages can show them as they are (a 403 stays a 403).
 * @module
 */
import type { Role } from './api-types.js';

const TOKEN_KEY = 'vigie.token';
const ROLE_KEY = 'vigie.role';
const NAME_KEY = 'vigie.name';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Session {
  /** null: anonymous viewer (the server allows reading without a token). */
  readonly token: string | null;
  readonly role: Role;
  readonly name: string;
}

export function loadSession(): Session | null {
  const role = sessionStorage.getItem(ROLE_KEY);
  if (role !== 'viewer' && role !== 'analyst' && role !== 'admin') return null;
  return {
    token: sessionStorage.getItem(TOKEN_KEY),
    role,
    name: sessionStorage.getItem(NAME_KEY) ?? '',
  };
}

export function saveSession(session: Session): void {
  if (session.token) sessionStorage.setItem(TOKEN_KEY, session.token);
  else sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.setItem(ROLE_KEY, session.role);
  sessionStorage.setItem(NAME_KEY, session.name);
}

export function clearSession(): void {
  for (const key of [TOKEN_KEY, ROLE_KEY, NAME_KEY]) sessionStorage.removeItem(key);
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The token, and the dashboard's language: the server words board titles in it. */
function authHeaders(token: string | null, accept: string, lang: string): Record<string, string> {
  const headers: Record<string, string> = { accept, 'accept-language': lang };
  if (token) headers['authorization'] = `Bearer ${token}`;
  return headers;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'VIGIE_NETWORK', `the server did not answer (${String(e)})`);
  }
}

/** The server's `{ error: { code, message } }` (or the status line) as an ApiError. */
function errorOf(res: Response, json: unknown): ApiError {
  const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
  return new ApiError(
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? res.statusText,
  );
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

async function request<T>(
  method: string,
  path: string,
  body: unknown,
  token: string | null,
  lang: string,
): Promise<T> {
  const headers = authHeaders(token, 'application/json', lang);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await send(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = parseJson(await res.text());
  if (!res.ok) throw errorOf(res, json);
  return json as T;
}

/** Calls bound to the current session's token and the dashboard's language. */
export class Api {
  constructor(
    readonly token: string | null,
    readonly lang = 'en',
  ) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return request<T>('GET', withQuery(path, query), undefined, this.token, this.lang);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return request<T>('POST', path, body, this.token, this.lang);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return request<T>('PATCH', path, body, this.token, this.lang);
  }

  delete<T>(path: string): Promise<T> {
    return request<T>('DELETE', path, undefined, this.token, this.lang);
  }

  /**
   * A document that is not JSON (a brief: HTML, Markdown, PDF) as a Blob, fetched with the
   * session's token like every other call: a plain link could not carry the header.
   */
  async blob(path: string, query?: Query): Promise<Blob> {
    const res = await send(withQuery(path, query), {
      headers: authHeaders(this.token, '*/*', this.lang),
    });
    if (!res.ok) throw errorOf(res, parseJson(await res.text()));
    return res.blob();
  }
}

/** Checks a token (or anonymous access) and asks the server who it is (GET /api/me). */
export async function signIn(token: string | null): Promise<Session> {
  const me = await new Api(token).get<{ name: string; role: Role; anonymous: boolean }>('/api/me');
  return { token, role: me.role, name: me.name };
}
