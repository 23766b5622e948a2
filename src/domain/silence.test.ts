import { describe, expect, it } from 'vitest';
import { pendingText, silenceText, silentDaysOf } from './silence.js';

describe('silence wording', () => {
  it('labels absence steps as silence, from JSON text or an object', () => {
    expect(silenceText(734)).toBe('silence: no new report for 734 days');
    expect(silenceText(1)).toBe('silence: no new report for 1 day');
    expect(silentDaysOf('{"kind":"absence","silentDays":90}')).toBe(90);
    expect(silentDaysOf({ kind: 'event', silentDays: 3 })).toBeNull();
    expect(silentDaysOf('not json')).toBeNull();
    expect(silentDaysOf(null)).toBeNull();
  });

  it('says how many documents await analysis, and nothing when none do', () => {
    expect(pendingText(0)).toBeNull();
    expect(pendingText(21)).toBe('21 documents not analysed yet: silence may be unread news');
  });
});
