/**
 * Age rules: pupils' ages against their form's range (settings: menteeAge), young specialists in
 * the teacher system (under 35, in their first 3 years).
 */
import type { RegisterRow } from '../registers/read';
import type { Mentee } from '../registers/schemas';
import { YOUNG_SPECIALIST, type FormRule } from '../registers/forms';
import { ageOn, ruDate } from '../util/dates';
import { plural } from '../util/text';
import type { Finding } from './finding';
import { ruleLookup, type Placer } from './input';

const years = (n: number) => `${n} ${plural(n, 'год', 'года', 'лет')}`;

/**
 * `pairForms`: mentee sheet row → forms of the current pairs they are in (their own wished form
 * counts too).
 */
export function validateAges(
  rows: ReadonlyArray<RegisterRow<Mentee>>,
  at: Placer,
  rules: readonly FormRule[],
  pairForms: ReadonlyMap<number, ReadonlySet<string>>,
  today: string,
): Finding[] {
  const out: Finding[] = [];
  const ruleFor = ruleLookup(rules);
  for (const { row, record: m } of rows) {
    const forms = new Set<FormRule>();
    const own = ruleFor(m.form);
    if (own) forms.add(own);
    for (const f of pairForms.get(row) ?? []) {
      const r = ruleFor(f);
      if (r) forms.add(r);
    }
    const age = m.birthDate ? ageOn(m.birthDate, today) : null;
    if (m.birthDate && age !== null && m.birthDate > today) {
      out.push(at.at(row, 'birthDate', 'birthDate.future', 'error', `Дата рождения ${ruDate(m.birthDate)} ещё не наступила`));
      continue;
    }
    let ageFlagged = false;
    for (const rule of forms) {
      if (rule.menteeAge && age !== null && !ageFlagged && (age < rule.menteeAge.min || age > rule.menteeAge.max)) {
        ageFlagged = true;
        out.push(
          at.at(row, 'birthDate', 'age.range', 'warning', `Возраст ${years(age)} вне диапазона формы «${rule.form}» (${rule.menteeAge.min}–${rule.menteeAge.max} лет)`),
        );
      }
    }
    const teacher = [...forms].find((r) => r.teacherSystem);
    if (teacher && m.category === 'молодой специалист') {
      if (age !== null && age >= YOUNG_SPECIALIST.maxAge) {
        out.push(
          at.at(row, 'birthDate', 'young.age', 'warning', `Молодой специалист должен быть моложе ${YOUNG_SPECIALIST.maxAge} лет, а ему ${years(age)} (форма «${teacher.form}»)`),
        );
      }
      const exp = m.experienceYears;
      if (typeof exp === 'number' && exp > YOUNG_SPECIALIST.maxExperienceYears) {
        out.push(
          at.at(row, 'experienceYears', 'young.experience', 'warning', `Молодой специалист — в первые ${YOUNG_SPECIALIST.maxExperienceYears} года работы, а стаж ${years(exp)} (форма «${teacher.form}»)`),
        );
      }
    }
  }
  return out;
}
