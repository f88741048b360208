/**
 * Reading a roadmap from a Google Doc: every table of the body as rows of cell texts.
 *
 * One service call for the whole document: the advanced Docs service's Documents.get returns its
 * structure as JSON (enabled in appsscript.json; scope `documents`), parsed by docsJson.ts. When
 * that service is not there (a copy of the script without the manifest's advanced services, or
 * the Docs API refused), the DocumentApp tree is walked instead, which costs calls for every row
 * and cell: 2 + 2 × cells a row.
 */
import { UserError } from '../app/port';
import { driveId } from '../core/registers/settings';
import { tablesOfDocsJson, type DocsDocument } from './docsJson';

export function readDocTables(ref: string): string[][][] {
  const id = driveId(ref);
  if (!/^[\w-]{6,}$/.test(id)) throw new UserError('Укажите ссылку на Google Документ (https://docs.google.com/document/d/…).');
  return viaDocsApi(id) ?? viaDocumentApp(id);
}

/** null when the advanced service is missing or refuses (the document may still open below). */
function viaDocsApi(id: string): string[][][] | null {
  const docs = typeof Docs === 'undefined' ? undefined : Docs;
  if (!docs?.Documents) return null;
  try {
    return tablesOfDocsJson(docs.Documents.get(id) as DocsDocument);
  } catch {
    return null;
  }
}

function viaDocumentApp(id: string): string[][][] {
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openById(id);
  } catch {
    throw new UserError('Документ не открылся: проверьте ссылку и доступ к нему (нужно право на просмотр).');
  }
  const out: string[][][] = [];
  for (const table of doc.getBody().getTables()) {
    const rows: string[][] = [];
    const numRows = table.getNumRows();
    for (let r = 0; r < numRows; r++) {
      const row = table.getRow(r);
      const cells: string[] = [];
      const numCells = row.getNumCells();
      // getText() gives a line break inside a paragraph (Shift+Enter) as "\r".
      for (let c = 0; c < numCells; c++) cells.push(row.getCell(c).getText().replace(/\r\n?/g, '\n'));
      rows.push(cells);
    }
    out.push(rows);
  }
  return out;
}
