/**
 * Pins the suggestions (pairs, scores, reasons, alternatives, unmatched reasons) on seeded
 * synthetic registers of a few hundred people, so that speed work cannot change what the curator
 * sees. The fixture was captured from the implementation before the speed work; regenerate it
 * ONLY for an intended change of behaviour: PIN_MATCHING=write npx jest test/matching/pinned.
 */
import { createHash } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { suggestPairs } from '../../src/core/matching/suggest';
import type { MatchInput, MatchResult } from '../../src/core/matching/types';
import { syntheticInstance } from '../../scripts/bench/matching';

const FIXTURE = join(__dirname, 'pinned-suggestions.json');

function cases(): Array<[string, MatchInput]> {
  const out: Array<[string, MatchInput]> = [];
  // More mentees than places (rows = slots), as in a real network.
  out.push(['400×60 seed 11', syntheticInstance(400, 60, 11)]);
  out.push(['300×40 seed 12', syntheticInstance(300, 40, 12)]);
  // More places than mentees (rows = mentees).
  out.push(['120×90 seed 13', syntheticInstance(120, 90, 13)]);
  // Weights from settings and rejected suggestions.
  const w = syntheticInstance(250, 40, 14);
  w.weights = { запрос: 0.6, нагрузка: 0, организация: 0.2 };
  w.rejected = w.mentees.slice(0, 40).map((e, k) => ({ mentee: e.id, mentor: w.mentors[k % w.mentors.length].id }));
  out.push(['250×40 seed 14 weights+rejected', w]);
  // Tight pruning: the certificate has to add edges.
  const t = syntheticInstance(300, 50, 15);
  t.solver = { menteeTopK: 4, mentorSlack: 0 };
  out.push(['300×50 seed 15 tight pruning', t]);
  return out;
}

const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

function digest(r: MatchResult) {
  return {
    matched: r.assignments.reduce((s, a) => s + a.mentees.length, 0),
    totalScore: r.totalScore,
    certified: r.stats.certified,
    candidateEdges: r.stats.candidateEdges,
    firstAssignment: r.assignments[0],
    assignments: hash(r.assignments),
    alternatives: hash(r.alternatives),
    unmatched: hash(r.unmatched),
  };
}

describe('suggestions are pinned on seeded synthetic registers', () => {
  const all = cases();
  const expected: Record<string, ReturnType<typeof digest>> = process.env.PIN_MATCHING === 'write' ? {} : JSON.parse(readFileSync(FIXTURE, 'utf8'));
  afterAll(() => {
    if (process.env.PIN_MATCHING === 'write') writeFileSync(FIXTURE, JSON.stringify(expected, null, 1) + '\n');
  });
  test.each(all.map(([name]) => name))('%s', (name) => {
    const input = all.find(([n]) => n === name)![1];
    const got = digest(suggestPairs(input));
    if (process.env.PIN_MATCHING === 'write') expected[name] = got;
    else expect(got).toEqual(expected[name]);
    expect(got.matched).toBeGreaterThan(0);
  });
});
