/**
 * The analyst corrections behind a hypothesis's evidence steps (docs/corrections.md): live
 * corrections of the mentions an event holds, and live rejections of mentions it held. Written
 * into each step's explanation so the audit trail says a step changed because of a correction.
 * @module
 */
import {
  correctionsById,
  rejectionsOfEvents,
  type Correction,
} from '../../store/corrections-repo.js';
import { chunks, type Db } from '../events/event-rows.js';

/** What a step's explanation keeps of a correction. */
export interface StepCorrection {
  readonly id: string;
  readonly mentionId: string;
  readonly documentId: string;
  readonly action: Correction['action'];
  readonly before: Correction['before'];
  readonly after: Correction['after'];
  readonly by: string;
  readonly at: string;
  readonly note: string | null;
}

function toStep(c: Correction): StepCorrection {
  return {
    id: c.id,
    mentionId: c.mentionId,
    documentId: c.documentId,
    action: c.action,
    before: c.before,
    after: c.after,
    by: c.createdBy,
    at: c.createdAt,
    note: c.note,
  };
}

/** Corrections by event id, for the events of these steps (events without any are left out). */
export async function correctionsOfSteps(
  db: Db,
  eventIds: readonly (string | null)[],
): Promise<Map<string, StepCorrection[]>> {
  const ids = [...new Set(eventIds.filter((e): e is string => e !== null))];
  const byEvent = new Map<string, StepCorrection[]>();
  const add = (eventId: string, c: Correction) => {
    const list = byEvent.get(eventId) ?? [];
    if (!list.some((x) => x.id === c.id)) list.push(toStep(c));
    byEvent.set(eventId, list);
  };
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('mentions')
      .select(['event_id', 'correction_id'])
      .where('event_id', 'in', part)
      .where('correction_id', 'is not', null)
      .execute();
    const found = await correctionsById(
      db,
      rows.map((r) => r.correction_id!),
    );
    for (const r of rows) {
      const c = found.get(r.correction_id!);
      if (c) add(r.event_id!, c);
    }
    for (const c of await rejectionsOfEvents(db, part)) add(c.eventId!, c);
  }
  for (const list of byEvent.values()) list.sort((a, b) => (a.at < b.at ? -1 : 1));
  return byEvent;
}
