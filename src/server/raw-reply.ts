/**
 * A response that is not JSON (briefs as Markdown/HTML/PDF, streamed CSV/STIX/JSONL exports):
 * the route handler returns it and the server sends it with its content type and headers.
 * @module
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export class RawReply {
  constructor(
    readonly contentType: string,
    readonly body: string | Buffer | AsyncIterable<string>,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  send(reply: FastifyReply): FastifyReply {
    reply.type(this.contentType);
    for (const [name, value] of Object.entries(this.headers)) reply.header(name, value);
    const body = this.body;
    return reply.send(
      typeof body === 'string' || Buffer.isBuffer(body) ? body : Readable.from(body),
    );
  }
}
