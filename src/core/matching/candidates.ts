/**
 * Who may mentor whom (DOMAIN.md): the form fits both people, both consented, the mentor is active
 * and has a free place, they were never paired before and the curator did not reject them, a pupil
 * is of the form's age and the teacher-system rule on young specialists holds. Mentees already in a
 * forming/active pair of their form are served and left out; everyone else who cannot be matched
 * gets a Russian reason.
 *
 * Candidates are kept implicit — per form, a bucket of the mentors open for it — so 30 000 × 3 000
 * instances never materialise tens of millions of edges.
 */
import { DEFAULT_FORM_RULES, YOUNG_SPECIALIST, normalizeForm } from '../registers/forms';
import { indexPeople, resolvePerson } from '../registers/people';
import type { Mentee, Mentor, Pair } from '../registers/schemas';
import { ageOn } from '../util/dates';
import type { MatchInput, MatchRule } from './types';

export const OPEN_PAIR_STATUSES: readonly string[] = ['формируется', 'активна'];
const PUPIL_AGE = { min: 10, max: 18 };

export interface MentorInfo {
  index: number;
  mentor: Mentor;
  capacity: number;
  /** Mentees in its forming/active pairs. */
  used: number;
  free: number;
  forms: Set<string>;
}

export interface MenteeInfo {
  index: number;
  mentee: Mentee;
  /** open: to be matched; served: already in a pair of its form; excluded: cannot be (reason). */
  state: 'open' | 'served' | 'excluded';
  reason?: string;
  /** Rule indices the mentee may be matched in (open mentees). */
  rules: number[];
  age: number | null;
}

export interface CandidateModel {
  rules: readonly MatchRule[];
  mentors: MentorInfo[];
  mentees: MenteeInfo[];
  /** Per rule: mentors open for it (category, form listed, consent, active, a free place). */
  buckets: Int32Array[];
  /** Per rule: how far mentors get through the checks (for unmatched reasons). */
  funnel: Array<{ withForm: number; consent: number; active: number; free: number }>;
  /** mentee index → mentor indices never to be proposed (paired before or rejected). */
  blocked: Map<number, Set<number>>;
  /** A mentor's index by ID or full name (-1 when unknown or ambiguous). */
  mentorRef(ref: string): number;
}

const isActive = (status: string | undefined) => !status || status === 'активен';
const hasConsent = (c: string | undefined) => !!c;

function fold(s: string | undefined): string {
  return (s ?? '').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

const formCache = new WeakMap<readonly MatchRule[], Map<string, string | null>>();

function canonicalForm(text: string | undefined, rules: readonly MatchRule[]): string | null {
  if (!text) return null;
  let cache = formCache.get(rules);
  if (!cache) formCache.set(rules, (cache = new Map()));
  let f = cache.get(text);
  if (f === undefined) {
    f = normalizeForm(text, rules) ?? fold(text);
    cache.set(text, f);
  }
  return f;
}

function yearsWord(n: number): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a >= 11 && a <= 14) return 'лет';
  if (b === 1) return 'год';
  if (b >= 2 && b <= 4) return 'года';
  return 'лет';
}

const quoteForms = (forms: string[]) => forms.map((f) => `«${f}»`).join(' или ');

export function buildCandidates(input: MatchInput): CandidateModel {
  const rules = input.rules ?? DEFAULT_FORM_RULES;
  const defaultCapacity = input.defaultCapacity ?? 3;
  const mentorIdx = indexPeople(input.mentors);
  const menteeIdx = indexPeople(input.mentees);
  const mentorPos = new Map<Mentor, number>();
  input.mentors.forEach((m, i) => mentorPos.set(m, i));
  const menteePos = new Map<Mentee, number>();
  input.mentees.forEach((m, i) => menteePos.set(m, i));
  const refMentor = (ref: string): number => {
    const r = resolvePerson(ref, mentorIdx);
    return r.status === 'ok' ? mentorPos.get(r.person)! : -1;
  };
  const refMentee = (ref: string): number => {
    const r = resolvePerson(ref, menteeIdx);
    return r.status === 'ok' ? menteePos.get(r.person)! : -1;
  };

  // Existing pairs: load of mentors, served mentees, pairs never to be proposed again.
  const used = new Array<Set<number>>(input.mentors.length);
  const servedForms = new Map<number, Array<string | null>>();
  const blocked = new Map<number, Set<number>>();
  const block = (mentee: number, mentor: number) => {
    if (mentee < 0 || mentor < 0) return;
    let s = blocked.get(mentee);
    if (!s) blocked.set(mentee, (s = new Set()));
    s.add(mentor);
  };
  for (const p of input.pairs as readonly Pair[]) {
    const mentor = p.mentor ? refMentor(p.mentor) : -1;
    const mentees = (p.mentees ?? []).map(refMentee);
    const open = !p.status || OPEN_PAIR_STATUSES.includes(p.status);
    const form = canonicalForm(p.form, rules);
    for (const me of mentees) {
      block(me, mentor);
      if (open && me >= 0) {
        const list = servedForms.get(me) ?? [];
        list.push(form);
        servedForms.set(me, list);
      }
    }
    if (open && mentor >= 0) {
      const s = (used[mentor] ??= new Set());
      for (const me of mentees) s.add(me >= 0 ? me : -1 - s.size);
    }
  }
  for (const r of input.rejected ?? []) block(refMentee(r.mentee), refMentor(r.mentor));

  const mentors: MentorInfo[] = input.mentors.map((mentor, index) => {
    const capacity = mentor.capacity ?? defaultCapacity;
    const u = used[index]?.size ?? 0;
    const forms = new Set<string>();
    for (const f of mentor.forms ?? []) {
      const c = canonicalForm(f, rules);
      if (c) forms.add(c);
    }
    return { index, mentor, capacity, used: u, free: Math.max(0, capacity - u), forms };
  });

  const funnel = rules.map(() => ({ withForm: 0, consent: 0, active: 0, free: 0 }));
  const bucketLists: number[][] = rules.map(() => []);
  rules.forEach((rule, ri) => {
    for (const m of mentors) {
      if (!rule.mentor.includes(m.mentor.category) || !m.forms.has(rule.form)) continue;
      funnel[ri].withForm++;
      if (!hasConsent(m.mentor.consentDate)) continue;
      funnel[ri].consent++;
      if (!isActive(m.mentor.status)) continue;
      funnel[ri].active++;
      if (m.free <= 0) continue;
      funnel[ri].free++;
      bucketLists[ri].push(m.index);
    }
  });

  // Birth dates repeat across a school network: each one is turned into an age once.
  const ages = new Map<string, number>();
  const ageOf = (birth: string) => {
    let a = ages.get(birth);
    if (a === undefined) ages.set(birth, (a = ageOn(birth, input.today)));
    return a;
  };
  const mentees: MenteeInfo[] = input.mentees.map((mentee, index) => {
    const age = mentee.birthDate ? ageOf(mentee.birthDate) : null;
    const info: MenteeInfo = { index, mentee, state: 'open', rules: [], age };
    const desired = canonicalForm(mentee.form, rules);
    const served = servedForms.get(index);
    if (served && served.some((f) => !desired || f === null || f === desired)) {
      info.state = 'served';
      return info;
    }
    const exclude = (reason: string) => {
      info.state = 'excluded';
      info.reason = reason;
      return info;
    };
    if (!isActive(mentee.status)) return exclude(`наставляемый не участвует в программе (статус «${mentee.status}»)`);
    if (!hasConsent(mentee.consentDate)) return exclude('нет согласия на обработку персональных данных');
    let pool: number[];
    if (desired) {
      const ri = rules.findIndex((r) => r.form === desired);
      if (ri < 0) return exclude(`форма наставничества «${mentee.form}» не найдена в настройках`);
      if (!rules[ri].mentee.includes(mentee.category)) return exclude(`категория «${mentee.category}» не подходит для формы «${desired}»`);
      pool = [ri];
    } else {
      pool = rules.map((r, ri) => (r.mentee.includes(mentee.category) ? ri : -1)).filter((ri) => ri >= 0);
      if (!pool.length) return exclude(`нет формы наставничества для категории «${mentee.category ?? 'не указана'}»`);
    }
    let lastReason = '';
    for (const ri of pool) {
      const rule = rules[ri];
      const range = rule.menteeAge ?? (mentee.category === 'обучающийся' ? PUPIL_AGE : undefined);
      if (range && age !== null && (age < range.min || age > range.max)) {
        lastReason = `возраст ${age} ${yearsWord(age)} вне диапазона ${range.min}–${range.max} лет для формы «${rule.form}»`;
        continue;
      }
      const young = youngSpecialistCheck(rule, mentee, age);
      if (young) {
        lastReason = `${young} — форма «${rule.form}» для молодых специалистов`;
        continue;
      }
      info.rules.push(ri);
    }
    if (!info.rules.length) return exclude(lastReason);
    return info;
  });

  return {
    rules,
    mentors,
    mentees,
    buckets: bucketLists.map((l) => Int32Array.from(l)),
    funnel,
    blocked,
    mentorRef: refMentor,
  };
}

/**
 * The young-specialist rule of the teacher system: a mentee written as «молодой специалист» must
 * be one (under 35, at most 3 years of experience, where known); with `youngSpecialistOnly` a
 * «педагог» qualifies only by those figures. Returns why not, or null.
 */
function youngSpecialistCheck(rule: MatchRule, mentee: Mentee, age: number | null): string | null {
  if (!rule.teacherSystem && !rule.youngSpecialistOnly) return null;
  const exp = mentee.experienceYears;
  const tooOld = age !== null && age >= YOUNG_SPECIALIST.maxAge;
  const tooLong = exp !== undefined && exp > YOUNG_SPECIALIST.maxExperienceYears;
  if (mentee.category === 'молодой специалист' || rule.youngSpecialistOnly) {
    if (tooLong) return `не молодой специалист: стаж ${exp} ${yearsWord(exp!)}`;
    if (tooOld) return `не молодой специалист: ${age} ${yearsWord(age!)}`;
    if (rule.youngSpecialistOnly && mentee.category !== 'молодой специалист' && exp === undefined) return 'не указан стаж';
  }
  return null;
}

/** Calls fn for each candidate mentor of an open mentee (each mentor once, in its first fitting form). */
export function forEachCandidate(model: CandidateModel, i: number, stamp: Int32Array, stampValue: number, fn: (j: number, rule: number) => void): void {
  const info = model.mentees[i];
  const blocked = model.blocked.get(i);
  for (const ri of info.rules) {
    const b = model.buckets[ri];
    for (let k = 0; k < b.length; k++) {
      const j = b[k];
      if (stamp[j] === stampValue) continue;
      stamp[j] = stampValue;
      if (blocked && blocked.has(j)) continue;
      fn(j, ri);
    }
  }
}

/** Why an open mentee has no candidate at all. */
export function reasonWithoutCandidates(model: CandidateModel, i: number): string {
  const info = model.mentees[i];
  const stages = info.rules.map((ri) => {
    const f = model.funnel[ri];
    return f.withForm === 0 ? 0 : f.consent === 0 ? 1 : f.active === 0 ? 2 : f.free === 0 ? 3 : 4;
  });
  const best = Math.max(...stages);
  const forms = info.rules.filter((_, k) => stages[k] === best).map((ri) => model.rules[ri].form);
  switch (best) {
    case 0:
      return `нет наставника с формой ${quoteForms(forms)}`;
    case 1:
      return `у наставников с формой ${quoteForms(forms)} нет согласия на обработку персональных данных`;
    case 2:
      return `нет активных наставников с формой ${quoteForms(forms)}`;
    case 3:
      return 'у всех подходящих наставников нет свободных мест';
    default:
      return 'все подходящие наставники уже были в паре с наставляемым или предложение отклонено';
  }
}

/** Why an open mentee with candidates was left without a mentor by the optimal assignment. */
export const REASON_TAKEN = 'свободные места подходящих наставников отданы другим наставляемым';
