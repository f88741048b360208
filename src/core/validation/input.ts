/**
 * What validation works on: the registers as read (rows with their sheet row numbers), the
 * settings, and where each register actually lives (tab name as read, field → column).
 */
import type { RegisterRow } from '../registers/read';
import type { Mentee, Mentor, Pair } from '../registers/schemas';
import { REGISTERS, columnsOf } from '../registers/schemas';
import type { Settings } from '../registers/settings';
import type { Finding, Severity } from './finding';
import { columnLetterOf } from '../util/columns';
import { ruleFor, type FormRule } from '../registers/forms';

export type PeopleKey = 'mentors' | 'mentees' | 'pairs';

export interface SheetInfo {
  name: string;
  /** field → 0-based column. */
  columns: Record<string, number>;
}

export interface RegistersInput {
  mentors: ReadonlyArray<RegisterRow<Mentor>>;
  mentees: ReadonlyArray<RegisterRow<Mentee>>;
  pairs: ReadonlyArray<RegisterRow<Pair>>;
  settings: Settings;
  /** Where each register was read from; canonical tab names and column order when absent. */
  sheets?: Partial<Record<PeopleKey, SheetInfo>>;
}

const canonicalColumns = (key: PeopleKey): Record<string, number> =>
  Object.fromEntries(columnsOf(REGISTERS[key].schema).map((s, i) => [s.field, i]));

/** Places findings on a register's cells. */
export class Placer {
  readonly name: string;
  readonly columns: Record<string, number>;
  /** False when the tab was read and has no column for the field. */
  has: (field: string) => boolean;

  constructor(key: PeopleKey, info: SheetInfo | undefined) {
    this.name = info?.name ?? REGISTERS[key].sheet;
    this.columns = info?.columns ?? canonicalColumns(key);
    this.has = (field) => field in this.columns;
  }

  /** A finding on a record's field; `row` is the 0-based sheet row (RegisterRow.row). */
  at(row: number, field: string, code: string, severity: Severity, message: string): Finding {
    const col = this.columns[field];
    return { sheet: this.name, row: row + 1, column: columnLetterOf(col ?? 0), field, code, severity, message };
  }

  /** A finding about the whole tab, on its header row. */
  sheetLevel(field: string, code: string, severity: Severity, message: string): Finding {
    return { sheet: this.name, row: 1, column: '', field, code, severity, message };
  }
}

export interface Placers {
  mentors: Placer;
  mentees: Placer;
  pairs: Placer;
}

export function placers(sheets: RegistersInput['sheets']): Placers {
  return {
    mentors: new Placer('mentors', sheets?.mentors),
    mentees: new Placer('mentees', sheets?.mentees),
    pairs: new Placer('pairs', sheets?.pairs),
  };
}

/** Sheet rows for messages: «строке 5», «строках 5, 9». */
export function rowsText(rows: readonly number[]): string {
  const list = rows.map((r) => String(r + 1));
  return list.length === 1 ? `строке ${list[0]}` : `строках ${list.join(', ')}`;
}

/** Sheet rows for parentheses: «строка 5», «строки 5, 9». */
export function rowsList(rows: readonly number[]): string {
  const list = rows.map((r) => String(r + 1));
  return list.length === 1 ? `строка ${list[0]}` : `строки ${list.join(', ')}`;
}

export const hasConsent = (v: unknown): boolean => typeof v === 'string' && v !== 'no' && v !== '';

export const CURRENT_PAIR = new Set(['формируется', 'активна']);
export const CLOSED_PAIR = new Set(['завершена', 'расторгнута']);
export const INACTIVE_PERSON = new Set(['неактивен', 'выбыл']);

/** ID as compared: case, ё/е, spaces and dash kinds do not matter («н-001» = «Н–001»). */
export const idKey = (id: string): string => id.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, '').replace(/[‐‑–—]/g, '-');

/** ruleFor with a cache: forms repeat on tens of thousands of rows. */
export function ruleLookup(rules: readonly FormRule[]): (form: string | undefined) => FormRule | undefined {
  const cache = new Map<string, FormRule | undefined>();
  return (form) => {
    if (!form) return undefined;
    if (cache.has(form)) return cache.get(form);
    const r = ruleFor(form, rules);
    cache.set(form, r);
    return r;
  };
}
