/**
 * The score of a candidate pair, in [0, 1], with its reasons in Russian: the weighted mean of
 * - request: the mentee's request words meet the mentor's competencies (a word met only in the
 *   mentor's interests counts half); full when min(3, words in the request) words meet;
 * - preferred: the mentee named this mentor (by ID or full name);
 * - organization: same organisation;
 * - gap: for «ученик – ученик» the mentor is 2–4 grades older (1 or 5: half), or the mentee's age/
 *   grade is within the mentor's «Желаемый возраст наставляемых»;
 * - load: the mentor's share of free places (spreads mentees over mentors).
 * The fast path (`scoreMentee`) and the explanation (`explain`) compute the same numbers.
 */
import { keysOf, matchedPhrasesOf, parseGrade, parseRange, phraseTokens, tokenize, type PhraseTokens, type Token } from './text';
import type { CandidateModel } from './candidates';
import { forEachCandidate } from './candidates';
import type { MatchWeights } from './types';

/** Scores are compared as integers in units of 1/SCORE_SCALE, so the optimum is exact. */
export const SCORE_SCALE = 10000;

interface MentorFeatures {
  comp: Set<string>;
  interests: Set<string>;
  /** The same keys as ids (a mentor has a handful: a scan beats a hash lookup). */
  compIds: Int32Array;
  interestIds: Int32Array;
  org: number;
  grade: number | null;
  range: { min: number; max: number; unit: 'age' | 'grade' } | null;
  load: number;
}

interface MenteeFeatures {
  tokens: Token[];
  keys: string[];
  /** Ids of the keys some mentor has (in `keys` order); the others never meet a mentor. */
  keyIds: Int32Array;
  org: number;
  grade: number | null;
  preferred: number;
  /** Shared by mentees with the same request text. */
  request: RequestWords;
}

interface RequestWords {
  tokens: Token[];
  keys: string[];
  keyIds: Int32Array;
  /** Per token: its key id, −1 for a key no mentor has, −2 for no key (stop-word). */
  tokenIds: Int32Array;
  /** Filled on the first explanation (only suggested pairs and alternatives are explained). */
  phrases?: PhraseTokens;
}

function hasId(ids: Int32Array, id: number): boolean {
  for (let k = 0; k < ids.length; k++) if (ids[k] === id) return true;
  return false;
}

export interface ProfileList {
  mentors: Int32Array;
  rules: Int32Array;
  q: Float64Array;
}

/** A profile's twin groups of mentors (Scorer.mentorTwins), best first. */
export interface ProfileTwins {
  twin: Int32Array;
  q: Float64Array;
  rule: Int32Array;
}

export interface ScoreParts {
  request: number;
  preferred: number;
  organization: number;
  gap: number;
  load: number;
}

interface KeyPosting {
  mentors: Int32Array;
  weight: Float64Array;
}

/**
 * A growable store of scored edges (millions on a large network): mentor Int32, rule and score
 * Uint16 — scores are integers in [0, SCORE_SCALE] and forms are few.
 */
export class ScoredEdges {
  j: Int32Array;
  rule: Uint16Array;
  q: Uint16Array;
  size = 0;
  constructor(cap: number) {
    this.j = new Int32Array(Math.max(16, cap));
    this.rule = new Uint16Array(Math.max(16, cap));
    this.q = new Uint16Array(Math.max(16, cap));
  }
  /** Room for `extra` more edges after `size`. */
  reserve(extra: number): void {
    const need = this.size + extra;
    if (need <= this.j.length) return;
    const cap = Math.max(need, this.j.length * 2);
    const j = new Int32Array(cap);
    j.set(this.j.subarray(0, this.size));
    const rule = new Uint16Array(cap);
    rule.set(this.rule.subarray(0, this.size));
    const q = new Uint16Array(cap);
    q.set(this.q.subarray(0, this.size));
    this.j = j;
    this.rule = rule;
    this.q = q;
  }
}

/** Sentinel of a missing grade/age in the typed feature arrays (real ones are small and ≥ 0). */
const NONE = -1e9;

export class Scorer {
  private readonly mentorF: MentorFeatures[];
  private readonly menteeF: (MenteeFeatures | null)[];
  /** key → mentors having it, with 1 (competency) or 0.5 (interest only). */
  private readonly index = new Map<string, KeyPosting>();
  private readonly acc: Float64Array;
  private readonly stamp: Int32Array;
  private stampValue = 0;
  private readonly wSum: number;
  private readonly pupilForm: boolean[];
  // Mentor features as typed arrays: the hot loops read these, not the objects.
  private readonly mLoad: Float64Array;
  private readonly mOrg: Int32Array;
  private readonly mGrade: Float64Array;
  /** 0: no desired age, 1: ages, 2: grades. */
  private readonly mRangeUnit: Uint8Array;
  private readonly mRangeMin: Float64Array;
  private readonly mRangeMax: Float64Array;
  /** Key id of each key some mentor has. */
  private readonly keyId = new Map<string, number>();

  constructor(
    readonly model: CandidateModel,
    readonly weights: MatchWeights,
  ) {
    const orgIds = new Map<string, number>();
    const orgRaw = new Map<string, number>();
    const orgOf = (s: string | undefined) => {
      const raw = s ?? '';
      const known = orgRaw.get(raw);
      if (known !== undefined) return known;
      const k = raw.toLowerCase().replace(/ё/g, 'е').replace(/[«»"]/g, '').replace(/\s+/g, ' ').trim();
      let id = -1;
      if (k) {
        const seen = orgIds.get(k);
        if (seen === undefined) orgIds.set(k, (id = orgIds.size));
        else id = seen;
      }
      orgRaw.set(raw, id);
      return id;
    };
    const nM = model.mentors.length;
    this.mentorF = model.mentors.map((m) => ({
      comp: keysOf(m.mentor.competencies),
      interests: keysOf(m.mentor.interests),
      org: orgOf(m.mentor.organization),
      grade: m.mentor.category === 'обучающийся' ? parseGrade(m.mentor.position) : null,
      range: parseRange(m.mentor.preferredAge),
      load: m.capacity > 0 ? m.free / m.capacity : 0,
      compIds: new Int32Array(0),
      interestIds: new Int32Array(0),
    }));
    this.mLoad = new Float64Array(nM);
    this.mOrg = new Int32Array(nM);
    this.mGrade = new Float64Array(nM);
    this.mRangeUnit = new Uint8Array(nM);
    this.mRangeMin = new Float64Array(nM);
    this.mRangeMax = new Float64Array(nM);
    this.mentorF.forEach((f, j) => {
      this.mLoad[j] = f.load;
      this.mOrg[j] = f.org;
      this.mGrade[j] = f.grade === null ? NONE : f.grade;
      if (f.range) {
        this.mRangeUnit[j] = f.range.unit === 'grade' ? 2 : 1;
        this.mRangeMin[j] = f.range.min;
        this.mRangeMax[j] = f.range.max;
      }
      for (const k of f.comp) if (!this.keyId.has(k)) this.keyId.set(k, this.keyId.size);
      for (const k of f.interests) if (!this.keyId.has(k)) this.keyId.set(k, this.keyId.size);
      f.compIds = Int32Array.from(f.comp, (k) => this.keyId.get(k)!);
      f.interestIds = Int32Array.from(f.interests, (k) => this.keyId.get(k)!);
    });
    const requestCache = new Map<string, RequestWords>();
    this.menteeF = model.mentees.map((e) => {
      if (e.state !== 'open') return null;
      // Identical requests are common (templates, copied rows): tokenize each text once.
      const text = e.mentee.request ?? '';
      let req = requestCache.get(text);
      if (!req) {
        const tokens = tokenize(e.mentee.request);
        const keys = [...new Set(tokens.map((t) => t.key).filter((k): k is string => !!k))];
        const ids: number[] = [];
        for (const k of keys) {
          const id = this.keyId.get(k);
          if (id !== undefined) ids.push(id);
        }
        const tokenIds = Int32Array.from(tokens, (t) => (t.key ? (this.keyId.get(t.key) ?? -1) : -2));
        req = { tokens, keys, keyIds: Int32Array.from(ids), tokenIds };
        requestCache.set(text, req);
      }
      return {
        tokens: req.tokens,
        keys: req.keys,
        keyIds: req.keyIds,
        request: req,
        org: orgOf(e.mentee.organization),
        grade: e.mentee.category === 'обучающийся' ? parseGrade(e.mentee.grade) : null,
        preferred: e.mentee.preferredMentor ? model.mentorRef(e.mentee.preferredMentor) : -1,
      };
    });
    const lists = new Map<string, Map<number, number>>();
    this.mentorF.forEach((f, j) => {
      for (const k of f.interests) {
        const l = lists.get(k) ?? new Map<number, number>();
        l.set(j, 0.5);
        lists.set(k, l);
      }
      for (const k of f.comp) {
        const l = lists.get(k) ?? new Map<number, number>();
        l.set(j, 1);
        lists.set(k, l);
      }
    });
    for (const [k, l] of lists) this.index.set(k, { mentors: Int32Array.from(l.keys()), weight: Float64Array.from(l.values()) });
    this.acc = new Float64Array(nM);
    this.stamp = new Int32Array(nM);
    this.claim = new Int32Array(nM);
    this.profileOfMentee = new Int32Array(model.mentees.length).fill(-1);
    this.touched = new Int32Array(nM);
    this.touchedRule = new Int32Array(nM);
    if (model.rules.length > 65535 || SCORE_SCALE > 65535) throw new Error('ScoredEdges keeps rules and scores in Uint16');
    this.wSum = weights.request + weights.preferred + weights.organization + weights.gap + weights.load;
    this.pupilForm = model.rules.map((r) => r.mentor.includes('обучающийся') && r.mentee.includes('обучающийся'));
  }

  private gapOf(i: number, j: number, rule: number): number {
    const me = this.menteeF[i]!;
    const mf = this.mentorF[j];
    let g = 0;
    if (this.pupilForm[rule] && me.grade !== null && mf.grade !== null) {
      const d = mf.grade - me.grade;
      g = d >= 2 && d <= 4 ? 1 : d === 1 || d === 5 ? 0.5 : 0;
    }
    if (g < 1 && mf.range) {
      const v = mf.range.unit === 'grade' ? me.grade : this.model.mentees[i].age;
      if (v !== null && v >= mf.range.min && v <= mf.range.max) g = 1;
    }
    return g;
  }

  /** gapOf over the typed arrays (grade/age of the mentee passed in, NONE when unknown). */
  private gapFast(j: number, pupil: boolean, grade: number, age: number): number {
    let g = 0;
    const mg = this.mGrade[j];
    if (pupil && grade !== NONE && mg !== NONE) {
      const d = mg - grade;
      g = d >= 2 && d <= 4 ? 1 : d === 1 || d === 5 ? 0.5 : 0;
    }
    const unit = this.mRangeUnit[j];
    if (g < 1 && unit !== 0) {
      const v = unit === 2 ? grade : age;
      if (v !== NONE && v >= this.mRangeMin[j] && v <= this.mRangeMax[j]) g = 1;
    }
    return g;
  }

  private combine(i: number, j: number, rule: number, reqRaw: number, withPreferred = true): number {
    const me = this.menteeF[i]!;
    const mf = this.mentorF[j];
    const w = this.weights;
    const req = me.keys.length ? Math.min(1, reqRaw / Math.min(3, me.keys.length)) : 0;
    let s = w.request * req + w.load * mf.load;
    if (withPreferred && me.preferred === j) s += w.preferred;
    if (me.org >= 0 && me.org === mf.org) s += w.organization;
    if (w.gap > 0) s += w.gap * this.gapOf(i, j, rule);
    return s / this.wSum;
  }

  /**
   * Mentees alike for every mentor they share no request word with: same forms, organisation,
   * grade and age. Their scores with such mentors are equal, so they are computed once per profile.
   */
  profileOf(i: number): number {
    const known = this.profileOfMentee[i];
    if (known >= 0) return known;
    const key = this.profileKey(i);
    let p = this.profileIds.get(key);
    if (p === undefined) {
      p = this.profiles.length;
      this.profileIds.set(key, p);
      this.profiles.push({ rep: i, list: null });
    }
    this.profileOfMentee[i] = p;
    return p;
  }

  private profileKey(i: number): string {
    const me = this.menteeF[i]!;
    return `${this.model.mentees[i].rules.join(',')}|${me.org}|${me.grade}|${this.model.mentees[i].age}`;
  }

  private readonly profileIds = new Map<string, number>();
  private readonly profileOfMentee: Int32Array;
  private ruleScratch: Int32Array | null = null;
  private countScratch: Int32Array | null = null;
  private readonly profiles: Array<{ rep: number; list: ProfileList | null }> = [];

  /** A profile's candidates (before blocked pairs) with their request-free scores, best first. */
  profileList(p: number): ProfileList {
    const prof = this.profiles[p];
    if (prof.list) return prof.list;
    const i = prof.rep;
    const nM = this.model.mentors.length;
    const ruleOf = (this.ruleScratch ??= new Int32Array(nM)); // first rule of each mentor, −1: not a candidate
    ruleOf.fill(-1);
    const js: number[] = [];
    for (const ri of this.model.mentees[i].rules) {
      const b = this.model.buckets[ri];
      for (let k = 0; k < b.length; k++) {
        const j = b[k];
        if (ruleOf[j] >= 0) continue;
        ruleOf[j] = ri;
        js.push(j);
      }
    }
    // Best first, ties by mentor index: a counting sort on the integer score, filled in mentor order.
    const me = this.menteeF[i]!;
    const w = this.weights;
    const grade = me.grade === null ? NONE : me.grade;
    const age = this.model.mentees[i].age ?? NONE;
    const qOf = new Int32Array(nM);
    const count = (this.countScratch ??= new Int32Array(SCORE_SCALE + 2));
    count.fill(0);
    for (const j of js) {
      const rule = ruleOf[j];
      // combine(i, j, rule, 0, false), term by term in the same order.
      let s = w.request * 0 + w.load * this.mLoad[j];
      if (me.org >= 0 && me.org === this.mOrg[j]) s += w.organization;
      if (w.gap > 0) s += w.gap * this.gapFast(j, this.pupilForm[rule], grade, age);
      const q = Math.round((s / this.wSum) * SCORE_SCALE);
      qOf[j] = q;
      count[SCORE_SCALE - q + 1]++;
    }
    for (let x = 1; x <= SCORE_SCALE + 1; x++) count[x] += count[x - 1];
    const n = js.length;
    const list: ProfileList = { mentors: new Int32Array(n), rules: new Int32Array(n), q: new Float64Array(n) };
    for (let j = 0; j < nM; j++) {
      if (ruleOf[j] < 0) continue;
      const t = count[SCORE_SCALE - qOf[j]]++;
      list.mentors[t] = j;
      list.rules[t] = ruleOf[j];
      list.q[t] = qOf[j];
    }
    prof.list = list;
    return list;
  }

  /** Number of profiles built so far. */
  get profileCount(): number {
    return this.profiles.length;
  }

  private twins: { of: Int32Array; count: number } | null = null;
  private readonly profileTwinLists = new Map<number, ProfileTwins>();

  /**
   * Mentors alike for every profile: open for the same forms, same organisation, grade, desired
   * age and share of free places. Mentors of one twin group score the same with any mentee that
   * shares no request word with them. `of[j]` is −1 for a mentor open for no form.
   */
  mentorTwins(): { of: Int32Array; count: number } {
    if (this.twins) return this.twins;
    const nM = this.model.mentors.length;
    const of = new Int32Array(nM).fill(-1);
    const ids = new Map<string, number>();
    const nR = this.model.rules.length;
    for (let j = 0; j < nM; j++) {
      let mask = '';
      for (let r = 0; r < nR; r++) if (this.candidateRule([r], j) >= 0) mask += `${r},`;
      if (!mask) continue;
      const key = `${mask}|${this.mLoad[j]}|${this.mOrg[j]}|${this.mGrade[j]}|${this.mRangeUnit[j]}|${this.mRangeMin[j]}|${this.mRangeMax[j]}`;
      let t = ids.get(key);
      if (t === undefined) ids.set(key, (t = ids.size));
      of[j] = t;
    }
    return (this.twins = { of, count: ids.size });
  }

  /** The twin groups among a profile's candidates, each once, best first, with their request-free score and rule. */
  profileTwins(p: number): ProfileTwins {
    let out = this.profileTwinLists.get(p);
    if (out) return out;
    const L = this.profileList(p);
    const { of, count } = this.mentorTwins();
    const seen = new Uint8Array(count);
    const twin: number[] = [];
    const q: number[] = [];
    const rule: number[] = [];
    for (let k = 0; k < L.mentors.length; k++) {
      const t = of[L.mentors[k]];
      if (seen[t]) continue;
      seen[t] = 1;
      twin.push(t);
      q.push(L.q[k]);
      rule.push(L.rules[k]);
    }
    out = { twin: Int32Array.from(twin), q: Float64Array.from(q), rule: Int32Array.from(rule) };
    this.profileTwinLists.set(p, out);
    return out;
  }

  private readonly touched: Int32Array;
  private readonly touchedRule: Int32Array;

  /**
   * The exact scores of mentee i's candidates that differ from its profile's: mentors sharing a
   * request word, and the desired mentor. Writes them to out at base.. (room for every mentor
   * must be reserved) and returns their number. `mark[j] = markValue` for each one.
   */
  sparse(i: number, mark: Int32Array, markValue: number, out: ScoredEdges, base: number): number {
    const me = this.menteeF[i];
    if (!me) return 0;
    const st = ++this.stampValue;
    const touched = this.touched;
    const touchedRule = this.touchedRule;
    const stamp = this.stamp;
    const acc = this.acc;
    const claim = this.claim;
    let nt = 0;
    const info = this.model.mentees[i];
    const byRule = this.ruleIndex();
    const keyIds = me.keyIds;
    // Rules in the mentee's order: a mentor is claimed by the first rule whose bucket holds it.
    for (const r of info.rules) {
      const index = byRule[r];
      for (let x = 0; x < keyIds.length; x++) {
        const e = index[keyIds[x]];
        if (!e) continue;
        const ms = e.mentors;
        const ws = e.weight;
        for (let t = 0; t < ms.length; t++) {
          const j = ms[t];
          if (stamp[j] !== st) {
            stamp[j] = st;
            acc[j] = 0;
            claim[j] = r;
            touched[nt] = j;
            touchedRule[nt++] = r;
          } else if (claim[j] !== r) continue;
          acc[j] += ws[t];
        }
      }
    }
    const pj = me.preferred;
    if (pj >= 0 && stamp[pj] !== st) {
      const r = this.candidateRule(info.rules, pj);
      if (r >= 0) {
        stamp[pj] = st;
        acc[pj] = 0;
        touched[nt] = pj;
        touchedRule[nt++] = r;
      }
    }
    // The same arithmetic as combine(), in the same order, so the numbers are identical.
    const blocked = this.model.blocked.get(i);
    const w = this.weights;
    const nk = me.keys.length;
    const denom = Math.min(3, nk);
    const org = me.org;
    const grade = me.grade === null ? NONE : me.grade;
    const age = info.age === null ? NONE : info.age;
    const wSum = this.wSum;
    const outJ = out.j;
    const outRule = out.rule;
    const outQ = out.q;
    const wRequest = w.request;
    const wLoad = w.load;
    const wPreferred = w.preferred;
    const wOrganization = w.organization;
    const wGap = w.gap;
    const mLoad = this.mLoad;
    const mOrg = this.mOrg;
    const pupilForm = this.pupilForm;
    let n = base;
    for (let t = 0; t < nt; t++) {
      const j = touched[t];
      if (blocked && blocked.has(j)) continue;
      const rule = touchedRule[t];
      mark[j] = markValue;
      const req = nk ? Math.min(1, acc[j] / denom) : 0;
      let s = wRequest * req + wLoad * mLoad[j];
      if (pj === j) s += wPreferred;
      if (org >= 0 && org === mOrg[j]) s += wOrganization;
      if (wGap > 0) s += wGap * this.gapFast(j, pupilForm[rule], grade, age);
      outJ[n] = j;
      outRule[n] = rule;
      outQ[n++] = Math.round((s / wSum) * SCORE_SCALE);
    }
    return n - base;
  }

  private readonly claim: Int32Array;
  private byRule: Array<Array<KeyPosting | undefined>> | null = null;

  /** Per rule, by key id: mentors of the rule's bucket having the key (1 competency, 0.5 interest only). */
  private ruleIndex(): Array<Array<KeyPosting | undefined>> {
    if (this.byRule) return this.byRule;
    this.byRule = this.model.buckets.map((b) => {
      const lists = new Map<string, { m: number[]; w: number[] }>();
      for (let k = 0; k < b.length; k++) {
        const j = b[k];
        const f = this.mentorF[j];
        const put = (key: string, w: number) => {
          let l = lists.get(key);
          if (!l) lists.set(key, (l = { m: [], w: [] }));
          l.m.push(j);
          l.w.push(w);
        };
        for (const key of f.comp) put(key, 1);
        for (const key of f.interests) if (!f.comp.has(key)) put(key, 0.5);
      }
      const out = new Array<KeyPosting | undefined>(this.keyId.size);
      for (const [key, l] of lists) out[this.keyId.get(key)!] = { mentors: Int32Array.from(l.m), weight: Float64Array.from(l.w) };
      return out;
    });
    return this.byRule;
  }

  private inBucket: Uint8Array[] | null = null;

  /** The first of the rules whose bucket holds mentor j, or -1. */
  candidateRule(rules: readonly number[], j: number): number {
    if (!this.inBucket) {
      this.inBucket = this.model.buckets.map((b) => {
        const a = new Uint8Array(this.model.mentors.length);
        for (let k = 0; k < b.length; k++) a[b[k]] = 1;
        return a;
      });
    }
    for (const r of rules) if (this.inBucket[r][j]) return r;
    return -1;
  }

  /** Integer score (units of 1/SCORE_SCALE) of every candidate of mentee i (reference path). */
  scoreMentee(i: number, candStamp: Int32Array, candStampValue: number, fn: (j: number, rule: number, q: number) => void): void {
    const me = this.menteeF[i];
    if (!me) return;
    const st = ++this.stampValue;
    for (const k of me.keys) {
      const e = this.index.get(k);
      if (!e) continue;
      for (let t = 0; t < e.mentors.length; t++) {
        const j = e.mentors[t];
        if (this.stamp[j] !== st) {
          this.stamp[j] = st;
          this.acc[j] = 0;
        }
        this.acc[j] += e.weight[t];
      }
    }
    forEachCandidate(this.model, i, candStamp, candStampValue, (j, rule) => {
      const raw = this.stamp[j] === st ? this.acc[j] : 0;
      fn(j, rule, Math.round(this.combine(i, j, rule, raw) * SCORE_SCALE));
    });
  }

  /** The score parts and Russian reasons of one pair (the same numbers as scoreMentee). */
  explain(i: number, j: number, rule: number): { q: number; score: number; parts: ScoreParts; reasons: string[] } {
    const me = this.menteeF[i]!;
    const mf = this.mentorF[j];
    const info = this.model.mentors[j];
    let raw = 0;
    // Keys no mentor has add 0; sums of 1 and 0.5 are exact in any order.
    const ids = me.keyIds;
    for (let x = 0; x < ids.length; x++) raw += hasId(mf.compIds, ids[x]) ? 1 : hasId(mf.interestIds, ids[x]) ? 0.5 : 0;
    const q = Math.round(this.combine(i, j, rule, raw) * SCORE_SCALE);
    const w = this.weights;
    const parts: ScoreParts = {
      request: me.keys.length ? Math.min(1, raw / Math.min(3, me.keys.length)) : 0,
      preferred: me.preferred === j ? 1 : 0,
      organization: me.org >= 0 && me.org === mf.org ? 1 : 0,
      gap: this.gapOf(i, j, rule),
      load: mf.load,
    };
    const reasons: Array<[number, string]> = [];
    if (parts.request > 0) {
      const req = me.request;
      const phrases = (req.phrases ??= phraseTokens(this.model.mentees[i].mentee.request ?? '', me.tokens));
      const tid = req.tokenIds;
      const byComp = matchedPhrasesOf(phrases, (t) => tid[t] >= 0 && hasId(mf.compIds, tid[t]));
      if (byComp.length) reasons.push([w.request * 2, `совпадает запрос: ${byComp.join(', ')}`]);
      const byInterest = matchedPhrasesOf(phrases, (t) => tid[t] >= 0 && !hasId(mf.compIds, tid[t]) && hasId(mf.interestIds, tid[t]));
      if (byInterest.length) reasons.push([w.request, `запрос совпадает с интересами наставника: ${byInterest.join(', ')}`]);
    }
    if (parts.preferred) reasons.push([w.preferred, 'желаемый наставник']);
    if (parts.organization) reasons.push([w.organization, 'одна организация']);
    if (parts.gap > 0) {
      const d = mf.grade !== null && me.grade !== null ? mf.grade - me.grade : null;
      if (this.pupilForm[rule] && d !== null && d >= 1 && d <= 5) reasons.push([w.gap * parts.gap, `наставник старше на ${d} ${classWord(d)}`]);
      else if (mf.range) {
        const r = mf.range;
        const span = r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
        reasons.push([w.gap, r.unit === 'grade' ? `класс подходит наставнику (${span} класс)` : `возраст подходит наставнику (${span} лет)`]);
      }
    }
    if (parts.load > 0) reasons.push([w.load * parts.load, `свободных мест у наставника: ${info.free} из ${info.capacity}`]);
    reasons.sort((a, b) => b[0] - a[0]);
    return { q, score: q / SCORE_SCALE, parts, reasons: reasons.map((r) => r[1]) };
  }
}

function classWord(n: number): string {
  return n === 1 ? 'класс' : n <= 4 ? 'класса' : 'классов';
}
