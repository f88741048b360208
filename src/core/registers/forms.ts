/**
 * Forms of mentoring and who fits them (DOMAIN.md «Who fits which form»). The table is a default:
 * the settings may replace it.
 */
import { foldSpaces } from '../util/text';

export interface FormRule {
  /** Canonical name, «ученик – ученик» (en dash with spaces). */
  form: string;
  mentor: readonly string[];
  mentee: readonly string[];
  /** Age range of pupil mentees (DOMAIN: 10–18 by default). */
  menteeAge?: { min: number; max: number };
  /** Teacher system: mentees are young specialists (under 35, first 3 years) or teachers. */
  teacherSystem?: boolean;
}

/** Pupils in programmes are 10–18 years old (DOMAIN, default). */
export const PUPIL_AGE = { min: 10, max: 18 };

export const DEFAULT_FORM_RULES: readonly FormRule[] = [
  { form: 'ученик – ученик', mentor: ['обучающийся'], mentee: ['обучающийся'], menteeAge: PUPIL_AGE },
  { form: 'учитель – учитель', mentor: ['педагог'], mentee: ['педагог', 'молодой специалист'], teacherSystem: true },
  { form: 'педагог – педагог', mentor: ['педагог'], mentee: ['педагог', 'молодой специалист'], teacherSystem: true },
  { form: 'студент – ученик', mentor: ['студент'], mentee: ['обучающийся'], menteeAge: PUPIL_AGE },
  { form: 'работодатель – ученик', mentor: ['работодатель'], mentee: ['обучающийся'], menteeAge: PUPIL_AGE },
  { form: 'студент – студент', mentor: ['студент'], mentee: ['студент'] },
  { form: 'работодатель – студент', mentor: ['работодатель'], mentee: ['студент'] },
];

/** Young specialist (DOMAIN): a teacher under 35 in their first 3 years. */
export const YOUNG_SPECIALIST = { maxAge: 35, maxExperienceYears: 3 };

/** A form's name as compared: case, quotes, «ё» and the kind of dash do not matter. */
export function formKey(text: string): string {
  return foldSpaces(
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[«»"]/g, '')
      .replace(/\s*[-‐‑–—]\s*/g, ' – '),
  );
}

/**
 * The canonical name of a form as written in a cell: the dash may be «–», «—» or «-», with or
 * without spaces; case and quotes do not matter. Null when it is not one of the known forms.
 */
export function normalizeForm(text: string, rules: readonly FormRule[] = DEFAULT_FORM_RULES): string | null {
  const key = formKey(text);
  if (!key) return null;
  for (const r of rules) if (formKey(r.form) === key) return r.form;
  return null;
}

/** Several forms in one cell, separated by «;», «,» or new lines. Unknown ones are returned apart. */
export function parseForms(text: string, rules: readonly FormRule[] = DEFAULT_FORM_RULES): { forms: string[]; unknown: string[] } {
  const forms: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[;,\n]+/)) {
    const p = part.trim();
    if (!p) continue;
    const f = normalizeForm(p, rules);
    if (f) {
      if (!forms.includes(f)) forms.push(f);
    } else unknown.push(p);
  }
  return { forms, unknown };
}

export function ruleFor(form: string | undefined, rules: readonly FormRule[] = DEFAULT_FORM_RULES): FormRule | undefined {
  if (!form) return undefined;
  const f = normalizeForm(form, rules) ?? form;
  return rules.find((r) => r.form === f);
}

/** Forms in which a mentor of this category may lead a mentee of that category. */
export function formsFor(mentorCategory: string, menteeCategory: string, rules: readonly FormRule[] = DEFAULT_FORM_RULES): string[] {
  return rules.filter((r) => r.mentor.includes(mentorCategory) && r.mentee.includes(menteeCategory)).map((r) => r.form);
}
