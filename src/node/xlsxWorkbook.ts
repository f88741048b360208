/**
 * The .xlsx backend of WorkbookPort over exceljs: the CLI and the local preview run every feature
 * on a workbook file. Loading is async (exceljs); after that every port call is synchronous and
 * works on the in-memory book; save() writes the file.
 *
 * Conventions (kept in step with the Sheets adapter):
 * - A date cell reads as a Date at 00:00 UTC of its calendar day (how exceljs maps serials).
 * - Formula cells read as their cached result; formulas[][] holds '=…' ('' for none).
 * - Strings are always written as text: a formula is only ever made from a {formula} object,
 *   which this adapter never creates.
 * - Decorations are written only where they change, so fills this adapter cannot express
 *   (theme colours, gradients) survive a read-modify-write untouched.
 * - Header protection is not applied: Excel protection is sheet-wide and would lock the curator
 *   out of rows not yet typed (see setupSheet).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { writeFailure } from './fsErrors';
import ExcelJS from 'exceljs';
import {
  LockBusyError,
  UserError,
  columnLetter,
  type CellValue,
  type Decorations,
  type Rect,
  type SheetData,
  type SheetSetup,
  type WorkbookPort,
} from '../app/port';

/** The hidden tab holding document properties (key in A, value chunks in B, C, …). */
export const PROPERTIES_SHEET = '_nastavnik';
/** The hidden tab holding long validation lists. */
export const LISTS_SHEET = '_nastavnik_lists';
const HIDDEN_SHEETS = new Set([PROPERTIES_SHEET, LISTS_SHEET]);
/** Below Excel's 32 767 characters per cell. */
const CHUNK = 30000;
const DATE_FORMAT = 'dd.mm.yyyy';

type Cell = ExcelJS.Cell;
type Sheet = ExcelJS.Worksheet;

/** What the preview needs to draw a tab (display-only, not part of the port). */
export interface SheetSnapshot {
  name: string;
  values: CellValue[][];
  backgrounds: Array<Array<string | null>>;
  notes: string[][];
  bold: boolean[][];
  merges: Array<{ row: number; col: number; rows: number; cols: number }>;
  frozenRows: number;
  /** Column widths in pixels (null: default). */
  widths: Array<number | null>;
  /** Formula cells only, as [row, col, '=…'] (0-based): the formula bar shows them. */
  formulas: Array<[number, number, string]>;
}

// Default Office theme (2013+) in the order fills refer to it: lt1, dk1, lt2, dk2, accent1–6.
const THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
// Legacy indexed palette (Excel 97).
const INDEXED = (
  '000000FFFFFFFF000000FF000000FFFFFF00FF00FF00FFFF000000FFFFFFFF000000FF000000FFFFFF00FF00FF00FFFF' +
  '800000008000000080808000800080008080C0C0C08080809999FF993366FFFFCCCCFFFF660066FF80800066CCCCCCFF' +
  '000080FF00FFFFFF0000FFFF8000808000000080800000FF00CCFFCCFFFFCCFFCCFFFF9999CCFFFF99CCCC99FFFFCC99' +
  '3366FF33CCCC99CC00FFCC00FF9900FF6600666699969696003366339966003300333300993300993366333399333333'
).match(/.{6}/g) as string[];

function tinted(hex: string, tint: number | undefined): string {
  if (!tint) return hex;
  const ch = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = ch.map((c) => Math.round(tint > 0 ? c + (255 - c) * tint : c * (1 + tint)));
  return out.map((c) => Math.max(0, Math.min(255, c)).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** '#rrggbb' of an exceljs colour, or null when it has none. */
function colorHex(color: Partial<ExcelJS.Color> & { indexed?: number; tint?: number } | undefined): string | null {
  if (!color) return null;
  let hex: string | undefined;
  if (typeof color.argb === 'string' && /^[0-9a-f]{6,8}$/i.test(color.argb)) hex = color.argb.slice(-6);
  else if (typeof color.theme === 'number') hex = THEME[color.theme];
  else if (typeof color.indexed === 'number') hex = INDEXED[color.indexed];
  if (!hex) return null;
  return '#' + tinted(hex, color.tint).toLowerCase();
}

/** The background a cell shows, as Sheets reports it: '#rrggbb', white and none are null. */
function cellBackground(cell: Cell | undefined): string | null {
  const fill = cell?.fill as ExcelJS.Fill | undefined;
  if (!fill || fill.type !== 'pattern' || !fill.pattern || fill.pattern === 'none') return null;
  const hex = colorHex(fill.fgColor as ExcelJS.Color);
  return hex === '#ffffff' ? null : hex;
}

function cellNote(cell: Cell | undefined): string {
  const note = cell?.note as string | ExcelJS.Comment | undefined;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text ?? '').join('');
}

function normalizeHex(color: string | null): string | null {
  if (!color) return null;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim()) ?? /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color.trim());
  if (!m) throw new UserError(`Неверный цвет «${color}»: ожидается вид #rrggbb.`);
  const hex = m.length === 2 ? m[1] : m[1] + m[1] + m[2] + m[2] + m[3] + m[3];
  return hex.toLowerCase() === 'ffffff' ? null : '#' + hex.toLowerCase();
}

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhsb]/i.test(f) && !/^general$/i.test(f);
}

function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/** The plain value a cell shows: formulas give their cached result, rich text its text. */
function plainValue(v: unknown, numFmt: string | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return isDateFormat(numFmt) && Number.isFinite(v) ? serialToDate(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result, numFmt);
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((t) => t.text ?? '').join('');
    if ('hyperlink' in o || 'text' in o) return plainValue(o.text, numFmt);
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

function formulaOf(cell: Cell): string {
  const f = cell.formula;
  return f ? '=' + f.replace(/^=/, '') : '';
}

function isSlave(cell: Cell | undefined): boolean {
  return !!cell && cell.type === ExcelJS.ValueType.Merge && cell.master !== cell;
}

/** Pixels (Sheets' unit) to Excel character widths and back. */
const pxToChars = (px: number) => Math.max(1, Math.round(((px - 5) / 7) * 100) / 100);
const charsToPx = (ch: number) => Math.round(ch * 7 + 5);

function merges(ws: Sheet): Array<{ row: number; col: number; rows: number; cols: number }> {
  const raw = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  return Object.values(raw)
    .filter(Boolean)
    .map((m) => ({ row: m.top - 1, col: m.left - 1, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }));
}

/** Excel's rules for a tab name, as a Russian message. */
function checkSheetName(name: string): void {
  if (!name.trim()) throw new UserError('Имя листа не может быть пустым.');
  if (name.length > 31) throw new UserError(`Имя листа «${name}» длиннее 31 символа: Excel такое не сохранит.`);
  if (/[[\]:*?/\\]/.test(name)) throw new UserError(`В имени листа «${name}» есть недопустимые символы: [ ] : * ? / \\`);
}

/**
 * Why bytes are not an .xlsx, or null when they may be one. Any zip used to pass (a .docx renamed,
 * an archive) and opened as an empty book: exceljs finds its sheets only under xl/workbook.xml, and
 * zip entry names are stored as plain bytes.
 */
function notAWorkbook(buf: Buffer): string | null {
  // The old binary container: an .xls, or an .xlsx encrypted with a password.
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    return 'это книга старого формата (.xls) или книга, защищённая паролем';
  }
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) return null; // not a zip: exceljs says so
  if (buf.includes('xl/workbook.xml')) return null;
  if (buf.includes('word/document.xml')) return 'это документ Word (.docx), а не книга Excel';
  if (buf.includes('ppt/presentation.xml')) return 'это презентация PowerPoint, а не книга Excel';
  if (buf.includes('content.xml') && buf.includes('mimetype')) return 'это документ OpenDocument (.ods/.odt), а не книга Excel (.xlsx)';
  return 'это архив, а не книга Excel (.xlsx)';
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly cache = new Map<string, SheetData>();
  private readonly props = new Map<string, string>();
  private lockOwner: symbol | null = null;
  private readonly lockStore = new AsyncLocalStorage<symbol>();
  private selected: { sheet: string; row: number; col: number } | null = null;
  /** Bumped on every change; the preview saves and refreshes when it moves. */
  version = 0;

  private constructor(
    readonly book: ExcelJS.Workbook,
    public path: string | null,
  ) {
    this.readProperties();
  }

  /** An empty workbook (not yet on disk). */
  static create(path: string | null = null): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), path);
  }

  /** Opens a workbook file; a missing file gives an empty workbook that save() will create. */
  static async load(path: string): Promise<XlsxWorkbook> {
    if (!existsSync(path)) return XlsxWorkbook.create(path);
    const unreadable = (why = 'это не книга Excel (.xlsx) или файл повреждён') =>
      new UserError(`Не удалось открыть файл «${basename(path)}»: ${why}. Сохраните его в Excel или Google Таблицах как .xlsx и повторите.`);
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch {
      throw unreadable('файл не читается (это папка или нет доступа)');
    }
    const wrong = notAWorkbook(buf);
    if (wrong) throw unreadable(wrong);
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw unreadable();
    }
    return new XlsxWorkbook(book, path);
  }

  /** Writes the workbook (to its own path unless told); the old file is replaced atomically. */
  async save(path?: string): Promise<void> {
    const target = path ?? this.path;
    if (!target) throw new UserError('Не указан файл, куда сохранить книгу.');
    this.writeProperties();
    // Excel refuses a book without a visible tab.
    if (!this.sheetNames().length) this.book.addWorksheet('Лист1');
    this.fixActiveTab();
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      await this.book.xlsx.writeFile(tmp);
      renameSync(tmp, target);
    } catch (err) {
      if (existsSync(tmp)) unlinkSync(tmp);
      throw new UserError(`Не удалось сохранить файл «${basename(target)}»: ${writeFailure((err as NodeJS.ErrnoException).code)}.`);
    }
    if (!path || !this.path) this.path = target;
  }

  /** Writes the workbook into a buffer (tests, downloads). */
  async toBuffer(): Promise<Buffer> {
    this.writeProperties();
    if (!this.sheetNames().length) this.book.addWorksheet('Лист1');
    this.fixActiveTab();
    return Buffer.from(await this.book.xlsx.writeBuffer());
  }

  static async fromBuffer(buf: Buffer | Uint8Array, path: string | null = null): Promise<XlsxWorkbook> {
    const wrong = notAWorkbook(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
    if (wrong) throw new UserError(`Не удалось прочитать книгу Excel (.xlsx): ${wrong}.`);
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new UserError('Не удалось прочитать книгу Excel (.xlsx): файл повреждён или в другом формате.');
    }
    return new XlsxWorkbook(book, path);
  }

  // ---------------------------------------------------------------- reads

  sheetNames(): string[] {
    return this.book.worksheets.filter((ws) => !HIDDEN_SHEETS.has(ws.name)).map((ws) => ws.name);
  }

  private sheet(name: string): Sheet | undefined {
    if (HIDDEN_SHEETS.has(name)) return undefined;
    return this.book.getWorksheet(name);
  }

  private requireSheet(name: string): Sheet {
    const ws = this.sheet(name);
    if (!ws) throw new UserError(`В книге нет листа «${name}».`);
    return ws;
  }

  readSheet(name: string): SheetData | null {
    const ws = this.sheet(name);
    if (!ws) return null;
    let data = this.cache.get(name);
    if (!data) {
      data = this.readWhole(ws);
      this.cache.set(name, data);
    }
    // Callers get their own rows, as a fresh getValues() would give them.
    return {
      name: data.name,
      values: data.values.map((r) => r.slice()),
      formulas: data.formulas?.map((r) => r.slice()),
      merges: data.merges?.map((m) => ({ ...m })),
    };
  }

  /** One pass over the stored cells; the rectangle runs from A1 to the last non-empty cell. */
  private readWhole(ws: Sheet): SheetData {
    const cells: Array<{ r: number; c: number; v: CellValue; f: string }> = [];
    let lastRow = 0;
    let lastCol = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (isSlave(cell)) return;
        const v = plainValue(cell.value, cell.numFmt);
        const f = formulaOf(cell);
        if ((v === null || v === '') && !f) return;
        cells.push({ r, c, v, f });
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, c);
      });
    });
    // A merged area with a value counts as used to its bottom-right corner (as in Sheets), so
    // appended rows land below it and not inside its hidden cells.
    const areas = merges(ws);
    for (const m of areas) {
      const master = ws.findCell(m.row + 1, m.col + 1);
      if (!master || plainValue(master.value, master.numFmt) === null) continue;
      lastRow = Math.max(lastRow, m.row + m.rows);
      lastCol = Math.max(lastCol, m.col + m.cols);
    }
    const values: CellValue[][] = Array.from({ length: lastRow }, () => new Array<CellValue>(lastCol).fill(null));
    const formulas: string[][] = Array.from({ length: lastRow }, () => new Array<string>(lastCol).fill(''));
    for (const { r, c, v, f } of cells) {
      values[r - 1][c - 1] = v;
      formulas[r - 1][c - 1] = f;
    }
    return { name: ws.name, values, formulas, merges: areas };
  }

  readDecorations(name: string, rect: Rect): Decorations {
    const ws = this.requireSheet(name);
    const backgrounds: Array<Array<string | null>> = [];
    const notes: string[][] = [];
    for (let i = 0; i < rect.rows; i++) {
      const bg: Array<string | null> = [];
      const nt: string[] = [];
      for (let j = 0; j < rect.cols; j++) {
        const cell = ws.findCell(rect.row + i + 1, rect.col + j + 1);
        bg.push(cellBackground(cell));
        nt.push(cellNote(cell));
      }
      backgrounds.push(bg);
      notes.push(nt);
    }
    return { backgrounds, notes };
  }

  // --------------------------------------------------------------- writes

  private touched(name: string): void {
    this.cache.delete(name);
    this.version++;
  }

  writeDecorations(name: string, rect: Rect, deco: Decorations): void {
    const ws = this.requireSheet(name);
    checkShape(deco.backgrounds, rect, 'backgrounds');
    checkShape(deco.notes, rect, 'notes');
    let changed = false;
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const r = rect.row + i + 1;
        const c = rect.col + j + 1;
        const existing = ws.findCell(r, c);
        const bg = normalizeHex(deco.backgrounds[i][j]);
        const note = deco.notes[i][j] ?? '';
        // Only real changes are written: unchanged theme fills and rich notes stay as they were.
        if (bg !== cellBackground(existing)) {
          const cell = ws.getCell(r, c);
          // A fresh style object: exceljs shares style objects between cells of a row/column.
          const style = { ...cell.style };
          if (bg) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + bg.slice(1).toUpperCase() } };
          else delete style.fill;
          cell.style = style as ExcelJS.Style;
          changed = true;
        }
        if (note !== cellNote(existing)) {
          const cell = ws.getCell(r, c);
          if (note) cell.note = note;
          else (cell as unknown as { _comment?: unknown })._comment = undefined;
          changed = true;
        }
      }
    }
    if (changed) this.version++;
  }

  writeValues(name: string, row: number, col: number, values: CellValue[][]): void {
    const ws = this.requireSheet(name);
    values.forEach((line, i) => {
      line.forEach((v, j) => {
        const cell = ws.getCell(row + i + 1, col + j + 1);
        // A merged area keeps its value in the master cell; the hidden cells are not writable.
        if (isSlave(cell)) return;
        setPlain(cell, v);
      });
    });
    this.touched(name);
  }

  appendRows(name: string, rows: CellValue[][]): number {
    const data = this.readSheet(name);
    if (!data) throw new UserError(`В книге нет листа «${name}».`);
    const first = data.values.length;
    if (rows.length) this.writeValues(name, first, 0, rows);
    return first;
  }

  createSheet(name: string, header: string[]): void {
    checkSheetName(name);
    if (HIDDEN_SHEETS.has(name) || this.book.getWorksheet(name)) {
      throw new UserError(`Лист «${name}» уже есть в книге.`);
    }
    const ws = this.book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    // New tabs go before the hidden service tabs so the visible order stays natural.
    this.moveHiddenLast();
    header.forEach((h, j) => {
      const cell = ws.getCell(1, j + 1);
      cell.value = h;
      cell.font = { bold: true };
    });
    this.touched(name);
  }

  /**
   * Validation, number formats, widths and frozen rows. `protectHeader` is deliberately ignored:
   * Excel's protection locks every cell of the tab unless each one is unlocked in advance, so the
   * curator could not type into rows beyond the prepared range; the header is bold and frozen
   * instead, and the register readers match headings by meaning anyway.
   */
  setupSheet(name: string, setup: SheetSetup): void {
    const ws = this.requireSheet(name);
    const rows = Math.max(0, setup.rows ?? 0);
    if (setup.frozenRows !== undefined) {
      // A file written without <sheetViews> (LibreOffice, generators) reads with views null.
      const view = (ws.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetView>;
      ws.views = [
        setup.frozenRows > 0
          ? ({ ...view, state: 'frozen', ySplit: setup.frozenRows, xSplit: 0 } as ExcelJS.WorksheetView)
          : ({ ...view, state: 'normal' } as ExcelJS.WorksheetView),
      ];
    }
    for (const colSetup of setup.columns ?? []) {
      const c = colSetup.col + 1;
      const column = ws.getColumn(c);
      if (colSetup.width) column.width = pxToChars(colSetup.width);
      if (colSetup.numberFormat) {
        const fmt = toExcelFormat(colSetup.numberFormat);
        column.numFmt = fmt;
        for (let r = 2; r <= rows + 1; r++) {
          const cell = ws.getCell(r, c);
          cell.style = { ...cell.style, numFmt: fmt } as ExcelJS.Style;
        }
      }
      if (colSetup.validation && rows > 0) {
        const rule = this.validationFor(colSetup.validation);
        const model = ((ws as unknown as { dataValidations: unknown }).dataValidations as { model: Record<string, unknown> }).model;
        for (let r = 2; r <= rows + 1; r++) model[`${columnLetter(colSetup.col)}${r}`] = rule;
      }
    }
    this.touched(name);
  }

  readListValidation(name: string, row: number, col: number): string[] | null {
    const ws = this.book.getWorksheet(name);
    if (!ws) return null;
    const model = ((ws as unknown as { dataValidations: unknown }).dataValidations as { model: Record<string, ExcelJS.DataValidation | undefined> }).model;
    const rule = model[`${columnLetter(col)}${row + 1}`];
    if (!rule || rule.type !== 'list') return null;
    const f = String(rule.formulae?.[0] ?? '');
    const inline = /^"(.*)"$/s.exec(f);
    if (inline) return inline[1] === '' ? [] : inline[1].split(',');
    // A list kept on a tab: 'Tab'!$C$1:$C$7 (one column).
    const ref = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(f);
    const tab = ref ? this.book.getWorksheet(ref[1].replace(/''/g, "'")) : undefined;
    if (!ref || !tab) return null;
    const out: string[] = [];
    for (let r = Number(ref[3]); r <= Number(ref[4]); r++) {
      const v = tab.getCell(`${ref[2]}${r}`).value;
      if (v !== null && v !== undefined && v !== '') out.push(String(v));
    }
    return out;
  }

  private validationFor(rule: NonNullable<SheetSetup['columns']>[number]['validation']): ExcelJS.DataValidation {
    if (!rule) throw new Error('no rule');
    if (rule.kind === 'date') {
      return {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Дата',
        error: 'Введите дату в виде ДД.ММ.ГГГГ.',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
    }
    const inline = rule.values.join(',');
    // An inline list holds at most 255 characters and no commas or quotes inside values.
    const simple = inline.length <= 250 && rule.values.every((v) => !/[,"]/.test(v));
    let formula = `"${inline}"`;
    if (!simple) {
      let ws = this.book.getWorksheet(LISTS_SHEET);
      if (!ws) {
        ws = this.book.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
      }
      const col = ws.columnCount + 1;
      rule.values.forEach((v, i) => (ws.getCell(i + 1, col).value = v));
      formula = `'${LISTS_SHEET}'!$${columnLetter(col - 1)}$1:$${columnLetter(col - 1)}$${Math.max(1, rule.values.length)}`;
    }
    return {
      type: 'list',
      allowBlank: true,
      showErrorMessage: rule.strict !== false,
      errorStyle: rule.strict ? 'stop' : 'warning',
      errorTitle: 'Значение не из списка',
      error: 'Выберите значение из списка.',
      formulae: [formula],
    };
  }

  // ----------------------------------------------------------- properties

  getProperty(key: string): string | null {
    return this.props.has(key) ? (this.props.get(key) as string) : null;
  }

  setProperty(key: string, value: string | null): void {
    if (value === null) this.props.delete(key);
    else this.props.set(key, value);
    this.version++;
  }

  private readProperties(): void {
    const ws = this.book.getWorksheet(PROPERTIES_SHEET);
    if (!ws) return;
    ws.eachRow({ includeEmpty: false }, (row) => {
      const key = plainValue(row.getCell(1).value, undefined);
      if (typeof key !== 'string' || !key) return;
      let value = '';
      for (let c = 2; c <= row.cellCount; c++) {
        const part = row.getCell(c).value;
        value += typeof part === 'string' ? part : part === null || part === undefined ? '' : String(plainValue(part, undefined) ?? '');
      }
      this.props.set(key, value);
    });
  }

  private writeProperties(): void {
    let ws = this.book.getWorksheet(PROPERTIES_SHEET);
    if (!this.props.size && !ws) return;
    if (ws) this.book.removeWorksheet(ws.id);
    ws = this.book.addWorksheet(PROPERTIES_SHEET, { state: 'veryHidden' });
    let r = 1;
    for (const [key, value] of this.props) {
      ws.getCell(r, 1).value = key;
      const parts = value.length ? value.match(new RegExp(`[\\s\\S]{1,${CHUNK}}`, 'g')) ?? [''] : [''];
      parts.forEach((p, i) => (ws.getCell(r, i + 2).value = p));
      r++;
    }
    this.moveHiddenLast();
  }

  private moveHiddenLast(): void {
    const wss = this.book.worksheets;
    const visible = wss.filter((w) => !HIDDEN_SHEETS.has(w.name));
    const hidden = wss.filter((w) => HIDDEN_SHEETS.has(w.name));
    [...visible, ...hidden].forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
  }

  private fixActiveTab(): void {
    const views = this.book.views?.length ? this.book.views : [{} as ExcelJS.WorkbookView];
    const activeTab = Math.max(0, this.book.worksheets.findIndex((w) => w.state === 'visible' || !w.state));
    this.book.views = views.map((v) => ({ ...v, activeTab, firstSheet: 0 }));
  }

  // ----------------------------------------------------------------- lock

  /** A reentrant in-process lock: one writer per process; a second async caller gets LockBusyError. */
  withLock<T>(fn: () => T): T {
    const mine = this.lockStore.getStore();
    if (this.lockOwner && mine === this.lockOwner) return fn();
    if (this.lockOwner) throw new LockBusyError();
    const token = Symbol('lock');
    this.lockOwner = token;
    let result: T;
    try {
      result = this.lockStore.run(token, fn);
    } catch (err) {
      this.lockOwner = null;
      throw err;
    }
    if (result && typeof (result as { then?: unknown }).then === 'function') {
      const release = () => {
        if (this.lockOwner === token) this.lockOwner = null;
      };
      (result as unknown as Promise<unknown>).then(release, release);
    } else {
      this.lockOwner = null;
    }
    return result;
  }

  // --------------------------------------------------------------- cursor

  activeCell(): { sheet: string; row: number; col: number } | null {
    return this.selected ? { ...this.selected } : null;
  }

  selectCell(sheet: string, row: number, col: number): void {
    this.requireSheet(sheet);
    this.selected = { sheet, row, col };
  }

  // ------------------------------------------------------------- preview

  /** Everything the preview grid draws for a tab, in one pass. */
  snapshot(name: string): SheetSnapshot | null {
    const data = this.readSheet(name);
    const ws = this.sheet(name);
    if (!data || !ws) return null;
    const rows = data.values.length;
    const cols = rows ? data.values[0].length : 0;
    const deco = this.readDecorations(name, { row: 0, col: 0, rows, cols });
    const bold = data.values.map((line, i) => line.map((_v, j) => !!ws.findCell(i + 1, j + 1)?.font?.bold));
    const view = ws.views?.[0] as Partial<ExcelJS.WorksheetView> & { ySplit?: number } | undefined;
    const widths: Array<number | null> = [];
    for (let j = 1; j <= cols; j++) {
      const w = ws.getColumn(j).width;
      widths.push(w ? charsToPx(w) : null);
    }
    return {
      name,
      values: data.values,
      backgrounds: deco.backgrounds,
      notes: deco.notes,
      bold,
      merges: data.merges ?? [],
      frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
      widths,
      formulas: (data.formulas ?? []).flatMap((line, i) => line.flatMap((f, j) => (f ? [[i, j, f] as [number, number, string]] : []))),
    };
  }
}

function checkShape(grid: unknown[][], rect: Rect, what: string): void {
  if (grid.length !== rect.rows || grid.some((r) => r.length !== rect.cols)) {
    throw new Error(`${what}: shape does not match ${rect.rows}×${rect.cols}`);
  }
}

/** Sheets-style number formats to Excel ones (dates are the only ones the add-on sets). */
function toExcelFormat(fmt: string): string {
  return fmt.replace(/M/g, 'm');
}

/** A plain value, never a formula: exceljs only makes formulas from {formula} objects. */
function setPlain(cell: Cell, v: CellValue): void {
  if (v === null || v === undefined || v === '') {
    cell.value = null;
    return;
  }
  if (v instanceof Date) {
    cell.value = v;
    if (!isDateFormat(cell.numFmt)) cell.style = { ...cell.style, numFmt: DATE_FORMAT } as ExcelJS.Style;
    return;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  cell.value = String(v);
}
