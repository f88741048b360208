/** Calendar dates as ISO strings 'YYYY-MM-DD': the only date type the core passes around. */

export type IsoDate = string;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoOf(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The calendar date of a date cell. Sheets returns midnight in the spreadsheet's time zone and
 * exceljs midnight UTC; rounding to the nearest UTC midnight gives the written date for any zone
 * from UTC−11 to UTC+12 without knowing which one it is.
 */
export function isoFromDateCell(d: Date): IsoDate | null {
  const t = d.getTime();
  if (isNaN(t)) return null;
  const r = new Date(t + 12 * 3600 * 1000);
  return isoOf(r.getUTCFullYear(), r.getUTCMonth() + 1, r.getUTCDate());
}

/**
 * Reads a date as curators type it: «15.02.2021», «15.02.21», «15/02/2021», «2021-02-15»,
 * optionally followed by «г.». Returns null for anything else.
 */
export function parseDateText(text: string): IsoDate | null {
  const s = text.trim().replace(/\s*(г\.?|года?)\s*$/i, '');
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(s);
  if (m) {
    let y = +m[3];
    if (m[3].length === 2) y += y >= 70 ? 1900 : 2000;
    return isoOf(y, +m[2], +m[1]);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(+m[1], +m[2], +m[3]);
  return null;
}

/** Spreadsheet serial day number (1899-12-30 epoch) to ISO. */
export function isoFromSerial(n: number): IsoDate | null {
  if (!isFinite(n) || n < 1 || n > 120000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO date to a Date at UTC midnight (for date-fns arithmetic in UTC-free code). */
export function dateOfIso(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** «15.02.2021» for messages and cells. */
export function ruDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** Whole years between birth and a date. */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((dateOfIso(b).getTime() - dateOfIso(a).getTime()) / 86400000);
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  const d = new Date(dateOfIso(iso).getTime() + days * 86400000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
