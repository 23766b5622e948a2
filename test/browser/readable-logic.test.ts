/**
 * Pure logic behind the readable dashboard: the network's force layout and edge kinds, the map's
 * flows, the labels in both languages, the axis ticks and the change wording.
 */
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, EVENT_TYPES, MODALITIES } from '../../src/domain/ontology.js';
import { relabel } from '../../web/src/alert-title.js';
import { monthTicks } from '../../web/src/axis-ticks.js';
import { kindedPairs } from '../../web/src/edge-kinds.js';
import { flowsOf } from '../../web/src/flows.js';
import { forceLayout } from '../../web/src/force-layout.js';
import { pctPair, points } from '../../web/src/format.js';
import { fill, wordsFor } from '../../web/src/i18n/i18n.js';
import { en } from '../../web/src/i18n/labels-en.js';
import { fr } from '../../web/src/i18n/labels-fr.js';

const ev = (type: string, source: string, target: string | null, modality = 'ASSERTED', s = 1) => ({
  type,
  source,
  target,
  modality,
  independentSources: s,
});

describe('kindedPairs', () => {
  it('splits a pair into asserted, hedged and denied instead of calling a denial cooperation', () => {
    const [pair] = kindedPairs([
      ev('ARMS_TRANSFER', 'RUS', 'UKR', 'NEGATED'),
      ev('ARMS_TRANSFER', 'RUS', 'UKR', 'NEGATED'),
      ev('TECH_TRANSFER', 'UKR', 'RUS', 'HYPOTHETICAL'),
      ev('ATTACK', 'RUS', 'UKR'),
    ]);
    expect(pair).toMatchObject({ a: 'RUS', b: 'UKR', events: 4 });
    expect(pair!.kinds).toEqual({ asserted: 1, hedged: 1, denied: 2 });
    expect(pair!.types[0]).toEqual(['ARMS_TRANSFER', 2]);
  });
});

describe('forceLayout', () => {
  const nodes = ['CHN', 'JPN', 'KOR', 'PRK', 'RUS', 'UKR', 'USA'];
  const edges = [
    { a: 'PRK', b: 'RUS', weight: 5 },
    { a: 'PRK', b: 'KOR', weight: 2 },
    { a: 'PRK', b: 'USA', weight: 2 },
    { a: 'RUS', b: 'UKR', weight: 4 },
    { a: 'CHN', b: 'RUS', weight: 1 },
    { a: 'JPN', b: 'PRK', weight: 1 },
  ];
  const options = { width: 480, height: 360, padX: 70, padY: 28, minGap: 56 };

  it('keeps every node inside the padded box, apart from the others, the same every time', () => {
    const a = forceLayout(nodes, edges, options);
    const b = forceLayout(nodes, edges, options);
    expect([...a]).toEqual([...b]);
    const points = [...a.values()];
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(70);
      expect(p.x).toBeLessThanOrEqual(410);
      expect(p.y).toBeGreaterThanOrEqual(28);
      expect(p.y).toBeLessThanOrEqual(332);
    }
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        expect(
          Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y),
        ).toBeGreaterThan(40);
  });

  it('puts linked nodes nearer than unlinked ones', () => {
    const pos = forceLayout(nodes, edges, options);
    const d = (x: string, y: string) =>
      Math.hypot(pos.get(x)!.x - pos.get(y)!.x, pos.get(x)!.y - pos.get(y)!.y);
    expect(d('PRK', 'RUS')).toBeLessThan(d('UKR', 'JPN'));
    expect(d('RUS', 'UKR')).toBeLessThan(d('UKR', 'KOR'));
  });

  it('centres a single node', () => {
    expect(forceLayout(['PRK'], [], options).get('PRK')).toEqual({ x: 240, y: 180 });
  });
});

describe('flowsOf', () => {
  it('keeps transfers and deployments between states, weighted by independent sources', () => {
    const flows = flowsOf(
      [
        ev('ARMS_TRANSFER', 'PRK', 'RUS', 'ASSERTED', 3),
        ev('TECH_TRANSFER', 'PRK', 'RUS', 'HEDGED', 2),
        ev('TROOP_DEPLOYMENT', 'PRK', 'RUS', 'ASSERTED', 4),
        ev('ARMS_TRANSFER', 'RUS', 'PRK', 'NEGATED', 5),
        ev('ARMS_TRANSFER', 'UN', 'PRK', 'ASSERTED', 5),
        ev('MEETING', 'PRK', 'RUS', 'ASSERTED', 9),
      ],
      (code) => code.length === 3,
    );
    expect(flows).toEqual([
      { from: 'PRK', to: 'RUS', kind: 'transfer', events: 2, sources: 5 },
      { from: 'PRK', to: 'RUS', kind: 'deployment', events: 1, sources: 4 },
    ]);
  });
});

describe('labels', () => {
  it('names every ontology code in English and French', () => {
    for (const table of [en, fr]) {
      for (const t of EVENT_TYPES) expect(table.eventType[t], t).toMatch(/\S/);
      for (const m of MODALITIES) expect(table.modality[m], m).toMatch(/\S/);
      for (const c of CAPABILITIES) expect(table.capability[c], c).toMatch(/\S/);
    }
  });

  it('gives credibility its Admiralty words, and actors their names and flags', () => {
    const w = wordsFor('en');
    expect(w.credibility(2)).toBe('2 — probably true');
    expect(wordsFor('fr').credibility(2)).toBe('2 — probablement vraie');
    expect(w.type('TECH_TRANSFER')).toBe('Technology transfer');
    expect(w.actor('PRK')).toBe('🇰🇵 North Korea');
    expect(wordsFor('fr').actor('PRK')).toBe('🇰🇵 Corée du Nord');
    expect(w.actor('IAEA')).toBe('IAEA');
    expect(w.pair('RUS', 'PRK')).toBe('🇷🇺 Russia → 🇰🇵 North Korea');
    expect(w.language('ko')).toBe('Korean');
    expect(fill('{a} to {b}', { a: 1, b: 'x' })).toBe('1 to x');
    expect(relabel('First ARMS_TRANSFER RUS → PRK (AIR_DEFENSE), DPRK test', w)).toBe(
      'First Arms transfer 🇷🇺 Russia → 🇰🇵 North Korea (air defence), DPRK test',
    );
    // Event signatures of story reasons, in words in either language; unknown codes kept.
    expect(relabel('event MISSILE_TEST/PRK/-; events ARMS_TRANSFER/RUS/PRK, NOPE/PRK/-', w)).toBe(
      'event Missile test 🇰🇵 North Korea; events Arms transfer 🇷🇺 Russia → 🇰🇵 North Korea, NOPE/🇰🇵 North Korea/-',
    );
    expect(relabel('événement MEETING/-/-', wordsFor('fr'))).toBe('événement Rencontre');
  });
});

describe('wording of changes and axes', () => {
  it('never reads "+0 pts" or "from 8% to 8%" for a real move', () => {
    expect(points(0.082, 0.084)).toBe('+0.2 pts');
    expect(points(0.41, 0.62)).toBe('+21 pts');
    expect(pctPair(0.082, 0.084)).toEqual(['8.2%', '8.4%']);
    expect(pctPair(0.2, 0.41)).toEqual(['20%', '41%']);
  });

  it('labels a 14-month trail with months and years', () => {
    const ticks = monthTicks(Date.UTC(2024, 0, 15), Date.UTC(2025, 2, 10), 8, 'en');
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]!.label).toMatch(/2024/);
    expect(ticks[ticks.length - 1]!.label).toMatch(/2025/);
  });
});
