/**
 * Grammar of dated deadline phrases over tokens (deadline-text.ts). It reads a sequence of
 * expressions — «до 19.02.2021», «сентябрь – декабрь 2020 г.», «с 15 по 30 октября», «I кв.
 * 2021», «2022-2023 уч. год» — and leaves unknown words aside. Years may be missing here: the
 * resolver (deadline-resolve.ts) carries them across a list or takes them from the period.
 *
 * expr   := prefix* unit [('-' | 'по' | 'до') unit]
 * prefix := до | к | по | не позднее | с | начиная с | не ранее | после | в | на | в течение
 *           | конец | начало | середина  (in any case form)
 * unit   := date [year-word] | day month [year] | month [year] | n quarter [year]
 *           | n half [year] | year [year-word] | academic year | day-of-month | weekday | bare number
 */
import type { Token } from './deadline-text';
import {
  isAcademicWord, isHalfWord, isQuarterWord, isYearWord, monthOfWord, ordinalOfWord, ORDINAL_SUFFIXES,
  romanOfWord, seasonOfWord, weekdayOfWord,
} from './deadline-words';

export type Unit =
  | { u: 'day'; d: number; m?: number; y?: number }
  | { u: 'month'; m: number; y?: number }
  | { u: 'quarter'; q: number; y?: number }
  | { u: 'half'; h: number; y?: number; school?: boolean }
  /** A school term (четверть) 1-4; `y` is the year its academic year starts. */
  | { u: 'term'; n: number; y?: number }
  /** A calendar year; without `y` only in «до конца года», «текущего года». */
  | { u: 'year'; y?: number }
  /** A season: spring (3), summer (6), autumn (9), winter (12, into the next year). */
  | { u: 'season'; s: number; y?: number }
  | { u: 'academic'; y?: number }
  /** «25 числа»: a day of every month (recurring phrases only). */
  | { u: 'dom'; d: number }
  | { u: 'weekday'; w: number }
  /**
   * A lone number or Roman numeral that takes its meaning from a neighbour («15-30 октября»);
   * `ordinal` when written «25-го», `roman` for «II».
   */
  | { u: 'bare'; n: number; ordinal?: true; roman?: true };

/**
 * in: a window over the unit (a single day is a due date); by: «до/к» — a day is the due date,
 * a longer unit is due the day before it starts; notLater: due at the unit's end; from/after:
 * open-ended start.
 */
export type Mode = 'in' | 'by' | 'notLater' | 'from' | 'after';

export interface Expr {
  mode: Mode;
  a: Unit;
  b?: Unit;
  part?: 'begin' | 'middle' | 'end';
  /** Stated with «в течение» / «на протяжении». */
  during?: boolean;
  /** Raw text of the tokens, for notes. */
  raw: string;
}

export interface GrammarResult {
  exprs: Expr[];
  /** Tokens no expression took, in order (raw text). */
  leftovers: string[];
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export class Cursor {
  constructor(readonly tokens: Token[], public i = 0) {}
  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }
  word(k = 0): string | undefined {
    const t = this.peek(k);
    return t && t.t === 'word' ? t.v : undefined;
  }
  isP(v: string, k = 0): boolean {
    const t = this.peek(k);
    return !!t && t.t === 'p' && t.v === v;
  }
  num(k = 0): number | undefined {
    const t = this.peek(k);
    return t && t.t === 'num' && Number.isFinite(t.v) ? t.v : undefined;
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
}

function isYearNumber(n: number | undefined): n is number {
  return n !== undefined && n >= MIN_YEAR && n <= MAX_YEAR;
}

/** Optional «г.», «года», «гг.» after a year. */
function skipYearWord(c: Cursor): void {
  const w = c.word();
  if (w && isYearWord(w)) {
    c.i++;
    if (c.isP('.')) c.i++;
  }
}

/** An explicit year after a month, a day or a quarter: «2021», «2021 г.», «2021 года». */
function optionalYear(c: Cursor): number | undefined {
  // «текущего года»: the year stays to be found from the period
  if (/^(текущ|этого|нынешн)/.test(c.word() ?? '') && isYearWord(c.word(1) ?? '')) {
    c.i += 2;
    return undefined;
  }
  const n = c.num();
  if (isYearNumber(n) && !isAcademicAhead(c, 1)) {
    c.i++;
    skipYearWord(c);
    return n;
  }
  return undefined;
}

/** Is there «-2023 уч. год» / «/2021 учебный год» / «учебного года» at offset k? */
function isAcademicAhead(c: Cursor, k: number): boolean {
  if ((c.isP('-', k) || c.isP('/', k)) && c.num(k + 1) !== undefined) k += 2;
  else return false;
  const w = c.word(k);
  return !!w && isAcademicWord(w);
}

/** Skips «уч. год», «учебный год», «учебного года», «у.г.» after an academic year. */
function skipAcademicWords(c: Cursor): boolean {
  const w = c.word();
  if (!w || !isAcademicWord(w)) return false;
  c.i++;
  if (c.isP('.')) c.i++;
  const next = c.word();
  if (next && isYearWord(next)) {
    c.i++;
    if (c.isP('.')) c.i++;
  }
  return true;
}

/** Academic year «2022-2023», «2020/21» followed by an academic word; c at the first year. */
function academicRange(c: Cursor, wordsRequired: boolean): Unit | undefined {
  const y1 = c.num();
  if (!isYearNumber(y1) || !(c.isP('-', 1) || c.isP('/', 1))) return undefined;
  const y2 = c.num(2);
  if (y2 === undefined || !(y2 === y1 + 1 || (y2 < 100 && y2 === (y1 + 1) % 100))) return undefined;
  const save = c.i;
  c.i += 3;
  if (!skipAcademicWords(c) && wordsRequired) {
    c.i = save;
    return undefined;
  }
  return { u: 'academic', y: y1 };
}

/** «2022-2023 учебного года» → 2022; «учебного года» → undefined with the words consumed. */
function academicYearAfter(c: Cursor): number | undefined {
  const range = academicRange(c, true);
  if (range) return (range as { y?: number }).y;
  const w = c.word();
  if (w && isAcademicWord(w) && c.word(1) && isYearWord(c.word(1) as string)) {
    c.i += 2;
    const r = academicRange(c, false);
    return r ? (r as { y?: number }).y : undefined;
  }
  return undefined;
}

/** Numeral of a quarter/half: 1, «I», «1-й», «первый». */
function ordinalNumber(c: Cursor): number | undefined {
  const t = c.peek();
  if (!t) return undefined;
  let n: number | undefined;
  if (t.t === 'num') n = Number.isFinite(t.v) ? t.v : undefined;
  else if (t.t === 'word') n = romanOfWord(t.v) ?? ordinalOfWord(t.v);
  if (n === undefined) return undefined;
  c.i++;
  if (t.t === 'num' && c.isP('-') && c.word(1) && ORDINAL_SUFFIXES.has(c.word(1) as string)) c.i += 2;
  return n;
}

function quarterOrHalf(c: Cursor): Unit | undefined {
  const save = c.i;
  const n = ordinalNumber(c);
  const w = c.word();
  if (n !== undefined && w && /^четверт(ь|и|ью)$/.test(w)) {
    c.i++;
    const academic = academicYearAfter(c);
    if (n >= 1 && n <= 4) return { u: 'term', n, y: academic };
  }
  if (n !== undefined && w && (isQuarterWord(w) || isHalfWord(w))) {
    c.i++;
    if (c.isP('.')) c.i++;
    if (isHalfWord(w) && n >= 1 && n <= 2) {
      // «2 полугодие 2022-2023 учебного года», «I полугодие учебного года»
      const save2 = c.i;
      const academic = academicYearAfter(c);
      if (academic !== undefined || c.i !== save2) return { u: 'half', h: n, y: academic, school: true };
    }
    const y = optionalYear(c);
    if (isQuarterWord(w) && n >= 1 && n <= 4) return { u: 'quarter', q: n, y };
    if (isHalfWord(w) && n >= 1 && n <= 2) return { u: 'half', h: n, y };
  }
  c.i = save;
  return undefined;
}

/** A month word, with an optional trailing dot of an abbreviation. */
function monthWord(c: Cursor): number | undefined {
  const w = c.word();
  const m = w ? monthOfWord(w) : undefined;
  if (m === undefined) return undefined;
  c.i++;
  if (c.isP('.') && w && w.length <= 4) c.i++;
  return m;
}

/** Parses one unit at the cursor, or returns undefined with the cursor unchanged. */
export function parseUnit(c: Cursor): Unit | undefined {
  const save = c.i;
  const t = c.peek();
  if (!t) return undefined;

  if (t.t === 'date') {
    c.i++;
    if (t.d === undefined) {
      return { u: 'month', m: t.m, y: t.y };
    }
    let y = t.y;
    if (y === undefined) y = optionalYear(c);
    else skipYearWord(c);
    return { u: 'day', d: t.d, m: t.m, y };
  }

  const qh = quarterOrHalf(c);
  if (qh) return qh;

  if (t.t === 'num') {
    if (!Number.isFinite(t.v)) return undefined;
    if (isYearNumber(t.v)) {
      const academic = academicRange(c, true);
      if (academic) return academic;
      c.i++;
      skipYearWord(c);
      if (skipAcademicWords(c)) return { u: 'academic', y: t.v };
      return { u: 'year', y: t.v };
    }
    if (t.v >= 1 && t.v <= 31) {
      c.i++;
      // «5-го», «1-е»
      const ordinal = c.isP('-') && !!c.word(1) && ORDINAL_SUFFIXES.has(c.word(1) as string);
      if (ordinal) c.i += 2;
      const m = monthWord(c);
      if (m !== undefined) return { u: 'day', d: t.v, m, y: optionalYear(c) };
      const w = c.word();
      if (w === 'числа' || w === 'число' || w === 'числу') {
        c.i++;
        return { u: 'dom', d: t.v };
      }
      return ordinal ? { u: 'bare', n: t.v, ordinal } : { u: 'bare', n: t.v };
    }
    c.i = save;
    return undefined;
  }

  if (t.t === 'word') {
    const m = monthWord(c);
    if (m !== undefined) return { u: 'month', m, y: optionalYear(c) };
    const roman = romanOfWord(t.v);
    if (roman !== undefined) {
      c.i++;
      return { u: 'bare', n: roman, roman: true };
    }
    if (isAcademicWord(t.v)) {
      // «учебный год 2022-2023», «учебного года»
      c.i++;
      if (c.isP('.')) c.i++;
      const w = c.word();
      if (w && isYearWord(w)) {
        c.i++;
        if (c.isP('.')) c.i++;
        const r = academicRange(c, false);
        return r ?? { u: 'academic' };
      }
      c.i = save;
      return undefined;
    }
    const season = seasonOfWord(t.v);
    if (season !== undefined) {
      c.i++;
      return { u: 'season', s: season, y: optionalYear(c) };
    }
    // «текущего года», «календарного года»; a bare «года» only after «конца / начала / середины»
    if (/^(текущ|этого|нынешн|календарн)/.test(t.v) && isYearWord(c.word(1) ?? '')) {
      c.i += 2;
      return { u: 'year' };
    }
    if (isYearWord(t.v) && t.v !== 'г' && t.v !== 'гг' && isPartWord(c.word(-1) ?? '')) {
      c.i++;
      return { u: 'year' };
    }
    const wd = weekdayOfWord(t.v);
    if (wd !== undefined) {
      c.i++;
      return { u: 'weekday', w: wd };
    }
  }
  c.i = save;
  return undefined;
}

function isPartWord(w: string): boolean {
  return /^(конц[аеу]|конец|начал[оауе]|середин[аеуы])$/.test(w);
}

type Prefix = { mode?: Mode; part?: Expr['part']; during?: boolean };

/** Reads prefix words; returns how they shape the expression. */
function parsePrefixes(c: Cursor): Prefix {
  const p: Prefix = {};
  for (let guard = 0; guard < 8; guard++) {
    const w = c.word();
    const w1 = c.word(1);
    if (w === undefined) {
      if (c.isP(':') && p.mode === undefined) {
        c.i++;
        continue;
      }
      break;
    }
    if (w === 'до') { p.mode = p.part === 'end' ? 'notLater' : 'by'; c.i++; continue; }
    if (w === 'к' || w === 'ко') { p.mode = 'by'; c.i++; continue; }
    if (w === 'по') { p.mode = 'notLater'; c.i++; continue; }
    if (w === 'не' && (w1 === 'позднее' || w1 === 'позже')) { p.mode = 'notLater'; c.i += 2; continue; }
    if (w === 'не' && (w1 === 'ранее' || w1 === 'раньше')) { p.mode = 'from'; c.i += 2; continue; }
    if (w === 'начиная' || w === 'начинания') { p.mode = 'from'; c.i++; continue; }
    if (w === 'с' || w === 'со') { p.mode = 'from'; c.i++; continue; }
    if (w === 'после') { p.mode = 'after'; c.i++; continue; }
    if (w === 'в' || w === 'во' || w === 'на' || w === 'срок' || w === 'сроки' || w === 'срока') { c.i++; continue; }
    if (w === 'течение' || w === 'протяжении' || w === 'продолжение') { p.during = true; c.i++; continue; }
    if (isPartWord(w) && /^кон/.test(w)) {
      p.part = 'end';
      if (p.mode === 'by') p.mode = 'notLater';
      c.i++;
      continue;
    }
    if (isPartWord(w) && /^нач/.test(w)) { p.part = 'begin'; c.i++; continue; }
    if (isPartWord(w)) { p.part = 'middle'; c.i++; continue; }
    break;
  }
  return p;
}

/** One expression at the cursor, or undefined with the cursor unchanged. */
export function parseExpr(c: Cursor): Expr | undefined {
  const start = c.i;
  const p = parsePrefixes(c);
  const a = parseUnit(c);
  if (!a) {
    c.i = start;
    return undefined;
  }
  let mode: Mode = p.mode ?? 'in';
  let b: Unit | undefined;
  const afterA = c.i;
  const w = c.word();
  const rangeWord = c.isP('-') || c.isP('/') || ((w === 'по' || w === 'до') && mode === 'from');
  if (rangeWord) {
    c.i++;
    const w2 = c.word();
    if (w2 === 'по' || w2 === 'до' || w2 === 'в') c.i++;
    b = parseUnit(c);
    if (b && !isRangeEnd(a, b)) b = undefined;
    if (b) {
      if (mode === 'from') mode = 'in';
    } else c.i = afterA;
  }
  if (c.word() === 'включительно') c.i++;
  const raw = c.tokens.slice(start, c.i).map((t) => t.raw).join(' ');
  return { mode, a, b, part: p.part, during: p.during, raw };
}

/** «15-25 числа»: a day of the month ends only a range of days of the month. */
function isRangeEnd(a: Unit, b: Unit): boolean {
  if (b.u === 'dom') return a.u === 'dom' || (a.u === 'bare' && !a.roman);
  return b.u !== 'weekday';
}

export function makeCursor(tokens: Token[]): Cursor {
  return new Cursor(tokens);
}

/** «по итогам года», «по окончании учебного года»: the period names an event, not a deadline. */
const EVENT_NOUNS = new Set(['итогам', 'окончании', 'завершении', 'результатам', 'окончанию', 'завершению']);

const SKIP_WORDS = new Set(['и', 'или', 'а', 'также', 'но', 'затем', 'далее', 'либо']);

/**
 * Reads every expression of a token list. Separators («,», «;», «и», line breaks) need no
 * special handling: an expression ends where the grammar stops. «от <date>» and «№ …» are
 * references to documents, not deadlines, and are skipped.
 */
export function parseExpressions(tokens: Token[]): GrammarResult {
  const c = makeCursor(tokens);
  const exprs: Expr[] = [];
  const leftovers: string[] = [];
  while (!c.done()) {
    const t = c.peek() as Token;
    if (t.t === 'p' && t.v !== '№') {
      c.i++;
      continue;
    }
    if (t.t === 'word' && SKIP_WORDS.has(t.v)) {
      c.i++;
      continue;
    }
    if ((t.t === 'word' && t.v === 'от') || (t.t === 'p' && t.v === '№')) {
      // «от 25.12.2019 № Р-145»: a document reference
      c.i++;
      parseUnit(c);
      leftovers.push(t.raw);
      continue;
    }
    if (t.t === 'word' && t.v === 'по' && EVENT_NOUNS.has(c.word(1) ?? '')) {
      leftovers.push(t.raw, c.word(1) as string);
      c.i += 2;
      parseExpr(c);
      continue;
    }
    const e = parseExpr(c);
    if (e) exprs.push(e);
    else {
      leftovers.push(t.raw);
      c.i++;
    }
  }
  return { exprs, leftovers };
}
