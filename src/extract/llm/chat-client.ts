/**
 * A minimal client for OpenAI-compatible chat completions (Ollama, vLLM, llama.cpp server, …):
 * POST {baseUrl}/chat/completions with a JSON response format; returns the message content.
 * @module
 */
import { z } from 'zod';
import { VigieError } from '../../domain/errors.js';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatClientOptions {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

export interface ChatClient {
  readonly model: string;
  complete(messages: readonly ChatMessage[]): Promise<string>;
}

const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

export function createChatClient(options: ChatClientOptions): ChatClient {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    model: options.model,
    async complete(messages) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({
            model: options.model,
            messages,
            temperature: 0,
            response_format: { type: 'json_object' },
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (cause) {
        const timedOut =
          cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
        throw new VigieError(
          'VIGIE_UNAVAILABLE',
          timedOut
            ? `LLM endpoint did not answer within ${timeoutMs} ms`
            : `LLM endpoint unreachable: ${String(cause)}`,
          { where: url, cause },
        );
      }
      const body = await response.text().catch(() => '');
      if (!response.ok)
        throw new VigieError(
          'VIGIE_UNAVAILABLE',
          `LLM endpoint answered HTTP ${response.status}: ${body.slice(0, 200)}`,
          {
            where: url,
          },
        );
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch (cause) {
        throw new VigieError('VIGIE_PARSE_FAILED', 'LLM endpoint answered with invalid JSON', {
          where: url,
          cause,
        });
      }
      const parsed = CompletionSchema.safeParse(json);
      if (!parsed.success)
        throw new VigieError('VIGIE_PARSE_FAILED', 'LLM answer has no choices[0].message', {
          where: url,
        });
      return parsed.data.choices[0]?.message.content ?? '';
    },
  };
}
