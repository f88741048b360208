/**
 * The period and the targets a roadmap states in its title or preamble:
 * «на 2020-2024 годы», «(2020-2024 гг.)», «на 2021 год», «на 2021-2022 учебный год»,
 * «с 1 сентября 2020 года по 30 июня 2024 года», «с 01.09.2020 по 30.06.2024»;
 * «к концу 2020 года не менее 10%, к концу 2024 года не менее 70%».
 */

export interface Period {
  start: string;
  end: string;
}

export interface Target {
  year: number;
  share: number;
}

const MONTHS_GEN: Array<[RegExp, number]> = [
  [/^январ/iu, 1], [/^феврал/iu, 2], [/^март/iu, 3], [/^апрел/iu, 4], [/^ма[йяе]/iu, 5], [/^июн/iu, 6],
  [/^июл/iu, 7], [/^август/iu, 8], [/^сентябр/iu, 9], [/^октябр/iu, 10], [/^ноябр/iu, 11], [/^декабр/iu, 12],
];

function monthOf(word: string): number | null {
  for (const [re, n] of MONTHS_GEN) if (re.test(word)) return n;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function fullYear(y: string, base?: number): number {
  const n = parseInt(y, 10);
  if (y.length === 4) return n;
  if (base !== undefined) return Math.floor(base / 100) * 100 + n; // «2021/22»
  return 2000 + n;
}

function span(start: string | null, end: string | null): Period | undefined {
  return start && end && start <= end ? { start, end } : undefined;
}

const M = '(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\\p{L}*';
const Y = '(?:\\s*(?:г\\.?|года?))?';
const DASH = '\\s*[-–—/]\\s*';

/** The period stated in the text (the title and preamble of a roadmap), or undefined. */
export function findPeriod(text: string): Period | undefined {
  const t = text.replace(/\s+/g, ' ');
  let m = new RegExp(`с\\s+(\\d{1,2})\\s+${M}\\s+(\\d{4})${Y}\\s+(?:по|до)\\s+(\\d{1,2})\\s+${M}\\s+(\\d{4})`, 'iu').exec(t);
  if (m) {
    const p = span(iso(+m[3], monthOf(m[2]) ?? 0, +m[1]), iso(+m[6], monthOf(m[5]) ?? 0, +m[4]));
    if (p) return p;
  }
  m = /с\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:г\.?|года)?\s+(?:по|до)\s+(\d{1,2})\.(\d{1,2})\.(\d{4})/iu.exec(t);
  if (m) {
    const p = span(iso(+m[3], +m[2], +m[1]), iso(+m[6], +m[5], +m[4]));
    if (p) return p;
  }
  // Academic years run from 1 September to 31 August (DOMAIN.md).
  m =
    new RegExp(`(\\d{4})${DASH}(\\d{4}|\\d{2})\\s*(?:г\\.?\\s*)?(?:уч\\.|учебн\\p{L}*)\\s*(?:г\\.|год\\p{L}*)`, 'iu').exec(t) ??
    new RegExp(`(?:уч\\.|учебн\\p{L}*)\\s*(?:г\\.|год\\p{L}*)\\s*(\\d{4})${DASH}(\\d{4}|\\d{2})`, 'iu').exec(t);
  if (m) {
    const y1 = +m[1];
    const y2 = fullYear(m[2], y1);
    if (y2 >= y1 && y2 - y1 <= 6) return span(iso(y1, 9, 1), iso(y2, 8, 31));
  }
  m = new RegExp(`(\\d{4})\\s*[-–—]\\s*(\\d{4})\\s*(?:гг\\.?|г\\.\\s*г\\.?|годы|годов|годах|год|г\\.)`, 'iu').exec(t) ??
    /(?:на|период\p{L}*)\s+(\d{4})\s*[-–—]\s*(\d{4})(?!\d)/iu.exec(t);
  if (m) {
    const y1 = +m[1];
    const y2 = +m[2];
    // A school roadmap «на 2020-2024 годы» runs from the start of the first school year to the
    // end of the last one (the lyceum roadmap in CLI.md: 2020-09-01..2024-06-30).
    if (y2 > y1 && y2 - y1 <= 10) return span(iso(y1, 9, 1), iso(y2, 6, 30));
    if (y2 === y1) return span(iso(y1, 1, 1), iso(y2, 12, 31));
  }
  m = /(?:^|[\s(])на\s+(\d{4})\s*(?:год|г\.|гг?(?!\p{L}))/iu.exec(t);
  if (m) return span(iso(+m[1], 1, 1), iso(+m[1], 12, 31));
  return undefined;
}

/**
 * Targets: a year and a share of pupils («к концу 2020 года не менее 10%» → {2020, 0.1}).
 * Each year once, in the order stated.
 */
export function findTargets(text: string): Target[] {
  const t = text.replace(/\s+/g, ' ');
  const out: Target[] = [];
  const re =
    /(?:к\s+концу|на\s+конец|до\s+конца|к|в|на)\s+(\d{4})\s*(?:года|году|год|г\.?)?((?:(?!\d{4})[^%])){0,160}?(\d{1,3}(?:[.,]\d{1,2})?)\s*%/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const year = +m[1];
    const pct = parseFloat(m[3].replace(',', '.'));
    if (year < 1990 || year > 2100 || !(pct >= 0 && pct <= 100)) continue;
    if (out.some((x) => x.year === year)) continue;
    out.push({ year, share: Math.round(pct * 100) / 10000 });
  }
  return out;
}
