/**
 * Merges model mentions into rule mentions: on overlap of the same type the rule mention wins;
 * model-only mentions are added with rule `llm:<model>` and a lower confidence.
 * @module
 */
import type { PredictedEvent } from '../../domain/document.js';
import type { ExtractedMention } from '../../domain/mention.js';

/** Confidence given to a mention only the model found. */
export const LLM_ONLY_CONFIDENCE = 0.35;

export function mergeMentions(
  rules: readonly ExtractedMention[],
  llm: readonly PredictedEvent[],
  model: string,
): ExtractedMention[] {
  const merged: ExtractedMention[] = [...rules];
  for (const e of llm) {
    const clash = merged.some((m) => m.type === e.type && m.start < e.end && e.start < m.end);
    if (clash) continue;
    merged.push({
      type: e.type,
      source: e.source,
      target: e.target,
      modality: e.modality,
      capabilities: [...new Set(e.capabilities)],
      date: e.date,
      start: e.start,
      end: e.end,
      ...(e.trigger ? { trigger: e.trigger } : {}),
      ...(e.mutual ? { mutual: true } : {}),
      rules: [`llm:${model}`],
      cues: [],
      confidence: LLM_ONLY_CONFIDENCE,
    });
  }
  return merged.sort((a, b) => a.start - b.start || a.end - b.end);
}
