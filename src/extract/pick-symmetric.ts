/**
 * Roles of a symmetric event (meetings, agreements, cooperation): the two participants, from
 * "between X and Y", a compound naming both ("북러", "日米韓"), a list, or the nearest two.
 * @module
 */
import type { CompiledLanguage } from '../lexicon/load-lexicons.js';
import type { RoleChoice } from './assign-roles.js';
import { acrossClause, coordinated, distinctByCode } from './role-facts.js';
import type { ActorHit, Hit, SentenceFacts } from './scan-sentence.js';
import { sortSmall } from '../domain/sort-small.js';

export function pickSymmetric(
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  trigger: Hit<unknown>,
  lang: CompiledLanguage,
): RoleChoice {
  const between = facts.between.find((b) => cands.some((a) => a.start >= b.end));
  if (between !== undefined) {
    const after = distinctByCode(cands.filter((a) => a.start >= between.end));
    if (after.length >= 2)
      return { source: after[0]!, target: after[1]!, rules: ['role.between-x-and-y'] };
  }
  // Prefer participants around the trigger, then the rest of the sentence.
  const ordered = sortSmall(
    [...cands],
    (x, y) => Math.abs(x.start - trigger.start) - Math.abs(y.start - trigger.start),
  );
  // A compound naming the participants ("북러", "日米韓") or a list of them ("Washington, Seoul
  // and Tokyo held drills") gives its first two, in its order (ontology v1.1).
  const groupOf = (a: ActorHit): ActorHit[] =>
    a.ref.parts !== undefined
      ? distinctByCode(cands.filter((x) => x.ref.parts === a.ref.parts))
      : distinctByCode(
          coordinated(a, facts, lang)
            .filter((x) => cands.includes(x))
            .sort((x, y) => x.start - y.start),
        );
  // The nearest name's own list, else the nearest list at all: "Russia and North Korea have
  // boosted their alliance in the course of the Ukraine conflict" is about the two named together.
  // Only lists in the trigger's own clause: "X, Y and Z triggered the mechanism, to put the
  // sanctions back in force" names no parties of the "in force".
  let compound: ActorHit[] = [];
  for (const a of ordered) {
    if (a !== ordered[0] && acrossClause(facts, a.start, trigger.start)) continue;
    compound = groupOf(a);
    if (compound.length >= 2) break;
  }
  const firstTwo = compound.length >= 2 ? compound : distinctByCode(ordered);
  const pair = sortSmall(firstTwo.slice(0, 2), (x, y) => x.start - y.start);
  return {
    source: pair[0] ?? null,
    target: pair[1] ?? null,
    rules: [pair.length === 2 ? 'role.symmetric-pair' : 'role.symmetric-one'],
  };
}
