/**
 * Turns grammar expressions (deadline-grammar.ts) into windows: fills missing years (carried
 * across a list, then taken from the roadmap period), checks that days exist, applies
 * «до / не позднее / с / начало / конец».
 */
import type { Expr, Unit } from './deadline-grammar';
import type { DeadlineWindow } from './deadline-types';
import {
  academicYearSpan, addDaysIso, halfSpan, intersect, isoOf, maxIso, monthSpan, partsOf, quarterSpan, russianDate, shiftMonth,
  type Span, yearSpan,
} from './dates';

const MONTHS_GENITIVE = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
];

// School terms and halves, months counted from January of the academic year's first year
// (13 = January of the next one). The school year of pupils ends in May.
const TERM_MONTHS: Array<[number, number]> = [[9, 10], [11, 12], [13, 15], [16, 17]];

function schoolSpan(y: number, [first, last]: [number, number]): Span {
  const a = shiftMonth(y, first, 0);
  const b = shiftMonth(y, last, 0);
  return { start: monthSpan(a.year, a.month).start, end: monthSpan(b.year, b.month).end };
}

/** Does the unit need a year from elsewhere? (A lone number or «25 числа» never has one.) */
export function unitHasYear(u: Unit): boolean {
  switch (u.u) {
    case 'year':
    case 'season':
    case 'term':
    case 'day':
    case 'month':
    case 'quarter':
    case 'half':
    case 'academic':
      return u.y !== undefined;
    default:
      return false;
  }
}

/** An expression all of whose units carry a year. */
export function isConcrete(e: Expr): boolean {
  return unitHasYear(e.a) && (!e.b || unitHasYear(e.b));
}

/** Can the unit be placed on the calendar once a year is known? */
export function isCalendarUnit(u: Unit): boolean {
  return u.u !== 'bare' && u.u !== 'dom' && u.u !== 'weekday';
}

export function withYear(u: Unit, y: number): Unit {
  if (unitHasYear(u) || !isCalendarUnit(u)) return u;
  return { ...u, y } as Unit;
}

export type SpanResult = { span: Span } | { error: string };

/** The days a unit with a year covers, or why it has none («31 июня»). */
export function unitSpan(u: Unit): SpanResult {
  const y = (u as { y?: number }).y;
  if (y === undefined) return { error: 'нет года' };
  switch (u.u) {
    case 'day': {
      if (u.m === undefined) return { error: 'нет месяца' };
      const iso = u.m >= 1 && u.m <= 12 ? isoOf(y, u.m, u.d) : undefined;
      if (!iso) {
        const month = u.m >= 1 && u.m <= 12 ? MONTHS_GENITIVE[u.m - 1] : `.${u.m}`;
        return { error: `несуществующая дата: ${u.d} ${month} ${y} г.` };
      }
      return { span: { start: iso, end: iso } };
    }
    case 'month':
      if (u.m < 1 || u.m > 12) return { error: `несуществующий месяц: ${u.m}` };
      return { span: monthSpan(y, u.m) };
    case 'quarter':
      return { span: quarterSpan(y, u.q) };
    case 'half':
      return { span: u.school ? schoolSpan(y, u.h === 1 ? [9, 12] : [13, 17]) : halfSpan(y, u.h) };
    case 'term':
      return { span: schoolSpan(y, TERM_MONTHS[u.n - 1]) };
    case 'year':
      return { span: yearSpan(y) };
    case 'season': {
      const last = shiftMonth(y, u.s, 2);
      return { span: { start: monthSpan(y, u.s).start, end: monthSpan(last.year, last.month).end } };
    }
    case 'academic':
      return { span: academicYearSpan(y) };
    default:
      return { error: 'не дата' };
  }
}

/** The start of a unit's span for ordering, or undefined. */
function unitStart(u: Unit): string | undefined {
  const r = unitSpan(u);
  return 'span' in r ? r.span.start : firstOfMonthGuess(u);
}

// An impossible day (31 June) still orders by its month when years are carried.
function firstOfMonthGuess(u: Unit): string | undefined {
  const y = (u as { y?: number }).y;
  if (u.u === 'day' && y !== undefined && u.m !== undefined && u.m >= 1 && u.m <= 12) return monthSpan(y, u.m).start;
  return undefined;
}

/**
 * A range takes what one end lacks from the other: «15-30 октября» (day and month),
 * «сентябрь – декабрь 2020» (year), «I-II квартал» (kind of the bare numeral).
 */
export function completeRange(e: Expr): Expr {
  if (!e.b) return e;
  let a = e.a;
  let b = e.b;
  if (a.u === 'bare') {
    if (b.u === 'day') a = { u: 'day', d: a.n, m: b.m, y: b.y };
    else if (b.u === 'quarter') a = { u: 'quarter', q: a.n, y: b.y };
    else if (b.u === 'half') a = { u: 'half', h: a.n, y: b.y };
    else if (b.u === 'dom') a = { u: 'dom', d: a.n };
  }
  if (a.u === 'day' && a.m === undefined && b.u === 'day') a = { ...a, m: b.m };
  const aHas = unitHasYear(a);
  const bHas = unitHasYear(b);
  if (!aHas && bHas && isCalendarUnit(a)) {
    const by = yearOfUnit(b) as number;
    a = withYear(a, by);
    const sa = unitStart(a);
    const sb = unitStart(b);
    if (sa && sb && sa > sb) a = withYear(stripYear(a), by - 1);
  } else if (aHas && !bHas && isCalendarUnit(b)) {
    b = yearAfter(b, a);
  }
  return { ...e, a, b };
}

function stripYear(u: Unit): Unit {
  const copy = { ...u } as { y?: number };
  delete copy.y;
  return copy as Unit;
}

/** The year a unit starts in. */
export function yearOfUnit(u: Unit): number | undefined {
  return (u as { y?: number }).y;
}

/** `u` placed in the first year where it does not start before `ref` starts. */
function yearAfter(u: Unit, ref: Unit): Unit {
  const refStart = unitStart(ref);
  const y0 = yearOfUnit(ref);
  if (!refStart || y0 === undefined) return u;
  const placed = withYear(u, y0);
  const s = unitStart(placed);
  return s && s < refStart ? withYear(u, y0 + 1) : placed;
}

/** Fills the missing years of an expression from an anchor year (the year its start falls in). */
export function anchorExpr(e: Expr, y: number): Expr {
  const a = withYear(e.a, y);
  const b = e.b ? (unitHasYear(e.b) ? e.b : yearAfter(e.b, a)) : undefined;
  return { ...e, a, b };
}

/** Year of the start of a concrete expression. */
function startYear(e: Expr): number | undefined {
  const s = unitStart(e.a);
  return s ? partsOf(s).year : undefined;
}

/**
 * Years carried across a list: backwards first («Январь, март 2023» → both 2023; «декабрь,
 * январь 2023» → December 2022), then forwards («октябрь 2020, май» → May 2021). A bare number
 * before a day takes its month («1 и 15 октября»).
 */
export function carryAcrossList(exprs: Expr[]): Expr[] {
  const out = exprs.map(completeRange);
  for (let i = out.length - 2; i >= 0; i--) {
    const next = out[i + 1];
    let cur = out[i];
    if (cur.a.u === 'bare' && !cur.b && next.a.u === 'day') {
      cur = { ...cur, a: { u: 'day', d: cur.a.n, m: next.a.m, y: next.a.y } };
    }
    if (!isConcrete(cur) && isCalendarUnit(cur.a) && isConcrete(next)) {
      const ny = startYear(next);
      const ns = unitStart(next.a);
      if (ny !== undefined && ns) {
        let placed = anchorExpr(cur, ny);
        const s = unitStart(placed.a);
        if (s && s > ns) placed = anchorExpr(cur, ny - 1);
        cur = placed;
      }
    }
    out[i] = cur;
  }
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    const cur = out[i];
    if (!isConcrete(cur) && isCalendarUnit(cur.a) && isConcrete(prev)) {
      const py = startYear(prev);
      const ps = unitStart(prev.a);
      if (py !== undefined && ps) {
        let placed = anchorExpr(cur, py);
        const s = unitStart(placed.a);
        if (s && s < ps) placed = anchorExpr(cur, py + 1);
        out[i] = placed;
      }
    }
  }
  return out;
}

/** Narrows a span to the beginning / middle / end of it («в начале октября», «до конца года»). */
export function partOf(u: Unit, span: Span, part: NonNullable<Expr['part']>): Span | undefined {
  const { year, month } = partsOf(span.start);
  if (u.u === 'day') return span;
  if (u.u === 'month') {
    if (part === 'begin') return { start: span.start, end: isoOf(year, month, 10) as string };
    if (part === 'middle') return { start: isoOf(year, month, 11) as string, end: isoOf(year, month, 20) as string };
    return { start: isoOf(year, month, 21) as string, end: span.end };
  }
  if (part === 'middle') {
    if (u.u === 'year') return { start: `${year}-06-01`, end: `${year}-07-31` };
    return undefined;
  }
  const last = partsOf(span.end);
  return part === 'begin' ? monthSpan(year, month) : monthSpan(last.year, last.month);
}

export type WindowResult = { window: DeadlineWindow; note?: string } | { error: string };

/** The window of an expression whose units all have years. `openEnd` closes «с …» phrases. */
export function exprWindow(e: Expr, openEnd: string): WindowResult {
  const ra = unitSpan(e.a);
  if ('error' in ra) return { error: spanError(ra.error, e) };
  let spanA = ra.span;
  if (e.part && !e.b) {
    const p = partOf(e.a, spanA, e.part);
    if (!p) return { error: `не распознано: «${e.raw}»` };
    spanA = p;
  }
  if (e.b) {
    const rb = unitSpan(e.b);
    if ('error' in rb) return { error: spanError(rb.error, e) };
    if (spanA.start > rb.span.end) return { error: `начало срока позже окончания: «${e.raw}»` };
    return { window: { from: spanA.start, due: rb.span.end } };
  }
  const isDay = e.a.u === 'day';
  switch (e.mode) {
    case 'in':
      return { window: isDay ? { due: spanA.end } : { from: spanA.start, due: spanA.end } };
    case 'by': {
      if (isDay) return { window: { due: spanA.start } };
      if (e.part === 'end') return { window: { due: spanA.end } };
      const due = addDaysIso(spanA.start, -1);
      return { window: { due }, note: `срок «${e.raw}» понят как «по ${russianDate(due)} включительно»` };
    }
    case 'notLater':
      return { window: { due: spanA.end } };
    case 'from':
      return { window: { from: spanA.start, due: maxIso(openEnd, spanA.end) } };
    case 'after': {
      const from = addDaysIso(spanA.end, 1);
      return { window: { from, due: maxIso(openEnd, from) } };
    }
  }
}

// The phrase as written, not a year the resolver tried while placing it.
function spanError(error: string, e: Expr): string {
  return error.startsWith('несуществующая дата') ? `несуществующая дата в сроке «${e.raw}»` : error;
}

/** Is the window wholly inside the span? */
export function windowInside(w: DeadlineWindow, span: Span): boolean {
  return (w.from ?? w.due) >= span.start && w.due <= span.end;
}

/** The part of a window inside the span (a due-only window is kept only when its due is inside). */
export function clipWindow(w: DeadlineWindow, span: Span): DeadlineWindow | undefined {
  if (w.from === undefined) return w.due >= span.start && w.due <= span.end ? w : undefined;
  const x = intersect({ start: w.from, end: w.due }, span);
  return x ? { from: x.start, due: x.end } : undefined;
}

/** Candidate anchor years around a period (bounded so that absurd periods cannot loop for long). */
export function candidateYears(period: Span): number[] {
  const first = partsOf(period.start).year - 1;
  const last = Math.min(partsOf(period.end).year + 1, first + 300);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

/**
 * A year-less expression placed in the period: the first year where it lies inside it, else the
 * first where it overlaps it, else the nearest (with outside = true).
 */
export function placeInPeriod(e: Expr, period: Span): { result: WindowResult; outside: boolean } {
  let overlapping: WindowResult | undefined;
  let nearest: { result: WindowResult; distance: number } | undefined;
  let lastError: WindowResult | undefined;
  for (const y of candidateYears(period)) {
    const result = exprWindow(anchorExpr(e, y), period.end);
    if ('error' in result) {
      lastError = lastError ?? result;
      continue;
    }
    if (windowInside(result.window, period)) return { result, outside: false };
    if (!overlapping && clipWindow(result.window, period)) overlapping = result;
    const d = distance(result.window, period);
    if (!nearest || d < nearest.distance) nearest = { result, distance: d };
  }
  if (overlapping) return { result: overlapping, outside: true };
  if (nearest) return { result: nearest.result, outside: true };
  return { result: lastError ?? { error: 'срок не распознан' }, outside: false };
}

function distance(w: DeadlineWindow, period: Span): number {
  const start = w.from ?? w.due;
  if (w.due < period.start) return Math.abs(partsOf(period.start).year - partsOf(w.due).year) * 400 + 1;
  return Math.abs(partsOf(start).year - partsOf(period.end).year) * 400 + 1;
}

/** Every placement of a year-less expression that meets the period, clipped (yearly items). */
export function everyYearInPeriod(e: Expr, period: Span): { windows: DeadlineWindow[]; errors: string[] } {
  const windows: DeadlineWindow[] = [];
  const errors: string[] = [];
  for (const y of candidateYears(period)) {
    const r = exprWindow(anchorExpr(e, y), period.end);
    if ('error' in r) {
      if (!errors.includes(r.error)) errors.push(r.error);
      continue;
    }
    const clipped = clipWindow(r.window, period);
    if (clipped) windows.push(clipped);
  }
  return { windows, errors };
}

/** Sorted by due, then start; duplicates removed. */
export function sortWindows(ws: DeadlineWindow[]): DeadlineWindow[] {
  const seen = new Set<string>();
  return [...ws]
    .sort((x, y) => (x.due === y.due ? (x.from ?? x.due).localeCompare(y.from ?? y.due) : x.due.localeCompare(y.due)))
    .filter((w) => {
      const key = `${w.from ?? ''}|${w.due}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
