/**
 * «Проверить реестры»: read the registers once, validate, and show each finding on its cell
 * (issue «Registers», items 2–4). Marks keep the curator's own colours and notes (applyMarks);
 * every register tab gets one decorations read and at most one write, and a tab whose previous
 * run left no marks and that gets none now is not touched at all.
 */
import type { AppContext } from '../context';
import { UserError, columnLetter, type SheetData } from '../port';
import { applyMarks, PALETTE, type CellMark } from '../decorate';
import { loadRegisters, type LoadedRegisters, type SheetKey } from './load';
import { validateRegisters, mergeFindings } from '../../core/validation/validate';
import { summarize, type Finding } from '../../core/validation/finding';
import { plural } from '../../core/util/text';

export interface CheckResult {
  findings: Finding[];
  summary: { errors: number; warnings: number };
  /** Tabs that were checked, as named in the workbook. */
  sheets: string[];
}

/** Register tabs the check reads and marks (the roadmap has its own highlighting). */
const CHECKED: readonly SheetKey[] = ['mentors', 'mentees', 'pairs', 'settings'];

/** Document property: tabs on which the previous run left check marks (JSON array of names). */
export const MARKED_PROPERTY = 'nastavnik.check.marked';

function sheetOrder(loaded: LoadedRegisters): string[] {
  return CHECKED.map((k) => loaded.sheets[k]?.name).filter((n): n is string => !!n);
}

/** Validates what was loaded; reading and validation findings merged and sorted. */
export function findingsOf(loaded: LoadedRegisters, today: string): Finding[] {
  const validation = validateRegisters(
    { mentors: loaded.mentors, mentees: loaded.mentees, pairs: loaded.pairs, settings: loaded.settings, sheets: loaded.sheets },
    today,
  );
  return explainMerged(loaded, mergeFindings(loaded.findings, validation, sheetOrder(loaded)));
}

/**
 * A merged cell holds its value only in its first cell: the rows below read as empty. Say so
 * instead of «not filled», since the curator sees a value there.
 */
function explainMerged(loaded: LoadedRegisters, findings: Finding[]): Finding[] {
  const areas = new Map<string, NonNullable<SheetData['merges']>>();
  // Merged areas are asked only of tabs with an empty required cell (in Sheets each costs calls).
  const suspects = new Set(findings.filter((f) => f.code === 'required' && f.column).map((f) => f.sheet));
  for (const key of CHECKED) {
    const name = loaded.sheets[key]?.name;
    const merges = name && suspects.has(name) ? loaded.data[key]?.merges : undefined;
    if (name && merges?.length) areas.set(name, merges);
  }
  if (!areas.size) return findings;
  return findings.map((f) => {
    const merges = areas.get(f.sheet);
    if (!merges || f.code !== 'required' || !f.column) return f;
    const r = f.row - 1;
    const c = columnIndex(f.column);
    const m = merges.find((a) => r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols && (r !== a.row || c !== a.col));
    if (!m) return f;
    return {
      ...f,
      code: 'cell.merged',
      message: `Ячейка объединена с ${columnLetter(m.col)}${m.row + 1}: значение есть только в первой строке объединения. Разъедините ячейки и заполните каждую строку`,
    };
  });
}

function load(ctx: AppContext): LoadedRegisters {
  return loadRegisters(ctx.wb, { only: ['mentors', 'mentees', 'pairs'] });
}

/** Reads and validates; writes nothing. */
export function checkRegisters(ctx: AppContext): CheckResult & { loaded: LoadedRegisters } {
  const loaded = load(ctx);
  const findings = findingsOf(loaded, ctx.today());
  return { findings, summary: summarize(findings), sheets: sheetOrder(loaded), loaded };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) return -1;
    n = n * 26 + c;
  }
  return n - 1;
}

function parseMarked(raw: string | null): Set<string> | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? new Set(v.filter((x): x is string => typeof x === 'string')) : null;
  } catch {
    return null;
  }
}

/**
 * Shows findings on their cells: errors red, warnings yellow, each with a note; info is not
 * marked. Old check marks go from every checked tab, so fixed cells lose their mark.
 */
export function highlightFindings(ctx: AppContext, loaded: LoadedRegisters, findings: readonly Finding[]): { changed: number; keptCuratorColour: number } {
  // One property read: each costs Apps Script service calls.
  const stored = ctx.wb.getProperty(MARKED_PROPERTY);
  const previously = parseMarked(stored);
  const nowMarked: string[] = [];
  let changed = 0;
  let kept = 0;
  for (const key of CHECKED) {
    const ref = loaded.sheets[key];
    const data = loaded.data[key];
    if (!ref || !data) continue;
    const marks: CellMark[] = [];
    for (const f of findings) {
      if (f.sheet !== ref.name || f.row < 1 || f.severity === 'info') continue;
      const col = f.column ? columnIndex(f.column) : 0;
      if (col < 0) continue;
      marks.push({ row: f.row - 1, col, background: f.severity === 'error' ? PALETTE.error : PALETTE.warning, note: f.message });
    }
    // Errors first, so a cell with both shows the error's colour.
    marks.sort((a, b) => (a.background === b.background ? 0 : a.background === PALETTE.error ? -1 : 1));
    // Nothing to add and nothing left from before: no service call at all.
    if (!marks.length && previously && !previously.has(ref.name)) continue;
    const res = applyMarks(ctx.wb, ref.name, 'check', marks, { rows: data.values.length, cols: data.values[0]?.length ?? 0 });
    changed += res.changed;
    kept += res.keptCuratorColour;
    if (marks.length) nowMarked.push(ref.name);
  }
  const next = JSON.stringify(nowMarked.sort());
  if (stored !== next) ctx.wb.setProperty(MARKED_PROPERTY, next);
  return { changed, keptCuratorColour: kept };
}

/** «Найдено: 3 ошибки, 5 предупреждений.» */
export function summaryText(s: { errors: number; warnings: number }): string {
  if (!s.errors && !s.warnings) return 'Ошибок и предупреждений нет.';
  const parts: string[] = [];
  if (s.errors) parts.push(`${s.errors} ${plural(s.errors, 'ошибка', 'ошибки', 'ошибок')}`);
  if (s.warnings) parts.push(`${s.warnings} ${plural(s.warnings, 'предупреждение', 'предупреждения', 'предупреждений')}`);
  return `Найдено: ${parts.join(', ')}.`;
}

/** The menu's «Проверить реестры»: check, then mark under the document lock (re-read inside). */
export interface CheckAndHighlightResult {
  /** The one-liner the menu toasts. */
  summary: string;
  counts: { errors: number; warnings: number };
  findings: Finding[];
  sheets: string[];
}

export function checkAndHighlight(ctx: AppContext): CheckAndHighlightResult {
  return ctx.wb.withLock(() => {
    const { loaded, findings, summary, sheets } = checkRegisters(ctx);
    highlightFindings(ctx, loaded, findings);
    const marked = summary.errors + summary.warnings > 0;
    ctx.log?.(`check: ${summary.errors} errors, ${summary.warnings} warnings`);
    return { summary: `${summaryText(summary)}${marked ? ' Ячейки подсвечены.' : ' Реестры в порядке.'}`, counts: summary, findings, sheets };
  });
}

/** Moves the cursor to a finding's cell (row 1-based, column letter). */
export function goToCell(ctx: AppContext, sheet: string, row: number, column: string): { ok: true } {
  if (!ctx.wb.sheetNames().includes(sheet)) throw new UserError(`Нет листа «${sheet}»: возможно, его переименовали. Запустите проверку ещё раз.`);
  const col = column ? columnIndex(column) : 0;
  if (!Number.isInteger(row) || row < 1 || col < 0) throw new UserError(`Неверная ячейка «${column}${row}».`);
  if (!ctx.wb.selectCell) throw new UserError('Переход к ячейке здесь недоступен.');
  ctx.wb.selectCell(sheet, row - 1, col);
  return { ok: true };
}

/** Server functions of the check (spread into registersApi). */
export const checkApi = {
  checkAndHighlight,
  /** Findings without writing anything (the sidebar's list, scripts). */
  checkRegistersOnly(ctx: AppContext): CheckResult {
    const { findings, summary, sheets } = checkRegisters(ctx);
    return { findings, summary, sheets };
  },
  goToCell,
};
