/**
 * Roadmap importer (issue «Roadmaps», item 1): a roadmap as curators receive it — text out of
 * Word/PDF, a TSV paste, or the tables of a .docx / Google Doc — → items, period and targets.
 * Never throws: what cannot be placed is reported in `warnings` (Russian, with the line).
 *
 * Layouts:
 * - tabbed text (Word tables copied as text, TSV from the clipboard, quoted multi-line cells as
 *   Excel/Word put them) → rows → importRows;
 * - flowing text whose columns are lost (PDF) → importFlow.
 */
import type { ImportedItem, ImportedRoadmap } from './importTypes';
import { rowsToItems, type RawRow } from './importRows';
import { importFlow, type Line } from './importFlow';
import { findPeriod, findTargets } from './importPeriod';
import { mapHeader } from './importColumns';
import { clean } from './importText';

export type { DocumentTables, ImportedItem, ImportedRoadmap } from './importTypes';

/** Splits text into rows of tab-separated cells; a cell in double quotes may span lines (""=”). */
export function splitTabbed(text: string): RawRow[] {
  const rows: RawRow[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  let gap = false;
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      let cellText = '';
      if (text[i] === '"') {
        const q = readQuoted(text, i);
        if (q) {
          cellText = q.value;
          line += q.newlines;
          i = q.end;
        }
      }
      if (i < n && text[i] !== '\t' && text[i] !== '\n') {
        let j = i;
        while (j < n && text[j] !== '\t' && text[j] !== '\n') j++;
        cellText += text.slice(i, j);
        i = j;
      }
      cells.push(cellText);
      if (i >= n) endOfRow = true;
      else if (text[i] === '\t') i++;
      else {
        i++; // '\n'
        line++;
        endOfRow = true;
      }
    }
    const plain = cells.length === 1;
    if (plain && cells[0].replace(/\f/g, '').trim() === '') {
      gap = true;
      continue;
    }
    if (cells.some((c) => c.includes('\f'))) gap = true;
    rows.push({ cells: cells.map((c) => c.replace(/\f/g, ' ')), line: rowLine, gapBefore: gap, plain });
    gap = false;
  }
  return rows;
}

/**
 * A quoted cell starting at `at`: closed by a quote followed by a tab, a new line or the end;
 * inner quotes doubled. Anything else (a quote inside ordinary text, «"15" февраля») is not one.
 */
function readQuoted(text: string, at: number): { value: string; end: number; newlines: number } | null {
  let j = at + 1;
  let value = '';
  let newlines = 0;
  while (j < text.length) {
    const c = text[j];
    if (c === '"') {
      if (text[j + 1] === '"') {
        value += '"';
        j += 2;
        continue;
      }
      const after = text[j + 1];
      if (after === undefined || after === '\t' || after === '\n') return { value, end: j + 1, newlines };
      return null;
    }
    if (c === '\n') {
      newlines++;
      if (newlines > 200) return null;
    }
    value += c;
    j++;
  }
  return null;
}

function normalizeNewlines(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(/\u2028|\u2029/g, '\n');
}

function tabbedLayout(rows: RawRow[]): boolean {
  const tabbed = rows.filter((r) => !r.plain);
  if (tabbed.some((r) => mapHeader(r.cells.map(clean)) !== undefined)) return true;
  return tabbed.length >= 3 && tabbed.length * 4 >= rows.length;
}

function withSafety<T>(fallback: T, f: () => T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** Text as in fixtures/roadmaps (also a TSV paste from Word/PDF viewers or Excel). */
export function importRoadmapText(text: string): ImportedRoadmap {
  const failed = (): ImportedRoadmap => ({
    targets: [],
    items: [],
    warnings: ['Не удалось разобрать текст дорожной карты: внутренняя ошибка разбора.'],
  });
  return withSafety(failed(), () => {
    const src = normalizeNewlines(typeof text === 'string' ? text : String(text ?? ''));
    // A form feed (a page break) stays inside its line; splitTabbed marks the row after it.
    const rows = splitTabbed(src);
    let items: ImportedItem[];
    let warnings: string[];
    let preamble: string[];
    if (tabbedLayout(rows)) {
      ({ items, warnings, preamble } = rowsToItems(rows));
    } else {
      const lines: Line[] = src.split('\n').map((s, k) => ({ text: s.replace(/\f/g, ' '), line: k + 1 }));
      ({ items, warnings, preamble } = importFlow(lines));
    }
    return assemble(preamble, items, warnings);
  });
}

/** Google Doc / .docx tables (cells as text, line breaks kept) and the paragraphs around them. */
export function importRoadmapTables(tables: string[][][], paragraphs: string[] = []): ImportedRoadmap {
  const failed = (): ImportedRoadmap => ({
    targets: [],
    items: [],
    warnings: ['Не удалось разобрать таблицы дорожной карты: внутренняя ошибка разбора.'],
  });
  return withSafety(failed(), () => {
    const safeTables = (Array.isArray(tables) ? tables : []).map((t) =>
      (Array.isArray(t) ? t : []).map((r) => (Array.isArray(r) ? r.map((c) => (typeof c === 'string' ? c : c == null ? '' : String(c))) : [])),
    );
    // The roadmap may be split into several tables (one per page or per section): rows of every
    // table from the first one with a roadmap header on, headers repeated inside are skipped.
    const first = safeTables.findIndex((t) => t.some((r) => mapHeader(r.map(clean)) !== undefined));
    const rows: RawRow[] = [];
    const warnings: string[] = [];
    const preamble = (Array.isArray(paragraphs) ? paragraphs : []).map((p) => clean(String(p ?? ''))).filter(Boolean);
    const use = first >= 0 ? safeTables.slice(first) : safeTables;
    const width = first >= 0 ? Math.max(...safeTables[first].map((r) => r.length)) : 0;
    use.forEach((t, k) => {
      const tableNo = (first >= 0 ? first : 0) + k + 1;
      if (first >= 0 && k > 0) {
        const w = Math.max(0, ...t.map((r) => r.length));
        const hasHeader = t.some((r) => mapHeader(r.map(clean)) !== undefined);
        if (!hasHeader && Math.abs(w - width) > 1) {
          const text = t.map((r) => r.filter(Boolean).join(' ')).filter(Boolean).join(' ');
          if (text) warnings.push(`таблица ${tableNo}: таблица другого вида не импортирована (${w} столбц.).`);
          return;
        }
      }
      t.forEach((r, j) => rows.push({ cells: r, table: tableNo, row: j + 1, gapBefore: k > 0 && j === 0 }));
    });
    const res = rowsToItems(rows);
    return assemble([...preamble, ...res.preamble], res.items, [...warnings, ...res.warnings]);
  });
}

function assemble(preamble: string[], items: ImportedItem[], warnings: string[]): ImportedRoadmap {
  const head = preamble.join('\n');
  const period = findPeriod(head);
  const targets = findTargets(head);
  if (!items.length) warnings.push('Не найдено ни одного мероприятия дорожной карты.');
  return { ...(period ? { period } : {}), targets, items, warnings };
}
