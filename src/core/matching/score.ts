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
import { keysOf, matchedPhrases, parseGrade, parseRange, tokenize, type Token } from './text';
import type { CandidateModel } from './candidates';
import { forEachCandidate } from './candidates';
import type { MatchWeights } from './types';

/** Scores are compared as integers in units of 1/SCORE_SCALE, so the optimum is exact. */
export const SCORE_SCALE = 10000;

interface MentorFeatures {
  comp: Set<string>;
  interests: Set<string>;
  org: number;
  grade: number | null;
  range: { min: number; max: number; unit: 'age' | 'grade' } | null;
  load: number;
}

interface MenteeFeatures {
  tokens: Token[];
  keys: string[];
  org: number;
  grade: number | null;
  preferred: number;
}

export interface ProfileList {
  mentors: Int32Array;
  rules: Int32Array;
  q: Float64Array;
}

export interface ScoreParts {
  request: number;
  preferred: number;
  organization: number;
  gap: number;
  load: number;
}

export class Scorer {
  private readonly mentorF: MentorFeatures[];
  private readonly menteeF: (MenteeFeatures | null)[];
  /** key → mentors having it, with 1 (competency) or 0.5 (interest only). */
  private readonly index = new Map<string, { mentors: Int32Array; weight: Float64Array }>();
  private readonly acc: Float64Array;
  private readonly stamp: Int32Array;
  private stampValue = 0;
  private readonly wSum: number;
  private readonly pupilForm: boolean[];

  constructor(
    readonly model: CandidateModel,
    readonly weights: MatchWeights,
  ) {
    const orgIds = new Map<string, number>();
    const orgOf = (s: string | undefined) => {
      const k = (s ?? '').toLowerCase().replace(/ё/g, 'е').replace(/[«»"]/g, '').replace(/\s+/g, ' ').trim();
      if (!k) return -1;
      let id = orgIds.get(k);
      if (id === undefined) orgIds.set(k, (id = orgIds.size));
      return id;
    };
    this.mentorF = model.mentors.map((m) => ({
      comp: keysOf(m.mentor.competencies),
      interests: keysOf(m.mentor.interests),
      org: orgOf(m.mentor.organization),
      grade: m.mentor.category === 'обучающийся' ? parseGrade(m.mentor.position) : null,
      range: parseRange(m.mentor.preferredAge),
      load: m.capacity > 0 ? m.free / m.capacity : 0,
    }));
    this.menteeF = model.mentees.map((e) => {
      if (e.state !== 'open') return null;
      const tokens = tokenize(e.mentee.request);
      const keys = [...new Set(tokens.map((t) => t.key).filter((k): k is string => !!k))];
      return {
        tokens,
        keys,
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
    this.acc = new Float64Array(model.mentors.length);
    this.stamp = new Int32Array(model.mentors.length);
    this.claim = new Int32Array(model.mentors.length);
    this.touched = new Int32Array(model.mentors.length);
    this.touchedRule = new Int32Array(model.mentors.length);
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
    const key = this.profileKey(i);
    let p = this.profileIds.get(key);
    if (p === undefined) {
      p = this.profiles.length;
      this.profileIds.set(key, p);
      this.profiles.push({ rep: i, list: null });
    }
    return p;
  }

  private profileKey(i: number): string {
    const me = this.menteeF[i]!;
    return `${this.model.mentees[i].rules.join(',')}|${me.org}|${me.grade}|${this.model.mentees[i].age}`;
  }

  private readonly profileIds = new Map<string, number>();
  private readonly profiles: Array<{ rep: number; list: ProfileList | null }> = [];

  /** A profile's candidates (before blocked pairs) with their request-free scores, best first. */
  profileList(p: number): ProfileList {
    const prof = this.profiles[p];
    if (prof.list) return prof.list;
    const i = prof.rep;
    const js: number[] = [];
    const rs: number[] = [];
    const seen = new Set<number>();
    for (const ri of this.model.mentees[i].rules) {
      const b = this.model.buckets[ri];
      for (let k = 0; k < b.length; k++) {
        const j = b[k];
        if (seen.has(j)) continue;
        seen.add(j);
        js.push(j);
        rs.push(ri);
      }
    }
    const qs = js.map((j, k) => Math.round(this.combine(i, j, rs[k], 0, false) * SCORE_SCALE));
    const order = js.map((_, k) => k).sort((a, b) => qs[b] - qs[a] || js[a] - js[b]);
    prof.list = {
      mentors: Int32Array.from(order.map((k) => js[k])),
      rules: Int32Array.from(order.map((k) => rs[k])),
      q: Float64Array.from(order.map((k) => qs[k])),
    };
    return prof.list;
  }

  /** Number of profiles built so far. */
  get profileCount(): number {
    return this.profiles.length;
  }

  /**
   * The exact scores of mentee i's candidates that differ from its profile's: mentors sharing a
   * request word, and the desired mentor. `mark[j] = markValue` for each one visited.
   */
  sparse(i: number, mark: Int32Array, markValue: number, fn: (j: number, rule: number, q: number) => void): void {
    const me = this.menteeF[i];
    if (!me) return;
    const st = ++this.stampValue;
    const touched = this.touched;
    const touchedRule = this.touchedRule;
    let nt = 0;
    const info = this.model.mentees[i];
    const byRule = this.ruleIndex();
    // Rules in the mentee's order: a mentor is claimed by the first rule whose bucket holds it.
    for (const r of info.rules) {
      const index = byRule[r];
      for (const k of me.keys) {
        const e = index.get(k);
        if (!e) continue;
        for (let t = 0; t < e.mentors.length; t++) {
          const j = e.mentors[t];
          if (this.stamp[j] !== st) {
            this.stamp[j] = st;
            this.acc[j] = 0;
            this.claim[j] = r;
            touched[nt] = j;
            touchedRule[nt++] = r;
          } else if (this.claim[j] !== r) continue;
          this.acc[j] += e.weight[t];
        }
      }
    }
    const pj = me.preferred;
    if (pj >= 0 && this.stamp[pj] !== st) {
      const r = this.candidateRule(info.rules, pj);
      if (r >= 0) {
        this.stamp[pj] = st;
        this.acc[pj] = 0;
        touched[nt] = pj;
        touchedRule[nt++] = r;
      }
    }
    const blocked = this.model.blocked.get(i);
    for (let t = 0; t < nt; t++) {
      const j = touched[t];
      if (blocked && blocked.has(j)) continue;
      mark[j] = markValue;
      fn(j, touchedRule[t], Math.round(this.combine(i, j, touchedRule[t], this.acc[j]) * SCORE_SCALE));
    }
  }

  private readonly claim: Int32Array;
  private readonly touched: Int32Array;
  private readonly touchedRule: Int32Array;
  private byRule: Array<Map<string, { mentors: Int32Array; weight: Float64Array }>> | null = null;

  /** Per rule: key → mentors of the rule's bucket having it (1 competency, 0.5 interest only). */
  private ruleIndex(): Array<Map<string, { mentors: Int32Array; weight: Float64Array }>> {
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
      const out = new Map<string, { mentors: Int32Array; weight: Float64Array }>();
      for (const [key, l] of lists) out.set(key, { mentors: Int32Array.from(l.m), weight: Float64Array.from(l.w) });
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
    for (const k of me.keys) raw += mf.comp.has(k) ? 1 : mf.interests.has(k) ? 0.5 : 0;
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
    const request = this.model.mentees[i].mentee.request ?? '';
    if (parts.request > 0) {
      const byComp = matchedPhrases(request, me.tokens, (k) => mf.comp.has(k));
      if (byComp.length) reasons.push([w.request * 2, `совпадает запрос: ${byComp.join(', ')}`]);
      const byInterest = matchedPhrases(request, me.tokens, (k) => !mf.comp.has(k) && mf.interests.has(k));
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
