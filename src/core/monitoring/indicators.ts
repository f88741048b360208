/**
 * Monitoring indicators (CLI.md `report`, DOMAIN.md «Monitoring»): pupils involved against the
 * year's target, pairs by status and form, waiting mentees, untrained mentors, missing consents,
 * roadmap progress. Pure: takes the registers as read and the evaluated roadmap.
 */
import type { Mentee, Mentor, Pair } from '../registers/schemas';
import type { Settings } from '../registers/settings';
import { indexPeople, resolvePerson } from '../registers/people';
import { normalizeForm } from '../registers/forms';
import { daysBetween } from '../util/dates';
import { percent } from '../util/text';
import { countStatuses, type EvaluatedItem } from '../roadmap/evaluate';

export interface Indicators {
  asOf: string;
  pupils: { total: number | null; involved: number; share: number | null; target: number | null };
  byForm: Record<string, { pairs: number; mentees: number }>;
  pairs: { active: number; forming: number; completed: number; terminated: number };
  people: { mentors: number; mentees: number; activeMentors: number };
  roadmap: { done: number; overdue: number; soon: number; total: number };
  /** Mentees with consent who wait for a mentor longer than settings.waitingDays. */
  waiting: Array<{ id: string; days: number }>;
  untrainedMentors: string[];
  missingConsent: { mentors: string[]; mentees: string[] };
}

const LIVE = new Set(['формируется', 'активна']);

export interface PersonalRecord {
  id: string;
  fullName: string;
  role: 'наставник' | 'наставляемый';
  category: string;
  pairId: string;
  form: string;
  status: string;
  startDate?: string;
}

export function computeIndicators(
  input: { mentors: readonly Mentor[]; mentees: readonly Mentee[]; pairs: readonly Pair[]; settings: Settings; roadmap: readonly EvaluatedItem[] },
  asOf: string,
): Indicators {
  const { mentors, mentees, pairs, settings } = input;
  const mIdx = indexPeople(mentors);
  const nIdx = indexPeople(mentees);
  const involved = new Set<string>();
  const paired = new Set<string>();
  const byForm: Indicators['byForm'] = {};
  const counts = { active: 0, forming: 0, completed: 0, terminated: 0 };
  for (const p of pairs) {
    const status = p.status ?? 'формируется';
    if (status === 'активна') counts.active++;
    else if (status === 'формируется') counts.forming++;
    else if (status === 'завершена') counts.completed++;
    else if (status === 'расторгнута') counts.terminated++;
    if (status === 'завершена') {
      // Their programme is over: they are not waiting for a mentor.
      for (const ref of p.mentees ?? []) {
        const r = resolvePerson(ref, nIdx);
        if (r.status === 'ok') paired.add(r.person.id);
      }
    }
    if (!LIVE.has(status)) continue;
    const form = (p.form && normalizeForm(p.form, settings.forms)) || p.form || 'форма не указана';
    const f = (byForm[form] ??= { pairs: 0, mentees: 0 });
    f.pairs++;
    const mentor = p.mentor ? resolvePerson(p.mentor, mIdx) : null;
    if (mentor?.status === 'ok' && mentor.person.category === 'обучающийся') involved.add(`m:${mentor.person.id}`);
    for (const ref of p.mentees ?? []) {
      const r = resolvePerson(ref, nIdx);
      if (r.status !== 'ok') continue;
      f.mentees++;
      paired.add(r.person.id);
      if (r.person.category === 'обучающийся') involved.add(`n:${r.person.id}`);
    }
  }
  // A pupil entered in both registers (mentor in one pair, mentee in another) counts once.
  const names = new Set<string>();
  let involvedCount = 0;
  for (const key of involved) {
    const person = key.startsWith('m:') ? mIdx.byId.get(key.slice(2).toLowerCase()) : nIdx.byId.get(key.slice(2).toLowerCase());
    const name = (person?.fullName ?? key).toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
    if (names.has(name)) continue;
    names.add(name);
    involvedCount++;
  }
  const total = settings.pupilsTotal ?? null;
  const year = Number(asOf.slice(0, 4));
  const target = settings.targets[year] ?? null;
  const waiting: Indicators['waiting'] = [];
  for (const m of mentees) {
    if (!m.id || paired.has(m.id) || !m.consentDate) continue;
    if (m.status && m.status !== 'активен') continue;
    if (!m.joinedDate) continue;
    const days = daysBetween(m.joinedDate, asOf);
    if (days > settings.waitingDays) waiting.push({ id: m.id, days });
  }
  waiting.sort((a, b) => b.days - a.days);
  const rm = countStatuses(input.roadmap);
  return {
    asOf,
    pupils: { total, involved: involvedCount, share: total ? round(involvedCount / total) : null, target },
    byForm,
    pairs: counts,
    people: { mentors: mentors.length, mentees: mentees.length, activeMentors: mentors.filter((m) => !m.status || m.status === 'активен').length },
    roadmap: { done: rm.done, overdue: rm.overdue, soon: rm.soon, total: rm.total },
    waiting,
    untrainedMentors: mentors.filter((m) => m.id && !m.trainedDate && (!m.status || m.status === 'активен')).map((m) => m.id),
    missingConsent: {
      mentors: mentors.filter((m) => m.id && !m.consentDate).map((m) => m.id),
      mentees: mentees.filter((m) => m.id && !m.consentDate).map((m) => m.id),
    },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** «Персонифицированный учёт»: who takes part in which programme (consented people only). */
export function personalRecords(input: { mentors: readonly Mentor[]; mentees: readonly Mentee[]; pairs: readonly Pair[]; settings: Settings }): PersonalRecord[] {
  const mIdx = indexPeople(input.mentors);
  const nIdx = indexPeople(input.mentees);
  const out: PersonalRecord[] = [];
  for (const p of input.pairs) {
    const status = p.status ?? 'формируется';
    if (!LIVE.has(status) && status !== 'завершена') continue;
    const form = (p.form && normalizeForm(p.form, input.settings.forms)) || p.form || '';
    const mentor = p.mentor ? resolvePerson(p.mentor, mIdx) : null;
    if (mentor?.status === 'ok' && mentor.person.consentDate)
      out.push({ id: mentor.person.id, fullName: mentor.person.fullName, role: 'наставник', category: mentor.person.category, pairId: p.id, form, status, startDate: p.startDate });
    for (const ref of p.mentees ?? []) {
      const r = resolvePerson(ref, nIdx);
      if (r.status === 'ok' && r.person.consentDate)
        out.push({ id: r.person.id, fullName: r.person.fullName, role: 'наставляемый', category: r.person.category, pairId: p.id, form, status, startDate: p.startDate });
    }
  }
  return out;
}

/** The one-row summary the department pastes into its own sheet. */
export const SUMMARY_HEADER = [
  'Организация',
  'Дата',
  'Всего обучающихся',
  'Вовлечено обучающихся',
  'Доля вовлечённых',
  'Целевой показатель',
  'Наставников',
  'Наставляемых',
  'Пар формируется',
  'Пар активно',
  'Пар завершено',
  'Мероприятий выполнено',
  'Мероприятий просрочено',
  'Мероприятий всего',
] as const;

export function summaryRow(ind: Indicators, orgName: string): Array<string | number> {
  const pct = (x: number | null) => (x === null ? '' : percent(x));
  return [
    orgName,
    ind.asOf,
    ind.pupils.total ?? '',
    ind.pupils.involved,
    pct(ind.pupils.share),
    pct(ind.pupils.target),
    ind.people.mentors,
    ind.people.mentees,
    ind.pairs.forming,
    ind.pairs.active,
    ind.pairs.completed,
    ind.roadmap.done,
    ind.roadmap.overdue,
    ind.roadmap.total,
  ];
}

/** Behind target or with overdue items: what the department looks for first. */
export function flags(ind: Indicators): string[] {
  const out: string[] = [];
  if (ind.pupils.share !== null && ind.pupils.target !== null && ind.pupils.share < ind.pupils.target)
    out.push(`вовлечено ${percent(ind.pupils.share)} при цели ${percent(ind.pupils.target)}`);
  if (ind.roadmap.overdue > 0) out.push(`просрочено мероприятий дорожной карты: ${ind.roadmap.overdue}`);
  if (ind.pupils.total === null) out.push('не указана численность обучающихся');
  return out;
}
