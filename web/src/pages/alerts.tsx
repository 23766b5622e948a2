/** The alerts inbox: open or all, and acknowledgement for analysts. */
import { useState } from 'preact/hooks';
import type { Alert, OffsetPage } from '../api-types.js';
import { ErrorNotice, Loaded } from '../components/status.js';
import { dateTime } from '../format.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { alertTarget, whenText } from './overview.js';

export function AlertsPage() {
  const { api, canEdit } = useSession();
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
      <h1>Alerts</h1>
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
          Show acknowledged alerts too
        </label>
        <button type="button" class="secondary small" onClick={reload}>
          Refresh
        </button>
      </div>
      {!canEdit && (
        <p class="hint" data-testid="viewer-note">
          You are signed in as a viewer: acknowledging alerts needs the analyst role.
        </p>
      )}
      <ErrorNotice error={error} />
      <Loaded load={load}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted">No {showAll ? '' : 'open '}alerts.</p>
          ) : (
            <ul class="inbox">
              {page.items.map((item) => {
                const a = done[item.id] ?? item;
                const to = alertTarget(a);
                return (
                  <li key={a.id} class={a.acknowledgedAt ? 'acked' : ''} data-testid="alert">
                    <div>
                      <span class="kind">{a.kind}</span>{' '}
                      {to ? <a href={to}>{a.title}</a> : <strong>{a.title}</strong>}
                      <div class="muted">
                        {whenText(a)} · rule {a.ruleId}
                        {a.acknowledgedAt &&
                          ` · acknowledged ${dateTime(a.acknowledgedAt)} by ${a.acknowledgedBy ?? '?'}`}
                      </div>
                    </div>
                    {!a.acknowledgedAt && (
                      <button
                        type="button"
                        class="small"
                        aria-disabled={canEdit ? undefined : 'true'}
                        title={canEdit ? undefined : 'Needs the analyst role'}
                        data-testid="ack"
                        onClick={() => void ack(a)}
                      >
                        Acknowledge
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
