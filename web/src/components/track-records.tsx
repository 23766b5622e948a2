/**
 * The sources page's track-record panel: each source's record, its current grade, the grade its
 * record suggests with the reasons, and, for analysts, a button that applies the suggestion
 * (POST /api/sources/:id/grade, audited). Viewers see no button.
 */
import { useState } from 'preact/hooks';
import type { GradeChange, OffsetPage, Source, TrackRecord } from '../api-types.js';
import { useWords } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { ErrorNotice, Loaded } from './status.js';

export function TrackRecords(props: {
  /** Changes when a grade was set elsewhere on the page: the records are read again. */
  readonly revision: number;
  readonly onGraded: (source: Source) => void;
}) {
  const { api, canEdit } = useSession();
  const w = useWords();
  const t = w.ui.trackRecords;
  const [error, setError] = useState<Error | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [load, reload] = useLoad(`track-records:${props.revision}`, () =>
    api.get<OffsetPage<TrackRecord>>('/api/sources/track-records', { limit: 50 }),
  );

  async function apply(r: TrackRecord) {
    setError(null);
    setStatus('');
    setBusy(r.source.id);
    try {
      const { source } = await api.post<{ source: Source; change: GradeChange }>(
        `/api/sources/${encodeURIComponent(r.source.id)}/grade`,
        { grade: r.suggestion.suggested },
      );
      props.onGraded(source);
      setStatus(w.fill(t.applied, { name: source.name, grade: source.reliability }));
      reload();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="track-records" aria-labelledby="track-records-title">
      <h2 id="track-records-title">{t.title}</h2>
      <p class="hint">{t.intro}</p>
      {!canEdit && <p class="hint">{t.viewerNote}</p>}
      <ErrorNotice error={error} />
      <p class="sr-status" role="status" data-testid="grade-status">
        {status}
      </p>
      <Loaded load={load} retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted empty">{t.none}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.source}</th>
                    <th scope="col">{t.claims}</th>
                    <th scope="col">{t.confirmed}</th>
                    <th scope="col">{t.contradicted}</th>
                    <th scope="col">{t.open}</th>
                    <th scope="col">{t.first}</th>
                    <th scope="col">{t.current}</th>
                    <th scope="col">{t.suggested}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.source.id} data-testid="track-record" data-source={r.source.id}>
                      <td>
                        {r.source.name}
                        {!r.source.registered && <span class="muted"> ({t.bareOutlet})</span>}
                      </td>
                      <td>{r.record.claims}</td>
                      <td>{r.record.confirmed}</td>
                      <td>{r.record.contradicted}</td>
                      <td>{r.record.open}</td>
                      <td>
                        {r.record.lead.first} / {r.record.lead.compared}
                      </td>
                      <td data-testid="current-grade">{w.reliability(r.source.reliability)}</td>
                      <td>
                        <strong data-testid="suggested-grade">
                          {w.reliability(r.suggestion.suggested)}
                        </strong>
                        {!r.suggestion.change && <span class="muted"> ({t.same})</span>}
                        <ul class="reasons" data-testid="grade-reasons">
                          {r.suggestion.reasonMessages.map((reason, i) => (
                            <li key={i}>{w.message(reason)}</li>
                          ))}
                        </ul>
                        {canEdit && r.source.registered && r.suggestion.change && (
                          <button
                            type="button"
                            data-testid="apply-grade"
                            disabled={busy !== null}
                            onClick={() => void apply(r)}
                          >
                            {w.fill(t.apply, { grade: r.suggestion.suggested })}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
