/**
 * The forms of mentoring as the curator sets them in «Настройки» (DOMAIN.md: the list of forms and
 * the table «who fits which form» are settings). Two kinds of rows:
 *
 * - «Форма: педагог – обучающийся» | «наставник: педагог; наставляемый: обучающийся» adds a form,
 *   or replaces the default rule of the same name. The value is read leniently: «педагог →
 *   обучающийся», «педагог / обучающийся, молодой специалист», plurals («педагоги»), synonyms
 *   («учитель», «ученик»). Left blank, a default form keeps its rule and a new form is read from its
 *   own name when both halves are categories («педагог – обучающийся»).
 * - «Используемые формы» | «ученик – ученик; педагог – педагог» narrows the list to these forms,
 *   in this order (blank: all of them).
 *
 * A pupil mentee brings the pupils' age range, a young specialist the young-specialist rule: the
 * defaults follow the same two rules, so the default table written out as rows reads back as itself.
 */
import type { CellValue } from '../port-types';
import { foldSpaces } from '../util/text';
import { MENTEE_CATEGORIES, MENTOR_CATEGORIES } from './schemas';
import { enumOf, isBlank, textOf } from './cells';
import { DEFAULT_FORM_RULES, PUPIL_AGE, formKey, type FormRule } from './forms';

/** Label of a form row: «Форма: …», «Форма наставничества: …», «Форма «…»». */
const FORM_LABEL = /^форма(?:\s+наставничества)?\s*(?::\s*|\s+(?=[«"]))(.*)$/;
/** Labels of the row listing the forms in use. */
export const FORMS_IN_USE_LABEL = 'Используемые формы';
const IN_USE_LABELS = new Set(['используемые формы', 'только формы', 'формы в работе', 'формы наставничества', 'используемые формы наставничества']);

export const FORM_LABEL_PREFIX = 'Форма: ';

const lower = (s: string) => foldSpaces(s.toLowerCase().replace(/ё/g, 'е'));

/** The form a row's label names, as written (quotes dropped), or null when it is no form row. */
export function formRowName(label: CellValue): string | null {
  const raw = foldSpaces(textOf(label));
  const m = FORM_LABEL.exec(lower(raw));
  if (!m) return null;
  // The name in the curator's own case: the same tail of the raw label.
  const name = m[1] ? raw.slice(raw.length - m[1].length) : '';
  return stripQuotes(name);
}

export function isFormsInUseLabel(label: CellValue): boolean {
  return IN_USE_LABELS.has(lower(textOf(label)).replace(/[:.]$/, '').trim());
}

function stripQuotes(s: string): string {
  return foldSpaces(s.replace(/^[«"“„']+/, '').replace(/[»"”']+$/, ''));
}

/**
 * A form's name as the add-on writes it: an en dash with spaces between its halves («студент –
 * студент (СПО)»), the curator's own case kept. A hyphen inside a word («IT-специалист – студент»)
 * stays when the name has a dash of its own.
 */
export function canonicalFormName(text: string): string {
  let s = stripQuotes(text);
  if (/[–—]/.test(s)) s = s.replace(/\s*[–—]\s*/g, ' – ');
  else if (/\s-\s/.test(s)) s = s.replace(/\s+-\s+/g, ' – ');
  else if ((s.match(/-/g) ?? []).length === 1) s = s.replace(/\s*-\s*/, ' – ');
  return foldSpaces(s);
}

type Role = 'mentor' | 'mentee';
const OPTIONS: Record<Role, readonly string[]> = { mentor: MENTOR_CATEGORIES, mentee: MENTEE_CATEGORIES };
const ROLE_WORD: Record<Role, string> = { mentor: 'наставника', mentee: 'наставляемого' };

/** A category as written: singular or plural, with the registers' synonyms («учитель», «ученики»). */
function categoryOf(word: string, role: Role): string | null {
  const w = lower(word).replace(/[.:;]+$/, '');
  return w ? enumOf(w, OPTIONS[role]) : null;
}

type Side = { categories: string[] } | { error: string };

function readSide(text: string, role: Role): Side {
  const words = text
    .split(/\s*(?:,|\+|\sи\s|\sили\s)\s*/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (!words.length) return { error: `не указана категория ${ROLE_WORD[role]}` };
  const categories: string[] = [];
  for (const w of words) {
    const c = categoryOf(w, role);
    if (!c) return { error: `«${w}» — не категория ${ROLE_WORD[role]} (допустимо: ${OPTIONS[role].join(', ')})` };
    if (!categories.includes(c)) categories.push(c);
  }
  return { categories };
}

/** «наставник: …; наставляемый: …» in any order, or «… → …», «… / …», «… – …». */
function splitValue(text: string): { mentor: string; mentee: string } | { error: string } {
  const t = foldSpaces(text.replace(/\n/g, '; '));
  const keys = [...t.matchAll(/(наставляем\p{L}*|наставни\p{L}*)\s*(?:[:=]|[–—-](?!\p{L}))?\s*/giu)];
  if (keys.length) {
    const out: Partial<Record<Role, string>> = {};
    keys.forEach((k, i) => {
      const role: Role = /^наставляем/i.test(k[1]) ? 'mentee' : 'mentor';
      const end = i + 1 < keys.length ? keys[i + 1].index : t.length;
      out[role] = t.slice(k.index + k[0].length, end).replace(/^[\s;,.]+|[\s;,.]+$/g, '');
    });
    if (out.mentor === undefined) return { error: 'не указано, кто наставник («наставник: …»)' };
    if (out.mentee === undefined) return { error: 'не указано, кто наставляемый («наставляемый: …»)' };
    return { mentor: out.mentor, mentee: out.mentee };
  }
  let parts = t.split(/\s*(?:→|->|=>|⇒|\/|\\|\||;|[–—]|\s-\s)\s*/);
  // «педагог-обучающийся»: a bare hyphen only when nothing else separates the two.
  if (parts.length === 1) parts = t.split('-');
  if (parts.length === 2) return { mentor: parts[0], mentee: parts[1] };
  return { error: 'не понятно, кто наставник и кто наставляемый' };
}

/** The rule of a form: attributes follow its categories (pupils' ages, the young-specialist rule). */
export function ruleOf(form: string, mentor: readonly string[], mentee: readonly string[]): FormRule {
  const rule: FormRule = { form, mentor: [...mentor], mentee: [...mentee] };
  if (mentee.includes('обучающийся')) rule.menteeAge = PUPIL_AGE;
  if (mentee.includes('молодой специалист')) rule.teacherSystem = true;
  return rule;
}

/** A form row's value as the add-on writes it. */
export function formRuleValue(rule: Pick<FormRule, 'mentor' | 'mentee'>): string {
  return `наставник: ${rule.mentor.join(', ')}; наставляемый: ${rule.mentee.join(', ')}`;
}

/** The default table written out as «Настройки» rows. */
export function formRuleRows(rules: readonly FormRule[] = DEFAULT_FORM_RULES): CellValue[][] {
  return rules.map((r) => [FORM_LABEL_PREFIX + r.form, formRuleValue(r)]);
}

export type FormValueRead = { mentor: string[]; mentee: string[] } | { error: string };

/** Reads a form row's value (the example in messages: «наставник: педагог; наставляемый: …»). */
export function readFormValue(text: string): FormValueRead {
  const split = splitValue(text);
  if ('error' in split) return split;
  const mentor = readSide(split.mentor, 'mentor');
  if ('error' in mentor) return mentor;
  const mentee = readSide(split.mentee, 'mentee');
  if ('error' in mentee) return mentee;
  return { mentor: mentor.categories, mentee: mentee.categories };
}

/** A new form read from its name alone, when both halves are categories («педагог – обучающийся»). */
function fromName(name: string): FormValueRead | null {
  const halves = name.split(' – ');
  if (halves.length !== 2) return null;
  const mentor = categoryOf(halves[0], 'mentor');
  const mentee = categoryOf(halves[1], 'mentee');
  return mentor && mentee ? { mentor: [mentor], mentee: [mentee] } : null;
}

export interface FormRowRead {
  /** 0-based row. */
  row: number;
  name: string;
  /** The value as written. */
  value: string;
  rule?: FormRule;
  error?: string;
}

export interface FormsRead {
  /** The forms in effect (narrowed by «Используемые формы»). */
  forms: FormRule[];
  /** Every form defined: the defaults (as replaced) and the new ones, before narrowing. */
  all: FormRule[];
  rows: FormRowRead[];
  /** 0-based row of «Используемые формы», if any. */
  inUseRow?: number;
  /** Problems, each on a row's «Значение» cell: row (0-based) and Russian message. */
  problems: Array<{ row: number; field: string; message: string }>;
}

const EXAMPLE = '«наставник: педагог; наставляемый: молодой специалист»';

/**
 * The forms in effect from the rows of «Настройки» (label in column A, value in B). Rows of other
 * settings are skipped; without form rows the result is the default table.
 */
export function readFormRows(values: readonly CellValue[][], defaults: readonly FormRule[] = DEFAULT_FORM_RULES): FormsRead {
  const rules: FormRule[] = [...defaults];
  const keyOf = new Map<string, number>(defaults.map((r, i) => [formKey(r.form), i]));
  const definedAt = new Map<string, number>();
  const rows: FormRowRead[] = [];
  const problems: FormsRead['problems'] = [];
  let inUse: { row: number; text: string } | undefined;

  values.forEach((line, r) => {
    const label = line[0] ?? null;
    if (isBlank(label)) return;
    if (isFormsInUseLabel(label)) {
      if (inUse) problems.push({ row: r, field: 'formsInUse', message: `Строка «${FORMS_IN_USE_LABEL}» уже есть выше (строка ${inUse.row + 1}); эта не учтена` });
      else inUse = { row: r, text: textOf(line[1] ?? null) };
      return;
    }
    const written = formRowName(label);
    if (written === null) return;
    const name = canonicalFormName(written);
    const value = textOf(line[1] ?? null);
    const read: FormRowRead = { row: r, name, value };
    rows.push(read);
    const fail = (message: string) => {
      read.error = message;
      problems.push({ row: r, field: 'forms', message });
    };
    if (!name) return fail('После «Форма:» не указано название формы');
    if (/[;,]/.test(name)) return fail(`В названии формы «${name}» не должно быть «,» и «;»: ими разделяют формы в ячейке`);
    const key = formKey(name);
    const before = definedAt.get(key);
    if (before !== undefined) return fail(`Форма «${name}» уже задана в строке ${before + 1}; эта строка не учтена`);
    definedAt.set(key, r);
    const at = keyOf.get(key);
    // A default form keeps its spelling, so cells already normalised to it still match.
    const canonical = at !== undefined && at < defaults.length ? defaults[at].form : name;
    read.name = canonical;
    let parsed: FormValueRead | null;
    if (isBlank(line[1] ?? null)) {
      if (at !== undefined) {
        read.rule = rules[at];
        return;
      }
      parsed = fromName(canonical);
      if (!parsed) return fail(`Форма «${canonical}»: укажите, кто наставник и кто наставляемый, например ${EXAMPLE}`);
    } else {
      parsed = readFormValue(value);
      if ('error' in parsed) return fail(`Форма «${canonical}»: ${parsed.error}. Запишите, например, ${EXAMPLE}`);
    }
    if ('error' in parsed) return;
    const rule = ruleOf(canonical, parsed.mentor, parsed.mentee);
    read.rule = rule;
    if (at !== undefined) rules[at] = rule;
    else {
      keyOf.set(key, rules.length);
      rules.push(rule);
    }
  });

  let forms = rules;
  if (inUse && inUse.text) {
    const chosen: FormRule[] = [];
    const unknown: string[] = [];
    for (const part of inUse.text.split(/[;,\n]+/)) {
      const p = part.trim();
      if (!p) continue;
      const at = keyOf.get(formKey(canonicalFormName(p)));
      if (at === undefined) unknown.push(p);
      else if (!chosen.includes(rules[at])) chosen.push(rules[at]);
    }
    if (unknown.length) {
      const list = unknown.map((u) => `«${u}»`).join(', ');
      problems.push({
        row: inUse.row,
        field: 'formsInUse',
        message: `${unknown.length > 1 ? 'Формы' : 'Форма'} ${list} нет ни среди стандартных, ни в строках «Форма: …»: исправьте название или добавьте строку «${FORM_LABEL_PREFIX}${canonicalFormName(unknown[0])}»`,
      });
    }
    if (chosen.length) forms = chosen;
  }
  problems.sort((a, b) => a.row - b.row);
  return { forms, all: rules, rows, inUseRow: inUse?.row, problems };
}

/** A form as the sidebar's settings show it: its row's value as written (or the rule written out). */
export interface FormEntry {
  name: string;
  value: string;
  used: boolean;
  /** One of DOMAIN's default forms (its row may be absent). */
  standard: boolean;
}

/** The forms to edit: those in use in their order, then the others defined, then unreadable rows. */
export function formsForEditing(values: readonly CellValue[][], defaults: readonly FormRule[] = DEFAULT_FORM_RULES): FormEntry[] {
  const read = readFormRows(values, defaults);
  const out: FormEntry[] = [];
  const seen = new Set<string>();
  const standard = new Set(defaults.map((r) => formKey(r.form)));
  const rowOf = new Map<string, FormRowRead>();
  for (const r of read.rows) if (!rowOf.has(formKey(r.name))) rowOf.set(formKey(r.name), r);
  const add = (name: string, rule: FormRule | undefined, used: boolean) => {
    const key = formKey(name);
    if (seen.has(key)) return;
    seen.add(key);
    const row = rowOf.get(key);
    const value = row?.value || (rule ? formRuleValue(rule) : '');
    out.push({ name, value, used, standard: standard.has(key) });
  };
  for (const r of read.forms) add(r.form, r, true);
  for (const r of read.all) add(r.form, r, false);
  for (const r of read.rows) if (r.name) add(r.name, r.rule, false);
  return out;
}

export interface FormEdits {
  errors: Record<string, string>;
  /** «Значение» cells to rewrite: 0-based row and the text. */
  updates: Array<{ row: number; value: string }>;
  /** Rows to add at the end (label, value). */
  added: CellValue[][];
}

const sameCategories = (a: FormRule | undefined, b: { mentor: readonly string[]; mentee: readonly string[] }) =>
  !!a && a.mentor.join('|') === b.mentor.join('|') && a.mentee.join('|') === b.mentee.join('|');

/**
 * What saving the sidebar's forms writes: a form row only where the rule changed (a default left as
 * it is needs none), «Используемые формы» only when the forms in use changed. Errors are keyed
 * `form:<name as sent>` (or `forms` for the list as a whole).
 */
export function planFormEdits(
  values: readonly CellValue[][],
  sent: ReadonlyArray<{ name: string; value: string; used: boolean }>,
  defaults: readonly FormRule[] = DEFAULT_FORM_RULES,
): FormEdits {
  const read = readFormRows(values, defaults);
  const errors: Record<string, string> = {};
  const updates: FormEdits['updates'] = [];
  const added: CellValue[][] = [];
  const rowOf = new Map<string, FormRowRead>();
  for (const r of read.rows) if (!rowOf.has(formKey(r.name))) rowOf.set(formKey(r.name), r);
  const defaultOf = new Map(defaults.map((r) => [formKey(r.form), r]));
  const keys = new Set<string>();
  const used: string[] = [];
  const names: string[] = [];
  for (const s of sent) {
    const errKey = `form:${s.name}`;
    const name = canonicalFormName(String(s.name ?? ''));
    if (!name) {
      errors[errKey] = 'Укажите название формы';
      continue;
    }
    if (/[;,]/.test(name)) {
      errors[errKey] = 'В названии формы не должно быть «,» и «;»';
      continue;
    }
    const key = formKey(name);
    if (keys.has(key)) {
      errors[errKey] = `Форма «${name}» указана дважды`;
      continue;
    }
    keys.add(key);
    const standard = defaultOf.get(key);
    const canonical = standard?.form ?? rowOf.get(key)?.name ?? name;
    const text = foldSpaces(String(s.value ?? ''));
    const parsed: FormValueRead | null = text ? readFormValue(text) : standard ? { mentor: [...standard.mentor], mentee: [...standard.mentee] } : fromName(canonical);
    if (!parsed || 'error' in parsed) {
      errors[errKey] = parsed ? `${parsed.error}; например, ${EXAMPLE}` : `Укажите, кто наставник и кто наставляемый, например ${EXAMPLE}`;
      continue;
    }
    names.push(canonical);
    if (s.used) used.push(canonical);
    const row = rowOf.get(key);
    const now = row ? row.rule : standard;
    if (!(row && row.error) && sameCategories(now, parsed)) continue;
    const value = formRuleValue(parsed);
    if (row) updates.push({ row: row.row, value });
    else added.push([FORM_LABEL_PREFIX + canonical, value]);
  }
  if (Object.keys(errors).length) return { errors, updates: [], added: [] };
  if (!used.length) return { errors: { forms: 'Отметьте хотя бы одну используемую форму' }, updates: [], added: [] };
  const current = read.forms.map((r) => r.form);
  if (used.join('\n') !== current.join('\n')) {
    // All forms in their usual order: no list needed (a blank list means all of them).
    const list = used.length === names.length && used.join('\n') === names.join('\n') ? '' : used.join('; ');
    if (read.inUseRow !== undefined) updates.push({ row: read.inUseRow, value: list });
    else if (list) added.push([FORMS_IN_USE_LABEL, list]);
  }
  return { errors, updates, added };
}
