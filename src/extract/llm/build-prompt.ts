/**
 * The request to the model: the ontology codes, the prediction schema and the numbered sentences
 * with their offsets, so answers can be checked against the text.
 * @module
 */
import {
  CAPABILITIES,
  EVENT_TYPES,
  MODALITIES,
  ORGANISATIONS,
  SYMMETRIC_TYPES,
} from '../../domain/ontology.js';
import type { ChatMessage } from './chat-client.js';

export interface PromptSentence {
  readonly start: number;
  readonly end: number;
}

const SYSTEM = [
  'You extract event mentions about nuclear and missile proliferation from news text.',
  'An event mention is one claim, in one sentence, that something of a listed type happened, is happening, will happen, may happen or did not happen.',
  `Event types: ${EVENT_TYPES.join(', ')}. Symmetric types (participants in any order): ${[...SYMMETRIC_TYPES].join(', ')}.`,
  'Roles: source = supplier / sender / actor / speaker / imposer; target = recipient / host / addressee / sanctioned; null when the text leaves it open.',
  `Actors: ISO 3166-1 alpha-3 state codes (RUS, PRK, KOR, USA, CHN, JPN, UKR, IRN, …) or ${ORGANISATIONS.join(', ')}. People, capitals, governments and armed forces resolve to their state.`,
  `Modality: ${MODALITIES.join(', ')}. Capabilities (zero or more): ${CAPABILITIES.join(', ')}.`,
  'date: YYYY, YYYY-MM or YYYY-MM-DD as precise as the text gives, resolved against the publication date; null if none.',
  'start and end: the offsets of the sentence the mention comes from, exactly as given in the numbered list.',
  'Answer with one JSON object: {"events": [{"type", "source", "target", "modality", "capabilities", "date", "start", "end"}]}. No other text.',
].join('\n');

export function buildMessages(
  text: string,
  sentences: readonly PromptSentence[],
  published?: string,
): ChatMessage[] {
  const list = sentences.map(
    (s) => `[${s.start}-${s.end}] ${text.slice(s.start, s.end).replace(/\s+/g, ' ')}`,
  );
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: `${published ? `Publication date: ${published.slice(0, 10)}\n` : ''}Sentences:\n${list.join('\n')}`,
    },
  ];
}
