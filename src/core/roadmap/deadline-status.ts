/**
 * Status of a roadmap item on a date (DOMAIN.md): done, overdue, soon, in-progress, upcoming,
 * no-date — checked in that order.
 *
 * - `done: true` is final for any kind. A `doneDate` alone makes a one-off item done; for a
 *   recurring item it means «done up to that day»: every occurrence due on or before it, or whose
 *   window had started by then, counts as done.
 * - overdue: an occurrence not done whose due is before `asOf`.
 * - soon: the next occurrence not done is due within `soonDays` (default 14) of `asOf`.
 * - in-progress: `asOf` lies inside the next occurrence's window (it states a start).
 */
import { daysBetween, isIsoDate } from './dates';
import type { DeadlineStatusOptions, DeadlineStatusResult, DeadlineWindow, ParsedDeadline } from './deadline-types';

export const DEFAULT_SOON_DAYS = 14;

/** Is an occurrence covered by the last completion date? */
export function coveredBy(w: DeadlineWindow, doneDate: string | undefined): boolean {
  if (!doneDate) return false;
  return w.due <= doneDate || (w.from !== undefined && w.from <= doneDate);
}

export function deadlineStatus(
  parsed: ParsedDeadline,
  asOf: string,
  options: DeadlineStatusOptions = {},
): DeadlineStatusResult {
  const doneDate = isIsoDate(options.doneDate) ? options.doneDate : undefined;
  const occurrences = Array.isArray(parsed?.occurrences) ? parsed.occurrences : [];
  if (options.done) return { status: 'done' };
  if (doneDate && parsed.kind !== 'recurring') return { status: 'done' };
  if (!occurrences.length || !isIsoDate(asOf)) return { status: 'no-date' };

  const open = occurrences.filter((w) => !coveredBy(w, doneDate));
  const overdue = open.filter((w) => w.due < asOf);
  const next = open.find((w) => w.due >= asOf);
  if (overdue.length) return next ? { status: 'overdue', overdue, next } : { status: 'overdue', overdue };
  if (!next) return { status: 'done' };
  const soonDays = Number.isFinite(options.soonDays) ? (options.soonDays as number) : DEFAULT_SOON_DAYS;
  if (daysBetween(asOf, next.due) <= soonDays) return { status: 'soon', next };
  if (next.from !== undefined && next.from <= asOf) return { status: 'in-progress', next };
  return { status: 'upcoming', next };
}
