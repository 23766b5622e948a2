import { describe, expect, it } from 'vitest';
import { loadGdeltMaps } from './cameo-map.js';
import { GdeltRowError, parseGdeltRow } from './parse-gdelt-row.js';

const maps = loadGdeltMaps();

function v2Line(overrides: Record<number, string> = {}): string {
  const f = new Array<string>(61).fill('');
  Object.assign(
    f,
    {
      0: '1201',
      1: '20241101',
      5: 'RUSGOV',
      6: 'RUSSIA',
      7: 'RUS',
      15: 'PRKMIL',
      17: 'PRK',
      25: '1',
      26: '072',
      27: '072',
      28: '07',
      29: '2',
      30: '7.4',
      31: '12',
      32: '3',
      33: '11',
      34: '-2.5',
      52: 'Pyongyang, North Korea',
      53: 'KN',
      59: '20241101134500',
      60: 'https://news.example/a',
    },
    overrides,
  );
  return f.join('\t');
}

describe('parseGdeltRow', () => {
  it('maps a GDELT 2.0 row: ids, dates, counts, tone, URL, type and actors', () => {
    const row = parseGdeltRow(v2Line(), maps, '2025-01-01T00:00:00.000Z');
    expect(row).toMatchObject({
      id: '1201',
      version: 2,
      day: '2024-11-01',
      date_added: '2024-11-01T13:45:00Z',
      event_code: '072',
      type: 'ARMS_TRANSFER',
      modality: 'ASSERTED',
      capabilities: '|CONVENTIONAL|',
      source_actor: 'RUS',
      target_actor: 'PRK',
      goldstein: 7.4,
      num_mentions: 12,
      num_sources: 3,
      num_articles: 11,
      avg_tone: -2.5,
      source_url: 'https://news.example/a',
      is_root_event: 1,
      action_country: 'KN',
    });
  });

  it('reads the 58- and 57-column GDELT 1.0 layouts', () => {
    const f = new Array<string>(58).fill('');
    Object.assign(f, {
      0: '9',
      1: '20130402',
      7: 'USA',
      17: 'IRN',
      26: '163',
      27: '163',
      28: '16',
      30: '-8',
      31: '4',
      32: '1',
      33: '4',
      34: '-1',
      51: 'IR',
      56: '20130402',
      57: 'http://x.example',
    });
    const withUrl = parseGdeltRow(f.join('\t'), maps, 'now');
    expect(withUrl).toMatchObject({
      version: 1,
      type: 'SANCTION',
      date_added: '2013-04-02',
      action_country: 'IR',
      source_url: 'http://x.example',
      source_actor: 'USA',
      target_actor: 'IRN',
    });
    const without = parseGdeltRow(f.slice(0, 57).join('\t'), maps, 'now');
    expect(without).toMatchObject({ version: 1, source_url: null, type: 'SANCTION' });
  });

  it.each(['-2.0', '7.4', '10', '-0.3333333333', '3.', '.5', '1e1', '+4', '0.1234567890123456'])(
    'reads GoldsteinScale %s as Number() does',
    (value) => {
      expect(parseGdeltRow(v2Line({ 30: value }), maps, 'now').goldstein).toBe(Number(value));
    },
  );

  it('keeps the columns it does not store apart (actor names, tone, place, DATEADDED)', () => {
    const row = parseGdeltRow(v2Line({ 16: 'KIM JONG UN', 52: 'Wŏnsan, North Korea' }), maps, 'x');
    expect(row).toMatchObject({
      actor1_name: 'RUSSIA',
      actor2_name: 'KIM JONG UN',
      actor2_country: 'PRK',
      quad_class: 2,
      event_base_code: '072',
      event_root_code: '07',
      action_place: 'Wŏnsan, North Korea',
      imported_at: 'x',
    });
  });

  it('keeps unmapped codes with a null type', () => {
    expect(parseGdeltRow(v2Line({ 26: '010', 27: '010', 28: '01' }), maps, 'now')).toMatchObject({
      type: null,
      modality: null,
      event_code: '010',
    });
  });

  it.each([
    [v2Line().split('\t').slice(0, 40).join('\t'), /40 columns/],
    [v2Line({ 0: 'x1' }), /GLOBALEVENTID/],
    [v2Line({ 0: '' }), /GLOBALEVENTID/],
    [v2Line({ 0: '1'.repeat(21) }), /GLOBALEVENTID/],
    [v2Line({ 32: '-' }), /NumSources/],
    [v2Line({ 1: '2024-11-01' }), /SQLDATE/],
    [v2Line({ 26: 'abc' }), /EventCode/],
    [v2Line({ 30: 'high' }), /GoldsteinScale/],
    [v2Line({ 31: '2.5' }), /NumMentions/],
    [v2Line({ 34: 'NaN' }), /AvgTone/],
    [v2Line({ 59: '2024' }), /DATEADDED/],
  ])('rejects a bad row with a message naming the column (%#)', (line, message) => {
    expect(() => parseGdeltRow(line, maps, 'now')).toThrow(GdeltRowError);
    expect(() => parseGdeltRow(line, maps, 'now')).toThrow(message);
  });
});
