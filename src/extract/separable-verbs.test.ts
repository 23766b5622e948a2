import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VigieError } from '../domain/errors.js';
import { defaultLexicons, loadLexicons } from '../lexicon/load-lexicons.js';
import { LanguageLexiconSchema } from '../lexicon/lexicon-schema.js';
import { checkSeparableVerbs, joinedForms } from '../lexicon/separable-verbs.js';
import { scanSentence } from './scan-sentence.js';
import { clauseFinalParticle } from './separable-verbs.js';

const ENDS = new Set(['und', 'oder']);

/** Where the particle was found, as text, or null. */
function particleIn(text: string, after: string, particle: string): string | null {
  const norm = text.toLowerCase();
  const at = clauseFinalParticle(norm, norm.indexOf(after) + after.length, particle, ENDS);
  return at === null ? null : `${at.start}:${text.slice(at.start, at.end)}`;
}

describe('clauseFinalParticle', () => {
  it('finds the particle that ends the clause: sentence end, comma or conjunction', () => {
    const a = 'Russland setzt Truppen in Kursk ein.';
    expect(particleIn(a, 'setzt', 'ein')).toBe(`${a.indexOf(' ein') + 1}:ein`);
    const b = 'Russland setzt Truppen ein, die aus Nordkorea kommen.';
    expect(particleIn(b, 'setzt', 'ein')).toBe(`${b.indexOf(' ein') + 1}:ein`);
    const c = 'Pjöngjang schickt Soldaten ab und Moskau zahlt.';
    expect(particleIn(c, 'schickt', 'ab')).toBe(`${c.indexOf(' ab') + 1}:ab`);
  });

  it('reads past an ordinal period and a number inside the clause', () => {
    const t = 'Nordkorea feuerte am 13. Oktober 1.000 Granaten ab.';
    expect(particleIn(t, 'feuerte', 'ab')).toBe(`${t.indexOf(' ab') + 1}:ab`);
  });

  it('takes no preposition before its noun, no particle of the next clause, no hyphenated word', () => {
    expect(particleIn('Nordkorea schickt Soldaten an die Front.', 'schickt', 'an')).toBeNull();
    expect(particleIn('Kim traf Putin, als die Soldaten ein.', 'traf', 'ein')).toBeNull();
    expect(particleIn('Russland setzt Ein-Mann-Drohnen.', 'setzt', 'ein')).toBeNull();
  });
});

describe('separable verbs in the lexicon', () => {
  it('joins particle, infix and stem, and particle and participle', () => {
    const verb = { particle: 'ein', stems: ['setz*'], participles: ['gesetzt'], trigger: 'x' };
    expect(joinedForms(verb, { infix: 'zu', clauseEnds: [] })).toEqual([
      'einsetz*',
      'einzusetz*',
      'eingesetzt',
    ]);
    expect(joinedForms(verb, undefined)).toEqual(['einsetz*', 'eingesetzt']);
  });

  it('rejects a verb that names both a trigger and a cue, or a trigger that does not exist', () => {
    const base = { lang: 'de', name: 'x', wordBoundaries: true, wordOrder: 'v2' };
    const both = { particle: 'an', stems: ['kündig*'], trigger: 't', cue: 'plan' };
    expect(LanguageLexiconSchema.safeParse({ ...base, separableVerbs: [both] }).success).toBe(
      false,
    );
    const lexicon = LanguageLexiconSchema.parse({
      ...base,
      triggers: [{ id: 'employ', type: 'ATTACK' }],
      separableVerbs: [{ particle: 'ein', stems: ['setz*'], trigger: 'use' }],
    });
    expect(() => checkSeparableVerbs(lexicon, 'de.yaml')).toThrow(/names trigger "use"/);
    const bare = LanguageLexiconSchema.parse({ ...base, triggers: [{ id: 't', type: 'ATTACK' }] });
    expect(() => checkSeparableVerbs(bare, 'de.yaml')).toThrow(VigieError);
  });

  it('finds a split verb of another language from data alone (a Dutch-like lexicon)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-sep-'));
    mkdirSync(join(dir, 'lexicons'));
    mkdirSync(join(dir, 'gazetteer'));
    writeFileSync(
      join(dir, 'lexicons', 'nl.yaml'),
      [
        'lang: nl',
        'name: Nederlands',
        'wordBoundaries: true',
        'wordOrder: v2',
        'classes: { troops: [troepen, soldaten] }',
        'triggers:',
        '  - { id: deploy, frames: [{ class: troops, type: TROOP_DEPLOYMENT }] }',
        'separable: { clauseEnds: [en] }',
        'separableVerbs:',
        '  - { particle: in, stems: [zet, zette*], participles: [gezet], trigger: deploy }',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'gazetteer', 'g.yaml'), 'entries: []\n');
    const nl = loadLexicons(dir).get('nl');
    const split = scanSentence('Rusland zet troepen uit het noorden in.', nl);
    expect(split.triggers.map((t) => [t.value.entry.id, t.value.particle !== undefined])).toEqual([
      ['deploy', true],
    ]);
    expect(scanSentence('Rusland heeft troepen ingezet.', nl).triggers).toHaveLength(1);
    expect(scanSentence('Rusland zet troepen in Koersk.', nl).triggers).toHaveLength(0);
  });
});

describe('split verbs in a German sentence', () => {
  const de = defaultLexicons().get('de');

  it('replaces what the stem alone matched: "trafen … ein" arrive, they meet no one', () => {
    const facts = scanSentence('Die Soldaten trafen am Montag in Wladiwostok ein.', de);
    expect(facts.triggers.map((t) => t.value.entry.id)).toEqual(['deploy']);
  });

  it('takes the speech verb out of "sagte … zu" (a promise)', () => {
    const facts = scanSentence('Nordkorea sagte Russland weitere Soldaten zu.', de);
    expect(facts.markers.speech).toHaveLength(0);
    expect(facts.triggers.map((t) => t.value.entry.id)).toEqual(['pledge']);
  });
});
