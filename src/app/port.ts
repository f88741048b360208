/**
 * The one port every backend implements: Google Sheets (src/gas/sheetsWorkbook.ts) and an .xlsx
 * workbook over exceljs (src/node/xlsxWorkbook.ts). Feature logic (src/app/*) talks only to this.
 *
 * Contract, so that Apps Script service calls do not grow with the number of rows:
 * - readSheet reads a whole tab once (values of its data range); decorations are read and written
 *   over one rectangle per call; appendRows/writeValues write one rectangle per call.
 * - All coordinates are 0-based (row 0 is the header row); messages turn them into sheet rows.
 * - Strings written that begin with = + - @ are stored as text, never as formulas (the adapter's job).
 */

export type { CellValue } from '../core/port-types';
import type { CellValue } from '../core/port-types';

export interface SheetData {
  name: string;
  /** Rectangular values of the data range starting at A1 (row 0 = header row). */
  values: CellValue[][];
  /** Same shape as values: the formula of a cell ('' if none). Optional: adapters may omit. */
  formulas?: string[][];
  /** Merged areas, 0-based. */
  merges?: Array<{ row: number; col: number; rows: number; cols: number }>;
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface Decorations {
  /** CSS hex colour or null for none (Sheets' '#ffffff' is reported as null). */
  backgrounds: Array<Array<string | null>>;
  /** '' for no note. */
  notes: string[][];
}

export type ValidationRule =
  | { kind: 'list'; values: readonly string[]; strict?: boolean }
  | { kind: 'date' };

export interface ColumnSetup {
  /** 0-based column index. */
  col: number;
  validation?: ValidationRule;
  numberFormat?: string;
  width?: number;
}

export interface SheetSetup {
  frozenRows?: number;
  protectHeader?: boolean;
  columns?: ColumnSetup[];
  /** Rows the column validation/format covers below the header. */
  rows?: number;
}

/** A chart the add-on keeps on a tab (an EmbeddedChart in Sheets), found again by its key. */
export interface ChartSpec {
  /** The add-on's id for this chart on its tab: the same key updates the same chart. */
  key: string;
  type: 'column' | 'bar' | 'pie';
  title: string;
  /** The data, 0-based, header row included; the first column holds the labels. */
  range: Rect;
  /** Top-left cell the chart is anchored to, 0-based. */
  anchor: { row: number; col: number };
  /** Pixels. */
  width?: number;
  height?: number;
}

export interface DocumentIdentity {
  id: string;
  name: string;
  url: string;
  timeZone: string;
}

export interface WorkbookPort {
  /** Tab names in their order. */
  sheetNames(): string[];
  /** The whole tab (one read), or null when there is no such tab. */
  readSheet(name: string): SheetData | null;
  /**
   * Whether a tab of exactly this name exists, for backends where that is cheaper than listing
   * every tab (Sheets: one lookup instead of one call per tab name). Optional: callers fall back
   * to sheetNames().
   */
  hasSheet?(name: string): boolean;
  readDecorations(name: string, rect: Rect): Decorations;
  /** Writes backgrounds and notes over one rectangle (both arrays have the rect's shape). */
  writeDecorations(name: string, rect: Rect, deco: Decorations): void;
  /** Writes values over one rectangle. */
  writeValues(name: string, row: number, col: number, values: CellValue[][]): void;
  /** Appends rows after the last row holding data; returns the 0-based index of the first one. */
  appendRows(name: string, rows: CellValue[][]): number;
  /** Creates a tab with the given header row (bold, frozen) at the end. */
  createSheet(name: string, header: string[]): void;
  /** Applies column validation, formats and header protection to a tab. */
  setupSheet(name: string, setup: SheetSetup): void;
  /**
   * The values of the dropdown list on one cell (0-based), or null when it has no list rule. One
   * cell, so the calls do not grow with the rows. Optional: without it the add-on never rewrites
   * a dropdown it made earlier.
   */
  readListValidation?(name: string, row: number, col: number): string[] | null;
  /** Document-scoped key/value store for the add-on's own state (JSON strings). */
  getProperty(key: string): string | null;
  setProperty(key: string, value: string | null): void;
  /** Runs fn holding the document lock (LockService in Sheets). Throws LockBusyError if not got. */
  withLock<T>(fn: () => T): T;
  /**
   * Which document this is (Sheets: the spreadsheet's ID, name, URL and time zone), or null when
   * the backend has no such identity or there is no document in this execution.
   */
  identity?(): DocumentIdentity | null;
  /** The cell the user's cursor stands on, if the backend knows it. */
  activeCell?(): { sheet: string; row: number; col: number } | null;
  /** Moves the cursor to a cell (sidebar findings list). */
  selectCell?(sheet: string, row: number, col: number): void;
  /**
   * Creates the add-on's chart `spec.key` on a tab or updates it in place; charts the curator
   * made are never touched. Optional: backends that cannot draw charts leave it out.
   */
  upsertChart?(sheet: string, spec: ChartSpec): void;
}

export class LockBusyError extends Error {
  constructor() {
    super('Таблицу сейчас изменяет другой пользователь. Повторите через несколько секунд.');
    this.name = 'LockBusyError';
  }
}

/** A user-facing failure with a Russian message: shown as is, never as a stack trace. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Column letters as the user sees them: 0 → A, 26 → AA. */
export { columnLetterOf as columnLetter } from '../core/util/columns';
