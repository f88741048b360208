/**
 * Rules on «Пары»: who is named (unknown or ambiguous references), dates, forms against
 * categories, written consent in the teacher system, consent of every participant, inactive
 * mentors, a mentee twice in current pairs of one form, mentors over capacity.
 */
import type { RegisterRow } from '../registers/read';
import type { Mentee, Mentor, Pair } from '../registers/schemas';
import { indexPeople, resolvePerson, type PeopleIndex } from '../registers/people';
import type { FormRule } from '../registers/forms';
import type { Settings } from '../registers/settings';
import { ruDate } from '../util/dates';
import type { Finding } from './finding';
import { CLOSED_PAIR, CURRENT_PAIR, INACTIVE_PERSON, hasConsent, rowsList, ruleLookup, type Placers } from './input';

interface Ref<T> {
  id?: string;
  fullName?: string;
  row: number;
  rec: T;
}

export interface PairLinks {
  /** Mentee sheet row → forms of the current pairs they are in. */
  menteeForms: Map<number, Set<string>>;
}

function refs<T extends { id?: string; fullName?: string }>(rows: ReadonlyArray<RegisterRow<T>>): PeopleIndex<Ref<T>> {
  return indexPeople(rows.map((r) => ({ id: r.record.id, fullName: r.record.fullName, row: r.row, rec: r.record })));
}

export function validatePairs(
  reg: { mentors: ReadonlyArray<RegisterRow<Mentor>>; mentees: ReadonlyArray<RegisterRow<Mentee>>; pairs: ReadonlyArray<RegisterRow<Pair>>; settings: Settings },
  at: Placers,
): { findings: Finding[]; links: PairLinks } {
  const out: Finding[] = [];
  const rules: readonly FormRule[] = reg.settings.forms;
  const ruleFor = ruleLookup(rules);
  const mentors = refs(reg.mentors);
  const mentees = refs(reg.mentees);
  const P = at.pairs;
  const mentorConsentKnown = at.mentors.has('consentDate');
  const menteeConsentKnown = at.mentees.has('consentDate');

  // Mentor sheet row → distinct mentee keys in current pairs (capacity).
  const load = new Map<number, { mentor: Ref<Mentor>; mentees: Set<string> }>();
  // Mentee + form → current pair rows (a mentee twice in one form).
  const placed = new Map<string, { mentee: string; form: string; pairs: number[] }>();
  const menteeForms = new Map<number, Set<string>>();

  for (const { row, record: p } of reg.pairs) {
    const status = p.status;
    const current = status !== undefined && CURRENT_PAIR.has(status);
    const open = !(status !== undefined && CLOSED_PAIR.has(status));
    const rule = ruleFor(p.form);

    // The mentor.
    let mentor: Ref<Mentor> | null = null;
    if (typeof p.mentor === 'string' && p.mentor) {
      const res = resolvePerson(p.mentor, mentors);
      if (res.status === 'unknown') {
        out.push(P.at(row, 'mentor', 'pair.mentor.unknown', 'error', `Наставник «${p.mentor}» не найден на листе «${at.mentors.name}». Укажите его ID или ФИО как в реестре`));
      } else if (res.status === 'ambiguous') {
        out.push(
          P.at(row, 'mentor', 'pair.mentor.ambiguous', 'error', `«${p.mentor}» совпадает с несколькими наставниками (лист «${at.mentors.name}», ${rowsList(res.matches.map((m) => m.row))}). Укажите ID`),
        );
      } else mentor = res.person;
    }

    // The mentees.
    const found: Array<Ref<Mentee>> = [];
    for (const ref of Array.isArray(p.mentees) ? p.mentees : []) {
      if (typeof ref !== 'string' || !ref) continue;
      const res = resolvePerson(ref, mentees);
      if (res.status === 'unknown') {
        out.push(P.at(row, 'mentees', 'pair.mentee.unknown', 'error', `Наставляемый «${ref}» не найден на листе «${at.mentees.name}». Укажите его ID или ФИО как в реестре`));
      } else if (res.status === 'ambiguous') {
        out.push(
          P.at(row, 'mentees', 'pair.mentee.ambiguous', 'error', `«${ref}» совпадает с несколькими наставляемыми (лист «${at.mentees.name}», ${rowsList(res.matches.map((m) => m.row))}). Укажите ID`),
        );
      } else if (!found.includes(res.person)) found.push(res.person);
    }

    // Dates.
    if (p.startDate && p.endDate && p.startDate > p.endDate) {
      out.push(P.at(row, 'endDate', 'pair.dates', 'error', `Дата окончания ${ruDate(p.endDate)} раньше даты начала ${ruDate(p.startDate)}`));
    }

    // Categories against the form.
    if (rule) {
      const mc = mentor?.rec.category;
      if (mentor && mc && !rule.mentor.includes(mc)) {
        out.push(P.at(row, 'mentor', 'pair.mentor.category', 'error', `В форме «${rule.form}» наставник — ${rule.mentor.join(' или ')}, а «${mentor.rec.fullName ?? p.mentor}» — ${mc}`));
      }
      for (const m of found) {
        const c = m.rec.category;
        if (c && !rule.mentee.includes(c)) {
          out.push(P.at(row, 'mentees', 'pair.mentee.category', 'error', `В форме «${rule.form}» наставляемый — ${rule.mentee.join(' или ')}, а «${m.rec.fullName ?? m.id}» — ${c}`));
        }
      }
      // The teacher system fixes pairs by an order with the participants' written consent.
      if (rule.teacherSystem && status === 'активна' && !hasConsent(p.consent)) {
        out.push(P.at(row, 'consent', 'pair.consent.missing', 'error', `Активная пара формы «${rule.form}» без письменного согласия участников`));
      }
    }

    // Nobody without consent may be paired.
    if (open) {
      if (mentor && mentorConsentKnown && !hasConsent(mentor.rec.consentDate)) {
        out.push(P.at(row, 'mentor', 'pair.mentor.noConsent', 'error', `У наставника «${mentor.rec.fullName ?? p.mentor}» нет согласия на обработку персональных данных: его нельзя включать в пару`));
      }
      if (menteeConsentKnown) {
        for (const m of found) {
          if (!hasConsent(m.rec.consentDate)) {
            out.push(P.at(row, 'mentees', 'pair.mentee.noConsent', 'error', `У наставляемого «${m.rec.fullName ?? m.id}» нет согласия на обработку персональных данных: его нельзя включать в пару`));
          }
        }
      }
    }

    if (!current) continue;

    if (mentor && mentor.rec.status && INACTIVE_PERSON.has(mentor.rec.status)) {
      out.push(P.at(row, 'mentor', 'pair.mentor.inactive', 'warning', `Наставник «${mentor.rec.fullName ?? p.mentor}» отмечен как «${mentor.rec.status}», а пара — «${status}»`));
    }
    for (const m of found) {
      if (m.rec.status && INACTIVE_PERSON.has(m.rec.status)) {
        out.push(P.at(row, 'mentees', 'pair.mentee.inactive', 'warning', `Наставляемый «${m.rec.fullName ?? m.id}» отмечен как «${m.rec.status}», а пара — «${status}»`));
      }
    }

    if (mentor) {
      const l = load.get(mentor.row) ?? { mentor, mentees: new Set<string>() };
      for (const m of found) l.mentees.add(String(m.row));
      load.set(mentor.row, l);
    }
    for (const m of found) {
      const form = rule?.form ?? ruleFor(m.rec.form)?.form ?? '';
      if (form) {
        const set = menteeForms.get(m.row) ?? new Set<string>();
        set.add(form);
        menteeForms.set(m.row, set);
      }
      const k = `${m.row}|${form}`;
      const e = placed.get(k) ?? { mentee: m.rec.fullName ?? m.id ?? '', form, pairs: [] };
      if (!e.pairs.includes(row)) e.pairs.push(row);
      placed.set(k, e);
    }
  }

  for (const e of placed.values()) {
    if (e.pairs.length < 2) continue;
    for (const row of e.pairs) {
      const others = e.pairs.filter((r) => r !== row);
      const form = e.form ? ` формы «${e.form}»` : '';
      out.push(P.at(row, 'mentees', 'pair.mentee.twice', 'error', `«${e.mentee}» уже состоит в другой действующей паре${form} (${rowsList(others)})`));
    }
  }

  for (const { mentor, mentees: set } of load.values()) {
    const cap = typeof mentor.rec.capacity === 'number' ? mentor.rec.capacity : reg.settings.defaultCapacity;
    if (set.size > cap) {
      out.push(
        at.mentors.at(mentor.row, 'capacity', 'mentor.capacity', 'warning', `У наставника ${set.size} наставляемых в действующих парах при максимуме ${cap}`),
      );
    }
  }
  return { findings: out, links: { menteeForms } };
}
