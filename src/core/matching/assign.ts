/**
 * Exact assignment: maximum number of matched mentees first, then maximum total score, under the
 * mentors' capacities.
 *
 * Model. Rows must each be assigned once, either to a real column (an edge of cost
 * SCALE − q, q the integer score) or to the row's private dummy column of cost `dummyCost`
 * (= left unmatched). With dummyCost > rows·SCALE one more matched pair always outweighs any score
 * difference, so the minimum-cost solution is lexicographically optimal: most pairs, then best
 * total score. Columns have capacities.
 *
 * Algorithm. Successive shortest augmenting paths (Hungarian / Jonker–Volgenant with Dijkstra on
 * reduced costs, potentials u for rows and v for columns). Every augmentation keeps dual
 * feasibility (cost − u − v ≥ 0 on every edge of the graph solved) and complementary slackness,
 * so the result is optimal for that graph. Integer costs keep every potential an exact integer.
 * The search stops at the first free column, so when free places are plentiful paths stay short.
 */

export interface AssignmentProblem {
  /** Rows are grouped: rows of one group share the adjacency (slots of one mentor). */
  rowGroup: Int32Array;
  /** CSR adjacency per group: edges groupStart[g] .. groupStart[g+1]-1. */
  groupStart: Int32Array;
  adjCol: Int32Array;
  /** Integer costs ≥ 0. */
  adjCost: Float64Array;
  nCols: number;
  colCap: Int32Array;
  /** Cost of leaving a row unassigned; > nRows · max edge cost for max-cardinality-first. */
  dummyCost: number;
}

export interface AssignmentSolution {
  /** Column of each row, or -1 when unassigned. */
  rowCol: Int32Array;
  /** Dual potentials: cost(r, c) − u[r] − v[c] ≥ 0 on every edge. */
  u: Float64Array;
  v: Float64Array;
  cost: number;
}

/** A binary min-heap of (key, value) with lazy deletion by the caller. */
class Heap {
  keys: Float64Array;
  vals: Int32Array;
  size = 0;
  constructor(cap: number) {
    this.keys = new Float64Array(Math.max(16, cap));
    this.vals = new Int32Array(Math.max(16, cap));
  }
  push(k: number, v: number): void {
    if (this.size === this.keys.length) {
      const nk = new Float64Array(this.size * 2);
      nk.set(this.keys);
      const nv = new Int32Array(this.size * 2);
      nv.set(this.vals);
      this.keys = nk;
      this.vals = nv;
    }
    let i = this.size++;
    const keys = this.keys;
    const vals = this.vals;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= k) break;
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  /** Pops the minimum; returns its value (key in `lastKey`). */
  lastKey = 0;
  pop(): number {
    const keys = this.keys;
    const vals = this.vals;
    const top = vals[0];
    this.lastKey = keys[0];
    const n = --this.size;
    if (n > 0) {
      const k = keys[n];
      const v = vals[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= k) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = k;
      vals[i] = v;
    }
    return top;
  }
}

export function solveAssignment(p: AssignmentProblem): AssignmentSolution {
  const nRows = p.rowGroup.length;
  const nCols = p.nCols;
  const nAll = nCols + nRows; // real columns, then one dummy per row
  const u = new Float64Array(nRows);
  const v = new Float64Array(nAll);
  const rowCol = new Int32Array(nRows).fill(-1);
  // Rows sitting on each real column: slots colOff[c] .. colOff[c] + load[c].
  const colOff = new Int32Array(nCols + 1);
  for (let c = 0; c < nCols; c++) colOff[c + 1] = colOff[c] + p.colCap[c];
  const colRows = new Int32Array(colOff[nCols]);
  const load = new Int32Array(nCols);

  const dCol = new Float64Array(nAll);
  const seenCol = new Int32Array(nAll);
  const doneCol = new Int32Array(nAll);
  const predRow = new Int32Array(nAll);
  const dRow = new Float64Array(nRows);
  const touchedCols: number[] = [];
  const reachedRows: number[] = [];
  const heap = new Heap(1024);
  const { groupStart, adjCol, adjCost, rowGroup, dummyCost } = p;

  const costOf = (r: number, c: number): number => {
    if (c >= nCols) return dummyCost;
    const g = rowGroup[r];
    for (let e = groupStart[g]; e < groupStart[g + 1]; e++) if (adjCol[e] === c) return adjCost[e];
    return Infinity;
  };

  for (let r0 = 0; r0 < nRows; r0++) {
    const stamp = r0 + 1;
    // u[r0]: the largest value keeping every edge of r0 dual feasible.
    const g0 = rowGroup[r0];
    let best = dummyCost - v[nCols + r0];
    for (let e = groupStart[g0]; e < groupStart[g0 + 1]; e++) {
      const rc = adjCost[e] - v[adjCol[e]];
      if (rc < best) best = rc;
    }
    u[r0] = best;
    touchedCols.length = 0;
    reachedRows.length = 0;
    heap.size = 0;
    dRow[r0] = 0;
    reachedRows.push(r0);

    const scan = (r: number, d: number) => {
      const g = rowGroup[r];
      const ur = u[r];
      for (let e = groupStart[g]; e < groupStart[g + 1]; e++) {
        const c = adjCol[e];
        if (doneCol[c] === stamp) continue;
        const nd = d + adjCost[e] - ur - v[c];
        if (seenCol[c] !== stamp || nd < dCol[c]) {
          if (seenCol[c] !== stamp) {
            seenCol[c] = stamp;
            touchedCols.push(c);
          }
          dCol[c] = nd;
          predRow[c] = r;
          heap.push(nd, c);
        }
      }
      const dc = nCols + r;
      if (doneCol[dc] !== stamp) {
        const nd = d + dummyCost - ur - v[dc];
        if (seenCol[dc] !== stamp || nd < dCol[dc]) {
          if (seenCol[dc] !== stamp) {
            seenCol[dc] = stamp;
            touchedCols.push(dc);
          }
          dCol[dc] = nd;
          predRow[dc] = r;
          heap.push(nd, dc);
        }
      }
    };

    scan(r0, 0);
    let terminal = -1;
    let D = 0;
    while (heap.size > 0) {
      const c = heap.pop();
      const k = heap.lastKey;
      if (doneCol[c] === stamp || k !== dCol[c]) continue;
      doneCol[c] = stamp;
      // A dummy column is only ever reached from its own (then reached) row: it is free.
      if (c >= nCols || load[c] < p.colCap[c]) {
        terminal = c;
        D = k;
        break;
      }
      for (let s = colOff[c]; s < colOff[c] + load[c]; s++) {
        const r = colRows[s];
        dRow[r] = k;
        reachedRows.push(r);
        scan(r, k);
      }
    }
    if (terminal < 0) throw new Error('assignment: no augmenting path (dummy columns make this impossible)');

    // Potentials: keep reduced costs ≥ 0 and make the path tight.
    for (const r of reachedRows) u[r] += D - dRow[r];
    for (const c of touchedCols) if (doneCol[c] === stamp) v[c] -= D - dCol[c];

    // Augment along the predecessor chain.
    let c = terminal;
    for (;;) {
      const r = predRow[c];
      const prev = rowCol[r];
      if (c < nCols) colRows[colOff[c] + load[c]++] = r;
      rowCol[r] = c;
      if (prev >= 0 && prev < nCols) {
        // Remove r from its previous column (the chain refills it next).
        for (let s = colOff[prev]; s < colOff[prev] + load[prev]; s++) {
          if (colRows[s] === r) {
            colRows[s] = colRows[colOff[prev] + load[prev] - 1];
            break;
          }
        }
        load[prev]--;
      }
      if (r === r0) break;
      c = prev;
    }
  }

  let cost = 0;
  for (let r = 0; r < nRows; r++) {
    const c = rowCol[r];
    cost += costOf(r, c);
    if (c >= nCols) rowCol[r] = -1;
  }
  return { rowCol, u, v, cost };
}

// ---------------------------------------------------------------------------------------------
// The matching instance: pruning with a certificate of optimality on the whole candidate graph.
// ---------------------------------------------------------------------------------------------
import type { CandidateModel } from './candidates';
import { SCORE_SCALE, type ProfileList, type Scorer } from './score';
import type { SolverStats } from './types';

export interface ChosenPair {
  mentee: number;
  mentor: number;
  rule: number;
  q: number;
}

/** Per mentee index i: its best candidates, best first, at start[i] .. start[i+1]−1 (empty for most of the non-open). */
export interface TopCandidates {
  start: Int32Array;
  mentor: Int32Array;
  rule: Int32Array;
  q: Float64Array;
}

export interface OptimalAssignment {
  pairs: ChosenPair[];
  top: TopCandidates;
  stats: SolverStats;
}

/** A growable store of scored edges in typed arrays. */
class EdgeStore {
  j: Int32Array;
  rule: Int32Array;
  q: Float64Array;
  size = 0;
  constructor(cap: number) {
    this.j = new Int32Array(Math.max(16, cap));
    this.rule = new Int32Array(Math.max(16, cap));
    this.q = new Float64Array(Math.max(16, cap));
  }
  reserve(extra: number): void {
    const need = this.size + extra;
    if (need <= this.j.length) return;
    const cap = Math.max(need, Math.ceil(this.j.length * 1.5));
    const j = new Int32Array(cap);
    j.set(this.j.subarray(0, this.size));
    const rule = new Int32Array(cap);
    rule.set(this.rule.subarray(0, this.size));
    const q = new Float64Array(cap);
    q.set(this.q.subarray(0, this.size));
    this.j = j;
    this.rule = rule;
    this.q = q;
  }
}

/** Packed sort keys hold an index below 2^22 next to an integer value below 2^31 in magnitude. */
const PACK = 4194304;

interface EdgeList {
  mentor: number[];
  rule: number[];
  q: number[];
}

/**
 * Solves the whole instance exactly:
 * 1. one pass scores every candidate pair and keeps, per mentee, its top K mentors and, per
 *    mentor, its top (4·free + slack) mentees — the pruned graph;
 * 2. the exact solver runs on the pruned graph (rows = the smaller side: mentees, or mentors'
 *    free places);
 * 3. a second pass checks the dual certificate cost − u − v ≥ 0 on EVERY candidate pair; any pair
 *    that fails is added and the pruned graph is solved again. When no pair fails, LP duality
 *    proves the result optimal on the full candidate graph (`stats.certified`).
 */
export function assignOptimal(model: CandidateModel, scorer: Scorer, opts: { menteeTopK?: number; mentorSlack?: number; maxRounds?: number } = {}): OptimalAssignment {
  const K = Math.max(4, opts.menteeTopK ?? 12);
  const slack = opts.mentorSlack ?? 8;
  const maxRounds = opts.maxRounds ?? 8;
  const nM = model.mentors.length;
  const open = model.mentees.filter((m) => m.state === 'open').map((m) => m.index);
  let stampValue = 0;

  // Mentor heaps (min-heaps on q) of their best mentees.
  const heapCap = model.mentors.map((m) => (m.free > 0 ? 4 * m.free + slack : 0));
  const heapOff = new Int32Array(nM + 1);
  for (let j = 0; j < nM; j++) heapOff[j + 1] = heapOff[j] + heapCap[j];
  const hQ = new Float64Array(heapOff[nM]);
  const hI = new Int32Array(heapOff[nM]);
  const hR = new Int32Array(heapOff[nM]);
  const hSize = new Int32Array(nM);
  const heapPush = (j: number, q: number, i: number, rule: number) => {
    const off = heapOff[j];
    const cap = heapCap[j];
    const n = hSize[j];
    if (n < cap) {
      let k = n;
      hSize[j] = n + 1;
      while (k > 0) {
        const p = (k - 1) >> 1;
        if (hQ[off + p] <= q) break;
        hQ[off + k] = hQ[off + p];
        hI[off + k] = hI[off + p];
        hR[off + k] = hR[off + p];
        k = p;
      }
      hQ[off + k] = q;
      hI[off + k] = i;
      hR[off + k] = rule;
      return;
    }
    if (q <= hQ[off]) return;
    let k = 0;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= n) break;
      if (c + 1 < n && hQ[off + c + 1] < hQ[off + c]) c++;
      if (hQ[off + c] >= q) break;
      hQ[off + k] = hQ[off + c];
      hI[off + k] = hI[off + c];
      hR[off + k] = hR[off + c];
      k = c;
    }
    hQ[off + k] = q;
    hI[off + k] = i;
    hR[off + k] = rule;
  };

  // Pass 1: top K per mentee (exact: sparse scores merged with the profile's sorted list), and
  // per mentor its best mentees among the sparse (request-matching) pairs. The sparse pairs are
  // scored here once and kept for the certificate (pass 2), which reads them again every round.
  const edges = new Map<number, EdgeList>();
  const nE = model.mentees.length;
  const topStart = new Int32Array(nE + 1);
  const topJ = new Int32Array(open.length * K);
  const topR = new Int32Array(open.length * K);
  const topQ = new Float64Array(open.length * K);
  let nTop = 0;
  const sparseStart = new Int32Array(nE + 1);
  const store = new EdgeStore(open.length * 32);
  const mark = new Int32Array(nM);
  let candidateEdges = 0;
  // The K best sparse pairs, kept sorted (best first; ties: lower mentor index first).
  const sj = new Int32Array(K);
  const sr = new Int32Array(K);
  const sq = new Float64Array(K);
  const outJ = scorer.outJ;
  const outR = scorer.outRule;
  const outQ = scorer.outQ;
  let prevMentee = 0;
  for (const i of open) {
    for (let x = prevMentee; x <= i; x++) {
      topStart[x] = nTop;
      sparseStart[x] = store.size;
    }
    prevMentee = i + 1;
    const sv = ++stampValue;
    const ns = scorer.sparse(i, mark, sv);
    store.reserve(ns);
    const base = store.size;
    store.j.set(outJ.subarray(0, ns), base);
    store.rule.set(outR.subarray(0, ns), base);
    store.q.set(outQ.subarray(0, ns), base);
    store.size += ns;
    let n = 0;
    for (let t = 0; t < ns; t++) {
      const j = outJ[t];
      const q = outQ[t];
      heapPush(j, q, i, outR[t]);
      if (n === K && (q < sq[K - 1] || (q === sq[K - 1] && j > sj[K - 1]))) continue;
      let k = n === K ? K - 1 : n++;
      while (k > 0 && (sq[k - 1] < q || (sq[k - 1] === q && sj[k - 1] > j))) {
        sq[k] = sq[k - 1];
        sj[k] = sj[k - 1];
        sr[k] = sr[k - 1];
        k--;
      }
      sq[k] = q;
      sj[k] = j;
      sr[k] = outR[t];
    }
    const blocked = model.blocked.get(i);
    const L = scorer.profileList(scorer.profileOf(i));
    let nBlocked = 0;
    if (blocked) for (const j of blocked) if (mark[j] !== sv && scorer.candidateRule(model.mentees[i].rules, j) >= 0) nBlocked++;
    candidateEdges += L.mentors.length - nBlocked;
    const t0 = nTop;
    let a = 0;
    let b = 0;
    const Lm = L.mentors;
    while (nTop - t0 < K) {
      while (b < Lm.length && (mark[Lm[b]] === sv || (blocked && blocked.has(Lm[b])))) b++;
      const hasA = a < n;
      const hasB = b < Lm.length;
      if (!hasA && !hasB) break;
      const takeA = hasA && (!hasB || sq[a] > L.q[b] || (sq[a] === L.q[b] && sj[a] < Lm[b]));
      if (takeA) {
        topJ[nTop] = sj[a];
        topR[nTop] = sr[a];
        topQ[nTop++] = sq[a++];
      } else {
        topJ[nTop] = Lm[b];
        topR[nTop] = L.rules[b];
        topQ[nTop++] = L.q[b++];
      }
    }
    if (nTop === t0) continue;
    edges.set(i, { mentor: Array.from(topJ.subarray(t0, nTop)), rule: Array.from(topR.subarray(t0, nTop)), q: Array.from(topQ.subarray(t0, nTop)) });
  }
  for (let x = prevMentee; x <= nE; x++) {
    topStart[x] = nTop;
    sparseStart[x] = store.size;
  }
  for (let j = 0; j < nM; j++) {
    for (let s = heapOff[j]; s < heapOff[j] + hSize[j]; s++) {
      const el = edges.get(hI[s])!;
      if (!el.mentor.includes(j)) {
        el.mentor.push(j);
        el.rule.push(hR[s]);
        el.q.push(hQ[s]);
      }
    }
  }

  const rows = [...edges.keys()];
  const slotsTotal = model.mentors.reduce((s, m) => s + m.free, 0);
  const orientation: 'mentees' | 'slots' = slotsTotal < rows.length ? 'slots' : 'mentees';
  let rounds = 0;
  let certified = false;
  let chosen: ChosenPair[];
  let prunedEdges: number;

  for (;;) {
    const built = orientation === 'mentees' ? buildByMentees(rows, edges, model) : buildBySlots(rows, edges, model);
    prunedEdges = built.problem.adjCol.length;
    const sol = solveAssignment(built.problem);
    chosen = built.read(sol);
    // Pass 2: the certificate q + D(mentor) ≤ T(mentee) on EVERY candidate pair. Pairs without a
    // shared request word score as their profile, so each profile's list is sorted once by
    // q + D and scanned from the top until the first pair that satisfies it.
    let violations = 0;
    const D = new Float64Array(nM);
    for (let j = 0; j < nM; j++) D[j] = built.mentorDual(sol, j);
    const sortedByDual = new Map<number, Int32Array>();
    const add = (el: EdgeList, j: number, rule: number, q: number) => {
      if (el.mentor.includes(j)) return;
      el.mentor.push(j);
      el.rule.push(rule);
      el.q.push(q);
      violations++;
    };
    const sJ = store.j;
    const sR = store.rule;
    const sQ = store.q;
    for (const i of rows) {
      const el = edges.get(i)!;
      const T = built.menteeThreshold(sol, i);
      const sv = ++stampValue;
      for (let k = sparseStart[i]; k < sparseStart[i + 1]; k++) {
        const j = sJ[k];
        mark[j] = sv;
        if (sQ[k] + D[j] > T) add(el, j, sR[k], sQ[k]);
      }
      const p = scorer.profileOf(i);
      const L = scorer.profileList(p);
      let ord = sortedByDual.get(p);
      if (!ord) {
        ord = byDualDescending(L, D);
        sortedByDual.set(p, ord);
      }
      const blocked = model.blocked.get(i);
      for (let t = 0; t < ord.length; t++) {
        const k = ord[t];
        const j = L.mentors[k];
        if (mark[j] === sv || (blocked && blocked.has(j))) continue;
        if (L.q[k] + D[j] <= T) break;
        add(el, j, L.rules[k], L.q[k]);
      }
    }
    if (violations === 0) {
      certified = true;
      break;
    }
    if (++rounds >= maxRounds) break;
  }

  return {
    pairs: chosen,
    top: { start: topStart, mentor: topJ.subarray(0, nTop), rule: topR.subarray(0, nTop), q: topQ.subarray(0, nTop) },
    stats: {
      mentees: open.length,
      mentors: model.mentors.filter((m) => m.free > 0).length,
      candidateEdges,
      prunedEdges,
      rounds,
      certified,
      orientation,
    },
  };
}

/** Positions of a profile list ordered by q + D(mentor), highest first; ties keep list order. */
function byDualDescending(L: ProfileList, D: Float64Array): Int32Array {
  const n = L.mentors.length;
  const val = new Float64Array(n);
  let packable = n < PACK;
  for (let k = 0; k < n; k++) {
    const x = L.q[k] + D[L.mentors[k]];
    val[k] = x;
    if (!Number.isInteger(x) || Math.abs(x) >= 2147483648) packable = false;
  }
  if (!packable) return Int32Array.from(val.keys()).sort((x, y) => val[y] - val[x]);
  // One numeric sort of (−value, position) packed into a double: no comparator calls.
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++) packed[k] = -val[k] * PACK + k;
  packed.sort();
  const ord = new Int32Array(n);
  for (let t = 0; t < n; t++) ord[t] = ((packed[t] % PACK) + PACK) % PACK;
  return ord;
}

interface Built {
  problem: AssignmentProblem;
  read(sol: AssignmentSolution): ChosenPair[];
  /** The certificate reads: SCALE − q − mentorDual(j) − (SCALE − menteeThreshold(i)) ≥ 0. */
  mentorDual(sol: AssignmentSolution, j: number): number;
  menteeThreshold(sol: AssignmentSolution, i: number): number;
}

/** Rows = mentees, columns = mentors with their free places. */
function buildByMentees(rows: number[], edges: Map<number, EdgeList>, model: CandidateModel): Built {
  const nM = model.mentors.length;
  const rowOf = new Map<number, number>();
  rows.forEach((i, r) => rowOf.set(i, r));
  let total = 0;
  for (const i of rows) total += edges.get(i)!.mentor.length;
  const groupStart = new Int32Array(rows.length + 1);
  const adjCol = new Int32Array(total);
  const adjCost = new Float64Array(total);
  const adjRule = new Int32Array(total);
  let e = 0;
  rows.forEach((i, r) => {
    const el = edges.get(i)!;
    for (let k = 0; k < el.mentor.length; k++, e++) {
      adjCol[e] = el.mentor[k];
      adjCost[e] = SCORE_SCALE - el.q[k];
      adjRule[e] = el.rule[k];
    }
    groupStart[r + 1] = e;
  });
  const colCap = Int32Array.from(model.mentors.map((m) => m.free));
  const problem: AssignmentProblem = {
    rowGroup: Int32Array.from(rows.map((_, r) => r)),
    groupStart,
    adjCol,
    adjCost,
    nCols: nM,
    colCap,
    dummyCost: rows.length * SCORE_SCALE + 1,
  };
  return {
    problem,
    read(sol) {
      const out: ChosenPair[] = [];
      rows.forEach((i, r) => {
        const j = sol.rowCol[r];
        if (j < 0) return;
        for (let k = groupStart[r]; k < groupStart[r + 1]; k++) {
          if (adjCol[k] === j) {
            out.push({ mentee: i, mentor: j, rule: adjRule[k], q: SCORE_SCALE - adjCost[k] });
            break;
          }
        }
      });
      return out;
    },
    mentorDual: (sol, j) => sol.v[j],
    menteeThreshold: (sol, i) => SCORE_SCALE - sol.u[rowOf.get(i)!],
  };
}

/** Rows = mentors' free places (a mentor's places share its edges), columns = mentees. */
function buildBySlots(rows: number[], edges: Map<number, EdgeList>, model: CandidateModel): Built {
  const nM = model.mentors.length;
  const colOf = new Map<number, number>();
  rows.forEach((i, c) => colOf.set(i, c));
  // Transpose mentee edge lists into mentor groups.
  const count = new Int32Array(nM + 1);
  for (const i of rows) for (const j of edges.get(i)!.mentor) count[j + 1]++;
  const groupStart = new Int32Array(nM + 1);
  for (let j = 0; j < nM; j++) groupStart[j + 1] = groupStart[j] + count[j + 1];
  const fill = groupStart.slice(0, nM);
  const total = groupStart[nM];
  const adjCol = new Int32Array(total);
  const adjCost = new Float64Array(total);
  const adjRule = new Int32Array(total);
  rows.forEach((i, c) => {
    const el = edges.get(i)!;
    for (let k = 0; k < el.mentor.length; k++) {
      const j = el.mentor[k];
      const e = fill[j]++;
      adjCol[e] = c;
      adjCost[e] = SCORE_SCALE - el.q[k];
      adjRule[e] = el.rule[k];
    }
  });
  const rowGroup: number[] = [];
  const slotStart = new Int32Array(nM + 1);
  for (let j = 0; j < nM; j++) {
    const places = groupStart[j + 1] > groupStart[j] ? model.mentors[j].free : 0;
    for (let s = 0; s < places; s++) rowGroup.push(j);
    slotStart[j + 1] = rowGroup.length;
  }
  const problem: AssignmentProblem = {
    rowGroup: Int32Array.from(rowGroup),
    groupStart,
    adjCol,
    adjCost,
    nCols: rows.length,
    colCap: new Int32Array(rows.length).fill(1),
    dummyCost: rowGroup.length * SCORE_SCALE + 1,
  };
  let maxU: Float64Array | null = null;
  return {
    problem,
    read(sol) {
      const out: ChosenPair[] = [];
      maxU = new Float64Array(nM).fill(-Infinity);
      for (let r = 0; r < rowGroup.length; r++) {
        const j = rowGroup[r];
        if (sol.u[r] > maxU[j]) maxU[j] = sol.u[r];
        const c = sol.rowCol[r];
        if (c < 0) continue;
        for (let k = groupStart[j]; k < groupStart[j + 1]; k++) {
          if (adjCol[k] === c) {
            out.push({ mentee: rows[c], mentor: j, rule: adjRule[k], q: SCORE_SCALE - adjCost[k] });
            break;
          }
        }
      }
      return out;
    },
    // A mentor outside the pruned graph would leave its places on their dummies: u = dummyCost.
    mentorDual: (_sol, j) => {
      const uj = maxU![j];
      return uj === -Infinity ? problem.dummyCost : uj;
    },
    menteeThreshold: (sol, i) => SCORE_SCALE - sol.v[colOf.get(i)!],
  };
}
