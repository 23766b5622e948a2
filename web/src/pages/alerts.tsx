/** The alerts inbox: open or all, and acknowledgement for analysts. */
import { useState } from 'preact/hooks';
import type { Alert, OffsetPage } from '../api-types.js';
import { ErrorNotice, Loaded } from '../components/status.js';
import { dateTime } from '../format.js';
import { alertTitle } from '../alert-title.js';
import { useWords } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { alertTarget, whenText } from './overview.js';

export function AlertsPage() {
  const { api, canEdit } = useSession();
  const w = useWords();
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<Record<string, Alert>>({});
  const [load, reload] = useLoad(`alerts:${showAll}`, () =>
    api.get<OffsetPage<Alert>>('/api/alerts', {
      limit: 200,
      acknowledged: showAll ? undefined : 'false',
    }),
  );

  async function ack(a: Alert) {
    setError(null);
    try {
      const updated = await api.post<Alert>(`/api/alerts/${encodeURIComponent(a.id)}/ack`);
      setDone((d) => ({ ...d, [a.id]: updated }));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }

  return (
    <>
      <h1>{w.ui.nav.alerts}</h1>
      <div class="toolbar">
        <label>
          <input
            type="checkbox"
            checked={showAll}
            onChange={(e) => {
              setShowAll(e.currentTarget.checked);
              setDone({});
            }}
          />{' '}
          {w.ui.inbox.showAll}
        </label>
        <button type="button" class="secondary small" onClick={reload}>
          {w.ui.inbox.refresh}
        </button>
      </div>
      {!canEdit && (
        <p class="hint" data-testid="viewer-note">
          {w.ui.inbox.viewerNote}
        </p>
      )}
      <ErrorNotice error={error} />
      <Loaded load={load} retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted empty">{showAll ? w.ui.noAlerts : w.ui.noOpenAlerts}</p>
          ) : (
            <ul class="inbox">
              {page.items.map((item) => {
                const a = done[item.id] ?? item;
                const to = alertTarget(a);
                return (
                  <li key={a.id} class={a.acknowledgedAt ? 'acked' : ''} data-testid="alert">
                    <div>
                      <span class="kind">{w.alertKind(a.kind)}</span>{' '}
                      {to ? (
                        <a href={to}>{alertTitle(a, w)}</a>
                      ) : (
                        <strong>{alertTitle(a, w)}</strong>
                      )}
                      <div class="muted">
                        {whenText(a, w)} · {w.fill(w.ui.inbox.rule, { id: a.ruleId })}
                        {a.acknowledgedAt &&
                          w.fill(w.ui.inbox.acknowledged, {
                            when: dateTime(a.acknowledgedAt),
                            who: a.acknowledgedBy ?? '?',
                          })}
                      </div>
                    </div>
                    {!a.acknowledgedAt && (
                      <button
                        type="button"
                        class="small"
                        aria-disabled={canEdit ? undefined : 'true'}
                        title={canEdit ? undefined : w.ui.inbox.needsAnalyst}
                        data-testid="ack"
                        onClick={() => void ack(a)}
                      >
                        {w.ui.inbox.ack}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
