/**
 * Reading a roadmap from a Google Doc: every table of the body as rows of cell texts, and the
 * paragraphs outside the tables (the title and preamble state the period and the targets), as
 * the .docx reader gives them for `nastavnik roadmap`.
 *
 * One service call for the whole document: the advanced Docs service's Documents.get returns its
 * structure as JSON (enabled in appsscript.json; scope `documents`), parsed by docsJson.ts. When
 * that service is not there (a copy of the script without the manifest's advanced services, or
 * the Docs API refused), the DocumentApp tree is walked instead, which costs calls for every row
 * and cell: 2 + 2 × cells a row, and a row span asked of each non-empty cell. The paragraphs cost
 * 1 + 1 a table there, whatever the rows.
 */
import { UserError } from '../app/port';
import { driveId } from '../core/registers/settings';
import type { DocumentTables } from '../core/roadmap/importTypes';
import { cellsOnGrid, documentOfDocsJson, type DocsDocument, type GridCell } from './docsJson';

export function readDocContent(ref: string): DocumentTables {
  const id = driveId(ref);
  if (!/^[\w-]{6,}$/.test(id)) throw new UserError('Укажите ссылку на Google Документ (https://docs.google.com/document/d/…).');
  return viaDocsApi(id) ?? viaDocumentApp(id);
}

/** null when the advanced service is missing or refuses (the document may still open below). */
function viaDocsApi(id: string): DocumentTables | null {
  const docs = typeof Docs === 'undefined' ? undefined : Docs;
  if (!docs?.Documents) return null;
  try {
    return documentOfDocsJson(docs.Documents.get(id) as DocsDocument);
  } catch {
    return null;
  }
}

type Body = GoogleAppsScript.Document.Body;
type Table = GoogleAppsScript.Document.Table;

/** getText() gives a line break inside a paragraph (Shift+Enter) as "\r". */
const lineBreaks = (s: string) => s.replace(/\r\n?/g, '\n');

function viaDocumentApp(id: string): DocumentTables {
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openById(id);
  } catch {
    throw new UserError('Документ не открылся: проверьте ссылку и доступ к нему (нужно право на просмотр).');
  }
  const body = doc.getBody();
  const tables = body.getTables();
  return { tables: tables.map(tableCells), paragraphs: paragraphsOutside(body, tables) };
}

/**
 * A table on the same grid as the JSON path gives. DocumentApp lists every cell of a row, those
 * a merge covers as empty cells, so a column merge needs no call; a row merge is learnt from the
 * upper-left cell's getRowSpan(), asked only of cells with text (an empty cell repeats nothing).
 */
function tableCells(table: Table): string[][] {
  const rows: GridCell[][] = [];
  const numRows = table.getNumRows();
  for (let r = 0; r < numRows; r++) {
    const row = table.getRow(r);
    const cells: GridCell[] = [];
    const numCells = row.getNumCells();
    for (let c = 0; c < numCells; c++) {
      const cell = row.getCell(c);
      const text = lineBreaks(cell.getText());
      cells.push(text ? { text, rowSpan: cell.getRowSpan() } : { text });
    }
    rows.push(cells);
  }
  return cellsOnGrid(rows);
}

/**
 * The non-empty paragraphs outside the tables, in order. Body.getText() gives the whole body in
 * one call, but the reference does not say how a table's cells are written into it: each
 * table's own getText() is cut out of it where it stands, whatever its separators, and the rest
 * is split into paragraphs at "\n". Should a table's text not be found there, the body's
 * top-level elements are read one by one (calls then grow with the paragraphs, not the rows).
 */
function paragraphsOutside(body: Body, tables: Table[]): string[] {
  const text = body.getText();
  const parts: string[] = [];
  let at = 0;
  for (const table of tables) {
    const own = table.getText();
    const found = text.indexOf(own, at);
    if (found < 0) return paragraphsByElement(body);
    parts.push(text.slice(at, found));
    at = found + own.length;
  }
  parts.push(text.slice(at));
  return parts.flatMap((p) => p.split('\n')).map(lineBreaks).filter((p) => p.trim());
}

function paragraphsByElement(body: Body): string[] {
  const E = DocumentApp.ElementType;
  const out: string[] = [];
  const add = (text: string) => {
    const p = lineBreaks(text);
    if (p.trim()) out.push(p);
  };
  const n = body.getNumChildren();
  for (let i = 0; i < n; i++) {
    const el = body.getChild(i);
    const type = String(el.getType());
    if (type === String(E.PARAGRAPH)) add(el.asParagraph().getText());
    else if (type === String(E.LIST_ITEM)) add(el.asListItem().getText());
    // A table of contents holds a paragraph an entry.
    else if (type === String(E.TABLE_OF_CONTENTS)) el.asTableOfContents().getText().split('\n').forEach(add);
  }
  return out;
}
