/**
 * Reading a roadmap from a Google Doc: every table as rows of cell texts (one DocumentApp read of
 * the body; cells' paragraphs joined by new lines so continuation lines survive).
 */
import { UserError } from '../app/port';
import { driveId } from '../core/registers/settings';

export function readDocTables(ref: string): string[][][] {
  const id = driveId(ref);
  if (!/^[\w-]{6,}$/.test(id)) throw new UserError('Укажите ссылку на Google Документ (https://docs.google.com/document/d/…).');
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openById(id);
  } catch {
    throw new UserError('Документ не открылся: проверьте ссылку и доступ к нему (нужно право на просмотр).');
  }
  const body = doc.getBody();
  const out: string[][][] = [];
  for (const table of body.getTables()) {
    const rows: string[][] = [];
    for (let r = 0; r < table.getNumRows(); r++) {
      const row = table.getRow(r);
      const cells: string[] = [];
      for (let c = 0; c < row.getNumCells(); c++) cells.push(row.getCell(c).getText());
      rows.push(cells);
    }
    out.push(rows);
  }
  return out;
}
