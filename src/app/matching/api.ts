/** Server functions of «Подбор пар» (sidebar view «match»). */
import type { AppContext } from '../context';
import { acceptSuggestions, computeSuggestions, rejectPair, type AcceptRequest } from './service';

export interface NamedSuggestion {
  mentor: string;
  mentorName: string;
  mentees: Array<{ id: string; name: string; score: number; reasons: string[] }>;
  form: string;
  score: number;
  reasons: string[];
}

export const matchingApi = {
  /** Suggestions with IDs and display names for the sidebar. */
  suggestPairs(ctx: AppContext) {
    const { result, reg } = computeSuggestions(ctx);
    const mentorName = new Map(reg.mentors.map((r) => [r.record.id, r.record.fullName ?? r.record.id]));
    const menteeName = new Map(reg.mentees.map((r) => [r.record.id, r.record.fullName ?? r.record.id]));
    const assignments: NamedSuggestion[] = result.assignments.map((a) => ({
      mentor: a.mentor,
      mentorName: mentorName.get(a.mentor) ?? a.mentor,
      mentees: a.details.map((d) => ({ id: d.mentee, name: menteeName.get(d.mentee) ?? d.mentee, score: d.score, reasons: d.reasons })),
      form: a.form,
      score: a.score,
      reasons: a.reasons,
    }));
    const alternatives: Record<string, Array<{ mentor: string; mentorName: string; form: string; score: number; reasons: string[] }>> = {};
    for (const [mentee, alts] of Object.entries(result.alternatives)) {
      alternatives[mentee] = alts.map((a) => ({ ...a, mentorName: mentorName.get(a.mentor) ?? a.mentor }));
    }
    return {
      assignments,
      alternatives,
      unmatched: result.unmatched.map((u) => ({ ...u, name: menteeName.get(u.mentee) ?? u.mentee })),
      totalScore: result.totalScore,
      certified: result.stats.certified,
    };
  },
  acceptPairs(ctx: AppContext, suggestions: AcceptRequest[]) {
    return acceptSuggestions(ctx, suggestions);
  },
  rejectSuggestion(ctx: AppContext, mentorId: string, menteeId: string) {
    return rejectPair(ctx, mentorId, menteeId);
  },
};
