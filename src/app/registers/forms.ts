/**
 * Sidebar forms: add or edit a mentor, a mentee, a pair or group, and the settings.
 *
 * - Input comes as the form's text (strings, or lists of strings); each value is read exactly as a
 *   cell of its column would be (readCell), then the record is checked by the register's zod
 *   schema. Problems come back per field in Russian ({ field: message }); nothing is thrown at the
 *   user and nothing is written.
 * - Writing happens under the document lock after a fresh read of the registers (someone may have
 *   typed meanwhile): a new row is appended aligned to the sheet's actual columns (the curator's
 *   own columns left empty); an edit rewrites only the cells of fields whose value changed, one
 *   write per contiguous run of such columns, and refuses when the row no longer holds the ID it
 *   held when the form was opened.
 * - Dates are written as real dates: a Date at 00:00 UTC of the calendar day (the port's date
 *   convention; readers round to the nearest UTC midnight, so any zone from UTC−11 to UTC+12 shows
 *   the same day) with the column's dd.mm.yyyy format.
 * - People in a pair are written by ID. Nobody without consent to personal data processing is
 *   paired; logs name people by ID only.
 */
import { percent } from '../../core/util/text';
import type * as z from 'zod/mini';
import { LockBusyError, UserError, type CellValue, type WorkbookPort } from '../port';
import type { AppContext } from '../context';
import {
  MENTEE_CATEGORIES,
  MENTOR_CATEGORIES,
  PAIR_STATUSES,
  PERSON_STATUSES,
  REGISTERS,
  SHEET_NAMES,
  columnsOf,
  type ColumnSpec,
  type FieldKind,
  type Mentee,
  type Mentor,
} from '../../core/registers/schemas';
import { isBlank, readCell, textOf } from '../../core/registers/cells';
import { indexPeople, nextId, resolvePerson } from '../../core/registers/people';
import { SETTING_SPECS, parseShare, readSettings, type Settings } from '../../core/registers/settings';
import { formsForEditing, planFormEdits } from '../../core/registers/formRows';
import { refreshFormsDropdowns } from './setup';
import type { RegisterRow } from '../../core/registers/read';
import { dateOfIso, parseDateText, ruDate } from '../../core/util/dates';
import { loadRegisters, type LoadedRegisters } from './load';
import { SETTINGS_HEADER } from './setup';

export type PersonKey = 'mentors' | 'mentees';
export type FormKey = PersonKey | 'pairs';

/** What the sidebar form sends: text per field, or several texts for list fields. */
export type FormValues = Record<string, string | string[] | undefined>;

/** The row a form was opened from: 0-based sheet row and the ID it held then. */
export interface RowRef {
  row: number;
  id: string;
}

export type SaveResult =
  | { ok: true; id: string; sheet: string; row: number; created: boolean; message: string; warnings: string[] }
  | { ok: false; errors: Record<string, string>; message: string };

export interface FieldInfo {
  field: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  multiple: boolean;
  options?: string[];
}

export interface PersonBrief {
  id: string;
  fullName: string;
  category: string;
  organization: string;
  consent: boolean;
  row: number;
}

const LABEL: Record<FormKey, string> = { mentors: 'наставника', mentees: 'наставляемого', pairs: 'пары' };

function isArrayType(t: unknown): boolean {
  let cur: any = t;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur.def?.type === 'array') return true;
    cur = cur.def?.innerType;
  }
  return false;
}

function schemaOf(key: FormKey): z.ZodMiniObject {
  return REGISTERS[key].schema as unknown as z.ZodMiniObject;
}

function manyOf(key: FormKey, field: string): boolean {
  return isArrayType((schemaOf(key).shape as Record<string, unknown>)[field]);
}

/** The form fields of a register, from the schema metadata (labels = canonical headings). */
export function fieldsOf(key: FormKey, forms: readonly string[]): FieldInfo[] {
  return columnsOf(schemaOf(key)).map((s) => {
    const options = s.meta.kind === 'enum' ? [...(s.meta.options ?? [])] : s.meta.kind === 'form' ? [...forms] : undefined;
    return { field: s.field, label: s.meta.heading, kind: s.meta.kind, required: !!s.meta.required, multiple: manyOf(key, s.field), ...(options ? { options } : {}) };
  });
}

export function hasConsent(p: { consentDate?: string }): boolean {
  const c = p.consentDate as string | undefined;
  return !!c && c !== 'no';
}

function brief(r: RegisterRow<Mentor | Mentee>): PersonBrief {
  return {
    id: r.record.id ?? '',
    fullName: r.record.fullName ?? '',
    category: r.record.category ?? '',
    organization: r.record.organization ?? '',
    consent: hasConsent(r.record),
    row: r.row,
  };
}

function missingSheetMessage(key: FormKey): string {
  return `Нет листа «${SHEET_NAMES[key]}». Выберите в меню «Наставничество → Настроить таблицу».`;
}

/** Everything the forms need in one call: lists for the selects and pickers, next IDs. */
export function getFormsData(ctx: AppContext) {
  const loaded = loadRegisters(ctx.wb, { only: ['mentors', 'mentees', 'pairs'] });
  const forms = loaded.settings.forms.map((r) => r.form);
  return {
    forms,
    mentorCategories: [...MENTOR_CATEGORIES],
    menteeCategories: [...MENTEE_CATEGORIES],
    personStatuses: [...PERSON_STATUSES],
    pairStatuses: [...PAIR_STATUSES],
    fields: { mentors: fieldsOf('mentors', forms), mentees: fieldsOf('mentees', forms), pairs: fieldsOf('pairs', forms) },
    mentors: loaded.mentors.filter((r) => r.record.id).map(brief),
    mentees: loaded.mentees.filter((r) => r.record.id).map(brief),
    nextIds: {
      mentors: nextId(REGISTERS.mentors.idPrefix, loaded.mentors.map((r) => r.record.id)),
      mentees: nextId(REGISTERS.mentees.idPrefix, loaded.mentees.map((r) => r.record.id)),
      pairs: nextId(REGISTERS.pairs.idPrefix, loaded.pairs.map((r) => r.record.id)),
    },
    missing: (['mentors', 'mentees', 'pairs'] as const).filter((k) => !loaded.sheets[k]).map((k) => SHEET_NAMES[k]),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading and checking input

function inputText(v: string | string[] | undefined): string {
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.map((s) => String(s).trim()).filter(Boolean).join('; ') : String(v).trim();
}

/** Reads form values into a record with the register's cell readers; errors per field. */
export function readInput(key: FormKey, input: FormValues, forms: LoadedRegisters['settings']['forms']): { record: Record<string, unknown>; errors: Record<string, string> } {
  const record: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const spec of columnsOf(schemaOf(key))) {
    const text = inputText(input[spec.field]);
    if (!text) continue;
    // A date input sends YYYY-MM-DD; the readers take that as well as ДД.ММ.ГГГГ.
    const res = readCell(text, spec.meta, { rules: forms, many: manyOf(key, spec.field) });
    if ('error' in res) errors[spec.field] = res.error.message;
    else if (res.value !== '' && !(Array.isArray(res.value) && res.value.length === 0)) record[spec.field] = res.value;
  }
  return { record, errors };
}

/** zod issues as Russian messages beside their fields. */
export function zodErrors(specs: readonly ColumnSpec[], error: z.core.$ZodError, record: Record<string, unknown>, already: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...already };
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || out[field]) continue;
    const spec = specs.find((s) => s.field === field);
    const heading = spec?.meta.heading ?? field;
    if (record[field] === undefined) out[field] = `Заполните поле «${heading}»`;
    else if (issue.code === 'too_small' && spec?.meta.required) out[field] = `Заполните поле «${heading}»`;
    else if (issue.code === 'invalid_value' && spec?.meta.options) out[field] = `Выберите значение из списка: ${spec.meta.options.join(', ')}`;
    else if (spec?.meta.kind === 'date' || spec?.meta.kind === 'dateOrYes') out[field] = `«${heading}»: введите дату в виде ДД.ММ.ГГГГ${spec.meta.kind === 'dateOrYes' ? ' или «да»' : ''}`;
    else if (spec?.meta.kind === 'int') out[field] = `«${heading}»: нужно целое число не меньше 0`;
    else out[field] = `Недопустимое значение в поле «${heading}»`;
  }
  return out;
}

/** Checks input with the register's zod schema. The ID is checked separately (it may be assigned). */
export function checkInput(key: FormKey, input: FormValues, forms: LoadedRegisters['settings']['forms']): { ok: true; record: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const { record, errors } = readInput(key, input, forms);
  const schema = schemaOf(key);
  // A new record's ID is given by the add-on: check the rest with a placeholder.
  const parsed = schema.safeParse({ ...record, id: (record.id as string | undefined) ?? '?' });
  if (!parsed.success || Object.keys(errors).length) {
    return { ok: false, errors: parsed.success ? errors : zodErrors(columnsOf(schema), parsed.error, record, errors) };
  }
  return { ok: true, record };
}

// ---------------------------------------------------------------------------------------------
// Turning a record into cells

/** The value written into a cell for a field (dates as real dates, lists joined by «; »). */
export function cellValueOf(kind: FieldKind, v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return '';
  if (Array.isArray(v)) return v.join('; ');
  if (kind === 'date' && typeof v === 'string') return dateOfIso(v);
  if (kind === 'dateOrYes') {
    if (v === 'yes') return 'да';
    if (v === 'no') return 'нет';
    return typeof v === 'string' ? dateOfIso(v) : '';
  }
  return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

/** A value as compared to decide whether a cell changed. */
function compareText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join('; ');
  return String(v);
}

/** A value as shown in the form. */
function formText(kind: FieldKind, v: unknown): string | string[] {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(String);
  if ((kind === 'date' || kind === 'dateOrYes') && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return kind === 'date' ? v : ruDate(v);
  if (v === 'yes') return 'да';
  if (v === 'no') return 'нет';
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Writing

function fail(message: string, errors: Record<string, string> = {}): SaveResult {
  return { ok: false, errors, message };
}

function locked(ctx: AppContext, fn: () => SaveResult): SaveResult {
  try {
    return ctx.wb.withLock(fn);
  } catch (e) {
    if (e instanceof LockBusyError || e instanceof UserError) return fail(e.message);
    throw e;
  }
}

/** Appends one row aligned to the sheet's columns; the curator's columns stay empty. */
function appendRecord(wb: WorkbookPort, loaded: LoadedRegisters, key: FormKey, record: Record<string, unknown>): { row: number; warnings: string[] } {
  const ref = loaded.sheets[key]!;
  const width = Math.max(ref.width, ...Object.values(ref.columns).map((c) => c + 1));
  const line: CellValue[] = Array.from({ length: width }, () => '');
  const warnings: string[] = [];
  for (const spec of columnsOf(schemaOf(key))) {
    const v = record[spec.field];
    if (v === undefined) continue;
    const col = ref.columns[spec.field];
    if (col === undefined) {
      warnings.push(`Поле «${spec.meta.heading}» не записано: на листе «${ref.name}» нет такого столбца (выберите «Настроить таблицу»)`);
      continue;
    }
    line[col] = cellValueOf(spec.meta.kind, v);
  }
  return { row: wb.appendRows(ref.name, [line]), warnings };
}

/**
 * Rewrites the cells of the fields whose value changed, one write per contiguous run of such
 * columns. A cell the reader could not understand counts as changed only when the form sends
 * something else than its text.
 */
function rewriteRecord(wb: WorkbookPort, loaded: LoadedRegisters, key: FormKey, row: number, record: Record<string, unknown>): { written: number; warnings: string[] } {
  const ref = loaded.sheets[key]!;
  const line = loaded.data[key]?.values[row] ?? [];
  const changes: Array<{ col: number; value: CellValue }> = [];
  const warnings: string[] = [];
  for (const spec of columnsOf(schemaOf(key))) {
    if (spec.field === 'id') continue;
    const col = ref.columns[spec.field];
    const next = record[spec.field];
    if (col === undefined) {
      if (next !== undefined) warnings.push(`Поле «${spec.meta.heading}» не записано: на листе «${ref.name}» нет такого столбца`);
      continue;
    }
    const raw = line[col] ?? null;
    let before = '';
    if (!isBlank(raw)) {
      const res = readCell(raw, spec.meta, { rules: loaded.settings.forms, many: manyOf(key, spec.field) });
      before = 'error' in res ? `\u0000${textOf(raw)}` : compareText(spec.meta.kind === 'refs' ? refsAsIds(loaded, spec.field, res.value) : res.value);
    }
    if (before === compareText(next)) continue;
    changes.push({ col, value: cellValueOf(spec.meta.kind, next) });
  }
  changes.sort((a, b) => a.col - b.col);
  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j + 1 < changes.length && changes[j + 1].col === changes[j].col + 1) j++;
    wb.writeValues(ref.name, row, changes[i].col, [changes.slice(i, j + 1).map((c) => c.value)]);
    i = j + 1;
  }
  return { written: changes.length, warnings };
}

/** People written by name in a curator's pair compare by the ID they resolve to (a name is kept if unchanged). */
function refsAsIds(loaded: LoadedRegisters, field: string, v: unknown): unknown {
  const people = (field === 'mentor' ? loaded.mentors : loaded.mentees).map((r) => r.record);
  const one = (ref: string) => {
    const res = resolvePerson(ref, people);
    return res.status === 'ok' && res.person.id ? res.person.id : ref;
  };
  return Array.isArray(v) ? v.map((x) => one(String(x))) : one(String(v));
}

function sameId(a: string | undefined, b: string | undefined): boolean {
  const k = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, '');
  return !!a && !!b && k(a) === k(b);
}

interface SaveHooks {
  /** Extra checks on the fresh registers; may adjust the record. Returns field errors or a message. */
  check?(loaded: LoadedRegisters, record: Record<string, unknown>): { errors?: Record<string, string>; message?: string } | null;
  defaults?(record: Record<string, unknown>): void;
}

function saveRecord(ctx: AppContext, key: FormKey, input: FormValues, rowToEdit: RowRef | undefined, hooks: SaveHooks = {}): SaveResult {
  // A first check without the lock: input errors need no spreadsheet.
  const first = checkInput(key, input, loadRegisters(ctx.wb, { only: [] }).settings.forms);
  if (!first.ok) return fail('Исправьте поля, отмеченные красным.', first.errors);

  return locked(ctx, () => {
    const loaded = loadRegisters(ctx.wb, { only: key === 'pairs' ? ['mentors', 'mentees', 'pairs'] : [key] });
    const ref = loaded.sheets[key];
    if (!ref) return fail(missingSheetMessage(key));
    if (ref.columns.id === undefined) return fail(`На листе «${ref.name}» нет столбца «ID». Выберите «Настроить таблицу», чтобы его добавить.`);
    // Re-read with the sheet's own forms list (settings may have changed).
    const checked = checkInput(key, input, loaded.settings.forms);
    if (!checked.ok) return fail('Исправьте поля, отмеченные красным.', checked.errors);
    const record = checked.record;
    const rows = loaded[key] as Array<RegisterRow<{ id?: string }>>;

    let editing: RegisterRow<{ id?: string }> | undefined;
    if (rowToEdit) {
      editing = rows.find((r) => r.row === rowToEdit.row);
      if (!editing || !sameId(editing.record.id, rowToEdit.id)) return fail('Строка изменилась, откройте запись заново.');
      record.id = editing.record.id;
    } else {
      const given = record.id as string | undefined;
      if (given) {
        const taken = rows.find((r) => sameId(r.record.id, given));
        if (taken) return fail(`ID «${given}» уже занят (строка ${taken.row + 1}).`, { id: `ID «${given}» уже занят (строка ${taken.row + 1} листа «${ref.name}»)` });
      } else {
        record.id = nextId(REGISTERS[key].idPrefix, rows.map((r) => r.record.id));
      }
      hooks.defaults?.(record);
    }
    const extra = hooks.check?.(loaded, record);
    if (extra && (extra.message || (extra.errors && Object.keys(extra.errors).length))) {
      return fail(extra.message ?? 'Исправьте поля, отмеченные красным.', extra.errors ?? {});
    }
    const id = String(record.id);
    if (editing) {
      const { written, warnings } = rewriteRecord(ctx.wb, loaded, key, editing.row, record);
      ctx.log?.(`forms: ${key} ${id} edited, ${written} cells`);
      const message = written ? `Запись ${id} сохранена (строка ${editing.row + 1} листа «${ref.name}»).` : `Запись ${id} не изменилась.`;
      return { ok: true, id, sheet: ref.name, row: editing.row + 1, created: false, message, warnings };
    }
    const { row, warnings } = appendRecord(ctx.wb, loaded, key, record);
    ctx.log?.(`forms: ${key} ${id} added`);
    return { ok: true, id, sheet: ref.name, row: row + 1, created: true, message: `Добавлена запись ${LABEL[key]} ${id}: строка ${row + 1} листа «${ref.name}».`, warnings };
  });
}

export function saveMentor(ctx: AppContext, input: FormValues, rowToEdit?: RowRef): SaveResult {
  return saveRecord(ctx, 'mentors', input, rowToEdit);
}

export function saveMentee(ctx: AppContext, input: FormValues, rowToEdit?: RowRef): SaveResult {
  return saveRecord(ctx, 'mentees', input, rowToEdit);
}

/** Checks the people of a pair on the fresh registers: known, unambiguous, with consent. */
function checkPairPeople(loaded: LoadedRegisters, record: Record<string, unknown>) {
  const errors: Record<string, string> = {};
  const withoutConsent: Array<{ id: string; name: string }> = [];
  const mentorIdx = indexPeople<Mentor | Mentee>(loaded.mentors.map((r) => r.record));
  const menteeIdx = indexPeople<Mentor | Mentee>(loaded.mentees.map((r) => r.record));
  const resolve = (ref: string, idx: typeof mentorIdx, what: string): Mentor | Mentee | string => {
    const res = resolvePerson(ref, idx);
    if (res.status === 'ok') return res.person;
    if (res.status === 'ambiguous') return `«${ref}» — несколько человек в реестре ${what} (${res.matches.map((m) => m.id).join(', ')}): выберите по ID`;
    return `«${ref}» не найден в реестре ${what}`;
  };
  const mentor = resolve(String(record.mentor), mentorIdx, 'наставников');
  if (typeof mentor === 'string') errors.mentor = mentor;
  else {
    record.mentor = mentor.id;
    if (!hasConsent(mentor)) withoutConsent.push({ id: mentor.id, name: mentor.fullName });
  }
  const ids: string[] = [];
  const bad: string[] = [];
  for (const ref of record.mentees as string[]) {
    const m = resolve(ref, menteeIdx, 'наставляемых');
    if (typeof m === 'string') bad.push(m);
    else if (!ids.includes(m.id)) {
      ids.push(m.id);
      if (!hasConsent(m)) withoutConsent.push({ id: m.id, name: m.fullName });
    }
  }
  if (bad.length) errors.mentees = bad.join('; ');
  else record.mentees = ids;
  if (Object.keys(errors).length) return { errors };
  if (withoutConsent.length) {
    return { message: `Нельзя закреплять без согласия на обработку ПДн: ${withoutConsent.map((p) => `${p.name} (${p.id})`).join(', ')}. Отметьте согласие в реестре и повторите.` };
  }
  return null;
}

export function savePair(ctx: AppContext, input: FormValues, rowToEdit?: RowRef): SaveResult {
  let refused: string[] = [];
  const res = saveRecord(ctx, 'pairs', input, rowToEdit, {
    defaults: (record) => {
      if (!record.status) record.status = 'формируется';
    },
    check: (loaded, record) => {
      const out = checkPairPeople(loaded, record);
      if (out?.message) refused = [String(record.mentor), ...(record.mentees as string[])];
      return out;
    },
  });
  // Log by ID only, never by name.
  if (!res.ok && refused.length) ctx.log?.(`forms: pair refused, no consent among ${refused.length} people`);
  return res;
}

// ---------------------------------------------------------------------------------------------
// The record under the cursor

export type CursorRecord =
  | { ok: true; kind: FormKey; sheet: string; row: number; rowRef: RowRef; values: Record<string, string | string[]>; valid: boolean }
  | { ok: false; message: string };

export function getRecordAtCursor(ctx: AppContext): CursorRecord {
  const cell = ctx.wb.activeCell?.() ?? null;
  if (!cell) return { ok: false, message: 'Не удалось определить ячейку под курсором. Выберите строку в реестре и повторите.' };
  const loaded = loadRegisters(ctx.wb, { only: ['mentors', 'mentees', 'pairs'] });
  const kind = (['mentors', 'mentees', 'pairs'] as const).find((k) => loaded.sheets[k]?.name === cell.sheet);
  if (!kind) return { ok: false, message: `Курсор стоит на листе «${cell.sheet}»: выберите строку на листе «Наставники», «Наставляемые» или «Пары».` };
  if (cell.row === 0) return { ok: false, message: 'Курсор стоит на заголовке: выберите строку с записью.' };
  const rows = loaded[kind] as Array<RegisterRow<Record<string, unknown>>>;
  const found = rows.find((r) => r.row === cell.row);
  if (!found) return { ok: false, message: `Строка ${cell.row + 1} пуста: выберите строку с записью.` };
  const id = found.record.id as string | undefined;
  if (!id) return { ok: false, message: `В строке ${cell.row + 1} не заполнен ID: впишите его, чтобы редактировать запись в форме.` };
  const ref = loaded.sheets[kind]!;
  const line = loaded.data[kind]?.values[found.row] ?? [];
  const values: Record<string, string | string[]> = {};
  for (const spec of columnsOf(schemaOf(kind))) {
    const col = ref.columns[spec.field];
    if (col === undefined) continue;
    const v = found.record[spec.field];
    // A cell the reader could not understand is shown as written, so the curator sees it.
    values[spec.field] = v === undefined ? textOf(line[col] ?? null) : formText(spec.meta.kind, v);
  }
  if (kind === 'pairs') {
    // Names in a curator's pair become IDs for the pickers where they are unambiguous.
    const toId = (refText: string, people: Array<RegisterRow<{ id?: string; fullName?: string }>>) => {
      const res = resolvePerson(refText, people.map((p) => p.record));
      return res.status === 'ok' && res.person.id ? res.person.id : refText;
    };
    if (typeof values.mentor === 'string' && values.mentor) values.mentor = toId(values.mentor, loaded.mentors);
    if (Array.isArray(values.mentees)) values.mentees = values.mentees.map((m) => toId(m, loaded.mentees));
    else if (values.mentees) values.mentees = [toId(String(values.mentees), loaded.mentees)];
  }
  return { ok: true, kind, sheet: ref.name, row: found.row + 1, rowRef: { row: found.row, id }, values, valid: found.valid };
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface SettingsFormField {
  field: string;
  label: string;
  kind: string;
  value: string;
}

export interface SettingsFormValues {
  fields: Record<string, string>;
  /** year → share as typed («40%», «0,4»). */
  targets: Record<string, string>;
  /** The forms of mentoring as edited (all of them, used or not); absent: left as they are. */
  forms?: Array<{ name: string; value: string; used: boolean }>;
}

function settingText(spec: (typeof SETTING_SPECS)[number], settings: Settings, raw: CellValue | undefined): string {
  const v = (settings as unknown as Record<string, unknown>)[spec.field];
  if (v === undefined || v === null) return raw === undefined ? '' : textOf(raw);
  if (spec.kind === 'date' && typeof v === 'string') return ruDate(v);
  return String(v);
}


export function getSettingsForm(ctx: AppContext) {
  const loaded = loadRegisters(ctx.wb, { only: [] });
  const values = loaded.data.settings?.values ?? [];
  const { settings, rows, findings } = readSettings(values, loaded.sheets.settings?.name);
  const fields: SettingsFormField[] = SETTING_SPECS.map((s) => ({
    field: s.field,
    label: s.label,
    kind: s.kind,
    value: settingText(s, settings, rows[s.field] === undefined ? undefined : values[rows[s.field]][1]),
  }));
  const targets = Object.keys(rows)
    .filter((k) => k.startsWith('target'))
    .map((k) => Number(k.slice(6)))
    .sort((a, b) => a - b)
    .map((year) => ({ year, value: settings.targets[year] === undefined ? textOf(values[rows[`target${year}`]][1] ?? null) : percent(settings.targets[year]) }));
  return {
    sheet: loaded.sheets.settings?.name ?? null,
    fields,
    targets,
    forms: formsForEditing(values),
    problems: findings.map((f) => f.message),
    thisYear: Number(ctx.today().slice(0, 4)),
  };
}

type SettingsSave = { ok: true; message: string } | { ok: false; errors: Record<string, string>; message: string };

/** Checks the settings form; returns cell values to write by label. */
export function checkSettings(values: SettingsFormValues): { ok: true; cells: Array<{ key: string; label: string; value: CellValue }> } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const cells: Array<{ key: string; label: string; value: CellValue }> = [];
  for (const spec of SETTING_SPECS) {
    const raw = values.fields?.[spec.field];
    if (raw === undefined) continue;
    const text = String(raw).trim();
    let value: CellValue = text;
    if (text) {
      if (spec.kind === 'int') {
        const n = Number(text.replace(/\s/g, ''));
        if (!Number.isInteger(n) || n < 0) errors[spec.field] = 'Нужно целое число не меньше 0';
        else if (spec.field === 'digestHour' && n > 23) errors[spec.field] = 'Час — от 0 до 23';
        else if (spec.field === 'fontSize' && (n < 8 || n > 28)) errors[spec.field] = 'Размер шрифта — от 8 до 28 (в приказах обычно 12–14)';
        else value = n;
      } else if (spec.kind === 'email') {
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) errors[spec.field] = 'Неверный адрес электронной почты';
      } else if (spec.kind === 'date') {
        const iso = parseDateText(text);
        if (!iso) errors[spec.field] = 'Введите дату в виде ДД.ММ.ГГГГ';
        else value = dateOfIso(iso);
      }
    }
    cells.push({ key: spec.field, label: spec.label, value });
  }
  const start = parseDateText(String(values.fields?.periodStart ?? ''));
  const end = parseDateText(String(values.fields?.periodEnd ?? ''));
  if (start && end && start > end && !errors.periodEnd) errors.periodEnd = 'Окончание периода раньше его начала';
  for (const [year, raw] of Object.entries(values.targets ?? {})) {
    const key = `target${year}`;
    if (!/^\d{4}$/.test(year) || +year < 2000 || +year > 2100) {
      errors[key] = `Год «${year}» не распознан`;
      continue;
    }
    const text = String(raw ?? '').trim();
    if (text) {
      const share = parseShare(text);
      if (share === null || share > 1) {
        errors[key] = 'Укажите долю, например «40%» или 0,4';
        continue;
      }
    }
    cells.push({ key, label: `Цель ${year}`, value: text });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, cells };
}

/** Writes setting values into the «Значение» cells of their labels; adds missing labels at the end. */
export function saveSettings(ctx: AppContext, values: SettingsFormValues): SettingsSave {
  const checked = checkSettings(values);
  const forms = Array.isArray(values.forms) ? values.forms.map((f) => ({ name: String(f?.name ?? ''), value: String(f?.value ?? ''), used: f?.used !== false })) : null;
  // The forms' own mistakes do not depend on the sheet: said together with the fields'.
  const formErrors = forms ? planFormEdits([], forms).errors : {};
  if (!checked.ok || Object.keys(formErrors).length) return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), ...formErrors }, message: 'Исправьте поля, отмеченные красным.' };
  try {
    return ctx.wb.withLock((): SettingsSave => {
      const loaded = loadRegisters(ctx.wb, { only: [] });
      let name = loaded.sheets.settings?.name;
      if (!name) {
        name = SHEET_NAMES.settings;
        ctx.wb.createSheet(name, [...SETTINGS_HEADER]);
      }
      const data = loaded.data.settings?.values ?? [];
      const { rows } = readSettings(data, name);
      const updates: Array<{ row: number; value: CellValue }> = [];
      const added: CellValue[][] = [];
      let formsChanged = false;
      if (forms) {
        // Planned on this fresh read under the lock: rows are where they are now.
        const edits = planFormEdits(data, forms);
        if (Object.keys(edits.errors).length) return { ok: false, errors: edits.errors, message: 'Исправьте формы наставничества, отмеченные красным.' };
        const changed = edits.updates.filter((u) => !sameCell(data[u.row]?.[1] ?? '', u.value));
        updates.push(...changed);
        added.push(...edits.added);
        formsChanged = changed.length + edits.added.length > 0;
      }
      for (const c of checked.cells) {
        const row = rows[c.key];
        if (row === undefined) {
          if (c.value !== '') added.push([c.label, c.value]);
          continue;
        }
        const before = data[row]?.[1] ?? '';
        if (c.key.startsWith('target') ? sameShare(before, c.value) : sameCell(before, c.value)) continue;
        updates.push({ row, value: c.value });
      }
      // One write per run of consecutive rows in column B.
      updates.sort((a, b) => a.row - b.row);
      let i = 0;
      while (i < updates.length) {
        let j = i;
        while (j + 1 < updates.length && updates[j + 1].row === updates[j].row + 1) j++;
        ctx.wb.writeValues(name, updates[i].row, 1, updates.slice(i, j + 1).map((u) => [u.value]));
        i = j + 1;
      }
      if (added.length) ctx.wb.appendRows(name, added);
      ctx.log?.(`settings: ${updates.length} changed, ${added.length} added`);
      if (!updates.length && !added.length) return { ok: true, message: 'Настройки не изменились.' };
      // The dropdowns the add-on made follow a changed list of forms at once.
      const dropdowns = formsChanged ? refreshFormsDropdowns(ctx.wb) : null;
      return { ok: true, message: `Настройки сохранены на листе «${name}»: изменено ${updates.length}, добавлено ${added.length}.${dropdowns ? ` ${dropdowns}` : ''}` };
    });
  } catch (e) {
    if (e instanceof LockBusyError || e instanceof UserError) return { ok: false, errors: {}, message: e.message };
    throw e;
  }
}

/** «40%» and 0,4 are the same target: rewriting one as the other would be noise. */
function sameShare(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  const x = parseShare(a);
  const y = parseShare(b);
  return x !== null && y !== null && Math.abs(x - y) < 1e-9;
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date) {
    const ta = a instanceof Date ? textOf(a) : parseDateText(textOf(a));
    const tb = b instanceof Date ? textOf(b) : parseDateText(textOf(b));
    return !!ta && ta === tb;
  }
  return textOf(a) === textOf(b);
}

