/**
 * An actor: its events by type and by partner, month by month (a table a person can read and a
 * screen reader can walk), each count a link to the events behind it.
 */
import type { Actor } from '../api-types.js';
import { Loaded } from '../components/status.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export function ActorPage({ code, query }: { code: string; query: URLSearchParams }) {
  const { api } = useSession();
  const since = query.get('since') ?? undefined;
  const until = query.get('until') ?? undefined;
  const [load] = useLoad(`actor:${code}:${since ?? ''}:${until ?? ''}`, () =>
    api.get<Actor>(`/api/actors/${encodeURIComponent(code)}`, { since, until }),
  );
  return (
    <Loaded load={load}>
      {(a) => <ActorView a={a} range={{ since, until }} partner={query.get('partner')} />}
    </Loaded>
  );
}

interface Range {
  readonly since: string | undefined;
  readonly until: string | undefined;
}

function ActorView({ a, range, partner }: { a: Actor; range: Range; partner: string | null }) {
  const months = [...new Set(a.periods.map((p) => p.month))].sort();
  const events = (extra: Record<string, string | undefined>) =>
    href('events', { actor: a.code, ...range, ...extra });
  return (
    <>
      <p class="crumbs">
        <a href="#/">Overview</a> › <a href="#/events">Events</a> › Actor
      </p>
      <h1 data-testid="actor-title">{a.code}</h1>
      <p class="lead">
        <a href={events({})}>
          {a.events} event{a.events === 1 ? '' : 's'}
        </a>
        {months.length > 0 && ` from ${months[0]} to ${months[months.length - 1]}`}
        {range.since || range.until
          ? ` (filtered: ${range.since ?? '…'} – ${range.until ?? '…'})`
          : ''}{' '}
        · <a href={href('documents', { actor: a.code })}>documents naming {a.code}</a>
      </p>
      <div class="columns">
        <section aria-labelledby="by-type-h">
          <h2 id="by-type-h">By event type</h2>
          <ul data-testid="actor-types">
            {a.byType.map((t) => (
              <li key={t.type}>
                <a href={events({ type: t.type })}>{t.type}</a> {t.events}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-partner-h">
          <h2 id="by-partner-h">By partner</h2>
          <ul data-testid="actor-partners">
            {a.byPartner.map((p) => (
              <li key={p.partner ?? '-'} class={p.partner && p.partner === partner ? 'picked' : ''}>
                {p.partner ? (
                  <>
                    <a href={href('actors', p.partner)}>{p.partner}</a>{' '}
                    <a href={events({ partner: p.partner })}>{p.events} together</a>
                  </>
                ) : (
                  <>with no other actor: {p.events}</>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="over-time-h">
        <h2 id="over-time-h">Over time</h2>
        <OverTime a={a} months={months} keyOf={(p) => p.type} label="Type" />
        <OverTime a={a} months={months} keyOf={(p) => p.partner ?? 'alone'} label="Partner" />
      </section>
    </>
  );
}

/** One row per type (or partner), one column per month, the count of events in each cell. */
function OverTime({
  a,
  months,
  keyOf,
  label,
}: {
  a: Actor;
  months: readonly string[];
  keyOf: (p: Actor['periods'][number]) => string;
  label: string;
}) {
  const cells = new Map<string, number>();
  for (const p of a.periods) {
    const k = `${keyOf(p)}|${p.month}`;
    cells.set(k, (cells.get(k) ?? 0) + p.events);
  }
  const rows = [...new Set(a.periods.map(keyOf))].sort();
  const max = Math.max(1, ...cells.values());
  return (
    <div class="table-wrap">
      <table class="compact heat" data-testid={`actor-${label.toLowerCase()}-months`}>
        <caption>Events by {label.toLowerCase()} and month</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            {months.map((m) => (
              <th scope="col" key={m}>
                {m}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {months.map((m) => {
                const n = cells.get(`${r}|${m}`) ?? 0;
                return (
                  <td
                    key={m}
                    style={
                      n ? { background: `rgba(49,130,189,${0.15 + (0.6 * n) / max})` } : undefined
                    }
                  >
                    {n || ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
