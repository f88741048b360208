/**
 * An in-memory WorkbookPort for tests of the application layer: faithful to the port's contract
 * (rectangles must match their data, 0-based coordinates) and counting its calls.
 */
import type { CellValue, Decorations, Rect, SheetData, SheetSetup, WorkbookPort } from '../../src/app/port';
import { LockBusyError } from '../../src/app/port';

interface MemSheet {
  name: string;
  values: CellValue[][];
  backgrounds: Map<string, string>;
  notes: Map<string, string>;
  setup: SheetSetup[];
  header?: string[];
  /** Dropdown lists by cell (null: a rule that is no list), as setupSheet or a test left them. */
  validation?: Map<string, string[] | null>;
}

export const key = (r: number, c: number) => `${r},${c}`;

export class MemoryWorkbook implements WorkbookPort {
  sheets: MemSheet[] = [];
  props = new Map<string, string>();
  calls: Record<string, number> = {};
  lockBusy = false;
  selected: { sheet: string; row: number; col: number } | null = null;

  constructor(tabs: Record<string, CellValue[][]> = {}) {
    for (const [name, values] of Object.entries(tabs)) this.sheets.push({ name, values: values.map((r) => r.slice()), backgrounds: new Map(), notes: new Map(), setup: [], validation: new Map() });
  }

  private count(name: string) {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  sheet(name: string): MemSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Test helper: values padded to a rectangle. */
  grid(name: string): CellValue[][] {
    return this.readSheet(name)!.values;
  }

  sheetNames(): string[] {
    this.count('sheetNames');
    return this.sheets.map((s) => s.name);
  }

  readSheet(name: string): SheetData | null {
    this.count('readSheet');
    const s = this.sheets.find((x) => x.name === name);
    if (!s) return null;
    let rows = 0;
    let cols = 0;
    s.values.forEach((r, i) => {
      const last = r.reduce<number>((acc, v, j) => (v !== null && v !== '' && v !== undefined ? j + 1 : acc), 0);
      if (last > 0) rows = i + 1;
      cols = Math.max(cols, last);
    });
    const values = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => s.values[i]?.[j] ?? ''));
    return { name, values: values as CellValue[][] };
  }

  private checkShape(rect: Rect, data: unknown[][], what: string) {
    if (data.length !== rect.rows) throw new Error(`${what}: The data has ${data.length} rows but the range has ${rect.rows}.`);
    for (const r of data) if (r.length !== rect.cols) throw new Error(`${what}: The data has ${r.length} columns but the range has ${rect.cols}.`);
  }

  readDecorations(name: string, rect: Rect): Decorations {
    this.count('readDecorations');
    const s = this.sheet(name);
    const backgrounds: Array<Array<string | null>> = [];
    const notes: string[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      backgrounds.push([]);
      notes.push([]);
      for (let c = 0; c < rect.cols; c++) {
        backgrounds[r].push(s.backgrounds.get(key(rect.row + r, rect.col + c)) ?? null);
        notes[r].push(s.notes.get(key(rect.row + r, rect.col + c)) ?? '');
      }
    }
    return { backgrounds, notes };
  }

  writeDecorations(name: string, rect: Rect, deco: Decorations): void {
    this.count('writeDecorations');
    const s = this.sheet(name);
    this.checkShape(rect, deco.backgrounds, 'setBackgrounds');
    this.checkShape(rect, deco.notes, 'setNotes');
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.cols; c++) {
        const k = key(rect.row + r, rect.col + c);
        const bg = deco.backgrounds[r][c];
        if (bg) s.backgrounds.set(k, bg);
        else s.backgrounds.delete(k);
        const n = deco.notes[r][c];
        if (n) s.notes.set(k, n);
        else s.notes.delete(k);
      }
  }

  writeValues(name: string, row: number, col: number, values: CellValue[][]): void {
    this.count('writeValues');
    const s = this.sheet(name);
    const width = values[0]?.length ?? 0;
    for (const r of values) if (r.length !== width) throw new Error('writeValues: ragged rows');
    values.forEach((r, i) => {
      while (s.values.length <= row + i) s.values.push([]);
      r.forEach((v, j) => {
        s.values[row + i][col + j] = v;
      });
    });
  }

  appendRows(name: string, rows: CellValue[][]): number {
    this.count('appendRows');
    const s = this.sheet(name);
    const first = this.readSheetRows(s);
    rows.forEach((r, i) => {
      s.values[first + i] = r.slice();
    });
    return first;
  }

  private readSheetRows(s: MemSheet): number {
    let rows = 0;
    s.values.forEach((r, i) => {
      if (r.some((v) => v !== null && v !== '' && v !== undefined)) rows = i + 1;
    });
    return rows;
  }

  createSheet(name: string, header: string[]): void {
    this.count('createSheet');
    if (this.sheets.some((s) => s.name === name)) throw new Error(`sheet ${name} exists`);
    this.sheets.push({ name, values: [header.slice()], backgrounds: new Map(), notes: new Map(), setup: [], header, validation: new Map() });
  }

  setupSheet(name: string, setup: SheetSetup): void {
    this.count('setupSheet');
    const s = this.sheet(name);
    s.setup.push(setup);
    for (const c of setup.columns ?? []) {
      if (!c.validation) continue;
      for (let r = 1; r <= (setup.rows ?? 0); r++) (s.validation ??= new Map()).set(key(r, c.col), c.validation.kind === 'list' ? [...c.validation.values] : null);
    }
  }

  readListValidation(name: string, row: number, col: number): string[] | null {
    this.count('readListValidation');
    return this.sheets.find((x) => x.name === name)?.validation?.get(key(row, col)) ?? null;
  }

  getProperty(k: string): string | null {
    return this.props.get(k) ?? null;
  }

  setProperty(k: string, value: string | null): void {
    if (value === null) this.props.delete(k);
    else this.props.set(k, value);
  }

  withLock<T>(fn: () => T): T {
    this.count('withLock');
    if (this.lockBusy) throw new LockBusyError();
    return fn();
  }

  activeCell() {
    return this.selected;
  }

  selectCell(sheet: string, row: number, col: number) {
    this.selected = { sheet, row, col };
  }
}
