/**
 * An actor: its events by type and by partner, month by month (a table a person can read and a
 * screen reader can walk), each count a link to the events behind it.
 */
import type { Actor } from '../api-types.js';
import { Loaded } from '../components/status.js';
import { useWords } from '../i18n/i18n.js';
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
  const w = useWords();
  const t = w.ui.wb;
  const months = [...new Set(a.periods.map((p) => p.month))].sort();
  const events = (extra: Record<string, string | undefined>) =>
    href('events', { actor: a.code, ...range, ...extra });
  return (
    <>
      <p class="crumbs">
        <a href="#/">{t.crumbOverview}</a> › <a href="#/events">{t.crumbEvents}</a> › {t.crumbActor}
      </p>
      <h1 data-testid="actor-title">{w.actor(a.code)}</h1>
      <p class="lead">
        <a href={events({})}>
          {a.events === 1 ? t.actorEvent : w.fill(t.actorEvents, { n: a.events })}
        </a>
        {months.length > 0 &&
          w.fill(t.fromTo, { from: months[0]!, to: months[months.length - 1]! })}
        {range.since || range.until
          ? w.fill(t.filtered, { since: range.since ?? '…', until: range.until ?? '…' })
          : ''}{' '}
        ·{' '}
        <a href={href('documents', { actor: a.code })}>
          {w.fill(t.documentsNaming, { actor: w.actor(a.code) })}
        </a>
      </p>
      <div class="columns">
        <section aria-labelledby="by-type-h">
          <h2 id="by-type-h">{t.byType}</h2>
          <ul data-testid="actor-types">
            {a.byType.map((t) => (
              <li key={t.type}>
                <a href={events({ type: t.type })}>{w.type(t.type)}</a> {t.events}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-partner-h">
          <h2 id="by-partner-h">{t.byPartner}</h2>
          <ul data-testid="actor-partners">
            {a.byPartner.map((p) => (
              <li key={p.partner ?? '-'} class={p.partner && p.partner === partner ? 'picked' : ''}>
                {p.partner ? (
                  <>
                    <a href={href('actors', p.partner)}>{w.actor(p.partner)}</a>{' '}
                    <a href={events({ partner: p.partner })}>
                      {w.fill(t.together, { n: p.events })}
                    </a>
                  </>
                ) : (
                  <>{w.fill(t.alone, { n: p.events })}</>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="over-time-h">
        <h2 id="over-time-h">{t.overTime}</h2>
        <OverTime
          a={a}
          months={months}
          keyOf={(p) => p.type}
          name={w.type}
          id="type"
          label={t.typeRow}
        />
        <OverTime
          a={a}
          months={months}
          keyOf={(p) => p.partner ?? ''}
          name={(k) => (k ? w.actor(k) : t.aloneRow)}
          id="partner"
          label={t.partnerRow}
        />
      </section>
    </>
  );
}

/** One row per type (or partner), one column per month, the count of events in each cell. */
function OverTime({
  a,
  months,
  keyOf,
  name,
  id,
  label,
}: {
  a: Actor;
  months: readonly string[];
  keyOf: (p: Actor['periods'][number]) => string;
  /** The row's key in words (an event type's label, an actor's name). */
  name: (key: string) => string;
  /** Names the table for tests and links: `type`, `partner`. */
  id: string;
  label: string;
}) {
  const w = useWords();
  const cells = new Map<string, number>();
  for (const p of a.periods) {
    const k = `${keyOf(p)}|${p.month}`;
    cells.set(k, (cells.get(k) ?? 0) + p.events);
  }
  const rows = [...new Set(a.periods.map(keyOf))].sort();
  const max = Math.max(1, ...cells.values());
  return (
    <div class="table-wrap">
      <table class="compact heat" data-testid={`actor-${id}-months`}>
        <caption>{w.fill(w.ui.wb.byMonth, { what: label.toLowerCase() })}</caption>
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
              <th scope="row">{name(r)}</th>
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
