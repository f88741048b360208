/**
 * WorkbookPort over the active Google Spreadsheet. Service calls are batched so their number
 * does not grow with rows: a tab is read with one getValues, decorations are read/written over
 * one rectangle, appends and writes are one setValues each. Sheet handles are cached per instance
 * (one instance per server call, so the cache never outlives the request).
 */
import {
  LockBusyError,
  UserError,
  type CellValue,
  type ColumnSetup,
  type Decorations,
  type Rect,
  type SheetData,
  type SheetSetup,
  type ValidationRule,
  type WorkbookPort,
  type ChartSpec,
  type DocumentIdentity,
} from '../app/port';
import { upsertSheetChart } from './charts';
import { ChunkedProperties } from './chunkedProperties';

export { splitUtf8 } from './chunkedProperties';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const HEADER_PROTECTION_DESCRIPTION = 'Заголовки реестра (Наставник)';
const LOCK_WAIT_MS = 15000;
const WHITE = '#ffffff';

/**
 * A string Sheets would turn into something else (formula, number, date, boolean, currency) is
 * written with a leading apostrophe, which Sheets stores as "literal text" and does not keep in
 * the value. Plain words are written as they are.
 */
export function asLiteralText(s: string): string {
  return /^\s*[=+\-@'$€₽£.,(\d]/.test(s) || /^\s*(true|false|истина|ложь)\s*$/i.test(s) ? `'${s}` : s;
}

function toSheetValue(v: CellValue | undefined): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return asLiteralText(v);
  return v; // numbers, booleans and Dates pass through
}

function parseA1Cell(a1: string): { row: number; col: number; rows: number; cols: number } | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { row: r1 - 1, col: c1 - 1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

export const NO_SPREADSHEET_MESSAGE =
  'Таблица недоступна: действие запущено вне открытой Google Таблицы (например, по расписанию). Откройте таблицу и повторите из меню «Наставничество».';

function noSpreadsheet(): never {
  throw new UserError(NO_SPREADSHEET_MESSAGE);
}

/** Tab names as Sheets compares them: letter case aside. */
const sameName = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

function checkRect(values: unknown[][], what: string): number {
  const cols = values[0]?.length ?? 0;
  for (const row of values) {
    if (!Array.isArray(row) || row.length !== cols) throw new Error(`${what}: rows of different length`);
  }
  return cols;
}

type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type Merge = { row: number; col: number; rows: number; cols: number };

/** What is known of a sheet's grid: at least rows × cols; `exact` once asked from Sheets. */
interface Extent {
  rows: number;
  cols: number;
  rowsExact: boolean;
  colsExact: boolean;
}

export class SheetsWorkbook implements WorkbookPort {
  private ssCache: Spreadsheet | null = null;
  /** Tabs looked up so far by name (null: no such tab). Complete once namesCache is set. */
  private handles = new Map<string, Sheet | null>();
  private namesCache: string[] | null = null;
  private extents = new Map<string, Extent>();
  /** Range handles by sheet and rectangle: a read and a write over the same cells share one. */
  private ranges = new Map<string, Range>();
  /** Tabs this execution created: no protections, frozen header, known last row. */
  private created = new Map<string, { lastRow: number; lastCol: number; frozen: number }>();
  /** Document properties (getDocumentProperties() is null, too, outside a document). */
  private readonly props = new ChunkedProperties(
    () => PropertiesService.getDocumentProperties() ?? noSpreadsheet(),
    'Хранилище надстройки в этой таблице заполнено (предел Google — 500 КБ): данные не сохранены.',
  );
  private identityCache: DocumentIdentity | null = null;
  /** Built data validation rules by their description (plain values, not tied to a sheet). */
  private rules = new Map<string, DataValidation>();
  private lockDepth = 0;
  /** Something was written under the lock: flush before releasing it. */
  private dirty = false;

  /** Over the active spreadsheet, or over one opened by URL/ID (department review, read-only use). */
  constructor(ss?: Spreadsheet) {
    if (ss) this.ssCache = ss;
  }

  private get ss(): Spreadsheet {
    // null when the execution has no spreadsheet (the reference: «or null if there is none»),
    // e.g. a clock trigger of the add-on: a clear message rather than a TypeError.
    return (this.ssCache ??= SpreadsheetApp.getActiveSpreadsheet() ?? noSpreadsheet());
  }

  /** The spreadsheet's time zone (the context's today() shares the spreadsheet handle). */
  timeZone(): string {
    return this.ss.getSpreadsheetTimeZone();
  }

  /**
   * Drops what was read before the lock was taken: another execution may have changed it
   * meanwhile (the guide: re-read inside the lock what is about to be overwritten).
   */
  private forget(): void {
    this.handles.clear();
    this.namesCache = null;
    this.extents.clear();
    this.ranges.clear();
    this.created.clear();
    this.props.forget();
  }

  private sheet(name: string): Sheet | null {
    if (this.handles.has(name)) return this.handles.get(name)!;
    if (this.namesCache) {
      // The same answer as getSheetByName below, which ignores letter case (Sheets keeps tab
      // names unique regardless of case), whether or not the names were listed first.
      const real = this.namesCache.find((n) => sameName(n, name));
      const s = real === undefined ? null : (this.handles.get(real) ?? null);
      this.handles.set(name, s);
      return s;
    }
    // One call for one tab; the full list (getSheets + getName per tab) only when names are asked.
    const s = this.ss.getSheetByName(name);
    this.handles.set(name, s);
    return s;
  }

  private requireSheet(name: string): Sheet {
    const s = this.sheet(name);
    if (!s) throw new UserError(`Нет листа «${name}». Выполните «Наставничество → Настроить таблицу».`);
    return s;
  }

  private extent(name: string): Extent {
    let e = this.extents.get(name);
    if (!e) this.extents.set(name, (e = { rows: 0, cols: 0, rowsExact: false, colsExact: false }));
    return e;
  }

  /** The grid holds at least this much (data was read or written there). */
  private atLeast(name: string, rows: number, cols: number): void {
    const e = this.extent(name);
    e.rows = Math.max(e.rows, rows);
    e.cols = Math.max(e.cols, cols);
  }

  /** Grows the sheet when a write would go past its last row/column (Apps Script throws there). */
  private ensureSize(name: string, sheet: Sheet, lastRow: number, lastCol: number): void {
    const e = this.extent(name);
    if (lastRow > e.rows && !e.rowsExact) {
      e.rows = sheet.getMaxRows();
      e.rowsExact = true;
    }
    if (lastRow > e.rows) {
      sheet.insertRowsAfter(e.rows, lastRow - e.rows);
      e.rows = lastRow;
    }
    if (lastCol > e.cols && !e.colsExact) {
      e.cols = sheet.getMaxColumns();
      e.colsExact = true;
    }
    if (lastCol > e.cols) {
      sheet.insertColumnsAfter(e.cols, lastCol - e.cols);
      e.cols = lastCol;
    }
  }

  /** 1-based range handle, shared by reads and writes over the same cells in this execution. */
  private rangeOf(name: string, sheet: Sheet, row: number, col: number, rows: number, cols: number): Range {
    const key = `${name}\u0000${row}:${col}:${rows}:${cols}`;
    let r = this.ranges.get(key);
    if (!r) this.ranges.set(key, (r = sheet.getRange(row, col, rows, cols)));
    return r;
  }

  private wrote(): void {
    this.dirty = true;
  }

  sheetNames(): string[] {
    if (!this.namesCache) {
      const names: string[] = [];
      for (const s of this.ss.getSheets()) {
        const name = s.getName();
        if (!this.handles.get(name)) this.handles.set(name, s);
        names.push(name);
      }
      // Names looked up before and not in the list (letter case aside) are absent.
      for (const [n, s] of this.handles) if (s && !names.some((m) => sameName(m, n))) this.handles.set(n, null);
      this.namesCache = names;
    }
    return this.namesCache.slice();
  }

  hasSheet(name: string): boolean {
    return this.sheet(name) !== null;
  }

  readSheet(name: string): SheetData | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    let raw: unknown[][];
    try {
      // One call: -1 reaches the last row/column holding data (the data range).
      raw = sheet.getSheetValues(1, 1, -1, -1);
    } catch {
      // An empty tab has no data rows to reach.
      raw = sheet.getDataRange().getValues();
    }
    // An empty tab has a 1×1 data range holding ''.
    const empty = raw.length === 0 || (raw.length === 1 && raw[0].length === 1 && raw[0][0] === '');
    const values: CellValue[][] = empty
      ? []
      : raw.map((row) => row.map((v) => (v === '' || v === undefined ? null : (v as CellValue))));
    const data: SheetData = { name, values };
    if (empty) return data;
    const rows = values.length;
    const cols = values[0]?.length ?? 0;
    this.atLeast(name, rows, cols);
    // Merged areas cost two more calls and only the check's explanations need them: read on first use.
    let merges: Merge[] | undefined;
    let read = false;
    Object.defineProperty(data, 'merges', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!read) {
          read = true;
          const found: Merge[] = [];
          for (const m of this.rangeOf(name, sheet, 1, 1, rows, cols).getMergedRanges()) {
            const r = parseA1Cell(m.getA1Notation());
            if (r) found.push(r);
          }
          merges = found.length ? found : undefined;
        }
        return merges;
      },
    });
    return data;
  }

  readDecorations(name: string, rect: Rect): Decorations {
    if (rect.rows <= 0 || rect.cols <= 0) return { backgrounds: [], notes: [] };
    const sheet = this.requireSheet(name);
    const range = this.rangeOf(name, sheet, rect.row + 1, rect.col + 1, rect.rows, rect.cols);
    const backgrounds = range.getBackgrounds().map((row) => row.map((c) => (!c || c.toLowerCase() === WHITE ? null : c)));
    const notes = range.getNotes().map((row) => row.map((n) => n ?? ''));
    this.atLeast(name, rect.row + rect.rows, rect.col + rect.cols);
    return { backgrounds, notes };
  }

  writeDecorations(name: string, rect: Rect, deco: Decorations): void {
    if (rect.rows <= 0 || rect.cols <= 0) return;
    const sheet = this.requireSheet(name);
    this.ensureSize(name, sheet, rect.row + rect.rows, rect.col + rect.cols);
    const range = this.rangeOf(name, sheet, rect.row + 1, rect.col + 1, rect.rows, rect.cols);
    // null resets the background to none in Sheets.
    range.setBackgrounds(deco.backgrounds as string[][]);
    range.setNotes(deco.notes);
    this.wrote();
  }

  writeValues(name: string, row: number, col: number, values: CellValue[][]): void {
    if (values.length === 0) return;
    const cols = checkRect(values, 'writeValues');
    if (cols === 0) return;
    const sheet = this.requireSheet(name);
    this.ensureSize(name, sheet, row + values.length, col + cols);
    this.rangeOf(name, sheet, row + 1, col + 1, values.length, cols).setValues(values.map((r) => r.map(toSheetValue)));
    this.wrote();
    const made = this.created.get(name);
    if (made) {
      made.lastRow = Math.max(made.lastRow, row + values.length);
      made.lastCol = Math.max(made.lastCol, col + cols);
    }
  }

  appendRows(name: string, rows: CellValue[][]): number {
    const sheet = this.requireSheet(name);
    const made = this.created.get(name);
    // A tab made in this execution holds only what was written to it since.
    const last = made ? made.lastRow : sheet.getLastRow();
    if (rows.length === 0) return last;
    // Rows below the last data row are empty, so padding short rows overwrites nothing.
    const cols = Math.max(...rows.map((r) => r.length));
    if (cols === 0) return last;
    this.ensureSize(name, sheet, last + rows.length, cols);
    const padded = rows.map((r) => {
      const out = r.map(toSheetValue);
      while (out.length < cols) out.push('');
      return out;
    });
    this.rangeOf(name, sheet, last + 1, 1, rows.length, cols).setValues(padded);
    this.wrote();
    if (made) {
      made.lastRow = last + rows.length;
      made.lastCol = Math.max(made.lastCol, cols);
    }
    return last;
  }

  createSheet(name: string, header: string[]): void {
    if (this.sheet(name)) throw new UserError(`Лист «${name}» уже существует.`);
    const index = this.sheetNames().length;
    const sheet = this.ss.insertSheet(name, index);
    this.handles.set(name, sheet);
    this.namesCache!.push(name);
    this.wrote();
    this.created.set(name, { lastRow: 0, lastCol: 0, frozen: 0 });
    if (header.length === 0) return;
    this.ensureSize(name, sheet, 1, header.length);
    const range = this.rangeOf(name, sheet, 1, 1, 1, header.length);
    range.setValues([header.map(asLiteralText)]);
    range.setFontWeight('bold');
    sheet.setFrozenRows(1);
    this.created.set(name, { lastRow: 1, lastCol: header.length, frozen: 1 });
  }

  setupSheet(name: string, setup: SheetSetup): void {
    const sheet = this.requireSheet(name);
    const made = this.created.get(name);
    if (setup.frozenRows !== undefined && made?.frozen !== setup.frozenRows) {
      sheet.setFrozenRows(setup.frozenRows);
      if (made) made.frozen = setup.frozenRows;
      this.wrote();
    }
    const columns = [...(setup.columns ?? [])].sort((a, b) => a.col - b.col);
    if (columns.length) {
      const maxCol = columns[columns.length - 1].col + 1;
      const below = columns.some((c) => c.validation || c.numberFormat);
      let rows = setup.rows ?? 0;
      if (below && setup.rows === undefined) {
        // Down to the sheet's last row.
        const e = this.extent(name);
        if (!e.rowsExact) {
          e.rows = sheet.getMaxRows();
          e.rowsExact = true;
        }
        rows = Math.max(e.rows - 1, 0);
      }
      this.ensureSize(name, sheet, below ? 1 + rows : 0, maxCol);
      this.setWidths(sheet, columns);
      if (below && rows > 0) {
        this.setColumnRuns(name, sheet, columns, rows, (c) => c.numberFormat, (range, grid) => range.setNumberFormats(grid));
        this.setColumnRuns(
          name,
          sheet,
          columns,
          rows,
          (c) => (c.validation ? this.rule(c.validation) : undefined),
          (range, grid) => range.setDataValidations(grid),
          // On a tab made now no column has a rule yet: null between rules clears nothing.
          made ? null : undefined,
        );
      }
      this.wrote();
    }
    if (setup.protectHeader) {
      // A tab made now has no protections and its header is the row it was made with.
      const exists =
        !made &&
        sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).some((p) => p.getDescription() === HEADER_PROTECTION_DESCRIPTION);
      if (!exists) {
        const cols = Math.max(made ? made.lastCol : sheet.getLastColumn(), 1);
        this.rangeOf(name, sheet, 1, 1, 1, cols).protect().setDescription(HEADER_PROTECTION_DESCRIPTION).setWarningOnly(true);
        this.wrote();
      }
    }
  }

  readListValidation(name: string, row: number, col: number): string[] | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    const e = this.extent(name);
    if (row + 1 > e.rows && !e.rowsExact) {
      e.rows = sheet.getMaxRows();
      e.rowsExact = true;
    }
    if (row + 1 > e.rows) return null;
    const rule = sheet.getRange(row + 1, col + 1).getDataValidation();
    if (!rule || rule.getCriteriaType() !== SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST) return null;
    const list = rule.getCriteriaValues()[0];
    return Array.isArray(list) ? list.map((v) => String(v)) : null;
  }

  /**
   * Widths with as few calls as possible: per block of adjacent columns, either one call per run
   * of equal widths, or one call giving the whole block its most common width and then one per run
   * of the other widths, whichever is fewer. Columns outside the setup are never touched.
   */
  private setWidths(sheet: Sheet, columns: readonly ColumnSetup[]): void {
    const set = (col: number, count: number, width: number) => (count === 1 ? sheet.setColumnWidth(col + 1, width) : sheet.setColumnWidths(col + 1, count, width));
    const runs = (cs: readonly ColumnSetup[], skip?: number) => {
      const out: Array<{ col: number; count: number; width: number }> = [];
      for (const c of cs) {
        if (c.width === undefined || c.width === skip) continue;
        const last = out[out.length - 1];
        if (last && last.width === c.width && last.col + last.count === c.col) last.count++;
        else out.push({ col: c.col, count: 1, width: c.width });
      }
      return out;
    };
    let i = 0;
    while (i < columns.length) {
      let j = i + 1;
      if (columns[i].width !== undefined) {
        while (j < columns.length && columns[j].width !== undefined && columns[j].col === columns[j - 1].col + 1) j++;
      }
      const block = columns.slice(i, j);
      const plain = runs(block);
      const counts = new Map<number, number>();
      for (const c of block) if (c.width !== undefined) counts.set(c.width, (counts.get(c.width) ?? 0) + 1);
      const base = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const rest = base === undefined ? plain : runs(block, base);
      if (base !== undefined && block.length > 1 && 1 + rest.length < plain.length) {
        set(block[0].col, block.length, base);
        for (const r of rest) set(r.col, r.count, r.width);
      } else {
        for (const r of plain) set(r.col, r.count, r.width);
      }
      i = j;
    }
  }

  /**
   * Applies a per-column setting below the header over runs of adjacent columns that all have
   * it: one range and one grid write per run. Columns without it are never covered, so a
   * curator's own format or dropdown there stays.
   */
  private setColumnRuns<T>(name: string, sheet: Sheet, columns: readonly ColumnSetup[], rows: number, pick: (c: ColumnSetup) => T | undefined, write: (range: Range, grid: T[][]) => void, gapsAs?: T): void {
    let i = 0;
    while (i < columns.length) {
      // A gap value (no rule) may fill columns in between: one range instead of one per run.
      const fill = (c: ColumnSetup) => pick(c) ?? gapsAs;
      if (pick(columns[i]) === undefined) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < columns.length && columns[j].col === columns[j - 1].col + 1 && fill(columns[j]) !== undefined) j++;
      while (j > i + 1 && pick(columns[j - 1]) === undefined) j--;
      const line = columns.slice(i, j).map((c) => fill(c) as T);
      const grid = Array.from({ length: rows }, () => line);
      write(this.rangeOf(name, sheet, 2, columns[i].col + 1, rows, j - i), grid);
      i = j;
    }
  }

  /** One built rule per distinct rule in this execution (each builder step is a call). */
  private rule(v: ValidationRule): DataValidation {
    const key = JSON.stringify(v);
    let rule = this.rules.get(key);
    if (!rule) {
      const builder = SpreadsheetApp.newDataValidation();
      // New rules allow invalid input (a warning) by default: only a strict list says otherwise.
      const b = v.kind === 'list' ? builder.requireValueInList([...v.values], true) : builder.requireDate();
      rule = (v.kind === 'list' && v.strict ? b.setAllowInvalid(false) : b).build();
      this.rules.set(key, rule);
    }
    return rule;
  }

  getProperty(key: string): string | null {
    return this.props.get(key);
  }

  setProperty(key: string, value: string | null): void {
    this.props.set(key, value);
  }

  /** The spreadsheet of this execution; a Russian UserError when there is none. */
  spreadsheet(): Spreadsheet {
    return this.ss;
  }

  /** ID, name, link and time zone (four calls, once); null when the execution has no spreadsheet. */
  identity(): DocumentIdentity | null {
    if (this.identityCache) return this.identityCache;
    const ss = (this.ssCache ??= SpreadsheetApp.getActiveSpreadsheet());
    if (!ss) return null;
    return (this.identityCache = { id: ss.getId(), name: ss.getName(), url: ss.getUrl(), timeZone: ss.getSpreadsheetTimeZone() });
  }

  withLock<T>(fn: () => T): T {
    // Nested calls run inside the outer lock; only the outermost acquires and releases.
    if (this.lockDepth > 0) {
      this.lockDepth++;
      try {
        return fn();
      } finally {
        this.lockDepth--;
      }
    }
    // getDocumentLock() is null outside a containing document (the reference: a standalone
    // script or web app); the user's lock still keeps this user's executions apart.
    const lock = LockService.getDocumentLock() ?? LockService.getUserLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) throw new LockBusyError();
    this.forget();
    this.lockDepth = 1;
    this.dirty = false;
    try {
      return fn();
    } finally {
      this.lockDepth = 0;
      try {
        // Pending writes reach the sheet before another execution gets the lock.
        if (this.dirty) SpreadsheetApp.flush();
      } finally {
        this.dirty = false;
        lock.releaseLock();
      }
    }
  }

  activeCell(): { sheet: string; row: number; col: number } | null {
    const range = this.ss.getActiveRange();
    if (!range) return null;
    return { sheet: range.getSheet().getName(), row: range.getRow() - 1, col: range.getColumn() - 1 };
  }

  upsertChart(name: string, spec: ChartSpec): void {
    upsertSheetChart(this.requireSheet(name), name, spec, this);
  }

  selectCell(sheet: string, row: number, col: number): void {
    const s = this.requireSheet(sheet);
    this.ss.setActiveSheet(s);
    this.ss.setActiveRange(s.getRange(row + 1, col + 1));
  }
}
