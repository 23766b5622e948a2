import { describe, expect, it } from 'vitest';
import { loadGdeltMaps } from './cameo-map.js';

const maps = loadGdeltMaps();

describe('CAMEO mapping (data/gdelt/cameo-map.yaml)', () => {
  it.each([
    ['0212', 'REQUEST', 'ASSERTED'],
    ['0332', 'ARMS_TRANSFER', 'PLANNED'],
    ['036', 'MEETING', 'PLANNED'],
    ['042', 'MEETING', 'ASSERTED'],
    ['057', 'AGREEMENT', 'ASSERTED'],
    ['062', 'MILITARY_COOPERATION', 'ASSERTED'],
    ['072', 'ARMS_TRANSFER', 'ASSERTED'],
    ['1041', 'REQUEST', 'ASSERTED'],
    ['112', 'CONCERN', 'ASSERTED'],
    ['129', 'REJECTION', 'ASSERTED'],
    ['1385', 'THREAT', 'ASSERTED'],
    ['154', 'TROOP_DEPLOYMENT', 'ASSERTED'],
    ['163', 'SANCTION', 'ASSERTED'],
    ['183', 'ATTACK', 'ASSERTED'],
    ['1952', 'ATTACK', 'ASSERTED'],
    ['2042', 'ATTACK', 'ASSERTED'],
  ])('%s → %s (%s)', (code, type, modality) => {
    expect(maps.mapEvent(code)).toMatchObject({ type, modality });
  });

  it('prefers the longest matching row', () => {
    expect(maps.mapEvent('1952')).toMatchObject({ rule: '1952', capabilities: '|DRONE|' });
    expect(maps.mapEvent('1951')).toMatchObject({ rule: '195', capabilities: '|AIRCRAFT|' });
    expect(maps.mapEvent('1385').capabilities).toBe('|NUCLEAR_WEAPON|');
  });

  it.each(['010', '051', '061', '073', '085', '141', '151', '173'])(
    'leaves %s unmapped but documented',
    (code) => {
      const m = maps.mapEvent(code);
      expect(m.type).toBeNull();
      expect(m.rule).not.toBeNull();
    },
  );

  it('maps actor codes: ISO pass-through, CAMEO exceptions, regions, organisations', () => {
    expect(maps.mapActor('PRK', '')).toBe('PRK');
    expect(maps.mapActor('ROM', '')).toBe('ROU');
    expect(maps.mapActor('WSB', '')).toBe('PSE');
    expect(maps.mapActor('EUR', '')).toBeNull();
    expect(maps.mapActor('', 'UNO')).toBe('UN');
    expect(maps.mapActor('', 'NAT')).toBe('NATO');
    expect(maps.mapActor('', '')).toBeNull();
  });
});
