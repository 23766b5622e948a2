import { describe, expect, it } from 'vitest';
import { assessClaim, buildTrackRecord, type ClaimInput } from './track-record.js';

const claim = (over: Partial<ClaimInput> = {}): ClaimInput => ({
  eventId: 'ev-1',
  eventType: 'TROOP_DEPLOYMENT',
  firstReported: '2024-10-18T06:00:00Z',
  otherOrigins: [],
  resolutions: [],
  ...over,
});

describe('assessClaim', () => {
  it('is confirmed by a hypothesis it supports resolving true after the report', () => {
    const o = assessClaim(
      claim({ resolutions: [{ hypothesisId: 'b/h', outcome: true, date: '2025-04-26' }] }),
    );
    expect(o).toMatchObject({ status: 'confirmed', by: 'resolution', hypothesisId: 'b/h' });
  });

  it('is contradicted when every question it bears on resolved false', () => {
    const o = assessClaim(
      claim({
        resolutions: [{ hypothesisId: 'b/h', outcome: false, date: '2024-12-01' }],
        otherOrigins: [{ firstPublished: '2024-10-19T00:00:00Z', firm: true }],
      }),
    );
    expect(o).toMatchObject({ status: 'contradicted', by: 'resolution' });
  });

  it('lets a true resolution win over a false one', () => {
    const o = assessClaim(
      claim({
        resolutions: [
          { hypothesisId: 'b/no', outcome: false, date: '2024-12-01' },
          { hypothesisId: 'b/yes', outcome: true, date: '2024-12-02' },
        ],
      }),
    );
    expect(o).toMatchObject({ status: 'confirmed', hypothesisId: 'b/yes' });
  });

  it('does not count a report made after the question was settled', () => {
    const o = assessClaim(
      claim({
        firstReported: '2025-05-01T00:00:00Z',
        resolutions: [{ hypothesisId: 'b/h', outcome: true, date: '2025-04-26' }],
        otherOrigins: [{ firstPublished: '2025-04-26T00:00:00Z', firm: true }],
      }),
    );
    expect(o.status).toBe('late');
  });

  it('counts a report on the resolution day', () => {
    const o = assessClaim(
      claim({
        firstReported: '2025-04-26T20:00:00Z',
        resolutions: [{ hypothesisId: 'b/h', outcome: true, date: '2025-04-26' }],
      }),
    );
    expect(o.status).toBe('confirmed');
  });

  it('is corroborated by a firm independent origin, not by a hedged one', () => {
    expect(
      assessClaim(claim({ otherOrigins: [{ firstPublished: null, firm: false }] })).status,
    ).toBe('open');
    expect(
      assessClaim(claim({ otherOrigins: [{ firstPublished: null, firm: true }] })),
    ).toMatchObject({ status: 'confirmed', by: 'corroboration' });
  });

  it('measures the lead against the first other origin', () => {
    const o = assessClaim(
      claim({
        otherOrigins: [
          { firstPublished: '2024-10-21T06:00:00Z', firm: true },
          { firstPublished: '2024-10-19T18:00:00Z', firm: false },
        ],
      }),
    );
    expect(o.leadDays).toBe(1.5);
    expect(assessClaim(claim()).leadDays).toBeNull();
  });
});

describe('buildTrackRecord', () => {
  it('counts each status and the lead over the counted claims', () => {
    const r = buildTrackRecord([
      claim({
        eventId: 'a',
        resolutions: [{ hypothesisId: 'b/h', outcome: true, date: '2025-01-01' }],
        otherOrigins: [{ firstPublished: '2024-10-20T06:00:00Z', firm: true }],
      }),
      claim({
        eventId: 'b',
        otherOrigins: [{ firstPublished: '2024-10-17T06:00:00Z', firm: true }],
      }),
      claim({
        eventId: 'c',
        resolutions: [{ hypothesisId: 'b/x', outcome: false, date: '2025-01-01' }],
      }),
      claim({ eventId: 'd' }),
      claim({
        eventId: 'e',
        firstReported: '2025-02-01T00:00:00Z',
        resolutions: [{ hypothesisId: 'b/h', outcome: true, date: '2025-01-01' }],
        otherOrigins: [{ firstPublished: '2024-01-01T00:00:00Z', firm: true }],
      }),
    ]);
    expect(r).toMatchObject({
      claims: 4,
      confirmed: 2,
      confirmedByResolution: 1,
      confirmedByCorroboration: 1,
      contradicted: 1,
      open: 1,
      late: 1,
      lead: { compared: 2, first: 1, medianDays: 0.5 },
    });
    expect(r.outcomes.map((o) => o.status)).toEqual([
      'confirmed',
      'confirmed',
      'contradicted',
      'open',
      'late',
    ]);
  });

  it('is empty without claims', () => {
    expect(buildTrackRecord([])).toMatchObject({
      claims: 0,
      confirmed: 0,
      lead: { compared: 0, first: 0, medianDays: null },
    });
  });
});
