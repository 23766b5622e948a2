import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExtractedMention, ExtractionResult } from '../../domain/mention.js';
import { createChatClient } from './chat-client.js';
import { extractWithLlm, promptSentences } from './extract-with-llm.js';
import { LLM_ONLY_CONFIDENCE } from './merge-mentions.js';
import { parseLlmAnswer } from './parse-llm-answer.js';

const TEXT =
  'North Korea test-fired a ballistic missile on Thursday. Russia reportedly sent air-defence systems to Pyongyang.';
const S1 = { start: 0, end: 55 };
const S2 = { start: 56, end: TEXT.length };

/** What the fake endpoint answers, by the model name in the request. */
const ANSWERS: Record<string, (res: ServerResponse) => void> = {
  good: (res) =>
    reply(res, {
      events: [
        // same type as the rule mention and overlapping: the rule mention wins
        {
          type: 'MISSILE_TEST',
          source: 'PRK',
          target: null,
          modality: 'HEDGED',
          capabilities: [],
          date: null,
          ...S1,
        },
        // new: kept with rule llm:good
        {
          type: 'ARMS_TRANSFER',
          source: 'RUS',
          target: 'PRK',
          modality: 'HEDGED',
          capabilities: ['AIR_DEFENSE'],
          date: null,
          ...S2,
          trigger: { start: 75, end: 79 },
        },
        // invalid type, span outside the text, trigger outside its sentence: dropped
        {
          type: 'INVASION',
          source: 'RUS',
          target: null,
          modality: 'ASSERTED',
          capabilities: [],
          date: null,
          ...S1,
        },
        {
          type: 'MEETING',
          source: 'RUS',
          target: 'PRK',
          modality: 'ASSERTED',
          capabilities: [],
          date: null,
          start: 56,
          end: 5000,
        },
        {
          type: 'CONCERN',
          source: 'USA',
          target: 'PRK',
          modality: 'ASSERTED',
          capabilities: [],
          date: null,
          ...S1,
          trigger: { start: 60, end: 70 },
        },
      ],
    }),
  fenced: (res) => reply(res, null, '```json\n{"events": []}\n```'),
  malformed: (res) => reply(res, null, 'Sure! Here are the events: MISSILE_TEST by PRK'),
  broken: (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"choices": [');
  },
  error: (res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('model not loaded');
  },
  slow: () => undefined, // never answers: the client must time out
};

const received: {
  url: string;
  auth?: string;
  body: { model: string; messages: { content: string }[]; response_format: unknown };
}[] = [];

function reply(res: ServerResponse, json: unknown, content = JSON.stringify(json)): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'x',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content } }],
    }),
  );
}

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(
        Buffer.concat(chunks).toString('utf8'),
      ) as (typeof received)[number]['body'];
      received.push({
        url: req.url ?? '',
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        body,
      });
      (ANSWERS[body.model] ?? ANSWERS['error'])?.(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const RULE_MENTION: ExtractedMention = {
  type: 'MISSILE_TEST',
  source: 'PRK',
  target: null,
  modality: 'ASSERTED',
  capabilities: ['BALLISTIC_MISSILE'],
  date: '2024-10-31',
  ...S1,
  rules: ['en.trigger.MISSILE_TEST.test-fire'],
  cues: [],
  confidence: 0.9,
};
const RULES: ExtractionResult = { lang: 'en', mentions: [RULE_MENTION], origins: [] };
const DOC = { text: TEXT, published: '2024-11-01' };
const client = (model: string, timeoutMs = 5000) =>
  createChatClient({ baseUrl, model, apiKey: 'k', timeoutMs });

describe('extractWithLlm against a local OpenAI-compatible server', () => {
  it('asks with the ontology and the sentences with offsets, and merges a valid answer', async () => {
    const r = await extractWithLlm(DOC, RULES, client('good'));
    const request = received.at(-1);
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.auth).toBe('Bearer k');
    expect(request?.body.response_format).toEqual({ type: 'json_object' });
    expect(request?.body.messages[0]?.content).toContain('TECH_TRANSFER');
    expect(request?.body.messages[1]?.content).toContain(
      `[0-55] North Korea test-fired a ballistic missile on Thursday.`,
    );
    expect(request?.body.messages[1]?.content).toContain('Publication date: 2024-11-01');

    expect(r.error).toBeUndefined();
    expect(r.added).toBe(1);
    expect(r.result.mentions).toHaveLength(2);
    expect(r.result.mentions[0]).toBe(RULE_MENTION); // the rule mention wins the overlap
    expect(r.result.mentions[1]).toMatchObject({
      type: 'ARMS_TRANSFER',
      source: 'RUS',
      target: 'PRK',
      capabilities: ['AIR_DEFENSE'],
      rules: ['llm:good'],
      confidence: LLM_ONLY_CONFIDENCE,
      trigger: { start: 75, end: 79 },
    });
    expect(r.dropped.map((d) => d.index)).toEqual([2, 3, 4]);
    expect(r.dropped[0]?.reason).toMatch(/type/);
    expect(r.dropped[1]?.reason).toMatch(/not inside the text/);
    expect(r.dropped[2]?.reason).toMatch(/trigger/);
  });

  it('reads a fenced JSON answer', async () => {
    const r = await extractWithLlm(DOC, RULES, client('fenced'));
    expect(r).toMatchObject({ added: 0, dropped: [] });
    expect(r.error).toBeUndefined();
  });

  it('keeps the rule output when the answer is not JSON', async () => {
    const r = await extractWithLlm(DOC, RULES, client('malformed'));
    expect(r.result).toBe(RULES);
    expect(r.error).toMatch(/not JSON/);
  });

  it('keeps the rule output when the HTTP body is broken or the server fails', async () => {
    expect((await extractWithLlm(DOC, RULES, client('broken'))).error).toMatch(/invalid JSON/);
    const failed = await extractWithLlm(DOC, RULES, client('error'));
    expect(failed.result).toBe(RULES);
    expect(failed.error).toMatch(/HTTP 500/);
  });

  it('times out on a server that does not answer', async () => {
    const r = await extractWithLlm(DOC, RULES, client('slow', 300));
    expect(r.result).toBe(RULES);
    expect(r.error).toMatch(/did not answer within 300 ms/);
  });

  it('reports an unreachable endpoint', async () => {
    const r = await extractWithLlm(
      DOC,
      RULES,
      createChatClient({ baseUrl: 'http://127.0.0.1:1', model: 'x', timeoutMs: 2000 }),
    );
    expect(r.error).toMatch(/unreachable|did not answer/);
  });
});

describe('parseLlmAnswer', () => {
  it('accepts a bare array and rejects an object without events', () => {
    expect(parseLlmAnswer('[]', 10)).toEqual({ events: [], dropped: [] });
    expect(parseLlmAnswer('{"mentions": []}', 10).error).toMatch(/events/);
    expect(parseLlmAnswer('null', 10).error).toMatch(/events/);
  });
});

describe('promptSentences', () => {
  it('splits on sentence punctuation with exact offsets', () => {
    expect(promptSentences(TEXT)).toEqual([S1, S2]);
    expect(promptSentences('北朝鮮が発射した。韓国が非難した。')).toEqual([
      { start: 0, end: 9 },
      { start: 9, end: 17 },
    ]);
    expect(promptSentences('  ')).toEqual([]);
  });
});
