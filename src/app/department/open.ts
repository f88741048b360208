/**
 * Opening the schools' workbooks for the department review. The backends open a file (Apps
 * Script: SpreadsheetApp.openByUrl/openById; Node: an .xlsx next to the consolidation file); this
 * module keeps the use read-only and names the reason when a file cannot be opened.
 */
import type { CellValue, Decorations, Rect, SheetData, SheetSetup, WorkbookPort } from '../port';
import type { ReasonKey } from '../../core/monitoring/consolidate';

/** A school's file could not be opened, for a known reason (see REASONS). */
export class OpenWorkbookError extends Error {
  constructor(readonly reason: ReasonKey) {
    super(`open workbook: ${reason}`);
    this.name = 'OpenWorkbookError';
  }
}

const refuse = (what: string): never => {
  throw new Error(`read-only workbook: ${what}`);
};

/** A view of a school's workbook that can only be read: the review never changes a school's file. */
export function readOnly(wb: WorkbookPort): WorkbookPort {
  return {
    sheetNames: () => wb.sheetNames(),
    readSheet: (name: string): SheetData | null => wb.readSheet(name),
    readDecorations: (name: string, rect: Rect): Decorations => wb.readDecorations(name, rect),
    writeDecorations: () => refuse('writeDecorations'),
    writeValues: (_n: string, _r: number, _c: number, _v: CellValue[][]) => refuse('writeValues'),
    appendRows: () => refuse('appendRows'),
    createSheet: () => refuse('createSheet'),
    setupSheet: (_n: string, _s: SheetSetup) => refuse('setupSheet'),
    // The school's own add-on state is not ours to read or change.
    getProperty: () => null,
    setProperty: () => refuse('setProperty'),
    withLock: <T>(fn: () => T): T => fn(),
  };
}
