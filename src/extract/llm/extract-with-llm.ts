/**
 * High-recall mode: the rule output plus what an OpenAI-compatible model finds, validated and
 * merged. A failing endpoint never loses the rule output: the error is returned beside it.
 * @module
 */
import type { ExtractionResult } from '../../domain/mention.js';
import { buildMessages, type PromptSentence } from './build-prompt.js';
import type { ChatClient } from './chat-client.js';
import { mergeMentions } from './merge-mentions.js';
import { parseLlmAnswer, type DroppedItem } from './parse-llm-answer.js';

export interface LlmDocument {
  readonly text: string;
  readonly published?: string;
}

export interface LlmExtraction {
  readonly result: ExtractionResult;
  /** Mentions the model added. */
  readonly added: number;
  readonly dropped: readonly DroppedItem[];
  /** Why the model's answer was not used at all, if it was not. */
  readonly error?: string;
}

/** Sentence spans for the prompt when the caller has none: a plain split on sentence punctuation. */
export function promptSentences(text: string): PromptSentence[] {
  const out: PromptSentence[] = [];
  const re = /[^.!?。！？\n]+(?:[.!?。！？]+|\n|$)/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body.length > 0) out.push({ start: m.index + lead, end: m.index + lead + body.length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

export async function extractWithLlm(
  doc: LlmDocument,
  rules: ExtractionResult,
  client: ChatClient,
  sentences: readonly PromptSentence[] = promptSentences(doc.text),
): Promise<LlmExtraction> {
  if (sentences.length === 0) return { result: rules, added: 0, dropped: [] };
  let content: string;
  try {
    content = await client.complete(buildMessages(doc.text, sentences, doc.published));
  } catch (error) {
    return {
      result: rules,
      added: 0,
      dropped: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const answer = parseLlmAnswer(content, doc.text.length);
  if (answer.error !== undefined)
    return { result: rules, added: 0, dropped: [], error: answer.error };
  const mentions = mergeMentions(rules.mentions, answer.events, client.model);
  return {
    result: { ...rules, mentions },
    added: mentions.length - rules.mentions.length,
    dropped: answer.dropped,
  };
}
