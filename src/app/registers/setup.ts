/**
 * «Настроить таблицу»: creates the tabs the add-on needs and prepares their columns, on a new
 * spreadsheet as on one the curator has kept by hand for years.
 *
 * What it does on an existing spreadsheet (the rules, in one place):
 * - A tab is looked up by meaning (loadRegisters adopts a renamed register tab); it is created
 *   only when nothing fits, under its canonical name.
 * - Missing columns of an existing tab are never inserted between the curator's columns: their
 *   headings go to the right end of the header row (one write on the header row only), and the
 *   summary names them. No data row, colour, note or width of the curator's is touched.
 * - Dropdowns, date formats and widths go only on columns the add-on created now, or on matched
 *   columns that are still empty below the header (so nothing the curator typed is flagged by a
 *   rule they did not choose). Frozen header and header protection (warning only) are set on tabs
 *   the add-on creates; an existing tab keeps the curator's own view.
 * - Which columns were prepared is kept in a document property, so a second run adds nothing and
 *   says «Таблица уже настроена».
 * - Dropdowns are not strict (strict=false): a curator's own spelling («учитель») is warned
 *   about by Sheets, never refused; the readers accept it anyway.
 */
import { LockBusyError, UserError, columnLetter, type CellValue, type ColumnSetup, type WorkbookPort } from '../port';
import type { AppContext } from '../context';
import { REGISTERS, SHEET_NAMES, columnsOf, type ColumnSpec, type RegisterKey } from '../../core/registers/schemas';
import { DEFAULT_SETTINGS, SETTING_SPECS, readSettings, type Settings } from '../../core/registers/settings';
import { DEFAULT_FORM_RULES } from '../../core/registers/forms';
import { formRuleRows } from '../../core/registers/formRows';
import { JOURNAL_HEADER, JOURNAL_SHEET, readJournal } from '../../core/orders/journal';
import { normalizeKey } from '../../core/util/text';
import { loadRegisters, type LoadedRegisters } from './load';

/** Document property: sheet name → fields (or journal columns) whose column set-up was applied. */
export const SETUP_PROPERTY = 'nastavnik.setup.v1';
/**
 * Document property: sheet name → field → the forms dropdown the add-on put on that column (its
 * list and how many rows below the header), so a changed list of forms can be brought to it.
 * Columns prepared before it was kept got the default list over SETUP_ROWS rows.
 */
export const SETUP_LISTS_PROPERTY = 'nastavnik.setup.lists.v1';
/** Rows below the header that validation and formats cover (the adapters apply them per range). */
export const SETUP_ROWS = 1000;
export const DATE_FORMAT = 'dd.mm.yyyy';
const DEFAULT_WIDTH = 140;

export const SETTINGS_HEADER = ['Параметр', 'Значение'] as const;

/** Default values written into a new «Настройки» tab (the rest stay empty for the curator). */
export function defaultSettingValue(field: keyof Settings): CellValue {
  const v = DEFAULT_SETTINGS[field];
  return typeof v === 'number' || typeof v === 'string' ? v : '';
}

/**
 * Rows of a new «Настройки» tab: every setting label with its default, this year's target, and the
 * default table of forms written out («Форма: …» rows), for the curator to edit or copy.
 */
export function defaultSettingsRows(year: number): CellValue[][] {
  return [...SETTING_SPECS.map((s) => [s.label, defaultSettingValue(s.field)]), [`Цель ${year}`, ''], ...formRuleRows()];
}

type SetupRecord = Record<string, string[]>;
type ListsRecord = Record<string, Record<string, { values: string[]; rows: number }>>;

function readJson<T extends object>(wb: WorkbookPort, key: string): T {
  try {
    const raw = wb.getProperty(key);
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    return (parsed && typeof parsed === 'object' ? parsed : {}) as T;
  } catch {
    return {} as T;
  }
}

const readRecord = (wb: WorkbookPort) => readJson<SetupRecord>(wb, SETUP_PROPERTY);

/** The column set-up a register field gets: dropdowns for enums and single forms, dates formatted. */
export function columnSetupFor(spec: ColumnSpec, col: number, forms: readonly string[], withWidth: boolean, many: boolean): ColumnSetup | null {
  const out: ColumnSetup = { col };
  const { meta } = spec;
  if (meta.kind === 'enum' && meta.options?.length) out.validation = { kind: 'list', values: meta.options, strict: false };
  // A multi-valued forms cell («ученик – ученик; студент – ученик») would trip a one-value dropdown.
  if (meta.kind === 'form' && !many && forms.length) out.validation = { kind: 'list', values: forms, strict: false };
  if (meta.kind === 'date') {
    out.validation = { kind: 'date' };
    out.numberFormat = DATE_FORMAT;
  }
  if (meta.kind === 'dateOrYes') out.numberFormat = DATE_FORMAT;
  if (withWidth) out.width = meta.width ?? DEFAULT_WIDTH;
  return out.validation || out.numberFormat || out.width ? out : null;
}

function isArrayField(key: RegisterKey, field: string): boolean {
  const t = (REGISTERS[key].schema.shape as Record<string, { def?: unknown }>)[field];
  let cur: any = t;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur.def?.type === 'array') return true;
    cur = cur.def?.innerType;
  }
  return false;
}

function emptyBelowHeader(values: readonly CellValue[][], col: number): boolean {
  for (let r = 1; r < values.length; r++) {
    const v = values[r][col];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}

interface Plan {
  wb: WorkbookPort;
  record: SetupRecord;
  lists: ListsRecord;
  notes: string[];
  /** Said but changing nothing. */
  remarks: string[];
  changed: boolean;
}

const sameList = (a: readonly string[] | null, b: readonly string[]) => !!a && a.length === b.length && a.every((v, i) => v === b[i]);

/** What a column prepared without a record of its list got: the default forms over SETUP_ROWS. */
const assumedList = () => ({ values: DEFAULT_FORM_RULES.map((r) => r.form), rows: SETUP_ROWS });

/** Remembers a forms dropdown the add-on put on a column (unless it is what would be assumed). */
function noteList(plan: Plan, sheet: string, field: string, c: ColumnSetup, rows: number) {
  if (c.validation?.kind !== 'list') return;
  const list = { values: [...c.validation.values], rows };
  const assumed = assumedList();
  if (rows === assumed.rows && sameList(list.values, assumed.values)) {
    // Nothing to keep: a new spreadsheet with the default forms writes no property for it.
    if (plan.lists[sheet]) delete plan.lists[sheet][field];
    return;
  }
  (plan.lists[sheet] ??= {})[field] = list;
}


/**
 * A forms dropdown the add-on made earlier gets the forms now configured. Only when the first and
 * the last cell of its rows still hold exactly the list the add-on put there: otherwise the curator
 * has set a rule of their own, and it stays. (Two cells are read, not every row's rule: in Sheets
 * that would be a call per row.)
 */
function refreshFormsDropdown(plan: Plan, sheet: string, spec: ColumnSpec, col: number, forms: readonly string[]) {
  const { wb } = plan;
  const had = plan.lists[sheet]?.[spec.field] ?? assumedList();
  if (sameList(had.values, forms) || !wb.readListValidation || !forms.length) return;
  const heading = `«${spec.meta.heading}» на листе «${sheet}»`;
  const ours = had.rows > 0 && sameList(wb.readListValidation(sheet, 1, col), had.values) && sameList(wb.readListValidation(sheet, had.rows, col), had.values);
  if (!ours) {
    // Said once per change of the forms: the rule is the curator's from now on.
    plan.remarks.push(`в столбце ${heading} ваш собственный список значений — не изменён (формы из «Настроек»: ${forms.join(', ')})`);
    (plan.lists[sheet] ??= {})[spec.field] = { values: [...forms], rows: 0 };
    return;
  }
  const c: ColumnSetup = { col, validation: { kind: 'list', values: forms, strict: false } };
  wb.setupSheet(sheet, { columns: [c], rows: had.rows });
  noteList(plan, sheet, spec.field, c, had.rows);
  plan.notes.push(`в столбце ${heading} список форм обновлён по «Настройкам»`);
  plan.changed = true;
}

function setupRegister(plan: Plan, key: RegisterKey, loaded: LoadedRegisters) {
  const { wb } = plan;
  const specs = columnsOf(REGISTERS[key].schema);
  const forms = loaded.settings.forms.map((r) => r.form);
  const ref = loaded.sheets[key];
  const canonical = SHEET_NAMES[key];

  if (!ref) {
    wb.createSheet(canonical, specs.map((s) => s.meta.heading));
    const columns = specs.map((s, col) => columnSetupFor(s, col, forms, true, isArrayField(key, s.field)));
    wb.setupSheet(canonical, { frozenRows: 1, protectHeader: true, columns: columns.filter((c): c is ColumnSetup => !!c), rows: SETUP_ROWS });
    specs.forEach((s, col) => s.meta.kind === 'form' && columns[col] && noteList(plan, canonical, s.field, columns[col]!, SETUP_ROWS));
    plan.record[canonical] = specs.map((s) => s.field);
    plan.notes.push(`создан лист «${canonical}»`);
    plan.changed = true;
    return;
  }

  const values = loaded.data[key]?.values ?? [];
  const done = new Set(plan.record[ref.name] ?? []);
  const missing = specs.filter((s) => !(s.field in ref.columns));
  const columns: ColumnSetup[] = [];
  const prepared: string[] = [];
  const rows = Math.max(SETUP_ROWS, values.length + 500);
  const formLists: Array<{ field: string; c: ColumnSetup }> = [];

  if (missing.length) {
    // The data range is rectangular: starting after its last column never lands above data.
    const start = Math.max(ref.width, values[0]?.length ?? 0);
    wb.writeValues(ref.name, 0, start, [missing.map((s) => s.meta.heading)]);
    missing.forEach((s, i) => {
      const c = columnSetupFor(s, start + i, forms, true, isArrayField(key, s.field));
      if (c) columns.push(c);
      if (c && s.meta.kind === 'form') formLists.push({ field: s.field, c });
      prepared.push(s.field);
    });
    const letters = missing.map((_, i) => columnLetter(start + i));
    plan.notes.push(
      `на лист «${ref.name}» справа добавлены столбцы ${missing.map((s) => `«${s.meta.heading}»`).join(', ')} (${letters[0]}${letters.length > 1 ? `–${letters[letters.length - 1]}` : ''}); можно перенести их мышью — столбцы находятся по заголовкам`,
    );
    plan.changed = true;
  }
  for (const s of specs) {
    const col = ref.columns[s.field];
    if (col === undefined) continue;
    if (done.has(s.field)) {
      if (s.meta.kind === 'form' && !isArrayField(key, s.field)) refreshFormsDropdown(plan, ref.name, s, col, forms);
      continue;
    }
    if (!emptyBelowHeader(values, col)) continue;
    const c = columnSetupFor(s, col, forms, false, isArrayField(key, s.field));
    if (c) columns.push(c);
    if (c && s.meta.kind === 'form') formLists.push({ field: s.field, c });
    prepared.push(s.field);
  }
  for (const f of formLists) noteList(plan, ref.name, f.field, f.c, rows);
  if (columns.length) {
    wb.setupSheet(ref.name, { columns, rows });
    if (!missing.length) plan.notes.push(`на листе «${ref.name}» подготовлены пустые столбцы (списки, формат дат)`);
    plan.changed = true;
  }
  if (prepared.length) plan.record[ref.name] = [...done, ...prepared];
}

function setupSettings(plan: Plan, loaded: LoadedRegisters, year: number) {
  const { wb } = plan;
  const ref = loaded.sheets.settings;
  if (!ref) {
    wb.createSheet(SHEET_NAMES.settings, [...SETTINGS_HEADER]);
    wb.appendRows(SHEET_NAMES.settings, defaultSettingsRows(year));
    wb.setupSheet(SHEET_NAMES.settings, { frozenRows: 1, protectHeader: true, columns: [{ col: 0, width: 280 }, { col: 1, width: 260 }] });
    plan.notes.push(`создан лист «${SHEET_NAMES.settings}» (заполните наименование организации и руководителя)`);
    plan.changed = true;
    return;
  }
  // Labels the curator has not got yet go to the end; nothing already there is rewritten.
  const { rows } = readSettings(loaded.data.settings?.values ?? [], ref.name);
  const add: CellValue[][] = SETTING_SPECS.filter((s) => rows[s.field] === undefined).map((s) => [s.label, defaultSettingValue(s.field)]);
  if (rows[`target${year}`] === undefined) add.push([`Цель ${year}`, '']);
  if (add.length) {
    wb.appendRows(ref.name, add.map((r) => padTo(r, Math.max(2, ref.width))));
    plan.notes.push(`на лист «${ref.name}» добавлены параметры: ${add.map((r) => `«${String(r[0])}»`).join(', ')}`);
    plan.changed = true;
  }
}

function padTo(row: CellValue[], width: number): CellValue[] {
  return [...row, ...Array.from({ length: Math.max(0, width - row.length) }, () => '' as CellValue)];
}

function setupJournal(plan: Plan) {
  const { wb } = plan;
  // Under its own name one lookup finds it; every tab's name is listed only for a variant spelling.
  const name = wb.hasSheet?.(JOURNAL_SHEET) ? JOURNAL_SHEET : wb.sheetNames().find((n) => normalizeKey(n) === normalizeKey(JOURNAL_SHEET));
  const widths = [110, 100, 220, 320, 260];
  if (!name) {
    wb.createSheet(JOURNAL_SHEET, [...JOURNAL_HEADER]);
    wb.setupSheet(JOURNAL_SHEET, {
      frozenRows: 1,
      protectHeader: true,
      columns: JOURNAL_HEADER.map((_, col) => ({ col, width: widths[col], ...(col === 1 ? { numberFormat: DATE_FORMAT } : {}) })),
      rows: SETUP_ROWS,
    });
    plan.record[JOURNAL_SHEET] = [...JOURNAL_HEADER];
    plan.notes.push(`создан лист «${JOURNAL_SHEET}»`);
    plan.changed = true;
    return;
  }
  const values = wb.readSheet(name)?.values ?? [];
  const journal = readJournal(values);
  const fields = ['number', 'date', 'kind', 'title', 'link'] as const;
  const missing = fields.map((f, i) => ({ f, heading: JOURNAL_HEADER[i], i })).filter((x) => journal.columns[x.f] === undefined);
  if (!missing.length) return;
  const start = values[0]?.length ?? 0;
  wb.writeValues(name, 0, start, [missing.map((m) => m.heading)]);
  const dateAt = missing.findIndex((m) => m.f === 'date');
  wb.setupSheet(name, {
    columns: missing.map((m, k) => ({ col: start + k, width: widths[m.i], ...(k === dateAt ? { numberFormat: DATE_FORMAT } : {}) })),
    rows: Math.max(SETUP_ROWS, values.length + 500),
  });
  plan.notes.push(`на лист «${name}» справа добавлены столбцы ${missing.map((m) => `«${m.heading}»`).join(', ')}`);
  plan.changed = true;
}

/**
 * After the forms were changed in the sidebar's «Настройки»: the forms dropdowns the add-on made
 * get the new list (the same rule as «Настроить таблицу»; nothing else is prepared). Returns what
 * was done, in Russian, or null when there was nothing to do. Runs inside the caller's lock.
 */
export function refreshFormsDropdowns(wb: WorkbookPort): string | null {
  const loaded = loadRegisters(wb, { only: ['mentees', 'pairs'] });
  const record = readRecord(wb);
  const lists = readJson<ListsRecord>(wb, SETUP_LISTS_PROPERTY);
  const plan: Plan = { wb, record, lists: JSON.parse(JSON.stringify(lists)) as ListsRecord, notes: [], remarks: [], changed: false };
  const forms = loaded.settings.forms.map((r) => r.form);
  for (const key of ['mentees', 'pairs'] as const) {
    const ref = loaded.sheets[key];
    if (!ref) continue;
    for (const spec of columnsOf(REGISTERS[key].schema)) {
      const col = ref.columns[spec.field];
      if (spec.meta.kind !== 'form' || col === undefined || isArrayField(key, spec.field) || !(record[ref.name] ?? []).includes(spec.field)) continue;
      refreshFormsDropdown(plan, ref.name, spec, col, forms);
    }
  }
  if (JSON.stringify(plan.lists) !== JSON.stringify(lists)) wb.setProperty(SETUP_LISTS_PROPERTY, JSON.stringify(plan.lists));
  const said = [...plan.notes, ...plan.remarks];
  return said.length ? `${said.map((n) => n[0].toUpperCase() + n.slice(1)).join('. ')}.` : null;
}

/** Creates and prepares what is missing; see the file comment for what it never does. */
export function setupSpreadsheet(ctx: AppContext): { summary: string } {
  try {
    return ctx.wb.withLock(() => {
      const loaded = loadRegisters(ctx.wb);
      const lists = readJson<ListsRecord>(ctx.wb, SETUP_LISTS_PROPERTY);
      const plan: Plan = { wb: ctx.wb, record: readRecord(ctx.wb), lists: JSON.parse(JSON.stringify(lists)) as ListsRecord, notes: [], remarks: [], changed: false };
      const year = Number(ctx.today().slice(0, 4));
      // Settings first: the forms list of the dropdowns comes from them.
      setupSettings(plan, loaded, year);
      for (const key of ['mentors', 'mentees', 'pairs', 'roadmap'] as const) setupRegister(plan, key, loaded);
      setupJournal(plan);
      if (JSON.stringify(plan.lists) !== JSON.stringify(lists)) ctx.wb.setProperty(SETUP_LISTS_PROPERTY, JSON.stringify(plan.lists));
      const remarks = plan.remarks.map((n) => `\n• ${n}`).join('');
      if (!plan.changed) return { summary: `Таблица уже настроена: все листы и столбцы на месте.${remarks}` };
      ctx.wb.setProperty(SETUP_PROPERTY, JSON.stringify(plan.record));
      ctx.log?.(`setup: ${plan.notes.length} changes`);
      const text = plan.notes.map((n) => `• ${n}`).join('\n');
      return { summary: `Таблица настроена:\n${text}${remarks}` };
    });
  } catch (e) {
    if (e instanceof LockBusyError || e instanceof UserError) return { summary: e.message };
    throw e;
  }
}
