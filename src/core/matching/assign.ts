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
  const colCap = p.colCap;

  const dCol = new Float64Array(nAll);
  const seenCol = new Int32Array(nAll);
  const doneCol = new Int32Array(nAll);
  const predRow = new Int32Array(nAll);
  const dRow = new Float64Array(nRows);
  // A search touches each column and reaches each row at most once: fixed-size lists, no growth.
  const touchedCols = new Int32Array(nAll);
  let nTouched = 0;
  const reachedRows = new Int32Array(nRows);
  let nReached: number;
  const heap = new Heap(1024);
  const { groupStart, adjCol, adjCost, rowGroup, dummyCost } = p;
  let stamp = 0;

  const costOf = (r: number, c: number): number => {
    if (c >= nCols) return dummyCost;
    const g = rowGroup[r];
    for (let e = groupStart[g]; e < groupStart[g + 1]; e++) if (adjCol[e] === c) return adjCost[e];
    return Infinity;
  };

  const scan = (r: number, d: number) => {
    const g = rowGroup[r];
    const ur = u[r];
    for (let e = groupStart[g], end = groupStart[g + 1]; e < end; e++) {
      const c = adjCol[e];
      if (doneCol[c] === stamp) continue;
      const nd = d + adjCost[e] - ur - v[c];
      if (seenCol[c] !== stamp || nd < dCol[c]) {
        if (seenCol[c] !== stamp) {
          seenCol[c] = stamp;
          touchedCols[nTouched++] = c;
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
          touchedCols[nTouched++] = dc;
        }
        dCol[dc] = nd;
        predRow[dc] = r;
        heap.push(nd, dc);
      }
    }
  };

  for (let r0 = 0; r0 < nRows; r0++) {
    stamp = r0 + 1;
    // u[r0]: the largest value keeping every edge of r0 dual feasible.
    const g0 = rowGroup[r0];
    let best = dummyCost - v[nCols + r0];
    for (let e = groupStart[g0]; e < groupStart[g0 + 1]; e++) {
      const rc = adjCost[e] - v[adjCol[e]];
      if (rc < best) best = rc;
    }
    u[r0] = best;
    nTouched = 0;
    nReached = 0;
    heap.size = 0;
    dRow[r0] = 0;
    reachedRows[nReached++] = r0;

    scan(r0, 0);
    let terminal = -1;
    let D = 0;
    while (heap.size > 0) {
      const c = heap.pop();
      const k = heap.lastKey;
      if (doneCol[c] === stamp || k !== dCol[c]) continue;
      doneCol[c] = stamp;
      // A dummy column is only ever reached from its own (then reached) row: it is free.
      if (c >= nCols || load[c] < colCap[c]) {
        terminal = c;
        D = k;
        break;
      }
      for (let s = colOff[c]; s < colOff[c] + load[c]; s++) {
        const r = colRows[s];
        dRow[r] = k;
        reachedRows[nReached++] = r;
        scan(r, k);
      }
    }
    if (terminal < 0) throw new Error('assignment: no augmenting path (dummy columns make this impossible)');

    // Potentials: keep reduced costs ≥ 0 and make the path tight.
    for (let t = 0; t < nReached; t++) {
      const r = reachedRows[t];
      u[r] += D - dRow[r];
    }
    for (let t = 0; t < nTouched; t++) {
      const c = touchedCols[t];
      if (doneCol[c] === stamp) v[c] -= D - dCol[c];
    }

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
import { SCORE_SCALE, ScoredEdges, type ProfileList, type Scorer } from './score';
import type { SolverOptions, SolverStats } from './types';

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

/** Packed sort keys hold an index below 2^22 next to an integer value below 2^31 in magnitude. */
const PACK = 4194304;

/** Per mentor, a min-heap on q of its best mentees (capacity cap[j]), in one set of typed arrays. */
class MentorHeaps {
  readonly off: Int32Array;
  readonly cap: Int32Array;
  readonly size: Int32Array;
  readonly q: Float64Array;
  readonly mentee: Int32Array;
  readonly rule: Int32Array;
  constructor(caps: readonly number[]) {
    const n = caps.length;
    this.cap = Int32Array.from(caps);
    this.off = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) this.off[j + 1] = this.off[j] + caps[j];
    this.size = new Int32Array(n);
    this.q = new Float64Array(this.off[n]);
    this.mentee = new Int32Array(this.off[n]);
    this.rule = new Int32Array(this.off[n]);
  }

  /** Per mentor: the minimum of its heap once full (a full heap rejects anything not above it), else −∞. */
  private floor: Float64Array | null = null;

  /** Offers mentee i to the mentors js[from..to) with rules rs and scores qs. */
  pushAll(i: number, from: number, to: number, js: Int32Array, rs: Uint16Array, qs: Uint16Array): void {
    let floor = this.floor;
    if (!floor) {
      floor = this.floor = new Float64Array(this.cap.length).fill(-Infinity);
      // A mentor without places (never a candidate) takes nothing.
      for (let j = 0; j < this.cap.length; j++) if (this.size[j] === this.cap[j]) floor[j] = this.cap[j] === 0 ? Infinity : this.q[this.off[j]];
    }
    for (let t = from; t < to; t++) {
      const j = js[t];
      const q = qs[t];
      // Most offers are rejected here, with one read.
      if (q <= floor[j]) continue;
      this.push(j, q, i, rs[t]);
      if (this.size[j] === this.cap[j]) floor[j] = this.q[this.off[j]];
    }
  }

  push(j: number, q: number, i: number, rule: number): void {
    const hQ = this.q;
    const hI = this.mentee;
    const hR = this.rule;
    const off = this.off[j];
    const cap = this.cap[j];
    const n = this.size[j];
    if (n < cap) {
      let k = n;
      this.size[j] = n + 1;
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
  }
}

/** The K best of a list of scored mentors, sorted best first (ties: lower mentor index first). */
class TopK {
  readonly j: Int32Array;
  readonly rule: Int32Array;
  readonly q: Float64Array;
  n = 0;
  constructor(readonly K: number) {
    this.j = new Int32Array(K);
    this.rule = new Int32Array(K);
    this.q = new Float64Array(K);
  }

  take(from: number, to: number, js: Int32Array, rs: Uint16Array, qs: Uint16Array): void {
    const K = this.K;
    const sj = this.j;
    const sr = this.rule;
    const sq = this.q;
    let n = 0;
    for (let t = from; t < to; t++) {
      const j = js[t];
      const q = qs[t];
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
      sr[k] = rs[t];
    }
    this.n = n;
  }
}

/** The pruned graph: edges (mentee, mentor, rule, q) in the order they were added. */
class PrunedEdges {
  i = new Int32Array(1024);
  j = new Int32Array(1024);
  rule = new Int32Array(1024);
  q = new Int32Array(1024);
  size = 0;

  push(i: number, j: number, rule: number, q: number): void {
    if (this.size === this.i.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.i = grow(this.i);
      this.j = grow(this.j);
      this.rule = grow(this.rule);
      this.q = grow(this.q);
    }
    const e = this.size++;
    this.i[e] = i;
    this.j[e] = j;
    this.rule[e] = rule;
    this.q[e] = q;
  }

  /** Edges grouped by row (rowOf[mentee]), each row's in the order they were added. */
  byRow(rowOf: Int32Array, nRows: number): RowEdges {
    const start = new Int32Array(nRows + 1);
    for (let e = 0; e < this.size; e++) start[rowOf[this.i[e]] + 1]++;
    for (let r = 0; r < nRows; r++) start[r + 1] += start[r];
    const fill = start.slice(0, nRows);
    const j = new Int32Array(this.size);
    const rule = new Int32Array(this.size);
    const q = new Int32Array(this.size);
    for (let e = 0; e < this.size; e++) {
      const k = fill[rowOf[this.i[e]]]++;
      j[k] = this.j[e];
      rule[k] = this.rule[e];
      q[k] = this.q[e];
    }
    return { start, j, rule, q };
  }
}

/** CSR adjacency of the pruned graph by row (mentee). */
interface RowEdges {
  start: Int32Array;
  j: Int32Array;
  rule: Int32Array;
  q: Int32Array;
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
export function assignOptimal(model: CandidateModel, scorer: Scorer, opts: SolverOptions = {}): OptimalAssignment {
  const phase = opts.onPhase ?? (() => {});
  const K = Math.max(4, opts.menteeTopK ?? 12);
  const slack = opts.mentorSlack ?? 8;
  const maxRounds = opts.maxRounds ?? 8;
  const nM = model.mentors.length;
  const nE = model.mentees.length;
  const open = model.mentees.filter((m) => m.state === 'open').map((m) => m.index);
  let stampValue = 0;

  const heaps = new MentorHeaps(model.mentors.map((m) => (m.free > 0 ? 4 * m.free + slack : 0)));
  const best = new TopK(K);

  // Pass 1: top K per mentee (exact: sparse scores merged with the profile's sorted list), and
  // per mentor its best mentees among the sparse (request-matching) pairs. The sparse pairs are
  // scored here once and kept for the certificate (pass 2), which reads them every round.
  const topStart = new Int32Array(nE + 1);
  const topJ = new Int32Array(open.length * K);
  const topR = new Int32Array(open.length * K);
  const topQ = new Float64Array(open.length * K);
  let nTop = 0;
  const sparseStart = new Int32Array(nE + 1);
  const store = new ScoredEdges(open.length * 64);
  const mark = new Int32Array(nM);
  let candidateEdges = 0;
  let prevMentee = 0;
  for (const i of open) {
    for (let x = prevMentee; x <= i; x++) {
      topStart[x] = nTop;
      sparseStart[x] = store.size;
    }
    prevMentee = i + 1;
    const sv = ++stampValue;
    store.reserve(nM);
    const base = store.size;
    const end = base + scorer.sparse(i, mark, sv, store, base);
    store.size = end;
    heaps.pushAll(i, base, end, store.j, store.rule, store.q);
    best.take(base, end, store.j, store.rule, store.q);
    const n = best.n;
    const sj = best.j;
    const sr = best.rule;
    const sq = best.q;
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
  }
  for (let x = prevMentee; x <= nE; x++) {
    topStart[x] = nTop;
    sparseStart[x] = store.size;
  }

  // The pruned graph: each mentee's top list, then the mentors' best mentees not already there.
  const rowOf = new Int32Array(nE).fill(-1);
  const rowList: number[] = [];
  const pruned = new PrunedEdges();
  for (const i of open) {
    if (topStart[i + 1] === topStart[i]) continue;
    rowOf[i] = rowList.length;
    rowList.push(i);
    for (let t = topStart[i]; t < topStart[i + 1]; t++) pruned.push(i, topJ[t], topR[t], topQ[t]);
  }
  for (let j = 0; j < nM; j++) {
    for (let s = heaps.off[j]; s < heaps.off[j] + heaps.size[j]; s++) {
      const i = heaps.mentee[s];
      let known = false;
      for (let t = topStart[i]; t < topStart[i + 1] && !known; t++) known = topJ[t] === j;
      if (!known) pruned.push(i, j, heaps.rule[s], heaps.q[s]);
    }
  }
  phase('pass1');

  const rows = Int32Array.from(rowList);
  const slotsTotal = model.mentors.reduce((s, m) => s + m.free, 0);
  const orientation: 'mentees' | 'slots' = slotsTotal < rows.length ? 'slots' : 'mentees';
  let rounds = 0;
  let certified = false;
  let chosen: ChosenPair[];
  let prunedEdges: number;

  for (;;) {
    const graph = pruned.byRow(rowOf, rows.length);
    const built = orientation === 'mentees' ? buildByMentees(rows, graph, model) : buildBySlots(rows, graph, model);
    prunedEdges = built.problem.adjCol.length;
    phase('build');
    const sol = solveAssignment(built.problem);
    phase('solve');
    chosen = built.read(sol);
    // Pass 2: the certificate q + D(mentor) ≤ T(mentee) on EVERY candidate pair. Pairs without a
    // shared request word score as their profile, so each profile's list is sorted once by
    // q + D and scanned from the top until the first pair that satisfies it.
    let violations = 0;
    const D = new Float64Array(nM);
    for (let j = 0; j < nM; j++) D[j] = built.mentorDual(sol, j);
    // Only the part of a profile's list above the lowest threshold of its mentees can fail.
    const minT = new Float64Array(scorer.profileCount).fill(Infinity);
    for (let r = 0; r < rows.length; r++) {
      const p = scorer.profileOf(rows[r]);
      const T = built.menteeThreshold(sol, r);
      if (T < minT[p]) minT[p] = T;
    }
    const sortedByDual = new Map<number, Int32Array>();
    const add = (r: number, j: number, rule: number, q: number) => {
      for (let k = graph.start[r]; k < graph.start[r + 1]; k++) if (graph.j[k] === j) return;
      pruned.push(rows[r], j, rule, q);
      violations++;
    };
    const sJ = store.j;
    const sR = store.rule;
    const sQ = store.q;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      const T = built.menteeThreshold(sol, r);
      const sv = ++stampValue;
      for (let k = sparseStart[i]; k < sparseStart[i + 1]; k++) {
        const j = sJ[k];
        mark[j] = sv;
        if (sQ[k] + D[j] > T) add(r, j, sR[k], sQ[k]);
      }
      const p = scorer.profileOf(i);
      const L = scorer.profileList(p);
      let ord = sortedByDual.get(p);
      if (!ord) {
        ord = byDualDescending(L, D, minT[p]);
        sortedByDual.set(p, ord);
      }
      const blocked = model.blocked.get(i);
      for (let t = 0; t < ord.length; t++) {
        const k = ord[t];
        const j = L.mentors[k];
        if (mark[j] === sv || (blocked && blocked.has(j))) continue;
        if (L.q[k] + D[j] <= T) break;
        add(r, j, L.rules[k], L.q[k]);
      }
    }
    phase('certificate');
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

/**
 * Positions of a profile list with q + D(mentor) > above, ordered by that value, highest first;
 * ties keep list order. (The rest of the full order could never fail the certificate.)
 */
function byDualDescending(L: ProfileList, D: Float64Array, above: number): Int32Array {
  const n = L.mentors.length;
  const pos: number[] = [];
  const val: number[] = [];
  let packable = n < PACK;
  for (let k = 0; k < n; k++) {
    const x = L.q[k] + D[L.mentors[k]];
    if (!(x > above)) continue;
    pos.push(k);
    val.push(x);
    if (!Number.isInteger(x) || Math.abs(x) >= 2147483648) packable = false;
  }
  const m = pos.length;
  if (!packable) {
    const order = Array.from(pos.keys()).sort((x, y) => val[y] - val[x] || x - y);
    return Int32Array.from(order, (t) => pos[t]);
  }
  // One numeric sort of (−value, position) packed into a double: no comparator calls.
  const packed = new Float64Array(m);
  for (let t = 0; t < m; t++) packed[t] = -val[t] * PACK + pos[t];
  packed.sort();
  const ord = new Int32Array(m);
  for (let t = 0; t < m; t++) ord[t] = ((packed[t] % PACK) + PACK) % PACK;
  return ord;
}

interface Built {
  problem: AssignmentProblem;
  read(sol: AssignmentSolution): ChosenPair[];
  /** The certificate reads: SCALE − q − mentorDual(j) − (SCALE − menteeThreshold(row of i)) ≥ 0. */
  mentorDual(sol: AssignmentSolution, j: number): number;
  menteeThreshold(sol: AssignmentSolution, row: number): number;
}

/** Rows = mentees, columns = mentors with their free places. */
function buildByMentees(rows: Int32Array, g: RowEdges, model: CandidateModel): Built {
  const nM = model.mentors.length;
  const total = g.j.length;
  const adjCost = new Float64Array(total);
  for (let e = 0; e < total; e++) adjCost[e] = SCORE_SCALE - g.q[e];
  const groupStart = g.start;
  const adjCol = g.j;
  const colCap = Int32Array.from(model.mentors.map((m) => m.free));
  const rowGroup = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) rowGroup[r] = r;
  const problem: AssignmentProblem = {
    rowGroup,
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
      for (let r = 0; r < rows.length; r++) {
        const j = sol.rowCol[r];
        if (j < 0) continue;
        for (let k = groupStart[r]; k < groupStart[r + 1]; k++) {
          if (adjCol[k] === j) {
            out.push({ mentee: rows[r], mentor: j, rule: g.rule[k], q: SCORE_SCALE - adjCost[k] });
            break;
          }
        }
      }
      return out;
    },
    mentorDual: (sol, j) => sol.v[j],
    menteeThreshold: (sol, r) => SCORE_SCALE - sol.u[r],
  };
}

/** Rows = mentors' free places (a mentor's places share its edges), columns = mentees. */
function buildBySlots(rows: Int32Array, g: RowEdges, model: CandidateModel): Built {
  const nM = model.mentors.length;
  // Transpose mentee edge lists into mentor groups.
  const total = g.j.length;
  const groupStart = new Int32Array(nM + 1);
  for (let e = 0; e < total; e++) groupStart[g.j[e] + 1]++;
  for (let j = 0; j < nM; j++) groupStart[j + 1] += groupStart[j];
  const fill = groupStart.slice(0, nM);
  const adjCol = new Int32Array(total);
  const adjCost = new Float64Array(total);
  const adjRule = new Int32Array(total);
  for (let c = 0; c < rows.length; c++) {
    for (let k = g.start[c]; k < g.start[c + 1]; k++) {
      const e = fill[g.j[k]]++;
      adjCol[e] = c;
      adjCost[e] = SCORE_SCALE - g.q[k];
      adjRule[e] = g.rule[k];
    }
  }
  let nSlots = 0;
  for (let j = 0; j < nM; j++) if (groupStart[j + 1] > groupStart[j]) nSlots += model.mentors[j].free;
  const rowGroup = new Int32Array(nSlots);
  let r = 0;
  for (let j = 0; j < nM; j++) {
    const places = groupStart[j + 1] > groupStart[j] ? model.mentors[j].free : 0;
    for (let s = 0; s < places; s++) rowGroup[r++] = j;
  }
  const problem: AssignmentProblem = {
    rowGroup,
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
    menteeThreshold: (sol, c) => SCORE_SCALE - sol.v[c],
  };
}
