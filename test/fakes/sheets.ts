/**
 * In-memory SpreadsheetApp: Spreadsheet, Sheet, Range, data validation, protections, UI.
 *
 * Choices where real Sheets does more than a fake can:
 * - setValues/setValue parse strings like a user typing them (ru_RU locale): "'text" is stored
 *   as literal text without the apostrophe; "=..." becomes a formula whose value is '#ERROR!'
 *   (the fake does not evaluate formulas; seed a value with `seedFormula`); "+..."/"-..." that is
 *   not a number is a formula parse error ('#ERROR!'); numeric strings ('007', '1,5', '50%')
 *   become numbers; 'dd.mm.yyyy' / 'yyyy-mm-dd' become Dates (midnight in the spreadsheet
 *   time zone); 'true'/'false' become booleans. Dates are stored as Date copies.
 * - Ranges must lie inside the sheet's max rows/columns (1000 × 26 for a new sheet), as in Apps
 *   Script; insertRowsAfter/insertColumnsAfter grow it.
 * - Empty cells read as ''; getBackgrounds gives '#ffffff' for none; notes '' for none.
 * - Embedded charts keep their ranges, type, options and anchor (nothing is drawn); see
 *   FakeEmbeddedChart for how ids behave around insertChart.
 */
import type { CallLog } from './calls';

export class GasException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function fail(message: string): never {
  throw new GasException(message);
}

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

interface Cell {
  value: unknown;
  formula: string;
  background: string;
  note: string;
  fontWeight: string;
  numberFormat: string;
  validation: FakeDataValidation | null;
}

const emptyCell = (): Cell => ({
  value: '',
  formula: '',
  background: '#ffffff',
  note: '',
  fontWeight: 'normal',
  numberFormat: 'General',
  validation: null,
});

export interface UiLog {
  menus: Array<{ title: string; addon: boolean; items: MenuEntry[] }>;
  toasts: Array<{ message: string; title?: string; timeout?: number }>;
  alerts: Array<{ title?: string; prompt: string; buttons?: string }>;
  sidebars: Array<{ title: string; content: string }>;
  dialogs: Array<{ title: string; content: string; modal: boolean }>;
}

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; submenu: MenuEntry[] };

export interface SheetsState {
  log: CallLog;
  ui: UiLog;
  authMode: 'NONE' | 'LIMITED' | 'FULL';
  timeZone: string;
  addonName: string;
  /**
   * Running outside a containing document: getActiveSpreadsheet(), getDocumentProperties() and
   * getDocumentLock() return null.
   */
  noDocument?: boolean;
}

// ---------------------------------------------------------------- value parsing (user-typed)

/** Midnight of a calendar day in a time zone, as a Date. */
export function zonedMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const utc = Date.UTC(y, m - 1, d);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(utc - (asUtc - utc));
}

function parseTyped(s: string, timeZone: string): { value: unknown; formula: string } {
  if (s.startsWith("'")) return { value: s.slice(1), formula: '' };
  if (s.startsWith('=') && s.length > 1) return { value: '#ERROR!', formula: s };
  const t = s.trim();
  if (/^[+-]?(\d+([.,]\d+)?|[.,]\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t.replace(',', '.')), formula: '' };
  if (/^[+-]?\d+([.,]\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1).replace(',', '.')) / 100, formula: '' };
  if (/^[+-]/.test(t) && t.length > 1) return { value: '#ERROR!', formula: '=' + t };
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m && +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1 && +m[1] <= 31) {
    return { value: zonedMidnight(+m[3], +m[2], +m[1], timeZone), formula: '' };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31) {
    return { value: zonedMidnight(+m[1], +m[2], +m[3], timeZone), formula: '' };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: '' };
  return { value: s, formula: '' };
}

function toCellInput(v: unknown, timeZone: string, method: string): { value: unknown; formula: string } {
  if (v === null || v === undefined) return { value: '', formula: '' };
  if (isDate(v)) return { value: new Date(v.getTime()), formula: '' };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: '' };
  if (typeof v === 'string') return parseTyped(v, timeZone);
  return fail(`The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
}

// ---------------------------------------------------------------- A1 notation

export function colToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToCol(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseA1(a1: string, maxRows: number, maxCols: number): { row: number; col: number; rows: number; cols: number } {
  const m = /^\$?([A-Za-z]+)?\$?(\d+)?(?::\$?([A-Za-z]+)?\$?(\d+)?)?$/.exec(a1.trim());
  if (!m || (!m[1] && !m[2])) fail('Range not found');
  const c1 = m[1] ? lettersToCol(m[1]) : 1;
  const r1 = m[2] ? Number(m[2]) : 1;
  const hasEnd = a1.includes(':');
  const c2 = hasEnd ? (m[3] ? lettersToCol(m[3]) : maxCols) : m[1] ? c1 : maxCols;
  const r2 = hasEnd ? (m[4] ? Number(m[4]) : maxRows) : m[2] ? r1 : maxRows;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

// ---------------------------------------------------------------- data validation

export class FakeDataValidation {
  readonly __type = 'DataValidation';
  constructor(
    readonly criteria: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType() {
    return this.criteria;
  }
  getCriteriaValues() {
    return this.values.slice();
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getHelpText() {
    return this.helpText;
  }
  copy() {
    return new FakeDataValidationBuilder(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

export class FakeDataValidationBuilder {
  readonly __type = 'DataValidationBuilder';
  constructor(
    private criteria = '',
    private values: unknown[] = [],
    private allowInvalid = true,
    private helpText = '',
  ) {}
  requireValueInList(values: unknown[], showDropdown = true) {
    if (!Array.isArray(values)) fail('The parameters don\'t match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.');
    if (values.length > 500) fail('The data validation rule has more than 500 items.');
    this.criteria = 'VALUE_IN_LIST';
    this.values = [values.slice(), showDropdown];
    return this;
  }
  requireValueInRange(range: unknown, showDropdown = true) {
    this.criteria = 'VALUE_IN_RANGE';
    this.values = [range, showDropdown];
    return this;
  }
  requireDate() {
    this.criteria = 'DATE_IS_VALID_DATE';
    this.values = [];
    return this;
  }
  requireCheckbox() {
    this.criteria = 'CHECKBOX';
    this.values = [];
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = !!allow;
    return this;
  }
  setHelpText(text: string) {
    this.helpText = String(text);
    return this;
  }
  build() {
    if (!this.criteria) fail('You must specify a validation criteria before building a data validation rule.');
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

// ---------------------------------------------------------------- protection

export class FakeProtection {
  readonly __type = 'Protection';
  description = '';
  warningOnly = false;
  removed = false;
  constructor(
    readonly sheet: FakeSheet,
    readonly type: 'RANGE' | 'SHEET',
    readonly rect: { row: number; col: number; rows: number; cols: number } | null,
  ) {}
  setDescription(d: string) {
    this.description = String(d);
    return this;
  }
  getDescription() {
    return this.description;
  }
  setWarningOnly(w: boolean) {
    this.warningOnly = !!w;
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  getProtectionType() {
    return this.type;
  }
  getRange() {
    const r = this.rect ?? { row: 1, col: 1, rows: this.sheet.maxRows, cols: this.sheet.maxCols };
    return new FakeRange(this.sheet, r.row, r.col, r.rows, r.cols);
  }
  remove() {
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  canEdit() {
    return true;
  }
}

// ---------------------------------------------------------------- range

export class FakeRange {
  readonly __type = 'Range';
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  private cell(r: number, c: number): Cell {
    return this.sheet._cell(this.row + r, this.col + c);
  }
  private peek(r: number, c: number): Cell | undefined {
    return this.sheet._peek(this.row + r, this.col + c);
  }
  private grid<T>(f: (c: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numCols; c++) line.push(f(this.peek(r, c)));
      out.push(line);
    }
    return out;
  }
  private checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      fail(`The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    const rows = data as unknown[][];
    if (rows.length !== this.numRows) {
      fail(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.numRows}.`);
    }
    for (const row of rows) {
      if (row.length !== this.numCols) {
        fail(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numCols}.`);
      }
    }
    return rows;
  }
  private setGrid(data: unknown, method: string, f: (cell: Cell, v: unknown) => void): this {
    const rows = this.checkShape(data, method);
    for (let r = 0; r < this.numRows; r++) for (let c = 0; c < this.numCols; c++) f(this.cell(r, c), rows[r][c]);
    return this;
  }
  private setAll(f: (cell: Cell) => void): this {
    for (let r = 0; r < this.numRows; r++) for (let c = 0; c < this.numCols; c++) f(this.cell(r, c));
    return this;
  }
  private tz() {
    return this.sheet.ss.timeZone;
  }

  getSheet() {
    return this.sheet;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getLastRow() {
    return this.row + this.numRows - 1;
  }
  getLastColumn() {
    return this.col + this.numCols - 1;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getA1Notation() {
    const a = `${colToLetters(this.col)}${this.row}`;
    if (this.numRows === 1 && this.numCols === 1) return a;
    return `${a}:${colToLetters(this.col + this.numCols - 1)}${this.row + this.numRows - 1}`;
  }
  getCell(r: number, c: number) {
    if (r < 1 || c < 1 || r > this.numRows || c > this.numCols) fail('Cell reference out of range');
    return new FakeRange(this.sheet, this.row + r - 1, this.col + c - 1, 1, 1);
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number) {
    return this.sheet.getRange(this.row + rowOffset, this.col + colOffset, numRows ?? this.numRows, numCols ?? this.numCols);
  }

  getValues() {
    return this.grid((c) => (c ? (isDate(c.value) ? new Date(c.value.getTime()) : c.value) : ''));
  }
  getValue() {
    return this.getValues()[0][0];
  }
  setValues(data: unknown) {
    return this.setGrid(data, 'setValues', (cell, v) => Object.assign(cell, toCellInput(v, this.tz(), 'setValues')));
  }
  setValue(v: unknown) {
    return this.setAll((cell) => Object.assign(cell, toCellInput(v, this.tz(), 'setValue')));
  }
  getDisplayValues() {
    return this.grid((c) => (c ? displayOf(c, this.tz()) : ''));
  }
  getDisplayValue() {
    return this.getDisplayValues()[0][0];
  }
  getFormulas() {
    return this.grid((c) => c?.formula ?? '');
  }
  getFormula() {
    return this.getFormulas()[0][0];
  }
  setFormulas(data: unknown) {
    return this.setGrid(data, 'setFormulas', (cell, v) => {
      const f = String(v ?? '');
      Object.assign(cell, f.startsWith('=') ? { formula: f, value: '#ERROR!' } : toCellInput(f, this.tz(), 'setFormulas'));
    });
  }
  setFormula(f: string) {
    return this.setFormulas(this.grid(() => f));
  }
  getBackgrounds() {
    return this.grid((c) => c?.background ?? '#ffffff');
  }
  getBackground() {
    return this.getBackgrounds()[0][0];
  }
  setBackgrounds(data: unknown) {
    return this.setGrid(data, 'setBackgrounds', (cell, v) => {
      cell.background = normColor(v);
    });
  }
  setBackground(color: string | null) {
    return this.setAll((cell) => {
      cell.background = normColor(color);
    });
  }
  getNotes() {
    return this.grid((c) => c?.note ?? '');
  }
  getNote() {
    return this.getNotes()[0][0];
  }
  setNotes(data: unknown) {
    return this.setGrid(data, 'setNotes', (cell, v) => {
      cell.note = v === null || v === undefined ? '' : String(v);
    });
  }
  setNote(note: string | null) {
    return this.setAll((cell) => {
      cell.note = note === null || note === undefined ? '' : String(note);
    });
  }
  clearNote() {
    return this.setNote(null);
  }
  getFontWeights() {
    return this.grid((c) => c?.fontWeight ?? 'normal');
  }
  getFontWeight() {
    return this.getFontWeights()[0][0];
  }
  setFontWeights(data: unknown) {
    return this.setGrid(data, 'setFontWeights', (cell, v) => {
      cell.fontWeight = v ? String(v) : 'normal';
    });
  }
  setFontWeight(w: string | null) {
    return this.setAll((cell) => {
      cell.fontWeight = w ? String(w) : 'normal';
    });
  }
  getNumberFormats() {
    return this.grid((c) => c?.numberFormat ?? 'General');
  }
  getNumberFormat() {
    return this.getNumberFormats()[0][0];
  }
  setNumberFormats(data: unknown) {
    return this.setGrid(data, 'setNumberFormats', (cell, v) => {
      cell.numberFormat = String(v);
    });
  }
  setNumberFormat(f: string) {
    return this.setAll((cell) => {
      cell.numberFormat = String(f);
    });
  }
  getDataValidations() {
    return this.grid((c) => c?.validation ?? null);
  }
  getDataValidation() {
    return this.getDataValidations()[0][0];
  }
  setDataValidation(rule: FakeDataValidation | null) {
    if (rule !== null && !(rule instanceof FakeDataValidation)) fail('The parameters don\'t match the method signature for SpreadsheetApp.Range.setDataValidation.');
    return this.setAll((cell) => {
      cell.validation = rule;
    });
  }
  setDataValidations(data: unknown) {
    return this.setGrid(data, 'setDataValidations', (cell, v) => {
      cell.validation = (v as FakeDataValidation) ?? null;
    });
  }
  clearDataValidations() {
    return this.setDataValidation(null);
  }
  clearContent() {
    return this.setAll((cell) => {
      cell.value = '';
      cell.formula = '';
    });
  }
  clear() {
    return this.setAll((cell) => Object.assign(cell, emptyCell()));
  }
  isBlank() {
    return this.grid((c) => !c || (c.value === '' && !c.formula)).every((row) => row.every(Boolean));
  }
  merge() {
    const mine = { row: this.row, col: this.col, rows: this.numRows, cols: this.numCols };
    if (this.sheet.merges.some((m) => overlaps(m, mine) && !contains(mine, m))) {
      fail('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.sheet.merges = this.sheet.merges.filter((m) => !contains(mine, m));
    // Merging keeps only the top-left value, as Sheets does.
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++) {
        if (r === 0 && c === 0) continue;
        const cell = this.peek(r, c);
        if (cell) Object.assign(cell, { value: '', formula: '' });
      }
    }
    this.sheet.merges.push(mine);
    return this;
  }
  breakApart() {
    const mine = { row: this.row, col: this.col, rows: this.numRows, cols: this.numCols };
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, mine));
    return this;
  }
  isPartOfMerge() {
    const mine = { row: this.row, col: this.col, rows: this.numRows, cols: this.numCols };
    return this.sheet.merges.some((m) => overlaps(m, mine));
  }
  getMergedRanges() {
    const mine = { row: this.row, col: this.col, rows: this.numRows, cols: this.numCols };
    return this.sheet.merges.filter((m) => overlaps(m, mine)).map((m) => new FakeRange(this.sheet, m.row, m.col, m.rows, m.cols));
  }
  protect() {
    const p = new FakeProtection(this.sheet, 'RANGE', { row: this.row, col: this.col, rows: this.numRows, cols: this.numCols });
    this.sheet.protections.push(p);
    return p;
  }
  activate() {
    this.sheet.ss.activeSheet = this.sheet;
    this.sheet.ss.activeRange = this;
    return this;
  }
}

type Rect1 = { row: number; col: number; rows: number; cols: number };
const overlaps = (a: Rect1, b: Rect1) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
const contains = (outer: Rect1, inner: Rect1) =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.col + inner.cols <= outer.col + outer.cols;

function normColor(v: unknown): string {
  if (v === null || v === undefined || v === '') return '#ffffff';
  const s = String(v).toLowerCase();
  if (s === 'white') return '#ffffff';
  if (!/^#[0-9a-f]{6}$/.test(s) && !/^#[0-9a-f]{3}$/.test(s) && !/^[a-z]+$/.test(s)) fail(`Invalid color: ${v}`);
  return s;
}

function pad(n: number, w = 2) {
  return String(n).padStart(w, '0');
}

function displayOf(c: Cell, timeZone: string): string {
  const v = c.value;
  if (isDate(v)) {
    const p = zonedParts(v, timeZone);
    return `${pad(p.day)}.${pad(p.month)}.${p.year}`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function zonedParts(d: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

// ---------------------------------------------------------------- embedded charts

let nextChartId = 1000;

interface ChartState {
  ranges: FakeRange[];
  type: string | null;
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders: number;
}

const copyState = (c: ChartState): ChartState => ({
  ranges: c.ranges.slice(),
  type: c.type,
  options: { ...c.options },
  position: { ...c.position },
  numHeaders: c.numHeaders,
});

/**
 * EmbeddedChart. A chart built by `sheet.newChart().build()` has no id (getChartId() is null,
 * as for any chart not in a spreadsheet) until insertChart stores a copy with a fresh id; so
 * code must read the id from getCharts() after inserting. A chart from `modify().build()` keeps
 * the id of the chart it came from, and updateChart replaces the chart with that id.
 */
export class FakeEmbeddedChart {
  readonly __type = 'EmbeddedChart';
  constructor(
    readonly sheet: FakeSheet,
    public id: number | null,
    readonly state: ChartState,
  ) {}
  getChartId() {
    return this.id;
  }
  getRanges() {
    return this.state.ranges.slice();
  }
  getNumHeaders() {
    return this.state.numHeaders;
  }
  getOptions() {
    const options = { ...this.state.options };
    return { __type: 'ChartOptions', get: (key: string) => options[key] ?? null };
  }
  getContainerInfo() {
    const p = this.state.position;
    return {
      __type: 'ContainerInfo',
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.col,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify() {
    return new FakeEmbeddedChartBuilder(this.sheet, this.id, copyState(this.state));
  }
  /** Test helper: chart type name ('COLUMN', 'PIE', …). */
  _type() {
    return this.state.type;
  }
  /** Test helper: the A1 notation of each data range. */
  _a1() {
    return this.state.ranges.map((r) => r.getA1Notation());
  }
  _option(key: string) {
    return this.state.options[key];
  }
}

export class FakeEmbeddedChartBuilder {
  readonly __type = 'EmbeddedChartBuilder';
  constructor(
    readonly sheet: FakeSheet,
    private readonly chartId: number | null,
    private readonly state: ChartState = { ranges: [], type: null, options: {}, position: { row: 1, col: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1 },
  ) {}
  addRange(range: FakeRange) {
    if (!(range instanceof FakeRange)) fail("The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.");
    this.state.ranges.push(range);
    return this;
  }
  removeRange(range: FakeRange) {
    this.state.ranges = this.state.ranges.filter((r) => r.getA1Notation() !== range.getA1Notation() || r.sheet !== range.sheet);
    return this;
  }
  clearRanges() {
    this.state.ranges = [];
    return this;
  }
  getRanges() {
    return this.state.ranges.slice();
  }
  setChartType(type: string) {
    if (typeof type !== 'string' || !type) fail("The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.");
    this.state.type = type;
    return this;
  }
  getChartType() {
    return this.state.type;
  }
  setOption(option: string, value: unknown) {
    this.state.options[String(option)] = value;
    return this;
  }
  setNumHeaders(n: number) {
    this.state.numHeaders = n;
    return this;
  }
  setPosition(anchorRow: number, anchorCol: number, offsetX: number, offsetY: number) {
    if (anchorRow < 1 || anchorCol < 1) fail('The starting row or column of the chart position is too small.');
    this.state.position = { row: anchorRow, col: anchorCol, offsetX, offsetY };
    return this;
  }
  build() {
    return new FakeEmbeddedChart(this.sheet, this.chartId, copyState(this.state));
  }
}

// ---------------------------------------------------------------- sheet

let nextSheetId = 1;

export class FakeSheet {
  readonly __type = 'Sheet';
  readonly id = nextSheetId++;
  rows: Array<Array<Cell | undefined> | undefined> = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  widths = new Map<number, number>();
  merges: Rect1[] = [];
  protections: FakeProtection[] = [];
  charts: FakeEmbeddedChart[] = [];

  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {}

  _peek(r: number, c: number): Cell | undefined {
    return this.rows[r - 1]?.[c - 1];
  }
  _cell(r: number, c: number): Cell {
    const row = (this.rows[r - 1] ??= []);
    return (row[c - 1] ??= emptyCell());
  }

  getName() {
    return this.name;
  }
  setName(name: string) {
    if (this.ss.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return this;
  }
  getSheetId() {
    return this.id;
  }
  getIndex() {
    return this.ss.sheets.indexOf(this) + 1;
  }
  getParent() {
    return this.ss;
  }
  activate() {
    this.ss.activeSheet = this;
    return this;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  insertRowsAfter(after: number, howMany: number) {
    if (howMany < 1) fail('Those rows are out of bounds.');
    this.rows.splice(after, 0, ...new Array(howMany).fill(undefined));
    this.rows.length = Math.max(this.rows.length, 0);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (howMany < 1) fail('Those columns are out of bounds.');
    for (const row of this.rows) if (row && row.length > after) row.splice(after, 0, ...new Array(howMany).fill(undefined));
    this.maxCols += howMany;
    return this;
  }
  /** Last row holding a value or formula (0 if none), like Sheet.getLastRow. */
  getLastRow() {
    for (let r = this.rows.length; r >= 1; r--) {
      if (this.rows[r - 1]?.some((c) => c && (c.value !== '' || c.formula))) return r;
    }
    return 0;
  }
  getLastColumn() {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell && (cell.value !== '' || cell.formula)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
  getRange(a: number | string, col?: number, numRows?: number, numCols?: number): FakeRange {
    if (typeof a === 'string') {
      const r = parseA1(a, this.maxRows, this.maxCols);
      return this.getRange(r.row, r.col, r.rows, r.cols);
    }
    const row = a;
    const c = col ?? fail('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    const nr = numRows ?? 1;
    const nc = numCols ?? 1;
    for (const v of [row, c, nr, nc]) {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    if (row < 1) fail('The starting row of the range is too small.');
    if (c < 1) fail('The starting column of the range is too small.');
    if (nr < 1) fail('The number of rows in the range must be at least 1.');
    if (nc < 1) fail('The number of columns in the range must be at least 1.');
    if (row + nr - 1 > this.maxRows || c + nc - 1 > this.maxCols) fail('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, Math.floor(row), Math.floor(c), Math.floor(nr), Math.floor(nc));
  }
  getDataRange() {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  /** -1 rows/columns reach the last row/column holding data; an empty sheet has none (throws). */
  getSheetValues(row: number, col: number, numRows: number, numCols: number) {
    const nr = numRows === -1 ? this.getLastRow() - row + 1 : numRows;
    const nc = numCols === -1 ? this.getLastColumn() - col + 1 : numCols;
    return this.getRange(row, col, nr, nc).getValues();
  }
  appendRow(values: unknown[]) {
    const r = this.getLastRow() + 1;
    if (r > this.maxRows) this.maxRows = r;
    if (values.length > this.maxCols) this.maxCols = values.length;
    new FakeRange(this, r, 1, 1, values.length).setValues([values]);
    return this;
  }
  setFrozenRows(n: number) {
    if (n < 0 || n > this.maxRows) fail('Those rows are out of bounds.');
    this.frozenRows = n;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setFrozenColumns(n: number) {
    this.frozenCols = n;
  }
  getFrozenColumns() {
    return this.frozenCols;
  }
  setColumnWidth(col: number, width: number) {
    if (col < 1 || col > this.maxCols) fail('Those columns are out of bounds.');
    this.widths.set(col, width);
    return this;
  }
  setColumnWidths(col: number, num: number, width: number) {
    for (let i = 0; i < num; i++) this.setColumnWidth(col + i, width);
    return this;
  }
  getColumnWidth(col: number) {
    return this.widths.get(col) ?? 100;
  }
  protect() {
    const p = new FakeProtection(this, 'SHEET', null);
    this.protections.push(p);
    return p;
  }
  getProtections(type: 'RANGE' | 'SHEET') {
    return this.protections.filter((p) => p.type === type);
  }
  setActiveRange(range: FakeRange) {
    return this.ss.setActiveRange(range);
  }
  getActiveRange() {
    return this.ss.activeRange?.sheet === this ? this.ss.activeRange : null;
  }
  clear() {
    this.rows = [];
    this.merges = [];
    return this;
  }
  getCharts() {
    return this.charts.slice();
  }
  newChart() {
    return new FakeEmbeddedChartBuilder(this, null);
  }
  insertChart(chart: FakeEmbeddedChart) {
    if (!(chart instanceof FakeEmbeddedChart)) fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.insertChart.");
    if (chart.id !== null) fail('The chart is already in the spreadsheet; use updateChart.');
    if (chart.state.ranges.length === 0) fail('The chart has no data ranges.');
    if (!chart.state.type) fail('The chart type is not set.');
    this.charts.push(new FakeEmbeddedChart(this, nextChartId++, copyState(chart.state)));
  }
  updateChart(chart: FakeEmbeddedChart) {
    if (!(chart instanceof FakeEmbeddedChart)) fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.updateChart.");
    const at = this.charts.findIndex((c) => c.id !== null && c.id === chart.id);
    if (at < 0) fail('The chart does not exist on this sheet.');
    this.charts[at] = new FakeEmbeddedChart(this, chart.id, copyState(chart.state));
  }
  removeChart(chart: FakeEmbeddedChart) {
    if (!(chart instanceof FakeEmbeddedChart)) fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.removeChart.");
    this.charts = this.charts.filter((c) => c.id !== chart.id);
  }

  // ---- test helpers (not Apps Script API; underscore keeps them uncounted)
  /** Writes raw values without parsing (strings stay strings), growing the sheet as needed. */
  _seed(values: unknown[][], row = 1, col = 1) {
    const lastRow = row + values.length - 1;
    const lastCol = col + Math.max(0, ...values.map((r) => r.length)) - 1;
    if (lastRow > this.maxRows) this.maxRows = lastRow;
    if (lastCol > this.maxCols) this.maxCols = lastCol;
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        const cell = this._cell(row + r, col + c);
        cell.value = v === null || v === undefined ? '' : isDate(v) ? new Date(v.getTime()) : v;
        cell.formula = '';
      }),
    );
    return this;
  }
  /**
   * Writes values as a curator typing them would leave them: '01.09.2026' becomes a Date, '5' a
   * number, 'да' stays text (the sheet the add-on meets in real life, not strings everywhere).
   */
  _seedTyped(values: unknown[][], row = 1, col = 1) {
    this._seed(values, row, col);
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v === 'string' && v !== '') Object.assign(this._cell(row + r, col + c), parseTyped(v, this.ss.timeZone));
      }),
    );
    return this;
  }
  _seedFormula(row: number, col: number, formula: string, value: unknown) {
    Object.assign(this._cell(row, col), { formula, value });
    return this;
  }
}

// ---------------------------------------------------------------- spreadsheet & UI

let nextSsId = 1;

export class FakeSpreadsheet {
  readonly __type = 'Spreadsheet';
  readonly id = `fake-spreadsheet-${nextSsId++}`;
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  name = 'Наставничество 2026';

  constructor(readonly state: SheetsState) {}

  get timeZone() {
    return this.state.timeZone;
  }
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this.state.timeZone;
  }
  getSheets() {
    return this.sheets.slice();
  }
  getNumSheets() {
    return this.sheets.length;
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(a?: string | number, b?: number) {
    let name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : b;
    // Sheets keeps tab names unique regardless of letter case.
    if (name !== undefined && this.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase())) {
      fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (name === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name === `Лист${i}`)) i++;
      name = `Лист${i}`;
    }
    const sheet = new FakeSheet(this, name);
    // Without an index Sheets inserts after the active sheet.
    const at = index ?? (this.activeSheet ? this.sheets.indexOf(this.activeSheet) + 1 : this.sheets.length);
    if (at < 0 || at > this.sheets.length) fail('The sheet index is out of range.');
    this.sheets.splice(at, 0, sheet);
    this.activeSheet = sheet; // insertSheet activates the new sheet
    this.activeRange = null;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet) {
    if (this.sheets.length === 1) fail("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }
  getActiveSheet() {
    return this.activeSheet ?? this.sheets[0] ?? null;
  }
  setActiveSheet(sheet: FakeSheet) {
    this.activeSheet = sheet;
    this.activeRange = null;
    return sheet;
  }
  getActiveRange() {
    return this.activeRange;
  }
  getActiveCell() {
    return this.activeRange ? new FakeRange(this.activeRange.sheet, this.activeRange.row, this.activeRange.col, 1, 1) : null;
  }
  setActiveRange(range: FakeRange) {
    if (!(range instanceof FakeRange)) fail("The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.setActiveRange.");
    this.activeSheet = range.sheet;
    this.activeRange = range;
    return range;
  }
  getRange(a1: string) {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(a1);
    if (m) {
      const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      const sheet = this.getSheetByName(name) ?? fail('Range not found');
      return sheet.getRange(m[3]);
    }
    return (this.getActiveSheet() ?? fail('Range not found')).getRange(a1);
  }
  toast(message: string, title?: string, timeout?: number) {
    this.state.ui.toasts.push({ message: String(message), title, timeout });
  }
  getUi() {
    return makeUi(this.state);
  }

  // test helper
  _addSheet(name: string, values: unknown[][] = [], typed = false) {
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    if (values.length) {
      if (typed) sheet._seedTyped(values);
      else sheet._seed(values);
    }
    return sheet;
  }
}

export class FakeMenu {
  readonly __type = 'Menu';
  items: MenuEntry[] = [];
  constructor(
    private readonly state: SheetsState,
    readonly title: string,
    readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string) {
    if (typeof functionName !== 'string' || !functionName) fail('Invalid argument: functionName');
    this.items.push({ caption: String(caption), functionName });
    return this;
  }
  addSeparator() {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu) {
    this.items.push({ caption: menu.title, submenu: menu.items });
    return this;
  }
  addToUi() {
    this.state.ui.menus.push({ title: this.title, addon: this.addon, items: this.items.slice() });
  }
}

const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;

function makeUi(state: SheetsState) {
  const contentOf = (html: any) => {
    if (!html || typeof html.getContent !== 'function') fail("The parameters don't match the method signature for Ui.showSidebar.");
    return { title: typeof html.getTitle === 'function' ? html.getTitle() : '', content: html.getContent() };
  };
  return {
    __type: 'Ui',
    ButtonSet,
    Button,
    createMenu(title: string) {
      return new FakeMenu(state, String(title), false);
    },
    createAddonMenu() {
      return new FakeMenu(state, state.addonName, true);
    },
    alert(a: string, b?: unknown, c?: unknown) {
      if (c !== undefined) state.ui.alerts.push({ title: a, prompt: String(b), buttons: String(c) });
      else if (b !== undefined && typeof b === 'string' && b in ButtonSet) state.ui.alerts.push({ prompt: a, buttons: b });
      else state.ui.alerts.push({ prompt: String(a) });
      return Button.OK;
    },
    showSidebar(html: any) {
      state.ui.sidebars.push(contentOf(html));
    },
    showModalDialog(html: any, title: string) {
      state.ui.dialogs.push({ ...contentOf(html), title: String(title), modal: true });
    },
    showModelessDialog(html: any, title: string) {
      state.ui.dialogs.push({ ...contentOf(html), title: String(title), modal: false });
    },
  };
}

export function createSpreadsheetApp(state: SheetsState, ss: FakeSpreadsheet) {
  const denyInNone = (what: string) => {
    if (state.authMode === 'NONE') {
      fail(`You do not have permission to call ${what}. Required permissions: https://www.googleapis.com/auth/spreadsheets`);
    }
  };
  return {
    __type: 'SpreadsheetApp',
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    DataValidationCriteria: { VALUE_IN_LIST: 'VALUE_IN_LIST', VALUE_IN_RANGE: 'VALUE_IN_RANGE', DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE', CHECKBOX: 'CHECKBOX' },
    /** null when the execution has no spreadsheet (state.noDocument), as the reference says. */
    getActiveSpreadsheet() {
      denyInNone('SpreadsheetApp.getActiveSpreadsheet');
      return state.noDocument ? null : ss;
    },
    getActive() {
      denyInNone('SpreadsheetApp.getActive');
      return state.noDocument ? null : ss;
    },
    getActiveSheet() {
      denyInNone('SpreadsheetApp.getActiveSheet');
      return ss.getActiveSheet();
    },
    getActiveRange() {
      denyInNone('SpreadsheetApp.getActiveRange');
      return ss.getActiveRange();
    },
    getUi() {
      return makeUi(state);
    },
    newDataValidation() {
      return new FakeDataValidationBuilder();
    },
    flush() {},
  };
}

/** Charts service: only the ChartType enum (embedded charts are built through Sheet.newChart). */
export function createCharts() {
  const names = ['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE', 'SCATTER', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL'];
  return { __type: 'Charts', ChartType: Object.fromEntries(names.map((n) => [n, n])) as Record<string, string> };
}
