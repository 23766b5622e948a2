/** An event: its credibility, its independent origins with the outlets that carried each, its mentions. */
import type { EventDetail } from '../api-types.js';
import { CorrectMention, rescoredText, type Rescored } from '../components/correction-panel.js';
import { Loaded } from '../components/status.js';
import { attributionText, day, pair } from '../format.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { useState } from 'preact/hooks';

export function EventPage({ id }: { id: string }) {
  const { api } = useSession();
  const [rescored, setRescored] = useState<Rescored | null>(null);
  const [load] = useLoad(`event:${id}:${rescored?.correction.id ?? ''}`, () =>
    api.get<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  );
  return (
    <>
      {rescored && (
        <p class="notice" role="status" data-testid="correction-result">
          {rescoredText(rescored)}
          {rescored.eventId && rescored.eventId !== id && (
            <>
              {' '}
              The mention is now in <a href={href('events', rescored.eventId)}>another event</a>.
            </>
          )}
        </p>
      )}
      <Loaded load={load}>{(e) => <EventView e={e} onCorrected={setRescored} />}</Loaded>
    </>
  );
}

function EventView({ e, onCorrected }: { e: EventDetail; onCorrected: (r: Rescored) => void }) {
  return (
    <>
      <p class="crumbs">
        <a href="#/">Overview</a> › <a href="#/events">Events</a> › Event
      </p>
      <h1 data-testid="event-title">
        {e.type} {pair(e.source, e.target)}
      </h1>
      <p class="lead">
        {e.date ?? day(e.firstSeen)} · {e.modality} · credibility {e.credibility} ·{' '}
        {e.independentSources} independent origin{e.independentSources === 1 ? '' : 's'} ·{' '}
        {e.mentionCount} mention{e.mentionCount === 1 ? '' : 's'}
        {e.capabilities.length > 0 ? ` · ${e.capabilities.join(', ')}` : ''}
      </p>
      <section aria-labelledby="origins-h">
        <h2 id="origins-h">Origins</h2>
        {e.origins ? (
          <>
            <p data-testid="origins-summary">{e.origins.summary}</p>
            <ul class="origins" data-testid="origins">
              {e.origins.origins.map((o) => (
                <li key={o.label}>
                  <strong>{o.label}</strong>
                  {o.outlets.length > 0 ? `, carried by ${o.outlets.join(', ')}` : ''}{' '}
                  <span class="muted">
                    (
                    {o.documentIds.map((d, i) => (
                      <span key={d}>
                        {i > 0 ? ', ' : ''}
                        <a href={href('documents', d)}>{d}</a>
                      </span>
                    ))}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="muted">Not analysed with origins yet (run the analysis again).</p>
        )}
      </section>
      <section aria-labelledby="event-mentions-h">
        <h2 id="event-mentions-h">Mentions ({e.mentions.length})</h2>
        <ul class="mentions">
          {e.mentions.map((m) => (
            <li key={m.id}>
              <a href={href('documents', m.documentId, { start: m.span.start, end: m.span.end })}>
                “{m.sentence}”
              </a>{' '}
              <span class="muted">
                — {m.document.outlet ?? 'unknown outlet'}, {day(m.document.published)} ·{' '}
                {m.modality} · from {attributionText(m.attribution)}
              </span>
              <CorrectMention m={m} onDone={onCorrected} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
