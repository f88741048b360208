/**
 * Small pure helpers over ISO calendar dates ('YYYY-MM-DD'), built on date-fns. Dates are
 * calendar days, never instants: a Date is only used transiently at local midnight, so the time
 * zone of the host (Apps Script, Node, browser) cannot shift a day.
 */
import { addDays, differenceInCalendarDays, format, getDaysInMonth, isExists } from 'date-fns';

/** An inclusive span of days. */
export interface Span {
  start: string;
  end: string;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The ISO date of year/month(1-12)/day, or undefined when no such day exists (31 June). */
export function isoOf(year: number, month: number, day: number): string | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999) return undefined;
  if (!isExists(year, month - 1, day)) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  return !!m && isoOf(+m[1], +m[2], +m[3]) === value;
}

/** Year, month (1-12) and day of an ISO date. */
export function partsOf(iso: string): { year: number; month: number; day: number } {
  return { year: +iso.slice(0, 4), month: +iso.slice(5, 7), day: +iso.slice(8, 10) };
}

function toDate(iso: string): Date {
  const { year, month, day } = partsOf(iso);
  const d = new Date(year, month - 1, day);
  d.setFullYear(year); // years below 100 would otherwise be read as 19xx
  return d;
}

function fromDate(d: Date): string {
  return format(d, 'yyyy-MM-dd');
}

export function addDaysIso(iso: string, days: number): string {
  return fromDate(addDays(toDate(iso), days));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1));
}

/** The day `day` of a month, or its last day when the month is shorter (31 → 28 February). */
export function clampedDay(year: number, month: number, day: number): string {
  return isoOf(year, month, Math.min(day, daysInMonth(year, month))) as string;
}

export function monthSpan(year: number, month: number): Span {
  return { start: isoOf(year, month, 1) as string, end: clampedDay(year, month, 31) };
}

/** Quarter 1-4 of a calendar year. */
export function quarterSpan(year: number, quarter: number): Span {
  return { start: monthSpan(year, quarter * 3 - 2).start, end: monthSpan(year, quarter * 3).end };
}

/** Half 1-2 of a calendar year. */
export function halfSpan(year: number, half: number): Span {
  return { start: monthSpan(year, half * 6 - 5).start, end: monthSpan(year, half * 6).end };
}

export function yearSpan(year: number): Span {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The academic year starting in September of `startYear`: 1 Sep .. 31 Aug. */
export function academicYearSpan(startYear: number): Span {
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
}

/** Month (1-12) shifted by `delta` months, with the year carried. */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function minIso(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The overlap of two spans, or undefined when they do not meet. */
export function intersect(a: Span, b: Span): Span | undefined {
  const start = maxIso(a.start, b.start);
  const end = minIso(a.end, b.end);
  return start <= end ? { start, end } : undefined;
}

export function contains(span: Span, iso: string): boolean {
  return span.start <= iso && iso <= span.end;
}

/** DD.MM.YYYY, as Russian documents write dates. */
export function russianDate(iso: string): string {
  const { year, month, day } = partsOf(iso);
  return `${pad2(day)}.${pad2(month)}.${year}`;
}

/** ISO weekday of a date: 1 Monday .. 7 Sunday. */
export function isoWeekday(iso: string): number {
  const d = toDate(iso).getDay();
  return d === 0 ? 7 : d;
}
