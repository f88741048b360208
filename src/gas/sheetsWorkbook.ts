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
  type Decorations,
  type Rect,
  type SheetData,
  type SheetSetup,
  type WorkbookPort,
  type ChartSpec,
} from '../app/port';
import { upsertSheetChart } from './charts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const HEADER_PROTECTION_DESCRIPTION = 'Заголовки реестра (Наставник)';
/** Bytes per stored property chunk: Apps Script allows 9 KB per value. */
const CHUNK_BYTES = 8000;
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

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Splits on code-point boundaries so that every chunk stays under `limit` UTF-8 bytes. */
export function splitUtf8(s: string, limit: number): string[] {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of s) {
    const b = utf8Length(ch);
    if (bytes + b > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += b;
  }
  if (cur || out.length === 0) out.push(cur);
  return out;
}

const chunkKey = (key: string, i: number) => `${key}#${i}`;
const countKey = (key: string) => `${key}#n`;

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

function checkRect(values: unknown[][], what: string): number {
  const cols = values[0]?.length ?? 0;
  for (const row of values) {
    if (!Array.isArray(row) || row.length !== cols) throw new Error(`${what}: rows of different length`);
  }
  return cols;
}

export class SheetsWorkbook implements WorkbookPort {
  private ssCache: Spreadsheet | null = null;
  private sheetsCache: Map<string, Sheet> | null = null;
  private namesCache: string[] | null = null;
  /** Max rows/columns per sheet, read once and kept in step with inserts. */
  private sizes = new Map<string, { rows: number; cols: number }>();
  private lockDepth = 0;

  /** Over the active spreadsheet, or over one opened by URL/ID (department review, read-only use). */
  constructor(ss?: Spreadsheet) {
    if (ss) this.ssCache = ss;
  }

  private get ss(): Spreadsheet {
    return (this.ssCache ??= SpreadsheetApp.getActiveSpreadsheet());
  }

  private sheetMap(): Map<string, Sheet> {
    if (!this.sheetsCache) {
      const sheets = this.ss.getSheets();
      this.sheetsCache = new Map();
      this.namesCache = [];
      for (const s of sheets) {
        const name = s.getName();
        this.sheetsCache.set(name, s);
        this.namesCache.push(name);
      }
    }
    return this.sheetsCache;
  }

  private sheet(name: string): Sheet | null {
    return this.sheetMap().get(name) ?? null;
  }

  private requireSheet(name: string): Sheet {
    const s = this.sheet(name);
    if (!s) throw new UserError(`Нет листа «${name}». Выполните «Наставничество → Настроить таблицу».`);
    return s;
  }

  /** Grows the sheet when a write would go past its last row/column (Apps Script throws there). */
  private ensureSize(name: string, sheet: Sheet, lastRow: number, lastCol: number): void {
    let size = this.sizes.get(name);
    if (!size) {
      size = { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() };
      this.sizes.set(name, size);
    }
    if (lastRow > size.rows) {
      sheet.insertRowsAfter(size.rows, lastRow - size.rows);
      size.rows = lastRow;
    }
    if (lastCol > size.cols) {
      sheet.insertColumnsAfter(size.cols, lastCol - size.cols);
      size.cols = lastCol;
    }
  }

  sheetNames(): string[] {
    this.sheetMap();
    return this.namesCache!.slice();
  }

  readSheet(name: string): SheetData | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    const range = sheet.getDataRange();
    const raw = range.getValues();
    // An empty tab has a 1×1 data range holding ''.
    const empty = raw.length === 1 && raw[0].length === 1 && raw[0][0] === '';
    const values: CellValue[][] = empty
      ? []
      : raw.map((row) => row.map((v) => (v === '' || v === undefined ? null : (v as CellValue))));
    const merges: NonNullable<SheetData['merges']> = [];
    if (!empty) {
      for (const m of range.getMergedRanges()) {
        const r = parseA1Cell(m.getA1Notation());
        if (r) merges.push(r);
      }
    }
    return merges.length ? { name, values, merges } : { name, values };
  }

  readDecorations(name: string, rect: Rect): Decorations {
    if (rect.rows <= 0 || rect.cols <= 0) return { backgrounds: [], notes: [] };
    const range = this.requireSheet(name).getRange(rect.row + 1, rect.col + 1, rect.rows, rect.cols);
    const backgrounds = range.getBackgrounds().map((row) => row.map((c) => (!c || c.toLowerCase() === WHITE ? null : c)));
    const notes = range.getNotes().map((row) => row.map((n) => n ?? ''));
    return { backgrounds, notes };
  }

  writeDecorations(name: string, rect: Rect, deco: Decorations): void {
    if (rect.rows <= 0 || rect.cols <= 0) return;
    const sheet = this.requireSheet(name);
    this.ensureSize(name, sheet, rect.row + rect.rows, rect.col + rect.cols);
    const range = sheet.getRange(rect.row + 1, rect.col + 1, rect.rows, rect.cols);
    // null resets the background to none in Sheets.
    range.setBackgrounds(deco.backgrounds as string[][]);
    range.setNotes(deco.notes);
  }

  writeValues(name: string, row: number, col: number, values: CellValue[][]): void {
    if (values.length === 0) return;
    const cols = checkRect(values, 'writeValues');
    if (cols === 0) return;
    const sheet = this.requireSheet(name);
    this.ensureSize(name, sheet, row + values.length, col + cols);
    sheet.getRange(row + 1, col + 1, values.length, cols).setValues(values.map((r) => r.map(toSheetValue)));
  }

  appendRows(name: string, rows: CellValue[][]): number {
    const sheet = this.requireSheet(name);
    const last = sheet.getLastRow();
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
    sheet.getRange(last + 1, 1, rows.length, cols).setValues(padded);
    return last;
  }

  createSheet(name: string, header: string[]): void {
    if (this.sheet(name)) throw new UserError(`Лист «${name}» уже существует.`);
    const sheet = this.ss.insertSheet(name, this.sheetNames().length);
    this.sheetsCache!.set(name, sheet);
    this.namesCache!.push(name);
    if (header.length === 0) return;
    this.ensureSize(name, sheet, 1, header.length);
    const range = sheet.getRange(1, 1, 1, header.length);
    range.setValues([header.map(asLiteralText)]);
    range.setFontWeight('bold');
    sheet.setFrozenRows(1);
  }

  setupSheet(name: string, setup: SheetSetup): void {
    const sheet = this.requireSheet(name);
    if (setup.frozenRows !== undefined) sheet.setFrozenRows(setup.frozenRows);
    const columns = setup.columns ?? [];
    if (columns.length) {
      const maxCol = Math.max(...columns.map((c) => c.col)) + 1;
      const rows = setup.rows ?? Math.max(sheet.getMaxRows() - 1, 0);
      this.ensureSize(name, sheet, 1 + rows, maxCol);
      for (const c of columns) {
        if (c.width !== undefined) sheet.setColumnWidth(c.col + 1, c.width);
        if (rows <= 0 || (!c.validation && !c.numberFormat)) continue;
        const range = sheet.getRange(2, c.col + 1, rows, 1);
        if (c.numberFormat) range.setNumberFormat(c.numberFormat);
        if (c.validation) {
          const builder = SpreadsheetApp.newDataValidation();
          const rule =
            c.validation.kind === 'list'
              ? builder.requireValueInList([...c.validation.values], true).setAllowInvalid(!c.validation.strict)
              : builder.requireDate().setAllowInvalid(true);
          range.setDataValidation(rule.build());
        }
      }
    }
    if (setup.protectHeader) {
      const exists = sheet
        .getProtections(SpreadsheetApp.ProtectionType.RANGE)
        .some((p) => p.getDescription() === HEADER_PROTECTION_DESCRIPTION);
      if (!exists) {
        const cols = Math.max(sheet.getLastColumn(), 1);
        sheet.getRange(1, 1, 1, cols).protect().setDescription(HEADER_PROTECTION_DESCRIPTION).setWarningOnly(true);
      }
    }
  }

  getProperty(key: string): string | null {
    const props = PropertiesService.getDocumentProperties();
    const plain = props.getProperty(key);
    if (plain !== null) return plain;
    const count = props.getProperty(countKey(key));
    if (count === null) return null;
    const all = props.getProperties();
    let out = '';
    for (let i = 0; i < Number(count); i++) {
      const part = all[chunkKey(key, i)];
      if (part === undefined) return null; // torn write: treat as absent rather than corrupt
      out += part;
    }
    return out;
  }

  setProperty(key: string, value: string | null): void {
    const props = PropertiesService.getDocumentProperties();
    const oldCount = Number(props.getProperty(countKey(key)) ?? 0);
    const parts = value === null ? [] : splitUtf8(value, CHUNK_BYTES);
    const toWrite: Record<string, string> = {};
    if (parts.length === 1) {
      toWrite[key] = parts[0];
    } else if (parts.length > 1) {
      parts.forEach((p, i) => (toWrite[chunkKey(key, i)] = p));
      toWrite[countKey(key)] = String(parts.length);
    }
    if (Object.keys(toWrite).length) props.setProperties(toWrite, false);
    // Remove what the new value no longer uses.
    if (parts.length !== 1 && value !== null) props.deleteProperty(key);
    if (value === null) props.deleteProperty(key);
    if (parts.length <= 1 && oldCount > 0) props.deleteProperty(countKey(key));
    const keep = parts.length > 1 ? parts.length : 0;
    for (let i = keep; i < oldCount; i++) props.deleteProperty(chunkKey(key, i));
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
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) throw new LockBusyError();
    this.lockDepth = 1;
    try {
      return fn();
    } finally {
      this.lockDepth = 0;
      try {
        SpreadsheetApp.flush();
      } finally {
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
