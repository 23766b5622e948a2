/** Correction routes: roles, validation, audit and revocation over the seeded store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(() => h.close());

const MENTION = 'doc-ko-1#0';
const path = (id: string) => `/api/mentions/${encodeURIComponent(id)}/corrections`;
const count = async () =>
  Number(
    (
      await h.store.db
        .selectFrom('corrections')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const modality = async (id: string) =>
  (
    await h.store.db
      .selectFrom('mentions')
      .select('modality')
      .where('id', '=', id)
      .executeTakeFirst()
  )?.modality;

describe('correction routes', () => {
  it('a viewer may read but not correct: 403 and nothing changes', async () => {
    const res = await h.as('viewer', {
      method: 'POST',
      url: path(MENTION),
      payload: { modality: 'HEDGED' },
    });
    expect(res.statusCode).toBe(403);
    expect(await count()).toBe(0);
    expect(await modality(MENTION)).toBe('ASSERTED');
    const read = await h.as('viewer', { url: path(MENTION) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ items: [] });
  });

  it('refuses bad bodies with a clear message and stores nothing', async () => {
    for (const payload of [
      { modality: 'PROBABLY' },
      {},
      { reject: true, modality: 'HEDGED' },
      { source: 'North Korea' },
      { date: '2024-13' },
      { modality: 'HEDGED', extra: 1 },
    ]) {
      const res = await h.as('analyst', { method: 'POST', url: path(MENTION), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const nothing = await h.as('analyst', {
      method: 'POST',
      url: path(MENTION),
      payload: { modality: 'ASSERTED' },
    });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.message).toContain('changes nothing');
    const unknown = await h.as('analyst', {
      method: 'POST',
      url: path('doc-ko-1#99'),
      payload: { modality: 'HEDGED' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(await count()).toBe(0);
  });

  it('an analyst corrects, the correction is audited and listed; revoking restores the mention', async () => {
    const res = await h.as('analyst', {
      method: 'POST',
      url: path(MENTION),
      payload: { modality: 'HEDGED', note: 'reported, not confirmed' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.correction).toMatchObject({
      mentionId: MENTION,
      documentId: 'doc-ko-1',
      action: 'amend',
      before: { modality: 'ASSERTED' },
      after: { modality: 'HEDGED' },
      note: 'reported, not confirmed',
      createdBy: 'analyst-user',
      createdAt: '2024-11-15T00:00:00.000Z',
    });
    expect(body.mentionId).toBe(MENTION);
    expect(body.eventId).not.toBeNull();
    expect(await modality(MENTION)).toBe('HEDGED');
    const doc = await h.as('viewer', { url: '/api/documents/doc-ko-1' });
    expect(doc.json().mentions.find((m: { id: string }) => m.id === MENTION).modality).toBe(
      'HEDGED',
    );
    const listed = await h.as('viewer', { url: '/api/corrections?documentId=doc-ko-1&live=true' });
    expect(listed.json().items.map((c: { id: string }) => c.id)).toEqual([body.correction.id]);

    const revoke = `/api/corrections/${body.correction.id}/revoke`;
    expect((await h.as('viewer', { method: 'POST', url: revoke, payload: {} })).statusCode).toBe(
      403,
    );
    const revoked = await h.as('analyst', {
      method: 'POST',
      url: revoke,
      payload: { note: 'confirmed by a second source' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().correction).toMatchObject({
      revokedBy: 'analyst-user',
      revokeNote: 'confirmed by a second source',
    });
    expect(await modality(MENTION)).toBe('ASSERTED');
    const again = await h.as('analyst', { method: 'POST', url: revoke, payload: {} });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('was revoked');
    const missing = await h.as('analyst', {
      method: 'POST',
      url: '/api/corrections/cor-none/revoke',
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
  });

  it('a rejected mention leaves its document; its corrections stay readable under its id', async () => {
    const res = await h.as('admin', {
      method: 'POST',
      url: path(MENTION),
      payload: { reject: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().mentionId).toBeNull();
    const doc = await h.as('viewer', { url: '/api/documents/doc-ko-1' });
    expect(doc.json().mentions.map((m: { id: string }) => m.id)).not.toContain(MENTION);
    const history = await h.as('viewer', { url: path(MENTION) });
    expect(history.json().items.map((c: { action: string }) => c.action)).toEqual([
      'amend',
      'reject',
    ]);
  });
});
