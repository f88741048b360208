/** Types and settings of pairing suggestions (issue «Pairing suggestions»). */
import type { FormRule } from '../registers/forms';
import type { Mentee, Mentor, Pair } from '../registers/schemas';

/** How much each part of the score counts; the score is the weighted mean, in [0, 1]. */
export interface MatchWeights {
  /** The mentee's request meets the mentor's competencies (interests count half). */
  request: number;
  /** The mentee named this mentor as desired. */
  preferred: number;
  /** Same organisation. */
  organization: number;
  /** Grade/age gap that suits the form, or the mentor's desired age of mentees. */
  gap: number;
  /** Prefer mentors with more free places (spreads the load). */
  load: number;
}

export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = {
  request: 0.45,
  preferred: 0.25,
  organization: 0.1,
  gap: 0.12,
  load: 0.08,
};

/** Names a curator may write in «Настройки» as «Вес <name>» (settings.matchWeights keys). */
const WEIGHT_NAMES: Record<string, keyof MatchWeights> = {
  request: 'request',
  запрос: 'request',
  'совпадение запроса': 'request',
  компетенции: 'request',
  preferred: 'preferred',
  'желаемый наставник': 'preferred',
  organization: 'organization',
  организация: 'organization',
  'одна организация': 'organization',
  gap: 'gap',
  возраст: 'gap',
  класс: 'gap',
  'разница в возрасте': 'gap',
  'разница в классах': 'gap',
  load: 'load',
  нагрузка: 'load',
  'свободные места': 'load',
};

/** Weights from settings (partial, by English or Russian name); negative or unknown ones are ignored. */
export function resolveWeights(given?: Partial<MatchWeights> | Record<string, number>): MatchWeights {
  const w: MatchWeights = { ...DEFAULT_MATCH_WEIGHTS };
  if (!given) return w;
  for (const [name, value] of Object.entries(given)) {
    const key = WEIGHT_NAMES[name.toLowerCase().replace(/ё/g, 'е').trim()];
    if (key && typeof value === 'number' && Number.isFinite(value) && value >= 0) w[key] = value;
  }
  if (w.request + w.preferred + w.organization + w.gap + w.load <= 0) return { ...DEFAULT_MATCH_WEIGHTS };
  return w;
}

/** A form rule as matching reads it (forms.ts FormRule, plus an explicit young-specialist switch). */
export type MatchRule = FormRule & { youngSpecialistOnly?: boolean };

export interface SolverOptions {
  menteeTopK?: number;
  mentorSlack?: number;
  maxRounds?: number;
  /** Called as each stage ends (the bench times them; no clock in pure code). */
  onPhase?: (phase: string) => void;
}

export interface MatchInput {
  mentors: readonly Mentor[];
  mentees: readonly Mentee[];
  /** Existing pairs and groups (references by ID or full name). */
  pairs: readonly Pair[];
  rules?: readonly MatchRule[];
  weights?: Partial<MatchWeights> | Record<string, number>;
  /** YYYY-MM-DD, for ages. */
  today: string;
  /** Places of a mentor without «Макс. наставляемых» (settings, 3 by default). */
  defaultCapacity?: number;
  /** Suggestions the curator rejected: never proposed again. IDs. */
  rejected?: ReadonlyArray<{ mentor: string; mentee: string }>;
  /** Tuning of the exact solver (tests, bench). */
  solver?: SolverOptions;
}

export interface PairDetail {
  mentee: string;
  score: number;
  reasons: string[];
}

/** One suggestion: a pair, or a group when a mentor gets several mentees of one form. */
export interface Suggestion {
  mentor: string;
  mentees: string[];
  form: string;
  /** Mean score of its pairs, rounded to 2 digits. */
  score: number;
  reasons: string[];
  /** Each mentee's own score and reasons (groups have several). */
  details: PairDetail[];
}

export interface Alternative {
  mentor: string;
  form: string;
  score: number;
  reasons: string[];
}

export interface UnmatchedMentee {
  mentee: string;
  reason: string;
}

export interface SolverStats {
  mentees: number;
  mentors: number;
  /** Candidate (mentee, mentor) pairs that passed the rules. */
  candidateEdges: number;
  /** Edges the exact solver worked on (pruned graph). */
  prunedEdges: number;
  /** Re-solves after the optimality check found a better edge outside the pruned graph. */
  rounds: number;
  /** The optimality certificate holds on the whole candidate graph. */
  certified: boolean;
  /** Which side the solver's rows are: mentees, mentors (slots), or each connected part its smaller side. */
  orientation: 'mentees' | 'slots' | 'mixed';
}

export interface MatchResult {
  assignments: Suggestion[];
  alternatives: Record<string, Alternative[]>;
  unmatched: UnmatchedMentee[];
  /** Sum of the pair scores (rounded to 2 digits). */
  totalScore: number;
  stats: SolverStats;
}
