/**
 * Deadline highlighting on «Дорожная карта» as of today: «Ближайший срок» and «Состояние»
 * columns (the add-on's own, added at the right end once), the state's colour on those cells and
 * on the deadline cell, and a note where a deadline could not be read or has passed. The
 * curator's own formatting is kept (applyMarks).
 */
import type { AppContext } from '../context';
import { columnLetter, type CellValue } from '../port';
import { loadRegisters, type LoadedRegisters } from '../registers/load';
import { applyMarks, PALETTE, type CellMark } from '../decorate';
import { evaluateRoadmap, roadmapPeriod, STATUS_LABELS, countStatuses, type EvaluatedItem } from '../../core/roadmap/evaluate';
import type { DeadlineStatus } from '../../core/roadmap/deadline-types';
import { normalizeKey } from '../../core/util/text';
import { ruDate } from '../../core/util/dates';

export const NEXT_DUE_HEADING = 'Ближайший срок';
export const STATE_HEADING = 'Состояние';

const COLOURS: Record<DeadlineStatus, string> = {
  overdue: PALETTE.overdue,
  soon: PALETTE.soon,
  'in-progress': PALETTE.inProgress,
  done: PALETTE.done,
  'no-date': PALETTE.noDate,
  upcoming: '',
};

export function evaluateLoaded(reg: LoadedRegisters, asOf: string): EvaluatedItem[] {
  const period = roadmapPeriod(reg.settings, reg.roadmap.map((r) => r.record.deadline ?? ''), asOf);
  return evaluateRoadmap(reg.roadmap, { period, asOf, soonDays: reg.settings.soonDays });
}

/** «лист «Дорожная карта», ячейки D5, D9» — the first few, so the curator finds them. */
function unreadableCells(sheet: string, col: number | undefined, items: readonly EvaluatedItem[]): string {
  const shown = items.slice(0, 5).map((e) => (col === undefined ? `строка ${e.row + 1}` : `${columnLetter(col)}${e.row + 1}`));
  const more = items.length > shown.length ? ` и ещё ${items.length - shown.length}` : '';
  return `лист «${sheet}», ${shown.length > 1 ? 'ячейки' : 'ячейка'} ${shown.join(', ')}${more}`;
}

function noteFor(e: EvaluatedItem): string | null {
  if (!e.parsed.understood && (e.item.deadline ?? '').trim()) return `Срок «${e.item.deadline}» не распознан: уточните дату (например, «до 15.03.2027»).`;
  if (e.status === 'overdue') {
    const last = e.overdue[e.overdue.length - 1];
    return `Просрочено: срок ${last ? ruDate(last.due) : ''} прошёл, мероприятие не отмечено выполненным.`;
  }
  if (e.status === 'soon' && e.next) return `Скоро срок: до ${ruDate(e.next.due)}.`;
  return null;
}

export function highlightDeadlines(ctx: AppContext, asOf = ctx.today()): { summary: string; counts: ReturnType<typeof countStatuses> } {
  const wb = ctx.wb;
  return wb.withLock(() => {
    const reg = loadRegisters(wb, { only: ['roadmap'] });
    const ref = reg.sheets.roadmap;
    const data = reg.data.roadmap;
    if (!ref || !data) return { summary: 'Нет листа «Дорожная карта»: импортируйте дорожную карту из панели «Сроки».', counts: countStatuses([]) };
    const items = evaluateLoaded(reg, asOf);
    const header = data.values[0] ?? [];
    let width = Math.max(header.length, ref.width);
    const newHeads: string[] = [];
    // A column is the add-on's when its heading says so and it holds nothing the add-on would not
    // write: a curator's own «Состояние» keeps its text, and ours goes beside it under another name.
    const ownColumn = (heading: string, ours: (v: CellValue) => boolean): number => {
      // Ends: the header has finitely many columns, so some name is free.
      for (let n = 0; ; n++) {
        const h = n === 0 ? heading : `${heading} (Наставник${n > 1 ? ` ${n}` : ''})`;
        const col = header.findIndex((x) => normalizeKey(String(x ?? '')) === normalizeKey(h));
        if (col < 0) {
          newHeads.push(h);
          return width + newHeads.length - 1;
        }
        if (data.values.every((line, r) => r === 0 || ours(line[col] ?? null))) return col;
      }
    };
    const blank = (v: CellValue) => v === null || v === '';
    const labels = new Set(Object.values(STATUS_LABELS));
    const nextCol = ownColumn(NEXT_DUE_HEADING, (v) => blank(v) || v instanceof Date || (typeof v === 'string' && /^\d{2}\.\d{2}\.\d{4}$/.test(v.trim())));
    const stateCol = ownColumn(STATE_HEADING, (v) => blank(v) || (typeof v === 'string' && labels.has(v.trim())));
    if (newHeads.length) wb.writeValues(ref.name, 0, width, [newHeads]);
    width += newHeads.length;

    // The two computed columns, one write each (adjacent when the add-on made them: one write).
    const rows = data.values.length;
    const nextVals: CellValue[][] = [];
    const stateVals: CellValue[][] = [];
    const byRow = new Map(items.map((e) => [e.row, e]));
    for (let r = 1; r < rows; r++) {
      const e = byRow.get(r);
      nextVals.push([e?.next ? ruDate(e.next.due) : '']);
      stateVals.push([e ? STATUS_LABELS[e.status] : '']);
    }
    const same = (col: number, vals: CellValue[][]) => vals.every((v, i) => String(data.values[i + 1]?.[col] ?? '') === String(v[0]));
    const unchanged = !newHeads.length && same(nextCol, nextVals) && same(stateCol, stateVals);
    if (rows > 1 && !unchanged) {
      if (stateCol === nextCol + 1) wb.writeValues(ref.name, 1, nextCol, nextVals.map((v, i) => [v[0], stateVals[i][0]]));
      else {
        wb.writeValues(ref.name, 1, nextCol, nextVals);
        wb.writeValues(ref.name, 1, stateCol, stateVals);
      }
    }

    const marks: CellMark[] = [];
    const deadlineCol = ref.columns.deadline;
    for (const e of items) {
      const colour = COLOURS[e.status] || null;
      const note = noteFor(e) ?? STATUS_LABELS[e.status];
      if (!colour && !noteFor(e)) continue;
      marks.push({ row: e.row, col: stateCol, background: colour, note });
      if (deadlineCol !== undefined) marks.push({ row: e.row, col: deadlineCol, background: colour, note });
    }
    applyMarks(wb, ref.name, 'deadlines', marks, { rows, cols: width });
    const c = countStatuses(items);
    const unreadable = items.filter((e) => !e.parsed.understood && (e.item.deadline ?? '').trim());
    const summary =
      `Сроки на ${ruDate(asOf)}: просрочено ${c.overdue}, скоро ${c.soon}, идёт ${c.inProgress}, выполнено ${c.done}, без даты ${c.noDate}.` +
      (unreadable.length ? ` Не распознано сроков: ${unreadable.length} — ${unreadableCells(ref.name, deadlineCol, unreadable)} (см. примечания).` : '');
    return { summary, counts: c };
  });
}
