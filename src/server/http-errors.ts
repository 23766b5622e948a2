/**
 * The one place errors become HTTP: VigieError codes map to statuses, Fastify's own client
 * errors (malformed JSON, body too large, wrong content type) keep their 4xx, and anything
 * unexpected is a 500 whose details stay in the log.
 * @module
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { VigieError, type VigieErrorCode } from '../domain/errors.js';

export const STATUS_OF_CODE: Readonly<Record<VigieErrorCode, number>> = {
  VIGIE_CONFIG_INVALID: 500,
  VIGIE_INPUT_INVALID: 400,
  VIGIE_NOT_FOUND: 404,
  VIGIE_CONFLICT: 409,
  VIGIE_UNAUTHORIZED: 401,
  VIGIE_FORBIDDEN: 403,
  VIGIE_FETCH_FAILED: 502,
  VIGIE_FETCH_REFUSED: 422,
  VIGIE_PARSE_FAILED: 422,
  VIGIE_LEXICON_INVALID: 500,
  VIGIE_WATCHBOARD_INVALID: 500,
  VIGIE_STORE_FAILED: 500,
  VIGIE_UNAVAILABLE: 503,
};

/** A request for a capability this server was built without (e.g. URL ingest): 501. */
export class NotImplementedError extends VigieError {
  constructor(message: string) {
    super('VIGIE_UNAVAILABLE', message);
    this.name = 'NotImplementedError';
  }
}

/** A 4xx or 5xx with its JSON body, carried to the error handler. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details?: unknown;
  constructor(statusCode: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const FASTIFY_CODES: Readonly<Record<number, string>> = {
  400: 'VIGIE_INPUT_INVALID',
  401: 'VIGIE_UNAUTHORIZED',
  403: 'VIGIE_FORBIDDEN',
  404: 'VIGIE_NOT_FOUND',
  405: 'VIGIE_METHOD_NOT_ALLOWED',
  406: 'VIGIE_NOT_ACCEPTABLE',
  408: 'VIGIE_TIMEOUT',
  413: 'VIGIE_PAYLOAD_TOO_LARGE',
  414: 'VIGIE_URI_TOO_LONG',
  415: 'VIGIE_UNSUPPORTED_MEDIA_TYPE',
  429: 'VIGIE_RATE_LIMITED',
  431: 'VIGIE_HEADERS_TOO_LARGE',
};

export function toHttpError(error: unknown): {
  status: number;
  body: ErrorBody;
  internal: boolean;
} {
  if (error instanceof HttpError) {
    return {
      status: error.statusCode,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
        },
      },
      internal: error.statusCode >= 500,
    };
  }
  if (error instanceof NotImplementedError) {
    return {
      status: 501,
      body: { error: { code: 'VIGIE_NOT_IMPLEMENTED', message: error.message } },
      internal: false,
    };
  }
  if (error instanceof VigieError) {
    const status = STATUS_OF_CODE[error.code] ?? 500;
    const internal = status >= 500;
    return {
      status,
      body: {
        error: {
          code: error.code,
          message: internal && status === 500 ? 'internal error' : error.message,
          ...(error.where && !internal ? { details: { where: error.where } } : {}),
        },
      },
      internal,
    };
  }
  const fe = error as Partial<FastifyError> | undefined;
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    return {
      status,
      body: {
        error: { code: FASTIFY_CODES[status] ?? 'VIGIE_BAD_REQUEST', message: clientMessage(fe) },
      },
      internal: false,
    };
  }
  return {
    status: 500,
    body: { error: { code: 'VIGIE_INTERNAL', message: 'internal error' } },
    internal: true,
  };
}

function clientMessage(fe: Partial<FastifyError> | undefined): string {
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `malformed JSON body: ${fe.message ?? ''}`.trim();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'request body too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported content type: send application/json';
    default:
      return fe?.message ?? 'bad request';
  }
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  const { status, body, internal } = toHttpError(error);
  if (internal) request.log.error({ err: error }, 'request failed');
  else request.log.info({ status, code: body.error.code }, body.error.message);
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
