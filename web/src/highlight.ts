/**
 * Splits untrusted text into segments by the spans that cover them, so a page can render each
 * segment as a text node (never as HTML). Overlapping spans nest: a segment lists every kind
 * that covers it. Offsets are UTF-16 code units, as in the API.
 * @module
 */

export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly label?: string;
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Kinds covering the segment, in a stable order; empty for plain text. */
  readonly kinds: readonly string[];
  readonly labels: readonly string[];
  /** Inside the focus span (the one a link pointed at). */
  readonly focus: boolean;
}

export function segmentText(
  text: string,
  marks: readonly Mark[],
  focus: { start: number; end: number } | null = null,
): Segment[] {
  const len = text.length;
  const clamp = (n: number) => Math.max(0, Math.min(len, Math.trunc(n)));
  const valid = marks
    .map((m) => ({ ...m, start: clamp(m.start), end: clamp(m.end) }))
    .filter((m) => m.end > m.start);
  const f = focus ? { start: clamp(focus.start), end: clamp(focus.end) } : null;
  const cuts = new Set<number>([0, len]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  if (f && f.end > f.start) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covering = valid.filter((m) => m.start <= start && m.end >= end);
    const kinds = [...new Set(covering.map((m) => m.kind))].sort();
    const labels = [...new Set(covering.map((m) => m.label ?? m.kind))];
    const inFocus = f !== null && f.end > f.start && f.start <= start && f.end >= end;
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.focus === inFocus &&
      prev.kinds.join() === kinds.join() &&
      prev.labels.join() === labels.join()
    ) {
      out[out.length - 1] = { ...prev, end, text: text.slice(prev.start, end) };
    } else {
      out.push({ start, end, text: text.slice(start, end), kinds, labels, focus: inFocus });
    }
  }
  return out;
}

/** A link may only open http(s) pages: `javascript:` and other schemes from article data are dropped. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
