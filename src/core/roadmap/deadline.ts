/**
 * The deadline engine: reads a free Russian deadline phrase of a roadmap («до 19.02.2021г.»,
 * «Январь, март 2023», «ежеквартально», «по мере поступления») into windows inside the
 * roadmap period, and tells the status of an item on a date. Pure; never throws.
 *
 * Pipeline: normalize (deadline-text) → frequency / continuity phrases (deadline-keywords) →
 * tokens → expressions (deadline-grammar) → years and windows (deadline-resolve) →
 * repetitions (deadline-recurring).
 */
import { isIsoDate, minIso, maxIso, type Span } from './dates';
import { parseExpressions, type Expr, type Unit } from './deadline-grammar';
import { detectContinuous, detectFrequency, isDurationEvent, isEvent, isUnspecified } from './deadline-keywords';
import { periodicDues, weeklyDues } from './deadline-recurring';
import {
  carryAcrossList, clipWindow, completeRange, everyYearInPeriod, exprWindow, isCalendarUnit, isConcrete, placeInPeriod,
  sortWindows, windowInside,
} from './deadline-resolve';
import { normalizeDeadlineText, tokenize } from './deadline-text';
import type { DeadlineWindow, ParsedDeadline, Period, Recurrence } from './deadline-types';
import { FILLER_WORDS } from './deadline-words';

export * from './deadline-types';
export { deadlineStatus } from './deadline-status';

export const NOTE_OUTSIDE = 'срок вне периода дорожной карты';
export const NOTE_UNREAD = 'срок не распознан';
export const NOTE_BAD_PERIOD = 'период дорожной карты задан неверно';

export interface ParseDeadlineOptions {
  /** The item belongs to a section marked «(ежегодно)»: a year-less date repeats every year. */
  recurrence?: 'yearly';
}

/** Reads a deadline phrase within a roadmap period. Never throws. */
export function parseDeadline(text: string, period: Period, options: ParseDeadlineOptions = {}): ParsedDeadline {
  const original = typeof text === 'string' ? text : text == null ? '' : String(text);
  try {
    if (!period || !isIsoDate(period.start) || !isIsoDate(period.end) || period.start > period.end) {
      return unread(original, [NOTE_BAD_PERIOD]);
    }
    return analyse(original, { start: period.start, end: period.end }, options ?? {});
  } catch {
    // A defect in the engine must not cost the curator the whole roadmap.
    return unread(original, [NOTE_UNREAD]);
  }
}

function unread(text: string, notes: string[]): ParsedDeadline {
  return { text, kind: 'unspecified', occurrences: [], understood: false, notes };
}

function result(
  text: string,
  kind: ParsedDeadline['kind'],
  occurrences: DeadlineWindow[],
  notes: string[],
  recurrence?: Recurrence,
): ParsedDeadline {
  const out: ParsedDeadline = { text, kind, occurrences: sortWindows(occurrences), understood: true };
  if (recurrence) out.recurrence = recurrence;
  const unique = [...new Set(notes)];
  if (unique.length) out.notes = unique;
  return out;
}

/** Words no expression explained (prepositions, «г.», punctuation left out). */
function unreadWords(leftovers: string[]): string[] {
  return leftovers.filter((w) => /[a-zа-я0-9]/.test(w) && !FILLER_WORDS.has(w));
}

function unreadNote(words: string[]): string {
  return `часть текста не распознана: «${words.join(' ')}»`;
}

function analyse(text: string, period: Span, options: ParseDeadlineOptions): ParsedDeadline {
  const clean = normalizeDeadlineText(text);
  if (!/[a-zа-я0-9]/.test(clean)) return result(text, 'unspecified', [], []);

  const freq = detectFrequency(clean);
  const cont = detectContinuous(freq.rest);
  const { exprs: rawExprs, leftovers } = parseExpressions(tokenize(cont.rest));
  // A repetition names its day/month once: no year is carried between its parts.
  const exprs = freq.recurrence ? rawExprs.map(completeRange) : carryAcrossList(rawExprs);
  const notes: string[] = [];
  const unreadList = unreadWords(leftovers);

  if (freq.recurrence) {
    const r = recurring(freq.recurrence, exprs, period, freq.nextMonth, freq.weekday, notes);
    // A number that says nothing here («ежемесячно, 2 раза», a day of a weekly one): noted, not silently dropped.
    const weekly = freq.recurrence === 'weekly';
    const stray = exprs.filter((e) => e.a.u === 'bare' && (weekly || dayOfMonth(e) === undefined)).map((e) => e.raw);
    if (unreadList.length || stray.length) notes.push(unreadNote([...unreadList, ...stray]));
    if (!r.length && notes.some((n) => n.startsWith('несуществующ'))) return unread(text, notes);
    return result(text, 'recurring', r, notes, freq.recurrence);
  }

  const calendarExprs = exprs.filter((e) => isCalendarUnit(e.a) && (!e.b || isCalendarUnit(e.b)));
  const yearRangeDuring = calendarExprs.some((e) => e.during && e.b && (e.a.u === 'year' || e.a.u === 'academic'));
  if (cont.continuous || yearRangeDuring) {
    return result(text, 'continuous', continuous(calendarExprs, period, notes), notes);
  }

  if (isDurationEvent(cont.rest)) return result(text, 'event', [], []);

  if (calendarExprs.length) {
    if (options.recurrence === 'yearly' && calendarExprs.some((e) => !isConcrete(e))) {
      const r = yearly(calendarExprs, period, notes);
      if (unreadList.length) notes.push(unreadNote(unreadList));
      if (r.length) return result(text, 'recurring', r, notes, 'yearly');
      return unread(text, notes.length ? notes : [NOTE_UNREAD]);
    }
    const ws = dated(calendarExprs, period, notes);
    const strayUnits = exprs.length - calendarExprs.length;
    if (unreadList.length || strayUnits) notes.push(unreadNote([...unreadList, ...strayRaw(exprs)]));
    if (ws.length) return result(text, 'dated', ws, notes);
    return unread(text, notes);
  }

  if (isEvent(cont.rest)) return result(text, 'event', [], []);
  if (isUnspecified(cont.rest)) return result(text, 'unspecified', [], []);
  return unread(text, [NOTE_UNREAD]);
}

function strayRaw(exprs: Expr[]): string[] {
  return exprs.filter((e) => !isCalendarUnit(e.a) || (e.b && !isCalendarUnit(e.b))).map((e) => e.raw);
}

/** Explicit dates are kept even outside the period (with a note); year-less ones are placed in it. */
function dated(exprs: Expr[], period: Span, notes: string[]): DeadlineWindow[] {
  const out: DeadlineWindow[] = [];
  for (const e of exprs) {
    if (isConcrete(e)) {
      const r = exprWindow(e, period.end);
      if ('error' in r) notes.push(r.error);
      else {
        if (r.note) notes.push(r.note);
        if (!windowInside(r.window, period)) notes.push(NOTE_OUTSIDE);
        out.push(r.window);
      }
    } else {
      const { result: r, outside } = placeInPeriod(e, period);
      if ('error' in r) notes.push(r.error);
      else {
        if (r.note) notes.push(r.note);
        if (outside) notes.push(NOTE_OUTSIDE);
        out.push(r.window);
      }
    }
  }
  return out;
}

/** Year-less windows repeated every year of the period; explicit ones kept as they are. */
function yearly(exprs: Expr[], period: Span, notes: string[]): DeadlineWindow[] {
  const out: DeadlineWindow[] = [];
  for (const e of exprs) {
    if (isConcrete(e)) {
      out.push(...dated([e], period, notes));
      continue;
    }
    const { windows, errors } = everyYearInPeriod(e, period);
    if (!windows.length) notes.push(...(errors.length ? errors.slice(0, 1) : [NOTE_OUTSIDE]));
    out.push(...windows);
  }
  return out;
}

/**
 * «ежегодно, до 1 октября», «ежемесячно до 25 числа», «ежеквартально». Explicit «с 2021 года» /
 * «до 2023 года» bound the repetition.
 */
function recurring(
  rec: Recurrence,
  exprs: Expr[],
  period: Span,
  nextMonth: boolean,
  weekday: number | undefined,
  notes: string[],
): DeadlineWindow[] {
  const bounds = boundsOf(exprs, period);
  const floating = exprs.filter((e) => !isConcrete(e) && isCalendarUnit(e.a));
  const days = exprs.map(dayOfMonth).filter((d): d is number => d !== undefined);
  const dom = days.length ? { d: days[0] } : undefined;
  const wd = weekday ?? (exprs.find((e) => e.a.u === 'weekday')?.a as { w: number } | undefined)?.w;
  if (!bounds) {
    notes.push(NOTE_OUTSIDE);
    return [];
  }
  if (rec === 'weekly') return weeklyDues(bounds, wd);
  if (rec === 'yearly' && floating.length) return yearly(floating, bounds, notes);
  if (dom && (dom.d < 1 || dom.d > 31)) {
    notes.push(`несуществующее число месяца: ${dom.d}`);
    return [];
  }
  return periodicDues(rec, bounds, dom?.d, nextMonth);
}

/**
 * The day of the month a repetition is due, when the expression names one: «25 числа», «до 25»,
 * «не позднее 25-го», «15-25 числа», «с 20 по 25» (the end of a range of days). A number with
 * neither «числа», a «до» / «к» / «не позднее», an ordinal ending nor a range says nothing.
 */
function dayOfMonth(e: Expr): number | undefined {
  const day = (u: Unit) => (u.u === 'dom' ? u.d : u.u === 'bare' && !u.roman ? u.n : undefined);
  if (e.b) return day(e.a) !== undefined ? day(e.b) : undefined;
  if (e.a.u === 'dom') return e.a.d;
  if (e.a.u === 'bare' && !e.a.roman && (e.a.ordinal || e.mode === 'by' || e.mode === 'notLater')) return e.a.n;
  return undefined;
}

/** The period narrowed by «с 2021 года» / «до 2023 года» / «в 2021-2022 гг.». */
function boundsOf(exprs: Expr[], period: Span): Span | undefined {
  let { start, end } = period;
  for (const e of exprs) {
    if (!isConcrete(e)) continue;
    const r = exprWindow(e, period.end);
    if ('error' in r) continue;
    if (e.mode === 'from' || e.mode === 'after' || e.b || e.a.u === 'year' || e.a.u === 'academic') {
      if (r.window.from) start = maxIso(start, r.window.from);
    }
    if (e.mode !== 'from' && e.mode !== 'after') end = minIso(end, r.window.due);
  }
  return start <= end ? { start, end } : undefined;
}

/** One window over the stated span (the whole period when none), inside the period. */
function continuous(exprs: Expr[], period: Span, notes: string[]): DeadlineWindow[] {
  if (!exprs.length) return [{ from: period.start, due: period.end }];
  const windows: DeadlineWindow[] = [];
  for (const e of exprs) {
    if (isConcrete(e)) {
      const r = exprWindow(e, period.end);
      if ('error' in r) notes.push(r.error);
      else windows.push(r.window);
    } else {
      const { windows: ws, errors } = everyYearInPeriod(e, period);
      windows.push(...ws);
      if (!ws.length && errors.length) notes.push(errors[0]);
    }
  }
  if (!windows.length) return [];
  const span = {
    from: windows.map((w) => w.from ?? w.due).reduce(minIso),
    due: windows.map((w) => w.due).reduce(maxIso),
  };
  const clipped = clipWindow(span, period);
  if (clipped) return [clipped];
  notes.push(NOTE_OUTSIDE);
  return [span];
}
