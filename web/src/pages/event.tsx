/**
 * An event and everything behind it: credibility with its reasons, the hypotheses it moved, its
 * independent origins, the documents and their stories, and every mention with its trigger marked.
 */
import { useState } from 'preact/hooks';
import type { EventDetail } from '../api-types.js';
import { CorrectMention, rescoredText, type Rescored } from '../components/correction-panel.js';
import { DocumentTable } from '../components/document-table.js';
import { Loaded } from '../components/status.js';
import { attributedFrom, attributionText, day, pct, points } from '../format.js';
import { useWords } from '../i18n/i18n.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

type Mention = EventDetail['mentions'][number];

export function EventPage({ id }: { id: string }) {
  const { api } = useSession();
  const w = useWords();
  const [rescored, setRescored] = useState<Rescored | null>(null);
  const [load, reload] = useLoad(`event:${id}:${rescored?.correction.id ?? ''}`, () =>
    api.get<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  );
  return (
    <>
      {rescored && (
        <p class="notice" role="status" data-testid="correction-result">
          {rescoredText(rescored, w)}
          {rescored.eventId && rescored.eventId !== id && (
            <>
              {' '}
              The mention is now in <a href={href('events', rescored.eventId)}>another event</a>.
            </>
          )}
        </p>
      )}
      <Loaded load={load} retry={reload}>
        {(e) => <EventView e={e} onCorrected={setRescored} />}
      </Loaded>
    </>
  );
}

/** An actor as a link to its page, in words ("🇷🇺 Russia"); "—" when the role is empty. */
export function ActorLink({ code }: { code: string | null }) {
  const w = useWords();
  return code ? <a href={href('actors', code)}>{w.actor(code)}</a> : <>—</>;
}

function EventView({ e, onCorrected }: { e: EventDetail; onCorrected: (r: Rescored) => void }) {
  const w = useWords();
  const t = w.ui.wb;
  return (
    <>
      <p class="crumbs">
        <a href="#/">{t.crumbOverview}</a> › <a href="#/events">{t.crumbEvents}</a> › {t.crumbEvent}
      </p>
      <h1 data-testid="event-title">
        {w.type(e.type)} · <ActorLink code={e.source} />
        {e.target && (
          <>
            {' → '}
            <ActorLink code={e.target} />
          </>
        )}
      </h1>
      <p class="lead">
        {e.date ?? day(e.firstSeen)} · {w.modality(e.modality)} · {w.ui.credibilityWord}{' '}
        {w.credibility(e.credibility)} ·{' '}
        {e.independentSources === 1
          ? t.originOne
          : w.fill(t.originCount, { n: e.independentSources })}{' '}
        · {e.mentionCount === 1 ? t.mentionOne : w.fill(t.mentionCount, { n: e.mentionCount })}
        {e.capabilities.length > 0 ? ` · ${w.capabilities(e.capabilities)}` : ''}
      </p>
      <p class="muted small">{w.ui.credibilityScale}</p>
      <div class="columns">
        <section aria-labelledby="credibility-h">
          <h2 id="credibility-h">
            {w.fill(t.whyCredibility, { c: w.credibility(e.credibility) })}
          </h2>
          {e.credibilityReasonMessages.length > 0 ? (
            <ul data-testid="credibility-reasons">
              {e.credibilityReasonMessages.map((r, i) => (
                <li key={i}>{w.message(r)}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t.noReasons}</p>
          )}
        </section>
        <section aria-labelledby="moved-h">
          <h2 id="moved-h">{t.moved}</h2>
          {e.hypotheses.length === 0 ? (
            <p class="muted">{t.movedNone}</p>
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
        <h2 id="event-mentions-h">{w.fill(t.mentionsN, { n: e.mentions.length })}</h2>
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
                — {m.document.outlet ?? t.unknownOutlet}, {day(m.document.published)} ·{' '}
                {w.modality(m.modality)} ·{' '}
                {m.attribution ? attributedFrom(m.attribution, w) : attributionText(null, w)}
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
  const w = useWords();
  const t = w.ui.wb;
  return (
    <section aria-labelledby="origins-h">
      <h2 id="origins-h">{t.origins}</h2>
      {e.origins ? (
        <>
          <p data-testid="origins-summary">{w.message(e.origins.summaryMessage)}</p>
          <ul class="origins" data-testid="origins">
            {e.origins.origins.map((o) => (
              <li key={o.label}>
                <strong>{w.message(o.labelMessage)}</strong>
                {o.outlets.length > 0
                  ? w.fill(t.carriedBy, { outlets: o.outlets.join(', ') })
                  : ''}{' '}
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
        <p class="muted">{t.noOrigins}</p>
      )}
    </section>
  );
}

/** The documents behind the mentions, once each, with the story each belongs to. */
function Documents({ mentions }: { mentions: readonly Mention[] }) {
  const w = useWords();
  const t = w.ui.wb;
  const docs = [...new Map(mentions.map((m) => [m.document.id, m.document])).values()];
  return (
    <section aria-labelledby="event-docs-h">
      <h2 id="event-docs-h">{w.fill(t.documentsN, { n: docs.length })}</h2>
      <DocumentTable
        documents={docs}
        testId="event-documents"
        extra={[
          {
            header: t.storyCol,
            cell: (d) =>
              d.storyId ? (
                <a href={href('stories', d.storyId)}>{t.storyLink}</a>
              ) : (
                <span class="muted">{t.ownReport}</span>
              ),
          },
        ]}
      />
    </section>
  );
}
