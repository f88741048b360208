/**
 * «Собрать сводку» (department review): reads the list of schools from the consolidation
 * spreadsheet, opens each school's file read-only, computes the same indicators as the school's
 * own «Мониторинг», and writes one row per school to «Сводка». One school's failure never stops
 * the others; a run that nears Apps Script's time limit stops opening files and lists the rest.
 */
import type { AppContext } from '../context';
import { UserError, columnLetter, type CellValue, type SheetData, type WorkbookPort } from '../port';
import { loadRegisters, type LoadedRegisters } from '../registers/load';
import { monitoringOf } from '../monitoring/indicators';
import { PALETTE } from '../decorate';
import { OpenWorkbookError, readOnly } from './open';
import {
  LIST_HEADER,
  LIST_SHEET,
  REASONS,
  SUMMARY_FALLBACK_SHEET,
  SUMMARY_COLUMNS,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEET,
  SUMMARY_TITLE,
  buildSummaryTable,
  findListSheet,
  parseSchoolRef,
  reasonKeyOf,
  readSchoolList,
  summaryMessage,
  type RowMark,
  type SchoolEntry,
  type SchoolOutcome,
  type SummaryTable,
} from '../../core/monitoring/consolidate';
import { SHEET_NAMES } from '../../core/registers/schemas';
import { isBlank } from '../../core/registers/cells';
import { ruDate } from '../../core/util/dates';

/** Apps Script stops a run at 6 minutes; no new school is opened after this much time. */
export const DEFAULT_BUDGET_MS = 4.5 * 60 * 1000;
const EXTENT_KEY = 'department.extent';

export const ROW_COLOURS: Record<RowMark, string | null> = {
  ok: null,
  attention: PALETTE.warning,
  failed: PALETTE.error,
  notReached: PALETTE.noDate,
};
const OWN_COLOURS = new Set(Object.values(ROW_COLOURS).filter((c): c is string => !!c));

export interface CollectOptions {
  /** Milliseconds clock (Date.now by default); tests move it. */
  now?: () => number;
  /** Time for opening schools; the rest are listed as not reached. */
  budgetMs?: number;
  /** «Собрано» text, e.g. «22.11.2026 14:05» (the entry formats it in the sheet's time zone). */
  collectedAt?: string;
}

export interface CollectResult {
  summary: string;
  sheet: string;
  counts: SummaryTable['counts'];
}

function refKey(link: string): string | null {
  const ref = parseSchoolRef(link);
  if (!ref) return null;
  return ref.kind === 'file' ? `file:${ref.path.toLowerCase()}` : `id:${ref.id}`;
}

/** Remarks beyond the indicators' own flags: registers the school's file lacks, reading errors. */
function extraFlags(reg: LoadedRegisters): string[] {
  const out: string[] = [];
  for (const key of ['mentors', 'mentees', 'pairs'] as const) if (!reg.sheets[key]) out.push(`нет листа «${SHEET_NAMES[key]}»`);
  const errors = reg.findings.filter((f) => f.severity === 'error').length;
  if (errors) out.push(`ошибок в реестрах: ${errors} (школе стоит выполнить «Проверить реестры»)`);
  return out;
}

function readSchool(ctx: AppContext, entry: SchoolEntry, asOf: string): SchoolOutcome {
  const failed = (reason: string): SchoolOutcome => ({ entry, kind: 'failed', reason });
  if (!entry.link) return failed(REASONS.noRef);
  const ref = parseSchoolRef(entry.link);
  if (!ref) return failed(REASONS.badRef);
  if (ref.kind === 'google' && ref.office) return failed(REASONS.office);
  let wb: WorkbookPort;
  try {
    wb = ctx.openWorkbook!(entry.link);
  } catch (err) {
    const key = err instanceof OpenWorkbookError ? err.reason : reasonKeyOf(err instanceof Error ? err.message : String(err));
    // Codes only: no school names or links in logs.
    ctx.log?.(`department: row ${entry.row + 1} not opened (${key})`);
    return failed(REASONS[key]);
  }
  try {
    const reg = loadRegisters(readOnly(wb));
    if (!reg.sheets.mentors && !reg.sheets.mentees && !reg.sheets.pairs) return failed(REASONS.noRegisters);
    const m = monitoringOf(reg, asOf);
    return { entry, kind: 'ok', orgName: m.orgName, indicators: m.indicators, flags: [...m.flags, ...extraFlags(reg)] };
  } catch (err) {
    const key = err instanceof OpenWorkbookError ? err.reason : reasonKeyOf(err instanceof Error ? err.message : String(err));
    ctx.log?.(`department: row ${entry.row + 1} not read (${err instanceof Error ? err.name : 'Error'})`);
    return failed(key === 'access' || key === 'scope' ? REASONS[key] : REASONS.unreadable);
  }
}

/** Reads the list tab (each tab read at most once). */
export function readList(wb: WorkbookPort): { sheet: string; schools: SchoolEntry[] } {
  const cache = new Map<string, SheetData | null>();
  const read = (n: string) => {
    if (!cache.has(n)) cache.set(n, wb.readSheet(n));
    return cache.get(n)!;
  };
  const sheet = findListSheet(wb.sheetNames(), (n) => read(n)?.values[0] ?? []);
  if (!sheet) {
    throw new UserError(`Нет листа «${LIST_SHEET}». Выберите «Сводка по наставничеству → Шаблон списка школ» и впишите школы и ссылки на их таблицы.`);
  }
  const list = readSchoolList((read(sheet)?.values ?? []) as CellValue[][], sheet);
  if (list.problem) throw new UserError(list.problem);
  return { sheet, schools: list.schools };
}

/** Opens and reads every school in the list's order, within the time budget. */
export function collectOutcomes(ctx: AppContext, schools: readonly SchoolEntry[], asOf: string, opts: CollectOptions = {}): SchoolOutcome[] {
  const now = opts.now ?? (() => Date.now());
  const budget = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const start = now();
  const seen = new Set<string>();
  const out: SchoolOutcome[] = [];
  // Apps Script kills a run at 6 minutes and then nothing at all is written: a school is opened
  // only when one as slow as the slowest so far would still end within the budget.
  let slowest = 0;
  let stopped = false;
  for (const entry of schools) {
    const began = now();
    if (stopped || began - start + slowest > budget) {
      stopped = true;
      out.push({ entry, kind: 'notReached' });
      continue;
    }
    const key = entry.link ? refKey(entry.link) : null;
    if (key && seen.has(key)) {
      out.push({ entry, kind: 'failed', reason: REASONS.duplicate });
      continue;
    }
    if (key) seen.add(key);
    out.push(readSchool(ctx, entry, asOf));
    slowest = Math.max(slowest, now() - began);
  }
  return out;
}

/** «Сводка», unless the curator keeps a tab of that name: then «Сводка (Наставник)». */
export function summarySheetName(wb: WorkbookPort): string {
  const names = wb.sheetNames();
  for (const name of [SUMMARY_SHEET, SUMMARY_FALLBACK_SHEET]) {
    if (!names.includes(name)) return name;
    const a1 = wb.readSheet(name)?.values[0]?.[0];
    if (!a1 || String(a1) === SUMMARY_TITLE) return name;
  }
  throw new UserError(`Листы «${SUMMARY_SHEET}» и «${SUMMARY_FALLBACK_SHEET}» заняты вашими данными: переименуйте один из них, и сводка будет записана туда.`);
}

/** What the previous run wrote: its height and a signature of each row as written. */
interface WrittenBlock {
  rows: number;
  sig?: string[];
}

const TOTALS_LABEL = 'Итого';

/** A short signature of a row's cells as read back (blank as ''), to tell later edits. */
function rowSig(row: readonly CellValue[] | undefined, width: number): string {
  let h = 0x811c9dc5;
  for (let c = 0; c < width; c++) {
    const v = row?.[c] ?? null;
    const s = `${isBlank(v) ? '' : v instanceof Date ? v.toISOString() : String(v)}\u0001`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The previous block: from the property; without it (a copied file) from the tab itself, down to
 * its «Итого» row; a tab holding only our title has just that row.
 */
function writtenBlock(raw: string | null, values: readonly CellValue[][]): WrittenBlock {
  if (raw && /^\d+$/.test(raw)) return { rows: Number(raw) };
  if (raw) {
    try {
      const e = JSON.parse(raw) as Partial<WrittenBlock>;
      if (typeof e.rows === 'number' && Number.isInteger(e.rows) && e.rows >= 0) {
        return { rows: e.rows, sig: Array.isArray(e.sig) ? e.sig.map(String) : undefined };
      }
    } catch {
      // Unreadable: judged by the tab's content below.
    }
  }
  if (String(values[0]?.[0] ?? '') !== SUMMARY_TITLE) return { rows: 0 };
  for (let r = SUMMARY_HEADER_ROW + 1; r < values.length; r++) if (values[r]?.[1] === TOTALS_LABEL) return { rows: r + 1 };
  return { rows: 1 };
}

/**
 * Where the new table may go: rows the previous block did not use must be empty across the
 * table's width (the curator may have typed there since); otherwise nothing is written and the
 * curator is told which cell is in the way.
 */
function roomFor(wb: WorkbookPort, sheet: string, rows: number, width: number): { values: CellValue[][]; prev: WrittenBlock } {
  const values = wb.readSheet(sheet)?.values ?? [];
  const prev = writtenBlock(wb.getProperty(`${EXTENT_KEY}:${sheet}`), values);
  for (let r = prev.rows; r < Math.min(rows, values.length); r++) {
    for (let c = 0; c < width; c++) {
      if (isBlank(values[r]?.[c] ?? null)) continue;
      throw new UserError(
        `На листе «${sheet}» в ячейке ${columnLetter(c)}${r + 1} есть данные, которые записала не надстройка, а сводка займёт строки 1–${rows} и столбцы A–${columnLetter(width - 1)}. ` +
          `Перенесите эти данные ниже строки ${rows} или на другой лист и запустите «Собрать сводку» ещё раз.`,
      );
    }
  }
  return { values, prev };
}

/** Before the schools are opened: fails at once, not after minutes of reading, when the table has no room. */
export function checkSummaryRoom(wb: WorkbookPort, schools: number): string {
  const sheet = summarySheetName(wb);
  if (wb.sheetNames().includes(sheet)) roomFor(wb, sheet, SUMMARY_HEADER_ROW + 1 + schools + 1, SUMMARY_COLUMNS.length);
  return sheet;
}

/**
 * Writes the block under the document lock: one writeValues and one read+write of backgrounds.
 * Rows left from a longer previous block are blanked unless the curator changed them since; only
 * the add-on's colours are replaced, the curator's own colours and notes stay.
 */
export function writeSummary(wb: WorkbookPort, table: SummaryTable): string {
  const sheet = summarySheetName(wb);
  const width = table.rows[SUMMARY_HEADER_ROW].length;
  return wb.withLock(() => {
    let prev: WrittenBlock = { rows: 0 };
    let current: CellValue[][] = [];
    if (!wb.sheetNames().includes(sheet)) {
      wb.createSheet(sheet, [SUMMARY_TITLE]);
      wb.setupSheet(sheet, { frozenRows: SUMMARY_HEADER_ROW + 1 });
    } else {
      // Re-read under the lock: what is about to be overwritten.
      ({ values: current, prev } = roomFor(wb, sheet, table.rows.length, width));
    }
    wb.writeValues(sheet, 0, 0, table.rows);
    // Rows of the previous block below this one: blanked where they are still as written.
    const kept = new Set<number>();
    let run: number | null = null;
    const flush = (end: number) => {
      if (run !== null) wb.writeValues(sheet, run, 0, Array.from({ length: end - run }, () => new Array<CellValue>(width).fill('')));
      run = null;
    };
    for (let r = table.rows.length; r < prev.rows; r++) {
      const ours = !prev.sig || prev.sig[r] === rowSig(current[r], width);
      if (ours) run ??= r;
      else {
        kept.add(r);
        flush(r);
      }
    }
    flush(Math.max(prev.rows, table.rows.length));

    // School rows, the totals row and any stale rows below.
    const first = SUMMARY_HEADER_ROW + 1;
    const end = Math.max(prev.rows, table.rows.length);
    const rect = { row: first, col: 0, rows: end - first, cols: width };
    if (rect.rows > 0) {
      const old = wb.readDecorations(sheet, rect);
      const backgrounds = old.backgrounds.map((line, r) => {
        if (kept.has(first + r)) return line;
        const want = ROW_COLOURS[table.marks[r] ?? 'ok'];
        return line.map((bg) => (bg === null || OWN_COLOURS.has(bg.toLowerCase()) ? want : bg));
      });
      wb.writeDecorations(sheet, rect, { backgrounds, notes: old.notes });
    }
    // Signatures as the values read back (literal text, numbers), so later edits show.
    const written = wb.readSheet(sheet)?.values ?? [];
    const sig = table.rows.map((_, r) => rowSig(written[r], width));
    wb.setProperty(`${EXTENT_KEY}:${sheet}`, JSON.stringify({ rows: table.rows.length, sig }));
    return sheet;
  });
}

/** The whole «Собрать сводку». */
export function collectSummary(ctx: AppContext, opts: CollectOptions = {}): CollectResult {
  if (!ctx.openWorkbook) {
    throw new UserError('«Собрать сводку» работает только в режиме управления образования (отдельная установка «Наставник: сводка»).');
  }
  const { schools } = readList(ctx.wb);
  checkSummaryRoom(ctx.wb, schools.length);
  const asOf = ctx.today();
  const outcomes = collectOutcomes(ctx, schools, asOf, opts);
  const table = buildSummaryTable(outcomes, asOf, opts.collectedAt ?? ruDate(asOf));
  const sheet = writeSummary(ctx.wb, table);
  ctx.log?.(`department: ${table.counts.ok}/${table.counts.total} read, ${table.counts.failed} failed, ${table.counts.notReached} not reached`);
  return { summary: summaryMessage(table.counts, sheet), sheet, counts: table.counts };
}

/** «Шаблон списка школ»: the list tab with its headings (never over an existing one). */
export function createListTemplate(ctx: AppContext): { summary: string; sheet: string } {
  const wb = ctx.wb;
  const existing = wb.sheetNames().find((n) => n === LIST_SHEET);
  if (existing) return { summary: `Лист «${LIST_SHEET}» уже есть: впишите школы и ссылки на их таблицы.`, sheet: existing };
  wb.withLock(() => {
    wb.createSheet(LIST_SHEET, LIST_HEADER);
    wb.setupSheet(LIST_SHEET, { frozenRows: 1, columns: [{ col: 0, width: 320 }, { col: 1, width: 420 }, { col: 2, width: 240 }] });
  });
  return {
    summary: `Лист «${LIST_SHEET}» создан: впишите организации и ссылки на их таблицы (школы открывают вам доступ на просмотр), затем «Собрать сводку».`,
    sheet: LIST_SHEET,
  };
}
