/**
 * Extractor output → one prediction line of corpus-format.md.
 * @module
 */
import type { PredictedEvent, Prediction } from '../../domain/document.js';
import type { ExtractedMention, ExtractionResult } from '../../domain/mention.js';

/** The scored fields of a mention, in the prediction format. */
export function toPredictedEvent(m: ExtractedMention): PredictedEvent {
  return {
    type: m.type,
    source: m.source,
    target: m.target,
    modality: m.modality,
    capabilities: [...m.capabilities],
    date: m.date,
    start: m.start,
    end: m.end,
    ...(m.trigger ? { trigger: { start: m.trigger.start, end: m.trigger.end } } : {}),
    ...(m.mutual ? { mutual: true } : {}),
  };
}

export function toPrediction(id: string, result: ExtractionResult): Prediction {
  return { id, lang: result.lang, events: result.mentions.map(toPredictedEvent) };
}
