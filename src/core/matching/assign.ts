/**
 * Exact assignment: maximum number of matched mentees first, then maximum total score, under the
 * mentors' capacities — as a minimum-cost flow.
 *
 * Network. Rows (sources) each place `rowSupply` units, on columns (sinks with capacities) or on
 * their private dummy (cost `dummyCost` a unit: left unmatched). Arcs go row → column, row → hub
 * and hub → column and have no capacity of their own. A hub is a middle node through which rows
 * reach a group of interchangeable mentors with one arc instead of one arc per mentor; a row may
 * stand for several identical mentees (supply > 1). So a register where hundreds of mentees look
 * alike to hundreds of mentors becomes a small transportation problem instead of a huge plateau
 * of tied edges. With dummyCost > units · SCALE one more matched pair outweighs any score
 * difference, so the minimum-cost flow is lexicographically optimal: most pairs, then best score.
 *
 * Algorithm. Successive shortest paths one source row at a time (as the Hungarian method /
 * Jonker–Volgenant adds rows one by one), Dijkstra on reduced costs cost + p[tail] − p[head] ≥ 0
 * over the residual graph; each augmentation moves as many units as the path allows. Every
 * augmentation keeps the reduced costs of all residual arcs ≥ 0, so the result is optimal for the
 * network solved, and integer costs keep every potential an exact integer. A search stops at the
 * first free sink; among equal distances free sinks come first, so a plateau of tied paths is not
 * explored once a free place is at hand.
 */

export interface FlowNetwork {
  nRows: number;
  nHubs: number;
  nCols: number;
  /** Units each row must place (on a column or on its dummy). */
  rowSupply: Int32Array;
  colCap: Int32Array;
  /** Out-arcs of node t (rows, then hubs): outStart[t] .. outStart[t+1]−1. */
  outStart: Int32Array;
  /** Head of each arc: hub nRows + h or column nRows + nHubs + c. */
  head: Int32Array;
  /** Integer costs ≥ 0. */
  cost: Float64Array;
  /** Cost of a unit left unplaced; > units · max path cost for max-cardinality-first. */
  dummyCost: number;
}

export interface FlowSolution {
  flow: Int32Array;
  /** Units of each row left on its dummy (unmatched). */
  dummyFlow: Int32Array;
  /** Potentials of rows, hubs and columns (node ids as in FlowNetwork): cost + p[tail] − p[head] ≥ 0 on every residual arc. */
  p: Float64Array;
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

export function solveFlow(net: FlowNetwork): FlowSolution {
  const { nRows, nHubs, nCols, rowSupply, colCap, outStart, head, cost, dummyCost } = net;
  const colBase = nRows + nHubs;
  const N = colBase + nCols; // the dummy of row r is node N + r
  const nArcs = head.length;
  const tail = new Int32Array(nArcs);
  for (let t = 0; t < colBase; t++) for (let e = outStart[t]; e < outStart[t + 1]; e++) tail[e] = t;
  // Arcs carrying flow into hub/column x (indexed x − nRows): inArc[inStart[x] .. inStart[x] + nIn[x]).
  // A search walks back only along these, never over the idle arcs of a busy node.
  const inStart = new Int32Array(nHubs + nCols + 1);
  for (let e = 0; e < nArcs; e++) inStart[head[e] - nRows + 1]++;
  for (let x = 0; x < nHubs + nCols; x++) inStart[x + 1] += inStart[x];
  const inArc = new Int32Array(nArcs);
  const inPos = new Int32Array(nArcs);
  const nIn = new Int32Array(nHubs + nCols);
  const flow = new Int32Array(nArcs);
  const dummyFlow = new Int32Array(nRows);
  const load = new Int32Array(nCols);
  const nNodes = N + nRows;
  const p = new Float64Array(nNodes);
  const dist = new Float64Array(nNodes);
  const seen = new Int32Array(nNodes);
  const done = new Int32Array(nNodes);
  // How a node was reached: arc e forward (e ≥ 0) or backward (−1 − e); a dummy only from its row.
  const pred = new Int32Array(nNodes);
  // A search finalises each node at most once: a fixed-size list, no growth.
  const finalized = new Int32Array(nNodes);
  const heap = new Heap(1024);
  let stamp = 0;

  const isFree = (x: number) => x >= N || (x >= colBase && load[x - colBase] < colCap[x - colBase]);
  // Heap key 2·distance + (0 free sink | 1 other): distances are integers, so ties pop free sinks first.
  const relax = (x: number, nd: number, how: number) => {
    if (done[x] === stamp) return;
    if (seen[x] !== stamp || nd < dist[x]) {
      seen[x] = stamp;
      dist[x] = nd;
      pred[x] = how;
      heap.push(2 * nd + (isFree(x) ? 0 : 1), x);
    }
  };
  const addFlow = (e: number, delta: number) => {
    const before = flow[e];
    const after = (flow[e] = before + delta);
    const x = head[e] - nRows;
    if (before === 0 && after > 0) {
      const at = inStart[x] + nIn[x]++;
      inArc[at] = e;
      inPos[e] = at;
    } else if (before > 0 && after === 0) {
      const at = inPos[e];
      const last = inStart[x] + --nIn[x];
      const moved = inArc[last];
      inArc[at] = moved;
      inPos[moved] = at;
    }
  };

  for (let s = 0; s < nRows; s++) {
    let rem = rowSupply[s];
    if (rem <= 0) continue;
    // p[s]: the least value keeping every out-arc of s dual feasible (s has no arcs in yet).
    let best = p[N + s] - dummyCost;
    for (let e = outStart[s]; e < outStart[s + 1]; e++) {
      const x = p[head[e]] - cost[e];
      if (x > best) best = x;
    }
    p[s] = best;
    while (rem > 0) {
      stamp++;
      heap.size = 0;
      let nFin = 0;
      seen[s] = stamp;
      dist[s] = 0;
      heap.push(1, s);
      let terminal = -1;
      let D = 0;
      while (heap.size > 0) {
        const y = heap.pop();
        if (done[y] === stamp) continue;
        const free = isFree(y);
        if (heap.lastKey !== 2 * dist[y] + (free ? 0 : 1)) continue;
        done[y] = stamp;
        if (free) {
          terminal = y;
          D = dist[y];
          break;
        }
        finalized[nFin++] = y;
        const d = dist[y];
        const py = p[y];
        if (y < colBase) {
          for (let e = outStart[y], end = outStart[y + 1]; e < end; e++) {
            const x = head[e];
            if (done[x] !== stamp) relax(x, d + cost[e] + py - p[x], e);
          }
          if (y < nRows) relax(N + y, d + dummyCost + py - p[N + y], y);
        }
        if (y >= nRows) {
          const b = y - nRows;
          for (let t = inStart[b], end = inStart[b] + nIn[b]; t < end; t++) {
            const e = inArc[t];
            const x = tail[e];
            if (done[x] !== stamp) relax(x, d - cost[e] + py - p[x], -1 - e);
          }
        }
      }
      if (terminal < 0) throw new Error('assignment: no augmenting path (dummies make this impossible)');

      // Potentials: keep reduced costs ≥ 0 and make the path tight.
      for (let t = 0; t < nFin; t++) {
        const x = finalized[t];
        p[x] -= D - dist[x];
      }

      // As many units as the path allows: the source's remainder, the sink's free places, the
      // flow on each arc walked backwards.
      let delta = rem;
      if (terminal < N) delta = Math.min(delta, colCap[terminal - colBase] - load[terminal - colBase]);
      let x = terminal >= N ? terminal - N : terminal;
      while (x !== s) {
        const a = pred[x];
        if (a >= 0) x = tail[a];
        else {
          const e = -1 - a;
          if (flow[e] < delta) delta = flow[e];
          x = head[e];
        }
      }
      if (terminal >= N) dummyFlow[terminal - N] += delta;
      else load[terminal - colBase] += delta;
      x = terminal >= N ? terminal - N : terminal;
      while (x !== s) {
        const a = pred[x];
        if (a >= 0) {
          addFlow(a, delta);
          x = tail[a];
        } else {
          const e = -1 - a;
          addFlow(e, -delta);
          x = head[e];
        }
      }
      rem -= delta;
    }
  }
  return { flow, dummyFlow, p: p.subarray(0, N) };
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

/** Edges (class, mentor, rule, q) in the order they were added. */
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

  /** Edges grouped by class, each class's in the order they were added. */
  byClass(nClasses: number): ClassEdges {
    const start = new Int32Array(nClasses + 1);
    for (let e = 0; e < this.size; e++) start[this.i[e] + 1]++;
    for (let c = 0; c < nClasses; c++) start[c + 1] += start[c];
    const fill = start.slice(0, nClasses);
    const j = new Int32Array(this.size);
    const rule = new Int32Array(this.size);
    const q = new Int32Array(this.size);
    for (let e = 0; e < this.size; e++) {
      const k = fill[this.i[e]]++;
      j[k] = this.j[e];
      rule[k] = this.rule[e];
      q[k] = this.q[e];
    }
    return { start, j, rule, q };
  }
}

/** Direct edges of each class (CSR). */
interface ClassEdges {
  start: Int32Array;
  j: Int32Array;
  rule: Int32Array;
  q: Int32Array;
}

/**
 * Arcs of a FlowNetwork collected in any order, with what reading pairs needs: the class (−1 below
 * a hub), the mentor end (−1: none), the hub end (−1: none; below a hub: the child hub) and, below
 * a hub, its parent hub; and the pair's rule and score.
 */
class ArcList {
  size = 0;
  private cap = 1024;
  private cols: { tail: Int32Array; head: Int32Array; cost: Float64Array; rule: Int32Array; q: Int32Array; cls: Int32Array; mentor: Int32Array; hub: Int32Array; parent: Int32Array };
  constructor() {
    const n = this.cap;
    this.cols = { tail: new Int32Array(n), head: new Int32Array(n), cost: new Float64Array(n), rule: new Int32Array(n), q: new Int32Array(n), cls: new Int32Array(n), mentor: new Int32Array(n), hub: new Int32Array(n), parent: new Int32Array(n) };
  }

  push(tail: number, head: number, cost: number, rule: number, q: number, cls: number, mentor: number, hub: number, parent = -1): void {
    if (this.size === this.cap) {
      this.cap *= 2;
      const a = this.cols;
      const grow = <T extends Int32Array | Float64Array>(x: T, y: T): T => (y.set(x), y);
      const n = this.cap;
      this.cols = {
        tail: grow(a.tail, new Int32Array(n)),
        head: grow(a.head, new Int32Array(n)),
        cost: grow(a.cost, new Float64Array(n)),
        rule: grow(a.rule, new Int32Array(n)),
        q: grow(a.q, new Int32Array(n)),
        cls: grow(a.cls, new Int32Array(n)),
        mentor: grow(a.mentor, new Int32Array(n)),
        hub: grow(a.hub, new Int32Array(n)),
        parent: grow(a.parent, new Int32Array(n)),
      };
    }
    const e = this.size++;
    const a = this.cols;
    a.tail[e] = tail;
    a.head[e] = head;
    a.cost[e] = cost;
    a.rule[e] = rule;
    a.q[e] = q;
    a.cls[e] = cls;
    a.mentor[e] = mentor;
    a.hub[e] = hub;
    a.parent[e] = parent;
  }

  /** Grouped by tail (stable): out-arcs of tail t at outStart[t] .. outStart[t+1]−1. */
  csr(nTails: number) {
    const n = this.size;
    const a = this.cols;
    const outStart = new Int32Array(nTails + 1);
    for (let e = 0; e < n; e++) outStart[a.tail[e] + 1]++;
    for (let t = 0; t < nTails; t++) outStart[t + 1] += outStart[t];
    const fill = outStart.slice(0, nTails);
    const at = new Int32Array(n);
    for (let e = 0; e < n; e++) at[e] = fill[a.tail[e]]++;
    const permute = <T extends Int32Array | Float64Array>(x: T, y: T): T => {
      for (let e = 0; e < n; e++) y[at[e]] = x[e];
      return y;
    };
    return {
      outStart,
      head: permute(a.head, new Int32Array(n)),
      cost: permute(a.cost, new Float64Array(n)),
      rule: permute(a.rule, new Int32Array(n)),
      q: permute(a.q, new Int32Array(n)),
      cls: permute(a.cls, new Int32Array(n)),
      mentor: permute(a.mentor, new Int32Array(n)),
      hub: permute(a.hub, new Int32Array(n)),
      parent: permute(a.parent, new Int32Array(n)),
    };
  }
}

/** What the network builders need to know about the classes of mentees. */
interface Classes {
  count: number;
  rep: Int32Array;
  size: Int32Array;
  /** Members of class c, by mentee index: member[memberStart[c] .. memberStart[c+1]−1]. */
  memberStart: Int32Array;
  member: Int32Array;
  profile: Int32Array;
  /** 1: reaches every candidate (request-matching pairs directly, the rest through hubs). */
  viaHubs: Uint8Array;
  /** Arcs of class c to hubs (−1 − h) or single mentors (j), with score and rule: hubArcStart[c] .. hubArcStart[c+1]−1. */
  hubArcStart: Int32Array;
  hubTarget: Int32Array;
  hubQ: Int32Array;
  hubRule: Int32Array;
  forest: HubForest;
}

/**
 * The hubs through which classes reach twin mentors. A twin group has a root hub with an arc to
 * each member. A class that must not meet some members (blocked pairs) reaches the others
 * through the canonical segments of the group (members by index, halved recursively) that avoid
 * them: O(log size) arcs for each blocked member, each segment a hub with arcs to its two halves,
 * shared by every class that needs it.
 */
class HubForest {
  /** Per hub: its children, mentors (j ≥ 0) or hubs (−1 − h). */
  readonly children: number[][] = [];
  /** Per twin group: its members by mentor index; a mentor's position there. */
  private readonly members: number[][];
  private readonly pos: Int32Array;
  private readonly root: Int32Array;
  private readonly segment = new Map<string, number>();

  constructor(twinOf: Int32Array, nTwins: number) {
    this.members = Array.from({ length: nTwins }, () => []);
    this.pos = new Int32Array(twinOf.length).fill(-1);
    for (let j = 0; j < twinOf.length; j++) {
      if (twinOf[j] < 0) continue;
      this.pos[j] = this.members[twinOf[j]].length;
      this.members[twinOf[j]].push(j);
    }
    this.root = new Int32Array(nTwins).fill(-1);
  }

  get count(): number {
    return this.children.length;
  }

  /** Number of arcs cover() emits for group t without the (blocked) mentors `out`. */
  coverSize(t: number, out: readonly number[] | undefined): number {
    if (!out) return 1;
    let n = 0;
    this.walk(t, out, 0, this.members[t].length, () => n++);
    return n;
  }

  /** Targets (hub −1 − h, or a single mentor j) reaching exactly the members of group t but `out`. */
  cover(t: number, out: readonly number[] | undefined, emit: (target: number) => void): void {
    if (!out) {
      if (this.root[t] < 0) this.root[t] = this.add([...this.members[t]]);
      emit(-1 - this.root[t]);
      return;
    }
    this.walk(t, out, 0, this.members[t].length, (lo, hi) => emit(this.segmentOf(t, lo, hi)));
  }

  /** Maximal canonical segments of [lo, hi) holding no position of `out`. */
  private walk(t: number, out: readonly number[], lo: number, hi: number, fn: (lo: number, hi: number) => void): void {
    if (!out.some((j) => this.pos[j] >= lo && this.pos[j] < hi)) {
      fn(lo, hi);
      return;
    }
    if (hi - lo === 1) return;
    const mid = (lo + hi) >> 1;
    this.walk(t, out, lo, mid, fn);
    this.walk(t, out, mid, hi, fn);
  }

  /** The mentor of a one-member segment, else the segment's hub (−1 − h), made with its halves. */
  private segmentOf(t: number, lo: number, hi: number): number {
    if (hi - lo === 1) return this.members[t][lo];
    const key = `${t}|${lo}|${hi}`;
    let h = this.segment.get(key);
    if (h === undefined) {
      const mid = (lo + hi) >> 1;
      h = this.add([this.segmentOf(t, lo, mid), this.segmentOf(t, mid, hi)]);
      this.segment.set(key, h);
    }
    return -1 - h;
  }

  private add(children: number[]): number {
    this.children.push(children);
    return this.children.length - 1;
  }
}

/**
 * Solves the whole instance exactly:
 * 1. one pass scores every candidate pair and keeps, per mentee, its top K mentors and, per
 *    mentor, its top (4·free + slack) mentees;
 * 2. mentees with the same candidates and scores (same profile, same request-matching pairs, the
 *    same blocked mentors) form one class placed as a whole (a row with a supply). A class that is
 *    large next to the number of its profile's mentor twin groups (Scorer.mentorTwins) reaches
 *    every candidate exactly: its request-matching pairs directly, all others through one hub per
 *    twin group. The other classes get a pruned graph: their top list and the mentors' best mentees;
 * 3. the min-cost flow solver runs on that network; in each connected part the rows are the side
 *    with fewer units: mentee classes, or mentors with their free places;
 * 4. a second pass checks the dual certificate on EVERY candidate pair of the pruned classes; any
 *    pair that fails is added and the network solved again. When no pair fails, LP duality proves
 *    the result optimal on the full candidate graph (`stats.certified`).
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

  // Classes. Mentees with the same profile, the same request-matching pairs (mentor, rule and
  // score, in the same order) and the same blocked candidates have the same candidates and scores.
  const sJ = store.j;
  const sR = store.rule;
  const sQ = store.q;
  const sameSparse = (a: number, b: number) => {
    const n = sparseStart[a + 1] - sparseStart[a];
    if (n !== sparseStart[b + 1] - sparseStart[b]) return false;
    for (let k = 0; k < n; k++) {
      const x = sparseStart[a] + k;
      const y = sparseStart[b] + k;
      if (sJ[x] !== sJ[y] || sR[x] !== sR[y] || sQ[x] !== sQ[y]) return false;
    }
    return true;
  };
  const classOf = new Int32Array(nE).fill(-1);
  const reps: number[] = [];
  const sizes: number[] = [];
  const blockedOf: number[][] = [];
  const byKey = new Map<string, number[]>();
  for (const i of open) {
    if (topStart[i + 1] === topStart[i]) continue;
    let h = 0x811c9dc5;
    for (let k = sparseStart[i]; k < sparseStart[i + 1]; k++) {
      h = Math.imul(h ^ sJ[k], 16777619);
      h = Math.imul(h ^ (sR[k] * 65536 + sQ[k]), 16777619);
    }
    const rules = model.mentees[i].rules;
    const blocked = [...(model.blocked.get(i) ?? [])].filter((j) => scorer.candidateRule(rules, j) >= 0).sort((x, y) => x - y);
    const key = `${scorer.profileOf(i)}|${h}|${sparseStart[i + 1] - sparseStart[i]}|${blocked.join(',')}`;
    let same = byKey.get(key);
    if (!same) byKey.set(key, (same = []));
    let c = -1;
    for (const x of same) {
      if (sameSparse(reps[x], i)) {
        c = x;
        break;
      }
    }
    if (c < 0) {
      c = reps.length;
      reps.push(i);
      sizes.push(0);
      blockedOf.push(blocked);
      same.push(c);
    }
    classOf[i] = c;
    sizes[c]++;
  }
  const nC = reps.length;
  const rep = Int32Array.from(reps);
  const size = Int32Array.from(sizes);
  const profile = Int32Array.from(reps, (i) => scorer.profileOf(i));
  const memberStart = new Int32Array(nC + 1);
  for (let c = 0; c < nC; c++) memberStart[c + 1] = memberStart[c] + size[c];
  const member = new Int32Array(memberStart[nC]);
  {
    const fill = memberStart.slice(0, nC);
    for (const i of open) if (classOf[i] >= 0) member[fill[classOf[i]]++] = i;
  }
  // Hubs pay off when they replace about as many pruned edges as they add: a class takes them
  // when its arcs to them number at most K per member, and at least 3K (room for a lone mentee
  // who was paired before: its twin groups plus a few segments around the blocked mentor).
  // Blocked mentors are left out of a class's hubs (HubForest.cover).
  const twins = scorer.mentorTwins();
  const forest = new HubForest(twins.of, twins.count);
  const viaHubs = new Uint8Array(nC);
  const hubArcStart = new Int32Array(nC + 1);
  const hubTarget: number[] = [];
  const hubQ: number[] = [];
  const hubRule: number[] = [];
  const blockedIn = new Map<number, number[]>();
  for (let c = 0; c < nC; c++) {
    const pt = scorer.profileTwins(profile[c]);
    blockedIn.clear();
    for (const j of blockedOf[c]) {
      const t = twins.of[j];
      const list = blockedIn.get(t);
      if (list) list.push(j);
      else blockedIn.set(t, [j]);
    }
    let arcs = 0;
    for (let k = 0; k < pt.twin.length; k++) arcs += forest.coverSize(pt.twin[k], blockedIn.get(pt.twin[k]));
    if (arcs <= Math.max(size[c], 3) * K) {
      viaHubs[c] = 1;
      for (let k = 0; k < pt.twin.length; k++) {
        forest.cover(pt.twin[k], blockedIn.get(pt.twin[k]), (target) => {
          hubTarget.push(target);
          hubQ.push(pt.q[k]);
          hubRule.push(pt.rule[k]);
        });
      }
    }
    hubArcStart[c + 1] = hubTarget.length;
  }
  const classes: Classes = {
    count: nC,
    rep,
    size,
    memberStart,
    member,
    profile,
    viaHubs,
    hubArcStart,
    hubTarget: Int32Array.from(hubTarget),
    hubQ: Int32Array.from(hubQ),
    hubRule: Int32Array.from(hubRule),
    forest,
  };

  // Direct edges: a hub class's request-matching pairs (all of them); a pruned class's top list,
  // then the mentors' best mentees not already there.
  const pruned = new PrunedEdges();
  for (let c = 0; c < nC; c++) {
    const i = rep[c];
    if (viaHubs[c]) for (let k = sparseStart[i]; k < sparseStart[i + 1]; k++) pruned.push(c, sJ[k], sR[k], sQ[k]);
    else for (let t = topStart[i]; t < topStart[i + 1]; t++) pruned.push(c, topJ[t], topR[t], topQ[t]);
  }
  const lastMentorOf = new Int32Array(nC).fill(-1);
  for (let j = 0; j < nM; j++) {
    for (let s = heaps.off[j]; s < heaps.off[j] + heaps.size[j]; s++) {
      const c = classOf[heaps.mentee[s]];
      if (viaHubs[c] || lastMentorOf[c] === j) continue;
      lastMentorOf[c] = j;
      const i = rep[c];
      let known = false;
      for (let t = topStart[i]; t < topStart[i + 1] && !known; t++) known = topJ[t] === j;
      if (!known) pruned.push(c, j, heaps.rule[s], heaps.q[s]);
    }
  }
  phase('pass1');

  let orientation: SolverStats['orientation'];
  let rounds = 0;
  let certified = false;
  let chosen: ChosenPair[];
  let prunedEdges: number;

  for (;;) {
    const graph = pruned.byClass(nC);
    const built = buildNetwork(classes, graph, model);
    orientation = built.orientation;
    prunedEdges = built.network.head.length;
    phase('build');
    const sol = solveFlow(built.network);
    phase('solve');
    chosen = built.read(sol);
    // Pass 2: the certificate q + D(mentor) ≤ T(class) on EVERY candidate pair of a pruned
    // class. Pairs without a shared request word score as their profile, so each profile's list
    // is sorted once by q + D and scanned from the top until the first pair that satisfies it.
    let violations = 0;
    const D = new Float64Array(nM);
    for (let j = 0; j < nM; j++) D[j] = built.mentorDual(sol, j);
    const T = new Float64Array(nC);
    for (let c = 0; c < nC; c++) T[c] = built.classThreshold(sol, c);
    // Only the part of a profile's list above the lowest threshold of its classes can fail.
    const minT = new Float64Array(scorer.profileCount).fill(Infinity);
    for (let c = 0; c < nC; c++) if (!viaHubs[c] && T[c] < minT[profile[c]]) minT[profile[c]] = T[c];
    const sortedByDual = new Map<number, Int32Array>();
    const add = (c: number, j: number, rule: number, q: number) => {
      for (let k = graph.start[c]; k < graph.start[c + 1]; k++) if (graph.j[k] === j) return;
      pruned.push(c, j, rule, q);
      violations++;
    };
    for (let c = 0; c < nC; c++) {
      if (viaHubs[c]) continue;
      const i = rep[c];
      const Tc = T[c];
      const sv = ++stampValue;
      for (let k = sparseStart[i]; k < sparseStart[i + 1]; k++) {
        const j = sJ[k];
        mark[j] = sv;
        if (sQ[k] + D[j] > Tc) add(c, j, sR[k], sQ[k]);
      }
      const p = profile[c];
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
        if (L.q[k] + D[j] <= Tc) break;
        add(c, j, L.rules[k], L.q[k]);
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
  network: FlowNetwork;
  orientation: 'mentees' | 'slots' | 'mixed';
  read(sol: FlowSolution): ChosenPair[];
  /** The certificate reads: a pair (class c, mentor j) of score q is dual feasible iff q + mentorDual(j) ≤ classThreshold(c). */
  mentorDual(sol: FlowSolution, j: number): number;
  classThreshold(sol: FlowSolution, c: number): number;
}

/**
 * The flow network of the classes' edges and hubs. Each connected part is oriented on its own:
 * its rows are the side with fewer units (a part where places are scarce has its mentors as
 * rows), so few rows are ever left on their dummies — a row left there has searched its whole part.
 *
 * Duals. Whatever the orientation, the potentials give one dual solution of the symmetric LP
 * max Σ (dummyCost − SCALE + q)·x, each mentee ≤ 1, mentor j ≤ free(j): a row's dual is
 * dummyCost + p, a column's −p (≥ 0 both), a mentor outside the network 0. A pair not in the
 * network is dual feasible iff α(class) + β(mentor) ≥ dummyCost − SCALE + q.
 */
function buildNetwork(classes: Classes, g: ClassEdges, model: CandidateModel): Built {
  const nM = model.mentors.length;
  const nC = classes.count;
  const forest = classes.forest;
  const nHubs = forest.count;

  // Connected parts: union–find over classes 0..nC−1, mentors nC.., hubs nC + nM...
  const parent = new Int32Array(nC + nM + nHubs);
  for (let x = 0; x < parent.length; x++) parent[x] = x;
  const find = (x: number) => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
  };
  // A target is a hub (−1 − h) or a mentor (j).
  const unionOf = (target: number) => (target < 0 ? nC + nM + (-1 - target) : nC + target);
  const inNetwork = new Uint8Array(nM);
  for (let c = 0; c < nC; c++) {
    for (let k = g.start[c]; k < g.start[c + 1]; k++) {
      union(c, nC + g.j[k]);
      inNetwork[g.j[k]] = 1;
    }
    for (let k = classes.hubArcStart[c]; k < classes.hubArcStart[c + 1]; k++) {
      const target = classes.hubTarget[k];
      union(c, unionOf(target));
      if (target >= 0) inNetwork[target] = 1;
    }
  }
  for (let h = 0; h < nHubs; h++) {
    for (const child of forest.children[h]) {
      union(nC + nM + h, unionOf(child));
      if (child >= 0) inNetwork[child] = 1;
    }
  }
  const menteeUnits = new Float64Array(parent.length);
  const placeUnits = new Float64Array(parent.length);
  let totalMentees = 0;
  let totalPlaces = 0;
  for (let c = 0; c < nC; c++) {
    menteeUnits[find(c)] += classes.size[c];
    totalMentees += classes.size[c];
  }
  for (let j = 0; j < nM; j++) {
    if (!inNetwork[j]) continue;
    placeUnits[find(nC + j)] += model.mentors[j].free;
    totalPlaces += model.mentors[j].free;
  }
  // true: the part's mentors are rows (fewer places than mentees).
  const slotsRows = (x: number) => placeUnits[find(x)] < menteeUnits[find(x)];

  // Node ids: rows (classes, then mentors), hubs, columns (mentors, then classes).
  const nodeOfClass = new Int32Array(nC);
  const nodeOfMentor = new Int32Array(nM).fill(-1);
  const classRow = new Uint8Array(nC);
  const mentorRow = new Uint8Array(nM);
  let nRows = 0;
  for (let c = 0; c < nC; c++) {
    if (slotsRows(c)) continue;
    classRow[c] = 1;
    nodeOfClass[c] = nRows++;
  }
  for (let j = 0; j < nM; j++) {
    if (!inNetwork[j] || !slotsRows(nC + j)) continue;
    mentorRow[j] = 1;
    nodeOfMentor[j] = nRows++;
  }
  const colBase = nRows + nHubs;
  let nCols = 0;
  for (let j = 0; j < nM; j++) if (inNetwork[j] && !mentorRow[j]) nodeOfMentor[j] = colBase + nCols++;
  for (let c = 0; c < nC; c++) if (!classRow[c]) nodeOfClass[c] = colBase + nCols++;
  const rowSupply = new Int32Array(nRows);
  const colCap = new Int32Array(nCols);
  for (let c = 0; c < nC; c++) {
    if (classRow[c]) rowSupply[nodeOfClass[c]] = classes.size[c];
    else colCap[nodeOfClass[c] - colBase] = classes.size[c];
  }
  for (let j = 0; j < nM; j++) {
    if (nodeOfMentor[j] < 0) continue;
    if (mentorRow[j]) rowSupply[nodeOfMentor[j]] = model.mentors[j].free;
    else colCap[nodeOfMentor[j] - colBase] = model.mentors[j].free;
  }

  // Arcs run from the class side to the mentor side where classes are rows, the other way where
  // mentors are. Each keeps what the reading of pairs needs (ArcList).
  const list = new ArcList();
  const nodeOf = (target: number) => (target < 0 ? nRows + (-1 - target) : nodeOfMentor[target]);
  for (let c = 0; c < nC; c++) {
    const x = nodeOfClass[c];
    const pairArc = (target: number, q: number, rule: number) => {
      const y = nodeOf(target);
      const [from, to] = classRow[c] ? [x, y] : [y, x];
      list.push(from, to, SCORE_SCALE - q, rule, q, c, target >= 0 ? target : -1, target < 0 ? -1 - target : -1);
    };
    for (let k = g.start[c]; k < g.start[c + 1]; k++) pairArc(g.j[k], g.q[k], g.rule[k]);
    for (let k = classes.hubArcStart[c]; k < classes.hubArcStart[c + 1]; k++) pairArc(classes.hubTarget[k], classes.hubQ[k], classes.hubRule[k]);
  }
  for (let h = 0; h < nHubs; h++) {
    const x = nRows + h;
    const down = !slotsRows(nC + nM + h);
    for (const child of forest.children[h]) {
      const y = nodeOf(child);
      const [from, to] = down ? [x, y] : [y, x];
      list.push(from, to, 0, -1, -1, -1, child >= 0 ? child : -1, child < 0 ? -1 - child : -1, h);
    }
  }
  const arcs = list.csr(colBase);
  const dummyCost = Math.min(totalMentees, totalPlaces) * SCORE_SCALE + 1;
  const network: FlowNetwork = { nRows, nHubs, nCols, rowSupply, colCap, outStart: arcs.outStart, head: arcs.head, cost: arcs.cost, dummyCost };
  let nClassRows = 0;
  for (let c = 0; c < nC; c++) nClassRows += classRow[c];
  const orientation = nClassRows === nC ? 'mentees' : nClassRows === 0 ? 'slots' : 'mixed';
  const dual = (sol: FlowSolution, node: number) => (node < nRows ? dummyCost + sol.p[node] : -sol.p[node]);
  return {
    network,
    orientation,
    read: (sol) => readPairs(classes, arcs, sol.flow),
    mentorDual: (sol, j) => (nodeOfMentor[j] < 0 ? 0 : -dual(sol, nodeOfMentor[j])),
    classThreshold: (sol, c) => dual(sol, nodeOfClass[c]) + SCORE_SCALE - dummyCost,
  };
}

/**
 * Pairs from a flow: an arc between a class and a mentor gives its units at once; units a class
 * sends into a hub are followed down the hub's children that carry flow to mentors (every way of
 * following them costs the same: arcs below a hub are free). A class's units go to its members in
 * mentee order, by mentor index.
 */
function readPairs(classes: Classes, arcs: ReturnType<ArcList['csr']>, flow: Int32Array): ChosenPair[] {
  const nHubs = classes.forest.count;
  const entries: Array<{ c: number; j: number; rule: number; q: number; units: number }> = [];
  // Arcs from each hub to its children that carry flow, and how much of it is not yet followed.
  const down: number[][] = Array.from({ length: nHubs }, () => []);
  const left = Int32Array.from(flow);
  for (let e = 0; e < flow.length; e++) if (flow[e] > 0 && arcs.cls[e] < 0) down[arcs.parent[e]].push(e);
  const next = new Int32Array(nHubs);
  const follow = (h: number, units: number, c: number, rule: number, q: number) => {
    while (units > 0) {
      const e = down[h][next[h]];
      const u = Math.min(units, left[e]);
      left[e] -= u;
      units -= u;
      if (left[e] === 0) next[h]++;
      if (arcs.mentor[e] >= 0) entries.push({ c, j: arcs.mentor[e], rule, q, units: u });
      else follow(arcs.hub[e], u, c, rule, q);
    }
  };
  for (let e = 0; e < flow.length; e++) {
    const c = arcs.cls[e];
    if (flow[e] === 0 || c < 0) continue;
    if (arcs.mentor[e] >= 0) entries.push({ c, j: arcs.mentor[e], rule: arcs.rule[e], q: arcs.q[e], units: flow[e] });
    else follow(arcs.hub[e], flow[e], c, arcs.rule[e], arcs.q[e]);
  }
  entries.sort((x, y) => x.c - y.c || x.j - y.j || x.rule - y.rule);
  const out: ChosenPair[] = [];
  let c = -1;
  let at = 0;
  for (const x of entries) {
    if (x.c !== c) {
      c = x.c;
      at = classes.memberStart[c];
    }
    for (let u = 0; u < x.units; u++) out.push({ mentee: classes.member[at++], mentor: x.j, rule: x.rule, q: x.q });
  }
  return out;
}
