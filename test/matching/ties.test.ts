/**
 * Tie-heavy registers (most mentees alike, few distinct scores): the solver groups identical
 * mentees into classes, reaches twin mentors through hubs (segments of them where a mentee was
 * paired with one before) and orients each connected part on its own. Whatever it does, the
 * optimum (matched count, then total score) must be munkres-js's.
 */
import fc from 'fast-check';
import { exactTotal, munkresOptimum, tiedInstance } from '../../scripts/bench/matching';
import { buildCandidates } from '../../src/core/matching/candidates';
import { assignOptimal } from '../../src/core/matching/assign';
import { Scorer } from '../../src/core/matching/score';
import { resolveWeights, type MatchInput } from '../../src/core/matching/types';
import type { Pair } from '../../src/core/registers/schemas';

const solve = (inst: MatchInput) => assignOptimal(buildCandidates(inst), new Scorer(buildCandidates(inst), resolveWeights(inst.weights)), inst.solver);

/** A small tied register; some mentees want the scarce «студент – ученик», some pairs ended (blocked). */
function smallTied(nE: number, nM: number, seed: number, cap: number, scarce: number, ended: number): MatchInput {
  const inst = tiedInstance(nE, nM, seed);
  inst.mentors = inst.mentors.map((m, k) => ({ ...m, capacity: ((k + cap) % 3) + 1 }));
  inst.mentees = inst.mentees.map((e, k) => (k < scarce ? { ...e, form: 'студент – ученик' } : e));
  const pairs: Pair[] = [];
  for (let k = 0; k < ended; k++) {
    const m = inst.mentors[(k * 7 + seed) % nM];
    const e = inst.mentees[(k * 5 + seed) % nE];
    pairs.push({ id: `П-${k + 1}`, mentor: m.id, mentees: [e.id], form: m.forms?.[0], status: 'завершена' } as Pair);
  }
  inst.pairs = pairs;
  return inst;
}

describe('tie-heavy registers: the same optimum as munkres-js', () => {
  test('random small tied registers (classes, hubs, blocked pairs, scarce forms), tight and default pruning', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (nE, nM, seed, cap, scarce, ended, tight) => {
          const inst = smallTied(nE, nM, seed, cap, Math.min(scarce, nE), ended);
          if (tight) inst.solver = { menteeTopK: 4, mentorSlack: 0 };
          const a = exactTotal(inst);
          const b = munkresOptimum(inst);
          expect(a.certified).toBe(true);
          expect(a.matched).toBe(b.matched);
          expect(Math.round(a.total * 1e4)).toBe(Math.round(b.total * 1e4));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a part where places are scarce and a part where mentees are scarce are solved each from its smaller side', () => {
    // 8 pupils for «студент – ученик» with 2 student places, 3 pupils for «ученик – ученик» with 6 places.
    const inst = tiedInstance(11, 5, 3);
    inst.mentors = inst.mentors.map((m, k) =>
      k < 2 ? { ...m, category: 'студент', forms: ['студент – ученик'], position: undefined, capacity: 1 } : { ...m, category: 'обучающийся', forms: ['ученик – ученик'], position: '10А', capacity: 2 },
    );
    inst.mentees = inst.mentees.map((e, k) => ({ ...e, form: k < 8 ? 'студент – ученик' : 'ученик – ученик' }));
    const res = solve(inst);
    expect(res.stats.orientation).toBe('mixed');
    expect(res.stats.certified).toBe(true);
    const b = munkresOptimum(inst);
    expect(res.pairs.length).toBe(b.matched);
    expect(res.pairs.length).toBe(5);
    expect(Math.round(res.pairs.reduce((s, p) => s + p.q, 0))).toBe(Math.round(b.total * 1e4));
  });

  test('identical mentees become one class: a large tied register needs no certificate round and stays exact', () => {
    const inst = tiedInstance(150, 50, 5);
    const res = solve(inst);
    expect(res.stats.certified).toBe(true);
    expect(res.stats.rounds).toBe(0);
    // Far fewer arcs than candidate pairs: classes reach mentors through hubs.
    expect(res.stats.prunedEdges).toBeLessThan(res.stats.candidateEdges / 10);
    const b = munkresOptimum(inst);
    expect(res.pairs.length).toBe(b.matched);
    expect(res.pairs.reduce((s, p) => s + p.q, 0)).toBe(Math.round(b.total * 1e4));
  });

  test('deterministic: the same register gives the same pairs', () => {
    const key = (inst: MatchInput) =>
      solve(inst)
        .pairs.map((p) => `${p.mentee}-${p.mentor}-${p.rule}-${p.q}`)
        .sort()
        .join(',');
    expect(key(tiedInstance(200, 60, 9))).toBe(key(tiedInstance(200, 60, 9)));
  });

  test('a mentee is never given a mentor it was paired with, though alike mentees reach that mentor through a hub', () => {
    const inst = tiedInstance(60, 20, 4);
    // Even mentees were once paired with mentor 0 (ended); odd ones, alike otherwise, were not.
    const blocked = inst.mentees.map((_, k) => k).filter((k) => k % 2 === 0);
    inst.pairs = blocked.map((k) => ({ id: `П-${k}`, mentor: inst.mentors[0].id, mentees: [inst.mentees[k].id], form: inst.mentors[0].forms?.[0], status: 'завершена' }) as Pair);
    const res = solve(inst);
    // Exact through hubs: no certificate round was needed.
    expect(res.stats.rounds).toBe(0);
    expect(res.pairs.filter((p) => p.mentor === 0).length).toBeGreaterThan(0);
    expect(res.pairs.some((p) => p.mentor === 0 && p.mentee % 2 === 0)).toBe(false);
    const b = munkresOptimum(inst);
    expect([res.pairs.length, res.pairs.reduce((s, p) => s + p.q, 0)]).toEqual([b.matched, Math.round(b.total * 1e4)]);
  });
});
