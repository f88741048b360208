import fc from 'fast-check';
import { exactTotal, munkresOptimum, syntheticInstance } from '../../scripts/bench/matching';

describe('the exact solver equals munkres-js on the expanded matrix', () => {
  test('random small instances (up to 8 mentees × 5 mentors, capacities 1–3), tight pruning', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 3 }), (nE, nM, seed, cap) => {
        const inst = syntheticInstance(nE, nM, seed);
        inst.mentors = inst.mentors.map((m, k) => ({ ...m, capacity: ((k + cap) % 3) + 1 }));
        inst.pairs = [];
        inst.solver = { menteeTopK: 4, mentorSlack: 0 };
        const a = exactTotal(inst);
        const b = munkresOptimum(inst);
        expect(a.certified).toBe(true);
        expect(a.matched).toBe(b.matched);
        expect(a.total).toBeCloseTo(b.total, 9);
      }),
      { numRuns: 150 },
    );
  });

  test('larger instances where pruning must be repaired by the certificate', () => {
    for (const seed of [3, 5, 8]) {
      const inst = syntheticInstance(40, 10, seed);
      inst.solver = { menteeTopK: 4, mentorSlack: 0 };
      const a = exactTotal(inst);
      const b = munkresOptimum(inst);
      expect(a.certified).toBe(true);
      expect([a.matched, Math.round(a.total * 1e4)]).toEqual([b.matched, Math.round(b.total * 1e4)]);
    }
  });
});
