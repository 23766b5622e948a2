/** A document: the article with its cues, its mentions, the source's reliability, story and origin. */
import type { DocumentDetail } from '../api-types.js';
import { ArticleText, CUE_LEGEND } from '../components/article-text.js';
import {
  CorrectMention,
  DocumentCorrections,
  rescoredText,
  type Rescored,
} from '../components/correction-panel.js';
import { Loaded } from '../components/status.js';
import { relabel } from '../alert-title.js';
import { attributionText, dateTime, day } from '../format.js';
import { useWords } from '../i18n/i18n.js';
import { safeHttpUrl } from '../highlight.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { useState } from 'preact/hooks';

function spanFrom(query: URLSearchParams): { start: number; end: number } | null {
  const start = Number(query.get('start'));
  const end = Number(query.get('end'));
  if (!query.has('start') || !query.has('end') || !Number.isFinite(start) || !(end > start)) {
    return null;
  }
  return { start, end };
}

export function DocumentPage({ id, query }: { id: string; query: URLSearchParams }) {
  const { api } = useSession();
  const w = useWords();
  const [version, setVersion] = useState(0);
  const [rescored, setRescored] = useState<Rescored | null>(null);
  const [load] = useLoad(`document:${id}:${version}`, () =>
    api.get<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`),
  );
  const focus = spanFrom(query);
  // A correction (or its revocation) rescored the store: read the document and its log again.
  const corrected = (r: Rescored) => {
    setRescored(r);
    setVersion((v) => v + 1);
  };
  return (
    <Loaded load={load}>
      {(d) => (
        <>
          <DocumentView d={d} focus={focus} onCorrected={corrected} />
          {rescored && (
            <p class="notice" role="status" data-testid="correction-result">
              {rescoredText(rescored, w)}
            </p>
          )}
          <DocumentCorrections documentId={d.id} version={version} onChange={corrected} />
        </>
      )}
    </Loaded>
  );
}

function DocumentView({
  d,
  focus,
  onCorrected,
}: {
  d: DocumentDetail;
  focus: { start: number; end: number } | null;
  onCorrected: (r: Rescored) => void;
}) {
  const w = useWords();
  const { canEdit } = useSession();
  const url = safeHttpUrl(d.url);
  const cues = d.mentions.flatMap((m) => m.cues);
  const kinds = new Set(cues.map((c) => c.kind));
  const t = w.ui.doc;
  return (
    <>
      <p class="crumbs">
        <a href="#/">{w.ui.nav.overview}</a> › {t.crumb}
      </p>
      <h1 data-testid="document-title">{d.title ?? t.untitled}</h1>
      <p class="lead">
        {d.outlet ?? w.ui.wb.unknownOutlet} · {dateTime(d.published)} ·{' '}
        {d.lang ? w.language(d.lang) : '?'}
        {url && (
          <>
            {' · '}
            <a href={url} rel="noopener noreferrer nofollow" target="_blank">
              {t.original}
            </a>
          </>
        )}
      </p>
      <div class="doc-layout">
        <section aria-labelledby="text-h" class="doc-text">
          <h2 id="text-h">{t.text}</h2>
          <ul class="legend" aria-label={t.legend}>
            {CUE_LEGEND.filter(([k]) => kinds.has(k)).map(([k, label]) => (
              <li key={k}>
                <mark class={`cue cue-${k}`}>{t.cues[k] ?? label}</mark>
              </li>
            ))}
            {focus && (
              <li>
                <mark class="focus-span">{t.linked}</mark>
              </li>
            )}
          </ul>
          <ArticleText text={d.text} cues={cues} focus={focus} />
        </section>
        <aside class="doc-side">
          <section aria-labelledby="source-h">
            <h2 id="source-h">{t.source}</h2>
            {d.source ? (
              <p>
                {d.source.name} ({d.source.kind}) · {t.reliability}{' '}
                <strong class={`grade grade-${d.source.reliability}`}>
                  {w.reliability(d.source.reliability)}
                </strong>
              </p>
            ) : (
              <p class="muted">{t.noSource}</p>
            )}
            <p>
              {t.credited} <strong>{d.origin ?? t.noneStated}</strong>
            </p>
          </section>
          <section aria-labelledby="story-h">
            <h2 id="story-h">{t.story}</h2>
            {d.story ? (
              <>
                <p class="muted">
                  {w.fill(t.copies, {
                    n: d.story.documentCount,
                    day: day(d.story.firstPublished),
                  })}
                </p>
                {d.story.joined ? (
                  <p class="story-join">
                    {t.whyHere} {relabel(w.message(d.story.joined.summaryMessage), w)}
                    {d.story.joined.matchedDocumentId ? (
                      <>
                        {' '}
                        (
                        <a href={href('documents', d.story.joined.matchedDocumentId)}>
                          {t.matched}
                        </a>
                        )
                      </>
                    ) : null}
                  </p>
                ) : null}
                <ul>
                  {d.siblings.map((s) => (
                    <li key={s.id}>
                      <a href={href('documents', s.id)}>{s.title ?? s.id}</a>{' '}
                      <span class="muted">
                        — {s.outlet ?? '?'}, {day(s.published)}
                        {s.origin ? w.fill(t.credits, { origin: s.origin }) : ''}
                        {s.id === d.story?.firstDocumentId ? t.first : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p class="muted">{t.noStory}</p>
            )}
          </section>
        </aside>
      </div>
      <section aria-labelledby="mentions-h">
        <h2 id="mentions-h">{w.fill(t.mentions, { n: d.mentions.length })}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.columns.type}</th>
                <th scope="col">{t.columns.roles}</th>
                <th scope="col">{t.columns.modality}</th>
                <th scope="col">{t.columns.capabilities}</th>
                <th scope="col">{t.columns.date}</th>
                <th scope="col">{t.columns.attributed}</th>
                <th scope="col">{t.columns.rules}</th>
                <th scope="col">{t.columns.passage}</th>
                {canEdit && <th scope="col">{t.columns.correction}</th>}
              </tr>
            </thead>
            <tbody>
              {d.mentions.map((m) => (
                <tr key={m.id}>
                  <td>{w.type(m.type)}</td>
                  <td>{w.pair(m.source, m.target)}</td>
                  <td>{w.modality(m.modality)}</td>
                  <td>{w.capabilities(m.capabilities)}</td>
                  <td>{m.date ?? '—'}</td>
                  <td data-testid="attribution">
                    {m.attribution?.span ? (
                      <a
                        href={href('documents', d.id, {
                          start: m.attribution.span.start,
                          end: m.attribution.span.end,
                        })}
                        title={t.showWhere}
                      >
                        {attributionText(m.attribution, w)}
                      </a>
                    ) : (
                      attributionText(m.attribution, w)
                    )}
                  </td>
                  <td class="rules">{m.rules.join(', ')}</td>
                  <td>
                    <a href={href('documents', d.id, { start: m.span.start, end: m.span.end })}>
                      {t.show}
                    </a>
                  </td>
                  {canEdit && (
                    <td>
                      <CorrectMention m={m} onDone={onCorrected} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
