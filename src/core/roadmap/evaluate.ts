/**
 * The roadmap register as of a date: each item's deadline read, its state and nearest due.
 * Shared by deadline highlighting, the «Сроки» view, reminders and monitoring.
 */
import { parseDeadline, deadlineStatus } from './deadline';
import type { DeadlineStatus, DeadlineWindow, ParsedDeadline, Period } from './deadline-types';
import type { RoadmapItem } from '../registers/schemas';

export interface EvaluatedItem {
  /** 0-based sheet row. */
  row: number;
  item: RoadmapItem;
  parsed: ParsedDeadline;
  status: DeadlineStatus;
  next?: DeadlineWindow;
  overdue: DeadlineWindow[];
}

export const STATUS_LABELS: Record<DeadlineStatus, string> = {
  done: 'выполнено',
  overdue: 'просрочено',
  soon: 'скоро срок',
  'in-progress': 'идёт',
  upcoming: 'запланировано',
  'no-date': 'без даты',
};

/**
 * The period deadlines are read in: the settings' period, else the span of the years the
 * roadmap's deadlines mention, else the academic year around `today`.
 */
export function roadmapPeriod(settings: { periodStart?: string; periodEnd?: string }, deadlines: readonly string[], today: string): Period {
  if (settings.periodStart && settings.periodEnd && settings.periodStart <= settings.periodEnd) return { start: settings.periodStart, end: settings.periodEnd };
  const years: number[] = [];
  for (const d of deadlines) for (const m of d.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)) years.push(Number(m[1]));
  for (const d of deadlines) for (const m of d.matchAll(/\d{1,2}\.\d{1,2}\.(\d{2})(?!\d)/g)) years.push(2000 + Number(m[1]));
  const y = Number(today.slice(0, 4));
  if (years.length) {
    const min = Math.min(...years);
    const max = Math.max(...years);
    return { start: settings.periodStart ?? `${min}-01-01`, end: settings.periodEnd ?? `${max}-12-31` };
  }
  const startYear = Number(today.slice(5, 7)) >= 9 ? y : y - 1;
  return { start: settings.periodStart ?? `${startYear}-09-01`, end: settings.periodEnd ?? `${startYear + 1}-08-31` };
}

/** Items of a section marked «(ежегодно)» repeat every year of the period. */
export function isYearlySection(item: RoadmapItem): boolean {
  return /ежегодн/i.test(item.section ?? '');
}

export function isDone(item: RoadmapItem): boolean {
  return item.status === 'выполнено';
}

export function evaluateRoadmap(
  rows: ReadonlyArray<{ row: number; record: RoadmapItem }>,
  opts: { period: Period; asOf: string; soonDays: number; yearly?: (item: RoadmapItem) => boolean },
): EvaluatedItem[] {
  return rows.map(({ row, record }) => {
    const parsed = parseDeadline(record.deadline ?? '', opts.period, (opts.yearly ?? isYearlySection)(record) ? { recurrence: 'yearly' } : undefined);
    return evaluateParsed(row, record, parsed, opts);
  });
}

/**
 * An item whose deadline is already read, as of a date. The one place a roadmap item's status is
 * decided: the live evaluation above and the reminders' stored snapshot (snapshot.ts) both use it.
 */
export function evaluateParsed(row: number, record: RoadmapItem, parsed: ParsedDeadline, opts: { asOf: string; soonDays: number }): EvaluatedItem {
  const st = deadlineStatus(parsed, opts.asOf, { done: isDone(record), doneDate: record.doneDate, soonDays: opts.soonDays });
  return { row, item: record, parsed, status: st.status, next: st.next, overdue: st.overdue ?? [] };
}

export function countStatuses(items: readonly EvaluatedItem[]): { done: number; overdue: number; soon: number; inProgress: number; upcoming: number; noDate: number; total: number } {
  const c = { done: 0, overdue: 0, soon: 0, inProgress: 0, upcoming: 0, noDate: 0, total: items.length };
  for (const i of items) {
    if (i.status === 'done') c.done++;
    else if (i.status === 'overdue') c.overdue++;
    else if (i.status === 'soon') c.soon++;
    else if (i.status === 'in-progress') c.inProgress++;
    else if (i.status === 'upcoming') c.upcoming++;
    else c.noDate++;
  }
  return c;
}
