/**
 * The tables and paragraphs of a Google Doc as the Docs API returns it (documents.get, v1):
 * body.content → paragraph | table → tableRows → tableCells → content (paragraphs, nested
 * tables) → elements → textRun. Pure: no Apps Script service is touched, so the whole document
 * costs the one API call that fetched it.
 *
 * The paragraphs outside tables are given as the .docx reader gives them (in order, empty ones
 * left out): the roadmap's title and preamble state its period and targets.
 *
 * Cells are laid on the table's grid as the .docx reader lays them (src/node/docxTables.ts): a
 * cell spanning columns (tableCellStyle.columnSpan) puts its text in its first column and ''
 * in the others; a cell spanning rows (rowSpan) repeats its text in every row it covers (a
 * shared deadline or responsible belongs to each item). The API lists the cells a merge covers
 * as cells of their own; a row that leaves them out is read by position all the same.
 * Paragraphs of a cell are joined with "\n"; a line break inside a paragraph (Shift+Enter, which
 * the API writes as U+000B) is "\n" too.
 */

import type { DocumentTables } from '../core/roadmap/importTypes';

/** The part of the Docs API's Document this reads (fields the API may leave out are optional). */
export interface DocsDocument {
  body?: { content?: DocsStructuralElement[] };
}

export interface DocsStructuralElement {
  paragraph?: { elements?: DocsParagraphElement[] };
  table?: DocsTable;
  tableOfContents?: { content?: DocsStructuralElement[] };
}

export interface DocsParagraphElement {
  textRun?: { content?: string };
  /** A person chip («@Иванова»): its name, else its address. */
  person?: { personProperties?: { name?: string; email?: string } };
  /** A link chip to a Drive file or another Google resource: its title. */
  richLink?: { richLinkProperties?: { title?: string; uri?: string } };
  /** A date chip: the date as the document shows it. */
  dateElement?: { dateElementProperties?: { displayText?: string } };
}

export interface DocsTable {
  rows?: number;
  columns?: number;
  tableRows?: Array<{ tableCells?: DocsTableCell[] }>;
}

export interface DocsTableCell {
  content?: DocsStructuralElement[];
  tableCellStyle?: { rowSpan?: number; columnSpan?: number };
}

/**
 * Every top-level table of the body as rows of cell texts on the table's grid, and the
 * non-empty paragraphs outside tables (a table of contents' included, as in a .docx), in order.
 */
export function documentOfDocsJson(doc: DocsDocument | null | undefined): DocumentTables {
  const tables: string[][][] = [];
  const paragraphs: string[] = [];
  const walk = (content: readonly DocsStructuralElement[] | undefined) => {
    for (const el of content ?? []) {
      if (el?.table) tables.push(tableGrid(el.table));
      else if (el?.paragraph) {
        const text = paragraphText(el.paragraph);
        if (text.trim()) paragraphs.push(text);
      } else if (el?.tableOfContents) walk(el.tableOfContents.content);
    }
  };
  walk(doc?.body?.content);
  return { tables, paragraphs };
}

function elementText(e: DocsParagraphElement): string {
  if (typeof e?.textRun?.content === 'string') return e.textRun.content;
  const person = e?.person?.personProperties;
  if (person) return person.name || person.email || '';
  const link = e?.richLink?.richLinkProperties;
  if (link) return link.title || link.uri || '';
  return e?.dateElement?.dateElementProperties?.displayText ?? '';
}

/** The API's line break inside a paragraph, U+000B (a control character: no regex literal). */
const VT = String.fromCharCode(11);

/** Every paragraph ends with "\n"; a line break inside one is U+000B: both as "\n". */
function paragraphText(p: NonNullable<DocsStructuralElement['paragraph']>): string {
  const text = (p.elements ?? []).map(elementText).join('');
  return text.replace(/\n$/, '').replace(/\r\n?/g, '\n').split(VT).join('\n');
}

/** Text of a list of structural elements: paragraphs (and nested tables' cells) one a line. */
function contentText(content: readonly DocsStructuralElement[] | undefined): string {
  const lines: string[] = [];
  for (const el of content ?? []) {
    if (el?.paragraph) {
      lines.push(paragraphText(el.paragraph));
    } else if (el?.table) {
      for (const row of tableGrid(el.table)) lines.push(...row.filter((c) => c !== ''));
    } else if (el?.tableOfContents) {
      lines.push(contentText(el.tableOfContents.content));
    }
  }
  return lines.join('\n');
}

const span = (n: number | undefined) => (typeof n === 'number' && Number.isInteger(n) && n > 1 ? Math.min(n, 1000) : 1);

/** A cell as a table's reader saw it: its text and the spans of its merge (1 or none when not merged). */
export interface GridCell {
  text: string;
  rowSpan?: number;
  columnSpan?: number;
}

function tableGrid(table: DocsTable): string[][] {
  const rows = (table.tableRows ?? []).map((row) =>
    (row?.tableCells ?? []).map((cell) => ({
      text: contentText(cell?.content),
      rowSpan: cell?.tableCellStyle?.rowSpan,
      columnSpan: cell?.tableCellStyle?.columnSpan,
    })),
  );
  return cellsOnGrid(rows, table.columns);
}

/**
 * Rows of cells laid on the table's grid (shared with the DocumentApp reader, docTables.ts, so
 * both paths give the same grid): a cell spanning columns puts its text in its first column and
 * '' in the others; a cell spanning rows repeats its text in every row it covers.
 */
export function cellsOnGrid(rows: readonly GridCell[][], columns?: number): string[][] {
  const width = Math.max(columns ?? 0, ...rows.map((r) => r.length), 0);
  const grid: string[][] = rows.map(() => new Array<string>(width).fill(''));
  const covered: boolean[][] = rows.map(() => new Array<boolean>(width).fill(false));
  rows.forEach((cells, r) => {
    // Rows listing every grid cell (covered ones included) are read by index; shorter rows skip
    // the positions earlier merges cover.
    const byIndex = cells.length >= width;
    let col = 0;
    cells.forEach((cell, i) => {
      if (byIndex) col = i;
      else while (col < width && covered[r][col]) col++;
      if (col >= width || (byIndex && covered[r][col])) return;
      const text = cell.text;
      const cs = Math.min(span(cell.columnSpan), width - col);
      const rs = Math.min(span(cell.rowSpan), rows.length - r);
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) if (dr || dc) covered[r + dr][col + dc] = true;
        if (dr) grid[r + dr][col] = text;
      }
      grid[r][col] = text;
      if (!byIndex) col += cs;
    });
  });
  return grid;
}
