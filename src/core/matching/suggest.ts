/**
 * Pairing suggestions end to end (pure): candidates → scores → exact assignment → suggestions
 * (groups when a mentor gets several mentees of one form), three alternatives per mentee and a
 * reason for every mentee left unmatched. People are named by register ID.
 */
import { assignOptimal, type ChosenPair } from './assign';
import { buildCandidates, reasonWithoutCandidates, REASON_TAKEN } from './candidates';
import { Scorer } from './score';
import { resolveWeights, type Alternative, type MatchInput, type MatchResult, type PairDetail, type Suggestion, type UnmatchedMentee } from './types';

const round2 = (x: number) => Math.round(x * 100) / 100;

export function suggestPairs(input: MatchInput): MatchResult {
  const phase = input.solver?.onPhase ?? (() => {});
  const model = buildCandidates(input);
  phase('candidates');
  const scorer = new Scorer(model, resolveWeights(input.weights));
  phase('features');
  const result = assignOptimal(model, scorer, input.solver);
  const mentorId = (j: number) => model.mentors[j].mentor.id;
  const menteeId = (i: number) => model.mentees[i].mentee.id;

  // Group pairs by (mentor, form), in the mentors' register order.
  const groups = new Map<string, ChosenPair[]>();
  const sorted = [...result.pairs].sort((a, b) => a.mentor - b.mentor || a.rule - b.rule || a.mentee - b.mentee);
  for (const p of sorted) {
    const key = `${p.mentor}|${p.rule}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const assignments: Suggestion[] = [];
  let total = 0;
  for (const g of groups.values()) {
    const details: PairDetail[] = g.map((p) => {
      const ex = scorer.explain(p.mentee, p.mentor, p.rule);
      total += ex.score;
      return { mentee: menteeId(p.mentee), score: round2(ex.score), reasons: ex.reasons };
    });
    const reasons =
      details.length === 1
        ? details[0].reasons
        : [`группа из ${details.length} наставляемых`, ...details.flatMap((d) => d.reasons.filter((r) => !r.startsWith('свободных мест')).map((r) => `${d.mentee}: ${r}`))];
    assignments.push({
      mentor: mentorId(g[0].mentor),
      mentees: details.map((d) => d.mentee),
      form: model.rules[g[0].rule].form,
      score: round2(g.reduce((s, p) => s + p.q, 0) / g.length / 10000),
      reasons,
      details,
    });
  }

  phase('suggestions');
  const assignedTo = new Int32Array(model.mentees.length).fill(-1);
  for (const p of result.pairs) assignedTo[p.mentee] = p.mentor;
  const top = result.top;
  const alternatives: Record<string, Alternative[]> = {};
  for (let i = 0; i < model.mentees.length; i++) {
    const alts: Alternative[] = [];
    for (let t = top.start[i]; t < top.start[i + 1] && alts.length < 3; t++) {
      const j = top.mentor[t];
      if (j === assignedTo[i]) continue;
      const ex = scorer.explain(i, j, top.rule[t]);
      alts.push({ mentor: mentorId(j), form: model.rules[top.rule[t]].form, score: round2(ex.score), reasons: ex.reasons });
    }
    if (alts.length) alternatives[menteeId(i)] = alts;
  }

  phase('alternatives');
  const unmatched: UnmatchedMentee[] = [];
  for (const info of model.mentees) {
    if (info.state === 'served' || assignedTo[info.index] >= 0) continue;
    const reason = info.state === 'excluded' ? info.reason! : top.start[info.index + 1] > top.start[info.index] ? REASON_TAKEN : reasonWithoutCandidates(model, info.index);
    unmatched.push({ mentee: info.mentee.id, reason });
  }
  phase('unmatched');
  return { assignments, alternatives, unmatched, totalScore: round2(total), stats: result.stats };
}
