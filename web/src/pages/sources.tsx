/**
 * Sources and their reliability grades; analysts change a grade in place, or apply the grade a
 * source's track record suggests (the panel below the list).
 */
import { useState } from 'preact/hooks';
import type { OffsetPage, Source } from '../api-types.js';
import { ErrorNotice, Loaded } from '../components/status.js';
import { TrackRecords } from '../components/track-records.js';
import { dateTime } from '../format.js';
import { useWords } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export function SourcesPage() {
  const { api, canEdit } = useSession();
  const w = useWords();
  const st = w.ui.sourceTable;
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<Record<string, Source>>({});
  const [status, setStatus] = useState('');
  const [revision, setRevision] = useState(0);
  const [load, reload] = useLoad('sources', () =>
    api.get<OffsetPage<Source>>('/api/sources', { limit: 500 }),
  );

  async function grade(s: Source, reliability: string, select: HTMLSelectElement) {
    setError(null);
    setStatus('');
    try {
      const updated = await api.patch<Source>(`/api/sources/${encodeURIComponent(s.id)}`, {
        reliability,
      });
      setSaved((m) => ({ ...m, [s.id]: updated }));
      setRevision((r) => r + 1);
      setStatus(`${updated.name}: reliability ${updated.reliability} saved.`);
    } catch (e) {
      select.value = s.reliability;
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }

  return (
    <>
      <h1>{w.ui.nav.sources}</h1>
      {!canEdit && <p class="hint">{w.ui.gradeViewerNote}</p>}
      <ErrorNotice error={error} />
      <p class="sr-status" role="status">
        {status}
      </p>
      <Loaded load={load} retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted empty" data-testid="no-sources">
              {w.ui.noSources}
            </p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{st.source}</th>
                    <th scope="col">{st.kind}</th>
                    <th scope="col">{st.language}</th>
                    <th scope="col">{st.reliability}</th>
                    <th scope="col">{st.lastFetched}</th>
                    <th scope="col">{st.errors}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((item) => {
                    const s = saved[item.id] ?? item;
                    return (
                      <tr key={s.id} data-testid="source-row">
                        <td>
                          {s.name}
                          {!s.enabled && <span class="muted">{st.disabled}</span>}
                        </td>
                        <td>{st.kinds[s.kind] ?? s.kind}</td>
                        <td>{s.lang ? w.language(s.lang) : '—'}</td>
                        <td>
                          <select
                            aria-label={w.fill(st.reliabilityOf, { name: s.name })}
                            aria-disabled={canEdit ? undefined : 'true'}
                            value={s.reliability}
                            onChange={(e) => void grade(s, e.currentTarget.value, e.currentTarget)}
                          >
                            {GRADES.map((g) => (
                              <option key={g} value={g}>
                                {w.reliability(g)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>{dateTime(s.lastFetchedAt)}</td>
                        <td>
                          {s.errorCount}
                          {s.lastError && <span class="muted"> ({s.lastError})</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <TrackRecords revision={revision} onGraded={(s) => setSaved((m) => ({ ...m, [s.id]: s }))} />
    </>
  );
}
