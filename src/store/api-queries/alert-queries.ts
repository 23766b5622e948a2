/** Alerts as the API shows them, and acknowledging one. */
import type { Kysely } from 'kysely';
import type { BoardLanguage } from '../../domain/board-wording.js';
import type { AlertRow, Database } from '../schema.js';
import { hypothesisTitlesIn } from './hypothesis-titles.js';

export interface ApiAlert {
  id: string;
  ruleId: string;
  kind: string;
  title: string;
  payload: unknown;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export function toApiAlert(r: AlertRow): ApiAlert {
  let payload: unknown;
  try {
    payload = JSON.parse(r.payload) as unknown;
  } catch {
    payload = { raw: r.payload };
  }
  return {
    id: r.id,
    ruleId: r.rule_id,
    kind: r.kind,
    title: r.title,
    payload,
    createdAt: r.created_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
  };
}

/** A threshold alert's payload names its hypothesis: id and title (as it read when it fired). */
interface ThresholdPayload {
  hypothesisId: string;
  hypothesisTitle: string;
}

function thresholdPayload(a: ApiAlert): ThresholdPayload | null {
  const p = a.payload as Partial<ThresholdPayload> | null;
  return a.kind === 'threshold' &&
    p !== null &&
    typeof p === 'object' &&
    typeof p.hypothesisId === 'string' &&
    typeof p.hypothesisTitle === 'string'
    ? (p as ThresholdPayload)
    : null;
}

/** Threshold alerts' hypothesis titles in `lang` (the dashboard words the alert from them). */
async function wordAlerts(
  db: Kysely<Database>,
  alerts: ApiAlert[],
  lang: BoardLanguage,
): Promise<ApiAlert[]> {
  const payloads = alerts.map(thresholdPayload);
  const titles = await hypothesisTitlesIn(
    db,
    payloads.flatMap((p) => (p ? [p.hypothesisId] : [])),
    lang,
  );
  return alerts.map((a, n) => {
    const p = payloads[n];
    const title = p ? titles.get(p.hypothesisId) : undefined;
    return p && title !== undefined ? { ...a, payload: { ...p, hypothesisTitle: title } } : a;
  });
}

/** Newest first; threshold alerts name their hypothesis in `lang`. */
export async function listApiAlerts(
  db: Kysely<Database>,
  f: { acknowledged?: boolean; kind?: string; ruleId?: string; since?: string },
  page: { limit: number; offset: number },
  lang: BoardLanguage = 'en',
): Promise<{ items: ApiAlert[]; total: number }> {
  let q = db.selectFrom('alerts');
  if (f.acknowledged === true) q = q.where('acknowledged_at', 'is not', null);
  if (f.acknowledged === false) q = q.where('acknowledged_at', 'is', null);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.ruleId) q = q.where('rule_id', '=', f.ruleId);
  if (f.since) q = q.where('created_at', '>=', f.since);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await wordAlerts(db, rows.map(toApiAlert), lang), total: Number(count.n) };
}

/**
 * Marks an alert read by `user`. Acknowledging twice keeps the first acknowledgement.
 * Null when there is no such alert.
 */
export async function acknowledgeApiAlert(
  db: Kysely<Database>,
  id: string,
  user: string,
  now = new Date(),
): Promise<ApiAlert | null> {
  await db
    .updateTable('alerts')
    .set({ acknowledged_at: now.toISOString(), acknowledged_by: user })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .execute();
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toApiAlert(row) : null;
}
