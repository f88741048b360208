/**
 * Reading a register tab into records: headings matched by meaning, blank rows skipped, each cell
 * read by its field's kind, the assembled record checked by the register's zod schema. Every
 * problem becomes a Finding on its cell; nothing throws and nothing is dropped silently.
 */
import type * as z from 'zod/mini';
import type { CellValue } from '../port-types';
import { columnsOf, fieldRegistry, type ColumnSpec } from './schemas';
import { matchHeaders, type HeaderMatch } from './headings';
import { isBlank, readCell } from './cells';
import type { FormRule } from './forms';
import type { Finding } from '../validation/finding';
import { columnLetterOf } from '../util/columns';

export interface RegisterRow<T> {
  /** 0-based sheet row (row 0 is the header). */
  row: number;
  /**
   * The row's values. Fields whose cells could not be read are absent (a finding says why), so
   * required fields may be missing here: callers check `valid` or handle absence.
   */
  record: T;
  /** The schema accepted the record. */
  valid: boolean;
}

export interface RegisterTable<T> {
  sheet: string;
  header: HeaderMatch;
  specs: ColumnSpec[];
  rows: Array<RegisterRow<T>>;
  findings: Finding[];
}

export interface ReadTableOptions {
  rules?: readonly FormRule[];
  /** More than this many rows: read them all, but say so (Apps Script limits). */
  largeRows?: number;
  /**
   * The cells' formulas, where the backend knows them (.xlsx). A formula whose cell holds no value
   * at all was never calculated (a file written by a program, not saved by Excel): said so on the
   * cell rather than «not filled».
   */
  formulas?: readonly (readonly string[])[];
}

function finding(sheet: string, row: number, col: number | undefined, field: string, code: string, severity: Finding['severity'], message: string): Finding {
  return { sheet, row: row + 1, column: col === undefined ? '' : columnLetterOf(col), field, code, severity, message };
}

export function readTable<S extends z.ZodMiniObject>(sheet: string, values: readonly CellValue[][], schema: S, opts: ReadTableOptions = {}): RegisterTable<z.infer<S>> {
  const specs = columnsOf(schema);
  const headerRow = values[0] ?? [];
  const header = matchHeaders(headerRow, specs);
  const findings: Finding[] = [];
  const rows: Array<RegisterRow<z.infer<S>>> = [];

  // A title above the headings («Реестр наставников на 2026/27») moves them down: say that once,
  // naming the row, rather than listing every column as missing.
  const lower = header.missingRequired.length ? headingsBelow(values, specs) : -1;
  if (lower > 0) {
    findings.push(
      finding(sheet, lower, undefined, '', 'header.row', 'error', `На листе «${sheet}» заголовки столбцов стоят в строке ${lower + 1}, а должны быть в первой строке: удалите строки над ними`),
    );
  }
  for (const field of lower > 0 ? [] : header.missingRequired) {
    const spec = specs.find((s) => s.field === field)!;
    findings.push(
      finding(sheet, 0, undefined, field, 'column.missing', 'error', `На листе «${sheet}» нет обязательного столбца «${spec.meta.heading}» (допустимы также: ${spec.meta.synonyms.join(', ') || '—'})`),
    );
  }
  for (const d of header.duplicates) {
    const spec = specs.find((s) => s.field === d.field)!;
    findings.push(
      finding(sheet, 0, d.col, d.field, 'column.duplicate', 'warning', `Столбец «${String(headerRow[d.col] ?? '')}» повторяет «${spec.meta.heading}»: читается только первый, этот не изменяется`),
    );
  }

  const manyFields = new Set(specs.filter((s) => isArrayType(schema.shape[s.field] as z.ZodMiniType)).map((s) => s.field));
  const present = specs.filter((s) => s.field in header.columns);
  const acceptsNo = new Set(specs.filter((s) => s.meta.kind === 'dateOrYes' && (schema.shape[s.field] as z.ZodMiniType).safeParse('no').success).map((s) => s.field));

  // Rows under a wrong header would be read against the title's columns: none are read.
  for (let r = 1; r < (lower > 0 ? 0 : values.length); r++) {
    const line = values[r] ?? [];
    if (present.every((s) => isBlank(line[header.columns[s.field]] ?? null)) && line.every((c) => isBlank(c ?? null))) continue;
    const record: Record<string, unknown> = {};
    const bad = new Set<string>();
    for (const spec of present) {
      const col = header.columns[spec.field];
      const raw = line[col] ?? null;
      if (isBlank(raw)) {
        const formula = raw === null ? opts.formulas?.[r]?.[col] : undefined;
        if (formula) {
          bad.add(spec.field);
          findings.push(
            finding(sheet, r, col, spec.field, 'cell.formulaNoValue', 'error', `Формула ${formula} не вычислена: в файле нет её значения. Откройте книгу в Excel или Google Таблицах и сохраните`),
          );
        }
        continue;
      }
      const res = readCell(raw, spec.meta, { rules: opts.rules, many: manyFields.has(spec.field) });
      if ('error' in res) {
        bad.add(spec.field);
        findings.push(finding(sheet, r, col, spec.field, res.error.code, 'error', res.error.message));
      } else if (res.value === 'no' && !acceptsNo.has(spec.field)) {
        // «нет» in a consent/training column means «not given»: the field stays empty.
      } else if (res.value !== '' && !(Array.isArray(res.value) && res.value.length === 0)) {
        record[spec.field] = res.value;
      }
    }
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (bad.has(field)) continue;
        bad.add(field);
        const spec = specs.find((s) => s.field === field);
        if (!spec) continue;
        const col = header.columns[field];
        if (record[field] === undefined && spec.meta.required) {
          if (col === undefined) continue; // the missing column is reported once, above
          findings.push(finding(sheet, r, col, field, 'required', 'error', `Не заполнено обязательное поле «${spec.meta.heading}»`));
        } else {
          findings.push(finding(sheet, r, col, field, 'value.invalid', 'error', `Недопустимое значение в поле «${spec.meta.heading}»`));
        }
      }
    }
    rows.push({ row: r, record: record as z.infer<S>, valid: parsed.success });
  }
  if (opts.largeRows && rows.length > opts.largeRows) {
    findings.push(finding(sheet, 0, undefined, '', 'sheet.large', 'info', `На листе «${sheet}» ${rows.length} строк: проверка может занять до минуты`));
  }
  return { sheet, header, specs, rows, findings };
}

/** The 0-based row (1–5) whose headings hold every required column, or -1. */
function headingsBelow(values: readonly CellValue[][], specs: ColumnSpec[]): number {
  for (let r = 1; r < Math.min(values.length, 6); r++) {
    const m = matchHeaders(values[r] ?? [], specs);
    if (!m.missingRequired.length && Object.keys(m.columns).length >= 2) return r;
  }
  return -1;
}

function isArrayType(t: z.ZodMiniType): boolean {
  let cur: any = t;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur.def?.type === 'array') return true;
    cur = cur.def?.innerType;
  }
  return false;
}

export { fieldRegistry };
