/**
 * The tables and plain paragraphs of a .docx (word/document.xml), as text, for the roadmap
 * importer. Cells are laid on the table grid: a cell spanning columns (gridSpan) puts its text
 * in its first column and empty strings in the others; a vertically merged cell (vMerge) repeats
 * its text in every row it covers (a shared deadline or responsible belongs to each item).
 * Paragraphs inside a cell are joined with "\n", line breaks (w:br) and tabs kept as such.
 * Deleted text of tracked changes is skipped; content controls, hyperlinks and insertions are read.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import type { DocumentTables } from '../core/roadmap/importTypes';

/** Tables on their grids; paragraphs outside tables, in order, empty ones left out. */
export type DocxContent = DocumentTables;

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: false,
});

function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}

function children(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, string> | undefined;
  return a ? a[name] : undefined;
}

/** Text of a paragraph-level subtree (runs, hyperlinks, insertions…). */
function runText(nodes: XNode[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') out += String(n['#text'] ?? '');
    else if (tag === 'w:t') out += children(n).map((c) => String(c['#text'] ?? '')).join('');
    else if (tag === 'w:tab') out += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') out += '\n';
    else if (tag === 'w:noBreakHyphen') out += '-';
    else if (tag === 'w:sym') out += '';
    else if (tag === 'w:del' || tag === 'w:delText' || tag === 'w:instrText' || tag === 'w:rPr' || tag === 'w:pPr') continue;
    else if (tag === 'w:fldSimple' || tag === 'w:r' || tag === 'w:hyperlink' || tag === 'w:ins' || tag === 'w:smartTag' || tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml' || tag === 'w:bdo' || tag === 'w:dir')
      out += runText(children(n));
  }
  return out;
}

function paragraphText(p: XNode): string {
  return runText(children(p));
}

/** Paragraph texts of a cell (nested tables flattened into lines). */
function cellText(tc: XNode): string {
  const lines: string[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') lines.push(paragraphText(n));
      else if (tag === 'w:tbl') {
        for (const row of tableRows(n)) lines.push(row.filter(Boolean).join(' '));
      } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(children(n));
    }
  };
  walk(children(tc));
  return lines.join('\n').replace(/\n+$/, '');
}

interface CellInfo {
  text: string;
  span: number;
  vMerge?: 'restart' | 'continue';
}

function cellInfo(tc: XNode): CellInfo {
  let span = 1;
  let vMerge: CellInfo['vMerge'];
  const pr = children(tc).find((c) => tagOf(c) === 'w:tcPr');
  if (pr) {
    for (const c of children(pr)) {
      const tag = tagOf(c);
      if (tag === 'w:gridSpan') span = Math.max(1, Math.min(64, parseInt(attr(c, 'w:val') ?? '1', 10) || 1));
      if (tag === 'w:vMerge') vMerge = attr(c, 'w:val') === 'restart' ? 'restart' : 'continue';
    }
  }
  return { text: cellText(tc), span, vMerge };
}

/** Rows of one w:tbl on its grid, merged cells resolved. */
function tableRows(tbl: XNode): string[][] {
  const rows: string[][] = [];
  const above: Array<string | undefined> = []; // text of the vMerge chain open in each grid column
  const collectRows = (nodes: XNode[], into: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tr') into.push(n);
      else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') collectRows(children(n), into);
    }
  };
  const trs: XNode[] = [];
  collectRows(children(tbl), trs);
  for (const tr of trs) {
    const cells: XNode[] = [];
    const collectCells = (nodes: XNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (tag === 'w:tc') cells.push(n);
        else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') collectCells(children(n));
      }
    };
    collectCells(children(tr));
    // w:gridBefore: empty grid columns at the start of the row
    const trPr = children(tr).find((c) => tagOf(c) === 'w:trPr');
    const before = trPr ? children(trPr).find((c) => tagOf(c) === 'w:gridBefore') : undefined;
    const row: string[] = [];
    const skip = before ? parseInt(attr(before, 'w:val') ?? '0', 10) || 0 : 0;
    for (let k = 0; k < skip && k < 64; k++) row.push('');
    for (const tc of cells) {
      const info = cellInfo(tc);
      const col = row.length;
      let text = info.text;
      if (info.vMerge === 'continue') text = above[col] ?? '';
      else if (info.vMerge === 'restart') above[col] = text;
      else above[col] = undefined;
      row.push(text);
      for (let k = 1; k < info.span; k++) {
        above[col + k] = undefined;
        row.push('');
      }
    }
    rows.push(row);
  }
  return rows;
}

/** Reads every table and the plain paragraphs of a .docx. Throws on a file that is not a .docx. */
export async function readDocxTables(data: Uint8Array | ArrayBuffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(data);
  const doc = zip.file('word/document.xml');
  if (!doc) throw new Error('в файле нет word/document.xml — это не документ Word (.docx)');
  const xml = await doc.async('string');
  const tree = parser.parse(xml) as XNode[];
  const tables: string[][][] = [];
  const paragraphs: string[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tbl') tables.push(tableRows(n));
      else if (tag === 'w:p') {
        const t = paragraphText(n);
        if (t.trim()) paragraphs.push(t);
      } else if (tag === 'w:document' || tag === 'w:body' || tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(children(n));
    }
  };
  walk(tree);
  return { tables, paragraphs };
}
