/**
 * «Журнал приказов»: one row per issued order (№, Дата, Вид, Заголовок, Ссылка) and the
 * numbering of orders.
 *
 * Numbering: orders are numbered from 1 each calendar year. With a prefix in «Настройки»
 * («Префикс номера приказа», e.g. «НМ») the number reads «НМ-3/2026» (prefix, sequence, year:
 * unique across years and recognisable in the school's general order book); without a prefix it
 * is the plain sequence «3». The next number is one more than the largest of that year and prefix
 * in the journal, so deleted rows never make a number be issued twice within the rows kept.
 */
import type { CellValue } from '../port-types';
import { textOf } from '../registers/cells';
import { isoFromDateCell, isoFromSerial, parseDateText } from '../util/dates';
import { normalizeKey } from '../util/text';

export const JOURNAL_SHEET = 'Журнал приказов';
export const JOURNAL_HEADER = ['№', 'Дата', 'Вид', 'Заголовок', 'Ссылка'] as const;
type JournalField = 'number' | 'date' | 'kind' | 'title' | 'link';
const FIELDS: JournalField[] = ['number', 'date', 'kind', 'title', 'link'];
const SYNONYMS: Record<JournalField, string[]> = {
  number: ['№', 'номер', 'номер приказа', '№ приказа'],
  date: ['дата', 'дата приказа'],
  kind: ['вид', 'вид приказа', 'тип'],
  title: ['заголовок', 'наименование', 'о чем', 'содержание'],
  link: ['ссылка', 'документ', 'файл'],
};

export interface JournalEntry {
  /** 0-based sheet row. */
  row: number;
  number: string;
  date?: string;
  kind?: string;
  title?: string;
  link?: string;
}

export interface Journal {
  entries: JournalEntry[];
  /** field → 0-based column; missing fields are absent. */
  columns: Partial<Record<JournalField, number>>;
  width: number;
}

function cellDate(v: CellValue): string | undefined {
  if (v instanceof Date) return isoFromDateCell(v) ?? undefined;
  if (typeof v === 'number') return isoFromSerial(v) ?? undefined;
  return parseDateText(textOf(v)) ?? undefined;
}

export function readJournal(values: readonly CellValue[][] | null | undefined): Journal {
  const columns: Journal['columns'] = {};
  const header = values?.[0] ?? [];
  header.forEach((h, col) => {
    const key = normalizeKey(textOf(h));
    const raw = textOf(h).trim();
    for (const f of FIELDS) {
      if (columns[f] !== undefined) continue;
      if (SYNONYMS[f].some((s) => normalizeKey(s) === key || s === raw)) columns[f] = col;
    }
  });
  const entries: JournalEntry[] = [];
  (values ?? []).slice(1).forEach((line, i) => {
    const get = (f: JournalField) => (columns[f] === undefined ? null : (line[columns[f]!] ?? null));
    const number = textOf(get('number'));
    if (!number) return;
    entries.push({
      row: i + 1,
      number,
      date: cellDate(get('date')),
      kind: textOf(get('kind')) || undefined,
      title: textOf(get('title')) || undefined,
      link: textOf(get('link')) || undefined,
    });
  });
  return { entries, columns, width: header.length };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function formatOrderNumber(prefix: string | undefined, seq: number, year: number): string {
  const p = prefix?.trim();
  return p ? `${p}-${seq}/${year}` : String(seq);
}

/** The sequence part of a number of this prefix and year, or null for a number of another series. */
export function sequenceOf(number: string, prefix: string | undefined, year: number, entryYear?: number): number | null {
  const p = prefix?.trim();
  const n = number.replace(/^№\s*/, '').trim();
  if (p) {
    const m = new RegExp(`^${escape(p)}\\s*-\\s*(\\d+)\\s*/\\s*(\\d{4})$`, 'i').exec(n);
    return m && +m[2] === year ? +m[1] : null;
  }
  const m = /^(\d+)$/.exec(n);
  return m && entryYear === year ? +m[1] : null;
}

export function nextOrderNumber(journal: Journal, prefix: string | undefined, dateIso: string): string {
  const year = +dateIso.slice(0, 4);
  let max = 0;
  for (const e of journal.entries) {
    const entryYear = e.date ? +e.date.slice(0, 4) : undefined;
    const seq = sequenceOf(e.number, prefix, year, entryYear);
    if (seq !== null) max = Math.max(max, seq);
  }
  return formatOrderNumber(prefix, max + 1, year);
}

/** The journal row holding this number (in the same year when numbers are plain). */
export function findNumber(journal: Journal, number: string, dateIso: string): JournalEntry | undefined {
  const n = number.replace(/^№\s*/, '').trim().toLowerCase();
  return journal.entries.find((e) => e.number.toLowerCase() === n && (/\/\d{4}$/.test(n) || !e.date || e.date.slice(0, 4) === dateIso.slice(0, 4)));
}

/** The text written into the «Приказ» column of «Пары»: «№ 3 от 15.02.2026». */
export function orderReference(number: string, dateIso: string): string {
  const [y, m, d] = dateIso.split('-');
  return `№ ${number} от ${d}.${m}.${y}`;
}

/** A «Приказ» cell the add-on wrote itself (so it may be rewritten). */
export function isOrderReference(text: string): boolean {
  return /^№\s*\S+\s+от\s+\d{2}\.\d{2}\.\d{4}$/.test(text.trim());
}
