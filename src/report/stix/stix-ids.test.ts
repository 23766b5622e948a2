import { describe, expect, it } from 'vitest';
import { confidenceFromCredibility, stixId, stixTime, uuidV5 } from './stix-ids.js';

describe('uuidV5', () => {
  it('matches the RFC 9562 test vector (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
  it('gives the same id for the same key and different ids for different keys', () => {
    expect(stixId('identity', 'source:a')).toBe(stixId('identity', 'source:a'));
    expect(stixId('identity', 'source:a')).not.toBe(stixId('identity', 'source:b'));
    expect(stixId('report', 'x')).toMatch(/^report--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });
});

describe('stixTime and confidence', () => {
  it('normalises to RFC 3339 with milliseconds', () => {
    expect(stixTime('2024-11-04T09:00:00Z', 'x')).toBe('2024-11-04T09:00:00.000Z');
    expect(stixTime('2024-11', 'x')).toBe('2024-11-01T00:00:00.000Z');
    expect(stixTime(null, 'fallback')).toBe('fallback');
    expect(stixTime('garbage', 'fallback')).toBe('fallback');
  });
  it('maps Admiralty credibility to confidence', () => {
    expect(confidenceFromCredibility(1)).toBe(90);
    expect(confidenceFromCredibility(3)).toBe(50);
    expect(confidenceFromCredibility(6)).toBeUndefined();
  });
});
