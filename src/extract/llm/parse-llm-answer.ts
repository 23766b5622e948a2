/**
 * Validates a model's answer against the prediction schema and the text: items that fail are
 * dropped with a reason, never trusted.
 * @module
 */
import { PredictedEventSchema, type PredictedEvent } from '../../domain/document.js';
import { formatIssues } from '../../domain/errors.js';

export interface DroppedItem {
  readonly index: number;
  readonly reason: string;
}

export interface ParsedLlmAnswer {
  readonly events: PredictedEvent[];
  readonly dropped: DroppedItem[];
  /** Set when the answer as a whole could not be read. */
  readonly error?: string;
}

/** Strips a Markdown code fence some models wrap JSON in. */
function unfence(content: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
  return m?.[1] ?? content;
}

export function parseLlmAnswer(content: string, textLength: number): ParsedLlmAnswer {
  let raw: unknown;
  try {
    raw = JSON.parse(unfence(content));
  } catch (error) {
    return {
      events: [],
      dropped: [],
      error: `answer is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const items: unknown = Array.isArray(raw) ? raw : (raw as { events?: unknown } | null)?.events;
  if (!Array.isArray(items))
    return { events: [], dropped: [], error: 'answer has no "events" array' };
  const events: PredictedEvent[] = [];
  const dropped: DroppedItem[] = [];
  items.forEach((item: unknown, index) => {
    const parsed = PredictedEventSchema.safeParse(item);
    if (!parsed.success) {
      dropped.push({ index, reason: formatIssues(parsed.error.issues) });
      return;
    }
    const e = parsed.data;
    if (e.end <= e.start || e.end > textLength) {
      dropped.push({
        index,
        reason: `span ${e.start}-${e.end} is not inside the text (length ${textLength})`,
      });
      return;
    }
    if (
      e.trigger &&
      (e.trigger.start < e.start || e.trigger.end > e.end || e.trigger.end <= e.trigger.start)
    ) {
      dropped.push({
        index,
        reason: `trigger ${e.trigger.start}-${e.trigger.end} is not inside its sentence`,
      });
      return;
    }
    events.push(e);
  });
  return { events, dropped };
}
