/**
 * Matching a tab's header row to a register's fields by meaning (DOMAIN.md «The spreadsheet»):
 * case, ё/е, punctuation, extra spaces and column order do not matter; synonyms are accepted.
 * Unknown columns are kept (reported as such, never touched); a missing required column is
 * reported, never guessed.
 */
import type { ColumnSpec } from './schemas';
import { normalizeKey } from '../util/text';

export interface HeaderMatch {
  /** field → 0-based column index. */
  columns: Record<string, number>;
  /** 0-based indices of columns no field claimed (the curator's own columns). */
  unknown: number[];
  /** Required fields with no column. */
  missingRequired: string[];
  /** Columns that would match a field already taken by an earlier column. */
  duplicates: Array<{ col: number; field: string }>;
}

function candidates(spec: ColumnSpec): string[] {
  return [spec.meta.heading, ...spec.meta.synonyms].map(normalizeKey).filter(Boolean);
}

/**
 * Exact matches (after normalisation) win; then a heading that begins with a synonym as whole
 * words («ФИО наставника (полностью)» → fullName), longest synonym first. Each field takes at
 * most one column, the leftmost.
 */
export function matchHeaders(header: readonly unknown[], specs: readonly ColumnSpec[]): HeaderMatch {
  const keys = header.map((h) => (h === null || h === undefined ? '' : normalizeKey(String(h))));
  const columns: Record<string, number> = {};
  const taken = new Set<number>();
  const duplicates: Array<{ col: number; field: string }> = [];

  const exact = new Map<string, string>();
  for (const spec of specs) for (const c of candidates(spec)) if (!exact.has(c)) exact.set(c, spec.field);

  keys.forEach((k, col) => {
    if (!k) return;
    const field = exact.get(k);
    if (!field) return;
    if (field in columns) duplicates.push({ col, field });
    else {
      columns[field] = col;
      taken.add(col);
    }
  });

  const prefixes = specs
    .flatMap((spec) => candidates(spec).map((c) => ({ c, field: spec.field })))
    .sort((a, b) => b.c.length - a.c.length);
  keys.forEach((k, col) => {
    if (!k || taken.has(col) || exact.has(k)) return;
    const hit = prefixes.find((p) => !(p.field in columns) && p.c.length >= 3 && (k === p.c || k.startsWith(p.c + ' ')));
    if (hit) {
      columns[hit.field] = col;
      taken.add(col);
    }
  });

  const unknown = keys.map((_, i) => i).filter((i) => !taken.has(i) && !duplicates.some((d) => d.col === i));
  const missingRequired = specs.filter((s) => s.meta.required && !(s.field in columns)).map((s) => s.field);
  return { columns, unknown, missingRequired, duplicates };
}

/** How well a header row fits a register (share of its fields found): used to adopt renamed tabs. */
export function headerFit(header: readonly unknown[], specs: readonly ColumnSpec[]): number {
  const m = matchHeaders(header, specs);
  if (m.missingRequired.length) return 0;
  return Object.keys(m.columns).length / specs.length;
}
