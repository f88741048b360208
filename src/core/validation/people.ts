/**
 * Rules on the people registers: duplicate IDs, the same person entered twice, consent to the
 * processing of personal data (152-ФЗ), a mentor's or mentee's form against their category.
 */
import type { RegisterRow } from '../registers/read';
import type { Mentee, Mentor } from '../registers/schemas';
import { normalizeName } from '../util/text';
import type { FormRule } from '../registers/forms';
import type { Finding } from './finding';
import { hasConsent, idKey, ruleLookup, rowsText, type Placer } from './input';

type Person = { id?: string; fullName?: string; email?: string; birthDate?: string; consentDate?: unknown };

/** Several rows with one ID: each is flagged, naming the others. */
export function duplicateIds(rows: ReadonlyArray<RegisterRow<{ id?: string }>>, at: Placer): Finding[] {
  const byId = new Map<string, number[]>();
  for (const r of rows) {
    const id = typeof r.record.id === 'string' ? idKey(r.record.id) : '';
    if (!id) continue;
    const list = byId.get(id);
    if (list) list.push(r.row);
    else byId.set(id, [r.row]);
  }
  const out: Finding[] = [];
  for (const r of rows) {
    const id = typeof r.record.id === 'string' ? idKey(r.record.id) : '';
    const list = id ? byId.get(id)! : [];
    if (list.length < 2) continue;
    const others = list.filter((x) => x !== r.row);
    out.push(at.at(r.row, 'id', 'id.duplicate', 'error', `ID «${r.record.id}» повторяется: тот же ID в ${rowsText(others)}. У каждой записи должен быть свой ID`));
  }
  return out;
}

/**
 * The same person entered twice: the same normalised full name and the same birth date or
 * e-mail. Both rows are flagged, each naming the other.
 */
export function duplicatePeople(rows: ReadonlyArray<RegisterRow<Person>>, at: Placer): Finding[] {
  const groups = new Map<string, number[]>();
  const add = (k: string, row: number) => {
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  };
  for (const r of rows) {
    const name = typeof r.record.fullName === 'string' ? normalizeName(r.record.fullName) : '';
    if (!name) continue;
    if (r.record.birthDate) add(`${name}|д|${r.record.birthDate}`, r.row);
    if (r.record.email) add(`${name}|п|${r.record.email.trim().toLowerCase()}`, r.row);
  }
  const partners = new Map<number, { rows: Set<number>; by: Set<string> }>();
  for (const [k, list] of groups) {
    if (list.length < 2) continue;
    const by = k.includes('|д|') ? 'дата рождения' : 'адрес электронной почты';
    for (const row of list) {
      const p = partners.get(row) ?? { rows: new Set<number>(), by: new Set<string>() };
      for (const o of list) if (o !== row) p.rows.add(o);
      p.by.add(by);
      partners.set(row, p);
    }
  }
  const out: Finding[] = [];
  for (const r of rows) {
    const p = partners.get(r.row);
    if (!p) continue;
    const others = [...p.rows].sort((a, b) => a - b);
    out.push(
      at.at(r.row, 'fullName', 'person.duplicate', 'error', `Этот человек, похоже, внесён дважды: та же запись в ${rowsText(others)} (совпадают ФИО и ${[...p.by].join(', ')})`),
    );
  }
  return out;
}

/** Nobody is entered without consent to the processing of personal data. */
export function missingConsent(rows: ReadonlyArray<RegisterRow<Person>>, at: Placer, whom: string): Finding[] {
  if (!rows.length) return [];
  if (!at.has('consentDate')) {
    return [
      at.sheetLevel(
        'consentDate',
        'consent.column.missing',
        'error',
        `На листе «${at.name}» нет столбца «Согласие на обработку ПДн»: без согласия ${whom} нельзя вносить в реестр и включать в пары`,
      ),
    ];
  }
  const out: Finding[] = [];
  for (const r of rows) {
    if (hasConsent(r.record.consentDate)) continue;
    out.push(at.at(r.row, 'consentDate', 'consent.missing', 'error', 'Нет согласия на обработку персональных данных'));
  }
  return out;
}

/** A mentor's forms must fit their category (the form table of the settings). */
export function mentorForms(rows: ReadonlyArray<RegisterRow<Mentor>>, at: Placer, rules: readonly FormRule[]): Finding[] {
  const out: Finding[] = [];
  const ruleFor = ruleLookup(rules);
  for (const r of rows) {
    const { category, forms } = r.record;
    if (!category || !Array.isArray(forms)) continue;
    const misfit = forms.filter((f) => {
      const rule = ruleFor(f);
      return rule && !rule.mentor.includes(category);
    });
    if (misfit.length)
      out.push(at.at(r.row, 'forms', 'mentor.form.category', 'warning', `Наставник категории «${category}» не может вести форму ${misfit.map((f) => `«${f}»`).join(', ')}`));
  }
  return out;
}

/** A mentee's wished form must fit their category. */
export function menteeForms(rows: ReadonlyArray<RegisterRow<Mentee>>, at: Placer, rules: readonly FormRule[]): Finding[] {
  const out: Finding[] = [];
  const ruleFor = ruleLookup(rules);
  for (const r of rows) {
    const { category, form } = r.record;
    const rule = ruleFor(form);
    if (!category || !rule || rule.mentee.includes(category)) continue;
    out.push(at.at(r.row, 'form', 'mentee.form.category', 'warning', `Наставляемый категории «${category}» не подходит для формы «${rule.form}» (допустимо: ${rule.mentee.join(', ')})`));
  }
  return out;
}
