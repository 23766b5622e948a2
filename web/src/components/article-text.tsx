/**
 * Untrusted article text with its cues highlighted. Every piece is a text node made by Preact:
 * no HTML from the article is ever parsed, so `<script>` or `<img onerror>` stay visible text.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Cue } from '../api-types.js';
import { segmentText, type Segment } from '../highlight.js';

export function ArticleText({
  text,
  cues,
  focus,
}: {
  text: string;
  cues: readonly Cue[];
  focus: { start: number; end: number } | null;
}) {
  const focusRef = useRef<HTMLElement>(null);
  const segments = segmentText(
    text,
    cues.map((c) => ({
      start: c.start,
      end: c.end,
      kind: c.kind,
      label: c.value ? `${c.kind}: ${c.value}` : `${c.kind}: ${c.ref}`,
    })),
    focus,
  );
  useEffect(() => {
    const el = focusRef.current;
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [focus?.start, focus?.end, text]);

  const groups: { focus: boolean; segments: Segment[] }[] = [];
  for (const s of segments) {
    const last = groups[groups.length - 1];
    if (last && last.focus === s.focus) last.segments.push(s);
    else groups.push({ focus: s.focus, segments: [s] });
  }
  return (
    <div class="article" lang="" data-testid="article-text">
      {groups.map((g) =>
        g.focus ? (
          <mark
            key={`f${g.segments[0]!.start}`}
            class="focus-span"
            data-testid="focus-span"
            tabIndex={-1}
            ref={focusRef}
            aria-label="linked passage"
          >
            {g.segments.map(renderSegment)}
          </mark>
        ) : (
          g.segments.map(renderSegment)
        ),
      )}
    </div>
  );
}

function renderSegment(s: Segment) {
  if (s.kinds.length === 0) return s.text;
  return (
    <mark
      key={s.start}
      class={s.kinds.map((k) => `cue cue-${k}`).join(' ')}
      title={s.labels.join('; ')}
      data-cue={s.kinds.join(' ')}
    >
      {s.text}
    </mark>
  );
}

export const CUE_LEGEND = [
  ['actor', 'Actor'],
  ['trigger', 'Event trigger'],
  ['modality', 'Modality cue'],
  ['capability', 'Capability'],
  ['negation', 'Negation'],
  ['time', 'Time'],
  ['origin', 'Credited origin'],
] as const;
