/**
 * An event and everything behind it: credibility with its reasons, the hypotheses it moved, its
 * independent origins, the documents and their stories, and every mention with its trigger marked.
 */
import { useState } from 'preact/hooks';
import type { EventDetail } from '../api-types.js';
import { CorrectMention, rescoredText, type Rescored } from '../components/correction-panel.js';
import { DocumentTable } from '../components/document-table.js';
import { Loaded } from '../components/status.js';
import { attributionText, day, pct, points } from '../format.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

type Mention = EventDetail['mentions'][number];

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

/** An actor code as a link to its page; "—" when the role is empty. */
export function ActorLink({ code }: { code: string | null }) {
  return code ? <a href={href('actors', code)}>{code}</a> : <>—</>;
}

function EventView({ e, onCorrected }: { e: EventDetail; onCorrected: (r: Rescored) => void }) {
  return (
    <>
      <p class="crumbs">
        <a href="#/">Overview</a> › <a href="#/events">Events</a> › Event
      </p>
      <h1 data-testid="event-title">
        {e.type} <ActorLink code={e.source} />
        {e.target && (
          <>
            {' → '}
            <ActorLink code={e.target} />
          </>
        )}
      </h1>
      <p class="lead">
        {e.date ?? day(e.firstSeen)} · {e.modality} · credibility {e.credibility} ·{' '}
        {e.independentSources} independent origin{e.independentSources === 1 ? '' : 's'} ·{' '}
        {e.mentionCount} mention{e.mentionCount === 1 ? '' : 's'}
        {e.capabilities.length > 0 ? ` · ${e.capabilities.join(', ')}` : ''}
      </p>
      <div class="columns">
        <section aria-labelledby="credibility-h">
          <h2 id="credibility-h">Why credibility {e.credibility}</h2>
          {e.credibilityReasons.length > 0 ? (
            <ul data-testid="credibility-reasons">
              {e.credibilityReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">
              No reasons stored for this event yet: run the analysis again to record them.
            </p>
          )}
        </section>
        <section aria-labelledby="moved-h">
          <h2 id="moved-h">Hypotheses it moved</h2>
          {e.hypotheses.length === 0 ? (
            <p class="muted">This event has not moved any hypothesis of a watchboard.</p>
          ) : (
            <ul data-testid="moved-hypotheses">
              {e.hypotheses.map((s) => (
                <li key={s.evidenceId}>
                  <a href={href('hypotheses', s.hypothesisId)}>{s.hypothesisTitle}</a>{' '}
                  <span class={s.after >= s.before ? 'up' : 'down'}>
                    {points(s.before, s.after)}
                  </span>{' '}
                  <span class="muted">
                    ({pct(s.before)} → {pct(s.after)}, {day(s.at)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Origins e={e} />
      <Documents mentions={e.mentions} />
      <section aria-labelledby="event-mentions-h">
        <h2 id="event-mentions-h">Mentions ({e.mentions.length})</h2>
        <ul class="mentions" data-testid="event-mentions">
          {e.mentions.map((m) => (
            <li key={m.id}>
              <a
                href={href('documents', m.documentId, { start: m.span.start, end: m.span.end })}
                data-testid="mention-link"
              >
                “<Sentence m={m} />”
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

/** The sentence with its trigger word marked (offsets are the document's; the sentence starts at span.start). */
function Sentence({ m }: { m: Mention }) {
  const t = m.trigger;
  const from = t ? t.start - m.span.start : -1;
  const to = t ? t.end - m.span.start : -1;
  if (!t || from < 0 || to > m.sentence.length || to <= from) return <>{m.sentence}</>;
  return (
    <>
      {m.sentence.slice(0, from)}
      <mark class="cue cue-trigger">{m.sentence.slice(from, to)}</mark>
      {m.sentence.slice(to)}
    </>
  );
}

function Origins({ e }: { e: EventDetail }) {
  return (
    <section aria-labelledby="origins-h">
      <h2 id="origins-h">Independent origins</h2>
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
        <p class="muted">Origins are not recorded for this event yet: run the analysis again.</p>
      )}
    </section>
  );
}

/** The documents behind the mentions, once each, with the story each belongs to. */
function Documents({ mentions }: { mentions: readonly Mention[] }) {
  const docs = [...new Map(mentions.map((m) => [m.document.id, m.document])).values()];
  return (
    <section aria-labelledby="event-docs-h">
      <h2 id="event-docs-h">Documents ({docs.length})</h2>
      <DocumentTable
        documents={docs}
        testId="event-documents"
        extra={[
          {
            header: 'Story',
            cell: (d) =>
              d.storyId ? (
                <a href={href('stories', d.storyId)}>story</a>
              ) : (
                <span class="muted">own report</span>
              ),
          },
        ]}
      />
    </section>
  );
}
