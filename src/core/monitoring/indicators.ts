/**
 * Monitoring indicators (CLI.md `report`, DOMAIN.md «Monitoring»): pupils involved against the
 * year's target, pairs by status and form, waiting mentees, untrained mentors, missing consents,
 * roadmap progress. Pure: takes the registers as read and the evaluated roadmap.
 */
import type { Mentee, Mentor, Pair } from '../registers/schemas';
import type { Settings } from '../registers/settings';
import { indexPeople, resolvePerson } from '../registers/people';
import { normalizeForm } from '../registers/forms';
import { daysBetween, ruDate } from '../util/dates';
import { normalizeName, percent } from '../util/text';
import { countStatuses, type EvaluatedItem } from '../roadmap/evaluate';

export interface Indicators {
  asOf: string;
  /** `targetYear`: the year whose «Цель <год>» applies on asOf (see targetFor), null without one. */
  pupils: { total: number | null; involved: number; share: number | null; target: number | null; targetYear: number | null };
  byForm: Record<string, { pairs: number; mentees: number }>;
  pairs: { active: number; forming: number; completed: number; terminated: number };
  people: { mentors: number; mentees: number; activeMentors: number };
  roadmap: { done: number; overdue: number; soon: number; total: number };
  /** Mentees with consent who wait for a mentor longer than settings.waitingDays. */
  waiting: Array<{ id: string; days: number }>;
  untrainedMentors: string[];
  missingConsent: { mentors: string[]; mentees: string[] };
  /**
   * Pairs whose «Статус» could not be read (left out of every figure: nobody knows whether they
   * run), and participants of live pairs without consent (counted, never named: see personalRecords).
   */
  unclear: { pairStatus: number; participantsWithoutConsent: number };
}

const LIVE = new Set(['формируется', 'активна']);

export interface PersonalRecord {
  id: string;
  fullName: string;
  role: 'наставник' | 'наставляемый';
  category: string;
  /** Class of a pupil, position of a teacher, as in the register. */
  place?: string;
  pairId: string;
  form: string;
  program?: string;
  status: string;
  startDate?: string;
  endDate?: string;
}

/**
 * The target that applies on a date. Targets are set per calendar year and mean «не менее … к
 * концу <года>» (DOMAIN.md, the lyceum roadmap): the year of the date, not a school year, picks
 * it, so on 2021-03-01 (school year 2020/21) «Цель 2021» applies when it is set. Before the
 * curator enters the new year's target the last one still binds — a share reached by the end of
 * 2020 is a floor for 2021, not void (CLI.md's example: 2021-03-01 against the 2020 target).
 * A target of a later year only is not compared with yet: 70 % «к концу 2024 года» is not what a
 * school owes in 2022.
 */
export function targetFor(targets: Readonly<Record<number, number>>, asOf: string): { year: number; share: number } | null {
  const year = Number(asOf.slice(0, 4));
  let best: number | null = null;
  for (const k of Object.keys(targets)) {
    const y = Number(k);
    if (Number.isInteger(y) && y <= year && (best === null || y > best)) best = y;
  }
  return best === null ? null : { year: best, share: targets[best] };
}

/** A pair's status as monitoring counts it: blank is a pair being formed; unreadable is null. */
function statusOf(p: Pair, unreadable: ReadonlySet<Pair> | undefined): string | null {
  if (unreadable?.has(p)) return null;
  return p.status ?? 'формируется';
}

export interface IndicatorInput {
  mentors: readonly Mentor[];
  mentees: readonly Mentee[];
  pairs: readonly Pair[];
  settings: Settings;
  roadmap: readonly EvaluatedItem[];
  /** Pairs whose «Статус» cell holds something not in the list (the reader reported it). */
  unreadableStatus?: ReadonlySet<Pair>;
}

export function computeIndicators(input: IndicatorInput, asOf: string): Indicators {
  const { mentors, mentees, pairs, settings } = input;
  const mIdx = indexPeople(mentors);
  const nIdx = indexPeople(mentees);
  // People are the register rows themselves (by identity): IDs may be missing or written twice.
  const pupilMentors = new Set<Mentor>();
  const pupilMentees = new Set<Mentee>();
  const withoutConsent = new Set<Mentor | Mentee>();
  const paired = new Set<Mentee>();
  const byForm: Indicators['byForm'] = {};
  const formMentees = new Map<string, Set<Mentee>>();
  const counts = { active: 0, forming: 0, completed: 0, terminated: 0 };
  let unclearStatus = 0;
  for (const p of pairs) {
    const status = statusOf(p, input.unreadableStatus);
    if (status === null) {
      unclearStatus++;
      // Someone is paired with them, whatever the status: not reported as waiting.
      for (const ref of p.mentees ?? []) {
        const r = resolvePerson(ref, nIdx);
        if (r.status === 'ok') paired.add(r.person);
      }
      continue;
    }
    if (status === 'активна') counts.active++;
    else if (status === 'формируется') counts.forming++;
    else if (status === 'завершена') counts.completed++;
    else if (status === 'расторгнута') counts.terminated++;
    if (status === 'завершена') {
      // Their programme is over: they are not waiting for a mentor.
      for (const ref of p.mentees ?? []) {
        const r = resolvePerson(ref, nIdx);
        if (r.status === 'ok') paired.add(r.person);
      }
    }
    if (!LIVE.has(status)) continue;
    const form = (p.form && normalizeForm(p.form, settings.forms)) || p.form || 'форма не указана';
    const f = (byForm[form] ??= { pairs: 0, mentees: 0 });
    f.pairs++;
    let seen = formMentees.get(form);
    if (!seen) formMentees.set(form, (seen = new Set()));
    const mentor = p.mentor ? resolvePerson(p.mentor, mIdx) : null;
    if (mentor?.status === 'ok') {
      if (mentor.person.category === 'обучающийся') pupilMentors.add(mentor.person);
      if (!mentor.person.consentDate) withoutConsent.add(mentor.person);
    }
    for (const ref of p.mentees ?? []) {
      const r = resolvePerson(ref, nIdx);
      if (r.status !== 'ok') continue;
      // A mentee in two pairs of one form is one mentee of that form.
      if (!seen.has(r.person)) {
        seen.add(r.person);
        f.mentees++;
      }
      paired.add(r.person);
      if (r.person.category === 'обучающийся') pupilMentees.add(r.person);
      if (!r.person.consentDate) withoutConsent.add(r.person);
    }
  }
  // A pupil who mentors in one pair and is mentored in another stands in both registers under
  // two IDs: the full name links them. Within one register every row is its own pupil (two
  // namesakes in one school are two pupils; a row entered twice is a validation error).
  const menteeNames = new Set<string>();
  for (const m of pupilMentees) if (m.fullName) menteeNames.add(normalizeName(m.fullName));
  let involvedCount = pupilMentees.size;
  for (const m of pupilMentors) if (!m.fullName || !menteeNames.has(normalizeName(m.fullName))) involvedCount++;

  // Consent is not part of DOMAIN.md's definition of an involved pupil: a pupil in a live pair
  // takes part, consent on record or not. Such people are counted, flagged, and never named in
  // the personified list (152-ФЗ).
  const total = settings.pupilsTotal ?? null;
  const target = targetFor(settings.targets, asOf);
  const waiting: Indicators['waiting'] = [];
  for (const m of mentees) {
    if (!m.id || paired.has(m) || !m.consentDate) continue;
    if (m.status && m.status !== 'активен') continue;
    if (!m.joinedDate) continue;
    const days = daysBetween(m.joinedDate, asOf);
    if (days > settings.waitingDays) waiting.push({ id: m.id, days });
  }
  waiting.sort((a, b) => b.days - a.days);
  const rm = countStatuses(input.roadmap);
  return {
    asOf,
    pupils: { total, involved: involvedCount, share: total ? round(involvedCount / total) : null, target: target?.share ?? null, targetYear: target?.year ?? null },
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
    unclear: { pairStatus: unclearStatus, participantsWithoutConsent: withoutConsent.size },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * «Персонифицированный учёт»: who takes part in which programme, one row per participation in a
 * live or completed pair. People without consent on record are never named (152-ФЗ); pairs whose
 * status could not be read are left out.
 */
export function personalRecords(input: Omit<IndicatorInput, 'roadmap'>): PersonalRecord[] {
  const mIdx = indexPeople(input.mentors);
  const nIdx = indexPeople(input.mentees);
  const out: PersonalRecord[] = [];
  for (const p of input.pairs) {
    const status = statusOf(p, input.unreadableStatus);
    if (status === null || (!LIVE.has(status) && status !== 'завершена')) continue;
    const form = (p.form && normalizeForm(p.form, input.settings.forms)) || p.form || '';
    const common = { pairId: p.id ?? '', form, program: p.program, status, startDate: p.startDate, endDate: p.endDate };
    const mentor = p.mentor ? resolvePerson(p.mentor, mIdx) : null;
    if (mentor?.status === 'ok' && mentor.person.consentDate) {
      const m = mentor.person;
      out.push({ id: m.id ?? '', fullName: m.fullName ?? '', role: 'наставник', category: m.category ?? '', place: m.position, ...common });
    }
    for (const ref of p.mentees ?? []) {
      const r = resolvePerson(ref, nIdx);
      if (r.status !== 'ok' || !r.person.consentDate) continue;
      const m = r.person;
      out.push({ id: m.id ?? '', fullName: m.fullName ?? '', role: 'наставляемый', category: m.category ?? '', place: m.grade, ...common });
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
    // «22.11.2026»: what a Russian-locale sheet reads as a date when the row is pasted.
    ruDate(ind.asOf),
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

/**
 * One cell of the summary as it is pasted into a sheet. A pasted cell is read as if typed, so text
 * starting with = + - @ («=ООО …», «-Лицей») would become a formula: it gets the leading apostrophe
 * that marks typed text (Sheets and Excel keep the apostrophe out of the cell's value; were it kept,
 * the cell would still be text, never a formula). Text starting with an apostrophe gets a second one
 * so its own survives. Tabs and line breaks would split the row: they become spaces.
 */
export function pasteCell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  // Edge spaces too: a sheet may trim them and then see the formula.
  const t = v.replace(/[\t\r\n]+/g, ' ').trim();
  return /^[=+\-@']/.test(t) ? `'${t}` : t;
}

/** The header and the summary row, tab-separated, ready to paste into the department's sheet. */
export function summaryTsv(row: ReadonlyArray<string | number>): string {
  return `${SUMMARY_HEADER.join('\t')}\n${row.map(pasteCell).join('\t')}`;
}

/** Behind target or with overdue items first (what the department looks for), then the data's gaps. */
export function flags(ind: Indicators): string[] {
  const out: string[] = [];
  const { share, target, targetYear, total, involved } = ind.pupils;
  const year = Number(ind.asOf.slice(0, 4));
  if (share !== null && target !== null && share < target) {
    const since = targetYear !== null && targetYear !== year ? ` (на конец ${targetYear} года)` : '';
    out.push(`вовлечено ${percent(share)} при цели ${percent(target)}${since}`);
  }
  if (ind.roadmap.overdue > 0) out.push(`просрочено мероприятий дорожной карты: ${ind.roadmap.overdue}`);
  if (!total) out.push('не указана численность обучающихся');
  else if (involved > total) out.push(`вовлечено обучающихся (${involved}) больше, чем их численность в «Настройках» (${total})`);
  if (target === null) out.push(`не задан целевой показатель на ${year} год («Цель ${year}» в «Настройках»)`);
  if (ind.unclear.pairStatus > 0) out.push(`пар с нераспознанным статусом: ${ind.unclear.pairStatus} (не учтены)`);
  if (ind.unclear.participantsWithoutConsent > 0) out.push(`участников пар без согласия на обработку ПДн: ${ind.unclear.participantsWithoutConsent}`);
  return out;
}
