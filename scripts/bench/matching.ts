/**
 * Bench of pairing suggestions: a synthetic school network of 30 000 mentees × 3 000 mentors
 * (realistic mix of forms, requests in varied Russian word forms), timed end to end, the exact
 * total against a greedy baseline, and small instances against munkres-js on the expanded matrix.
 */
import munkres from 'munkres-js';
import { suggestPairs } from '../../src/core/matching/suggest';
import { buildCandidates } from '../../src/core/matching/candidates';
import { Scorer, SCORE_SCALE } from '../../src/core/matching/score';
import { assignOptimal } from '../../src/core/matching/assign';
import { resolveWeights, type MatchInput } from '../../src/core/matching/types';
import type { Mentee, Mentor, Pair } from '../../src/core/registers/schemas';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** [as a mentor writes it, as a mentee asks for it]. */
const TOPICS: Array<[string, string]> = [
  ['физика', 'физике'], ['математика', 'математике'], ['химия', 'химии'], ['биология', 'биологии'],
  ['информатика', 'информатике'], ['программирование', 'программированию'], ['робототехника', 'робототехнике'],
  ['английский язык', 'английскому языку'], ['русский язык', 'русскому языку'], ['литература', 'литературе'],
  ['история', 'истории'], ['обществознание', 'обществознанию'], ['география', 'географии'], ['шахматы', 'шахматам'],
  ['проектная деятельность', 'проектной деятельности'], ['подготовка к олимпиадам', 'олимпиаде'], ['ЕГЭ', 'ЕГЭ'],
  ['ОГЭ', 'ОГЭ'], ['профориентация', 'профориентации'], ['адаптация в коллективе', 'адаптации в коллективе'],
  ['классное руководство', 'классному руководству'], ['методика преподавания', 'методике преподавания'],
  ['дизайн', 'дизайну'], ['предпринимательство', 'предпринимательству'], ['волонтёрство', 'волонтёрству'],
  ['спорт', 'спорту'], ['музыка', 'музыке'], ['публичные выступления', 'публичным выступлениям'],
  ['финансовая грамотность', 'финансовой грамотности'], ['экология', 'экологии'],
];
const TEMPLATES = [(a: string) => `Подготовка к ${a}`, (a: string, b: string) => `Помощь по ${a} и ${b}`, (a: string) => `Хочу разобраться в ${a}`, (a: string, b: string) => `${a}, ${b}`];
const LETTERS = 'АБВГ';

export function syntheticInstance(nMentees: number, nMentors: number, seed = 1): MatchInput {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const orgs = Array.from({ length: Math.max(1, Math.round(nMentors / 150)) }, (_, k) => `МБОУ СОШ № ${k + 1}`);
  const mentors: Mentor[] = [];
  for (let k = 0; k < nMentors; k++) {
    const x = r();
    const category = x < 0.5 ? 'обучающийся' : x < 0.7 ? 'педагог' : x < 0.85 ? 'студент' : 'работодатель';
    const forms =
      category === 'обучающийся' ? ['ученик – ученик']
      : category === 'педагог' ? [r() < 0.5 ? 'педагог – педагог' : 'учитель – учитель']
      : category === 'студент' ? (r() < 0.7 ? ['студент – ученик'] : ['студент – ученик', 'студент – студент'])
      : r() < 0.6 ? ['работодатель – ученик'] : ['работодатель – ученик', 'работодатель – студент'];
    const comps = new Set<string>();
    const nc = 1 + Math.floor(r() * 3);
    while (comps.size < nc) comps.add(pick(TOPICS)[0]);
    mentors.push({
      id: `Н-${String(k + 1).padStart(4, '0')}`,
      fullName: `Наставник ${k + 1}`,
      category,
      organization: pick(orgs),
      position: category === 'обучающийся' ? `${8 + Math.floor(r() * 4)}${pick([...LETTERS])}` : undefined,
      competencies: [...comps],
      interests: [pick(TOPICS)[0]],
      forms,
      capacity: r() < 0.8 ? undefined : 1 + Math.floor(r() * 5),
      preferredAge: category === 'студент' && r() < 0.3 ? '12–15 лет' : undefined,
      consentDate: r() < 0.96 ? '2026-09-01' : undefined,
      status: r() < 0.97 ? undefined : 'выбыл',
    } as Mentor);
  }
  const mentees: Mentee[] = [];
  for (let k = 0; k < nMentees; k++) {
    const x = r();
    const category = x < 0.8 ? 'обучающийся' : x < 0.9 ? (r() < 0.6 ? 'молодой специалист' : 'педагог') : 'студент';
    const grade = 5 + Math.floor(r() * 5);
    const t = TEMPLATES[Math.floor(r() * TEMPLATES.length)];
    const request = t(pick(TOPICS)[1], pick(TOPICS)[1]);
    const pupilForms = ['ученик – ученик', 'ученик – ученик', 'студент – ученик', 'работодатель – ученик'];
    const form = r() < 0.7 ? (category === 'обучающийся' ? pick(pupilForms) : category === 'студент' ? pick(['студент – студент', 'работодатель – студент']) : pick(['педагог – педагог', 'учитель – учитель'])) : undefined;
    mentees.push({
      id: `Нв-${String(k + 1).padStart(5, '0')}`,
      fullName: `Наставляемый ${k + 1}`,
      category,
      organization: pick(orgs),
      grade: category === 'обучающийся' ? `${grade}${pick([...LETTERS])}` : undefined,
      birthDate: category === 'обучающийся' ? `${2026 - grade - 7}-0${1 + Math.floor(r() * 9)}-15` : undefined,
      experienceYears: category === 'обучающийся' ? undefined : Math.floor(r() * 6),
      request,
      form,
      preferredMentor: r() < 0.05 ? mentors[Math.floor(r() * mentors.length)].id : undefined,
      consentDate: r() < 0.97 ? '2026-09-15' : undefined,
    } as Mentee);
  }
  const pairs: Pair[] = [];
  const nPairs = Math.floor(nMentors / 3);
  for (let k = 0; k < nPairs; k++) {
    const m = mentors[Math.floor(r() * mentors.length)];
    const e = mentees[Math.floor(r() * mentees.length)];
    pairs.push({ id: `П-${k + 1}`, mentor: m.id, mentees: [e.id], form: m.forms?.[0], status: r() < 0.8 ? 'активна' : 'завершена' } as Pair);
  }
  return { mentors, mentees, pairs, today: '2026-11-22' };
}

/**
 * A tie-heavy register, as real ones are: most mentees have no request, the same category and
 * form, a handful of organisations and grades; mentors differ only in organisation, grade and
 * places. Scores take a few distinct values, so almost every edge is tied with many others.
 */
export function tiedInstance(nMentees: number, nMentors: number, seed = 1): MatchInput {
  const r = rng(seed);
  const orgs = ['МБОУ СОШ № 1', 'МБОУ СОШ № 2', 'МБОУ Лицей № 3'];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const mentors: Mentor[] = [];
  for (let k = 0; k < nMentors; k++) {
    const student = r() < 0.15;
    mentors.push({
      id: `Н-${String(k + 1).padStart(5, '0')}`,
      fullName: `Наставник ${k + 1}`,
      category: student ? 'студент' : 'обучающийся',
      organization: pick(orgs),
      position: student ? undefined : `${pick([9, 10, 11])}А`,
      competencies: [pick(TOPICS)[0]],
      forms: student ? ['студент – ученик'] : ['ученик – ученик'],
      capacity: r() < 0.9 ? undefined : 1 + Math.floor(r() * 4),
      consentDate: '2026-09-01',
    } as Mentor);
  }
  const mentees: Mentee[] = [];
  for (let k = 0; k < nMentees; k++) {
    const grade = pick([6, 7]);
    const withRequest = r() < 0.1;
    mentees.push({
      id: `Нв-${String(k + 1).padStart(5, '0')}`,
      fullName: `Наставляемый ${k + 1}`,
      category: 'обучающийся',
      organization: pick(orgs),
      grade: `${grade}Б`,
      birthDate: `${2026 - grade - 7}-03-15`,
      request: withRequest ? `Помощь по ${pick(TOPICS)[1]}` : undefined,
      form: r() < 0.8 ? 'ученик – ученик' : undefined,
      consentDate: '2026-09-15',
    } as Mentee);
  }
  return { mentors, mentees, pairs: [], today: '2026-11-22' };
}

/**
 * Greedy baseline: pairs in descending score order (ties in enumeration order), each taken while
 * both sides are free. Edges in typed arrays, ordered by a counting sort on the integer score.
 */
export function greedyTotal(input: MatchInput): { matched: number; total: number } {
  const model = buildCandidates(input);
  const scorer = new Scorer(model, resolveWeights(input.weights));
  const free = model.mentors.map((m) => m.free);
  let cap = 1 << 16;
  let n = 0;
  let ei = new Int32Array(cap);
  let ej = new Int32Array(cap);
  let eq = new Uint16Array(cap);
  const count = new Int32Array(SCORE_SCALE + 2);
  const stamp = new Int32Array(model.mentors.length);
  let sv = 0;
  for (const m of model.mentees) {
    if (m.state !== 'open') continue;
    scorer.scoreMentee(m.index, stamp, ++sv, (j, _r, q) => {
      if (n === cap) {
        cap *= 2;
        const grow = <T extends Int32Array | Uint16Array>(a: T, b: T): T => (b.set(a), b);
        ei = grow(ei, new Int32Array(cap));
        ej = grow(ej, new Int32Array(cap));
        eq = grow(eq, new Uint16Array(cap));
      }
      ei[n] = m.index;
      ej[n] = j;
      eq[n++] = q;
      count[SCORE_SCALE - q + 1]++;
    });
  }
  for (let x = 1; x <= SCORE_SCALE + 1; x++) count[x] += count[x - 1];
  const order = new Int32Array(n);
  for (let e = 0; e < n; e++) order[count[SCORE_SCALE - eq[e]]++] = e;
  const taken = new Uint8Array(model.mentees.length);
  let matched = 0;
  let total = 0;
  for (let t = 0; t < n; t++) {
    const e = order[t];
    const i = ei[e];
    const j = ej[e];
    if (taken[i] || free[j] <= 0) continue;
    taken[i] = 1;
    free[j]--;
    matched++;
    total += eq[e];
  }
  return { matched, total: total / SCORE_SCALE };
}

/** Exact optimum by munkres-js on the expanded matrix (mentors' free places as columns, plus a dummy per mentee). */
export function munkresOptimum(input: MatchInput): { matched: number; total: number } {
  const model = buildCandidates(input);
  const scorer = new Scorer(model, resolveWeights(input.weights));
  const open = model.mentees.filter((m) => m.state === 'open').map((m) => m.index);
  const slots: number[] = [];
  model.mentors.forEach((m) => {
    for (let s = 0; s < m.free; s++) slots.push(m.index);
  });
  const n = open.length;
  if (n === 0) return { matched: 0, total: 0 };
  const dummy = n * SCORE_SCALE + 1;
  const big = dummy * 4;
  const stamp = new Int32Array(model.mentors.length);
  let sv = 0;
  const matrix = open.map((i) => {
    const q = new Map<number, number>();
    scorer.scoreMentee(i, stamp, ++sv, (j, _r, s) => q.set(j, s));
    return [...slots.map((j) => (q.has(j) ? SCORE_SCALE - q.get(j)! : big)), ...open.map(() => dummy)];
  });
  let matched = 0;
  let total = 0;
  for (const [r, c] of munkres(matrix)) {
    if (c < slots.length && matrix[r][c] < big) {
      matched++;
      total += SCORE_SCALE - matrix[r][c];
    }
  }
  return { matched, total: total / SCORE_SCALE };
}

export function exactTotal(input: MatchInput): { matched: number; total: number; certified: boolean } {
  const model = buildCandidates(input);
  const scorer = new Scorer(model, resolveWeights(input.weights));
  const res = assignOptimal(model, scorer, input.solver);
  return { matched: res.pairs.length, total: res.pairs.reduce((s, p) => s + p.q, 0) / SCORE_SCALE, certified: res.stats.certified };
}

export async function benchMatching(report: (line: string) => void): Promise<void> {
  report('Подбор пар (matching)');
  // Small instances: exact solver vs munkres-js.
  let agree = 0;
  const small = 40;
  for (let s = 0; s < small; s++) {
    const inst = syntheticInstance(12 + (s % 10), 5 + (s % 4), 100 + s);
    inst.solver = { menteeTopK: 4, mentorSlack: 0 };
    const a = exactTotal(inst);
    const b = munkresOptimum(inst);
    if (a.matched === b.matched && Math.abs(a.total - b.total) < 1e-9) agree++;
    else report(`  РАСХОЖДЕНИЕ seed=${100 + s}: exact ${a.matched}/${a.total} munkres ${b.matched}/${b.total}`);
  }
  report(`  small instances vs munkres-js: ${agree}/${small} equal (matched count and total score)`);

  const cases: Array<[string, number, number, (nE: number, nM: number, seed: number) => MatchInput]> = [
    ['varied', 3000, 300, syntheticInstance],
    ['varied', 30000, 3000, syntheticInstance],
    // Tie-heavy registers: places ≈ mentees (nearly everyone can be matched), and 30 000 × 3 000.
    ['tied', 5000, 1667, tiedInstance],
    ['tied', 10000, 3334, tiedInstance],
    ['tied', 30000, 3000, tiedInstance],
  ];
  for (const [kind, nE, nM, make] of cases) {
    const inst = make(nE, nM, 7);
    // Wall time of each stage (stages that repeat — build/solve/certificate per round — add up).
    const stages = new Map<string, number>();
    let last = performance.now();
    // Memory held (JS heap + typed arrays) sampled as each stage ends, above what was held before
    // (npm run bench exposes gc, so earlier instances' garbage does not count).
    const held = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.external;
    };
    // Typed arrays are released a tick after the collection that finds them dead.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
    gc?.();
    const before = held();
    let peak = 0;
    inst.solver = {
      onPhase: (name) => {
        const now = performance.now();
        stages.set(name, (stages.get(name) ?? 0) + now - last);
        peak = Math.max(peak, held() - before);
        last = now;
      },
    };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = suggestPairs(inst);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const matched = res.assignments.reduce((s, a) => s + a.mentees.length, 0);
    // The greedy baseline holds every candidate pair: skipped where they run to tens of millions.
    const greedy = res.stats.candidateEdges <= 40e6 ? greedyTotal(inst) : null;
    report(
      `  ${kind} ${nE} mentees × ${nM} mentors: ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, memory at stage ends up to ${(peak / 1048576).toFixed(0)} MB; matched ${matched}, total ${res.totalScore.toFixed(2)}; ` +
        `${greedy ? `greedy matched ${greedy.matched}, total ${greedy.total.toFixed(2)}` : 'greedy skipped'}; candidate pairs ${res.stats.candidateEdges}, pruned ${res.stats.prunedEdges}, ` +
        `rounds ${res.stats.rounds}, certified ${res.stats.certified}, rows = ${res.stats.orientation}, unmatched ${res.unmatched.length}`,
    );
    report(`    stages, ms: ${[...stages].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
}
