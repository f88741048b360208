/**
 * Occurrences of recurring deadlines inside a period. Without a day a repetition is due on the
 * last day of its month / quarter / half / year («ежеквартально» → 31 March, 30 June, …).
 */
import type { DeadlineWindow, Recurrence } from './deadline-types';
import { addDaysIso, clampedDay, isoWeekday, monthSpan, partsOf, shiftMonth, type Span } from './dates';

const MONTHS_PER: Partial<Record<Recurrence, number>> = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 };

/**
 * Due dates of a monthly/quarterly/half-yearly/yearly repetition. `dayOfMonth` moves each due to
 * that day of the month after the reporting period («до 5 числа месяца, следующего за
 * отчетным») — or, for monthly ones not said to follow, to that day of the month itself
 * («ежемесячно до 25 числа»). Only dues inside the period are returned.
 */
export function periodicDues(
  recurrence: Recurrence,
  period: Span,
  dayOfMonth?: number,
  followingMonth = false,
): DeadlineWindow[] {
  const step = MONTHS_PER[recurrence];
  if (!step) return [];
  const start = partsOf(period.start);
  const end = partsOf(period.end);
  const out: DeadlineWindow[] = [];
  // Reporting periods are aligned on the calendar (quarters end in March, June, …).
  let cursor = shiftMonth(start.year, 1, -12);
  const last = end.year * 12 + end.month;
  for (let guard = 0; guard < 20000 && cursor.year * 12 + cursor.month <= last + 12; guard++) {
    const lastMonth = shiftMonth(cursor.year, cursor.month, step - 1);
    let due: string;
    if (dayOfMonth === undefined) due = monthSpan(lastMonth.year, lastMonth.month).end;
    else {
      const after = step > 1 || followingMonth;
      const target = after ? shiftMonth(lastMonth.year, lastMonth.month, 1) : lastMonth;
      due = clampedDay(target.year, target.month, dayOfMonth);
    }
    if (due >= period.start && due <= period.end) out.push({ due });
    cursor = shiftMonth(cursor.year, cursor.month, step);
  }
  return out;
}

/** Every `weekday` (1 Monday .. 7 Sunday; Sunday by default) inside the period. */
export function weeklyDues(period: Span, weekday = 7): DeadlineWindow[] {
  const out: DeadlineWindow[] = [];
  let day = addDaysIso(period.start, (weekday - isoWeekday(period.start) + 7) % 7);
  for (let guard = 0; guard < 60000 && day <= period.end; guard++) {
    out.push({ due: day });
    day = addDaysIso(day, 7);
  }
  return out;
}
