/** A small roadmap .docx built with the `docx` package, shared by the importer's tests. */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const cell = (text: string | string[], opts: { columnSpan?: number; rowSpan?: number; bold?: boolean } = {}) =>
  new TableCell({
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    children: (Array.isArray(text) ? text : [text]).map(
      (t) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: t, bold: opts.bold })] }),
    ),
  });

export async function buildRoadmapDocx(): Promise<Buffer> {
  const table = new Table({
    rows: [
      new TableRow({ children: ['№ п/п', 'Наименование  мероприятия', 'Сроки проведения', 'Ответственные исполнители', 'Примечание'].map((h) => cell(h)) }),
      new TableRow({ children: [cell('1. Подготовительный этап (ежегодно)', { columnSpan: 5, bold: true })] }),
      new TableRow({
        children: [
          cell('1.1'),
          cell(['Организация работы пар:', '- встреча-знакомство;', '- пробная   встреча.']),
          cell('сентябрь'),
          cell('Куратор', { rowSpan: 2 }),
          cell('Протокол'),
        ],
      }),
      new TableRow({ children: [cell('1.2'), cell('Сбор согласий на обработку ПДн'), cell('октябрь'), cell('Приказ')] }),
      new TableRow({ children: [cell('2. Завершение', { columnSpan: 5, bold: true })] }),
      new TableRow({ children: [cell('2.1'), cell('Итоговая встреча & награждение'), cell('май 2022 г.'), cell('Директор'), cell('')] }),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('Дорожная карта внедрения целевой модели наставничества на 2021-2022 учебный год'),
          new Paragraph('Цель: к концу 2022 года не менее 25 % обучающихся вовлечены в наставничество'),
          table,
          new Paragraph('Директор ____________'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A roadmap document as a curator keeps it in Word or Google Docs: paragraphs above the table,
 * the table's rows on its grid (the cells a merge covers left ''), merges down one column, and
 * paragraphs below.
 */
export interface RoadmapDocSpec {
  before: string[];
  rows: string[][];
  merges: Array<{ row: number; col: number; rows: number }>;
  after: string[];
}

/** The grid every reader should give for a spec: a merged cell's text repeated down its rows. */
export function specGrid(spec: RoadmapDocSpec): string[][] {
  const grid = spec.rows.map((r) => r.slice());
  for (const m of spec.merges) for (let k = 1; k < m.rows; k++) grid[m.row + k][m.col] = grid[m.row][m.col];
  return grid;
}

/**
 * The Word document a tabbed roadmap text (as in fixtures/roadmaps, exported from Word) came
 * from: the lines above the table are paragraphs («# » of a heading dropped); a tabbed line is a
 * row; a line with an empty first cell continues the row above over a page break (its cells
 * become further lines of the cells above); page debris («--» rows, <p> tags) is dropped. As a
 * curator often does, equal deadlines and equal responsibles of consecutive items (within a
 * section) are merged down in `mergeColumns`.
 */
export function roadmapDocFromText(text: string, mergeColumns: number[] = []): RoadmapDocSpec {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.includes('\t'));
  const before = lines.slice(0, first).map((l) => l.replace(/^#+\s*/, '').trim()).filter(Boolean);
  const rows: string[][] = [];
  let width = 0;
  for (const line of lines.slice(first)) {
    if (!line.includes('\t')) continue;
    const cells = line.split('\t').map((c) => c.replace(/<\/?[a-z]+>/gi, '').trim());
    if (cells.every((c) => /^-*$/.test(c))) continue;
    width ||= cells.length;
    while (cells.length < width) cells.push('');
    const above = rows[rows.length - 1];
    if (!cells[0] && above) {
      cells.forEach((c, k) => {
        if (c) above[k] = above[k] ? `${above[k]}\n${c}` : c;
      });
      continue;
    }
    rows.push(cells.slice(0, width));
  }
  const isItem = (r: string[]) => r.slice(1).some(Boolean);
  const merges: RoadmapDocSpec['merges'] = [];
  for (const col of mergeColumns) {
    for (let r = 1; r < rows.length; ) {
      let end = r + 1;
      if (isItem(rows[r]) && rows[r][col]) while (end < rows.length && isItem(rows[end]) && rows[end][col] === rows[r][col]) end++;
      if (end - r > 1) {
        merges.push({ row: r, col, rows: end - r });
        for (let k = r + 1; k < end; k++) rows[k][col] = '';
      }
      r = end;
    }
  }
  return { before, rows, merges, after: [] };
}

/** The spec as a .docx: merges as vertical merges (w:vMerge), a cell's lines as its paragraphs. */
export async function buildDocxOf(spec: RoadmapDocSpec): Promise<Buffer> {
  const span = new Map(spec.merges.map((m) => [`${m.row}:${m.col}`, m.rows]));
  const covered = new Set(spec.merges.flatMap((m) => Array.from({ length: m.rows - 1 }, (_, k) => `${m.row + k + 1}:${m.col}`)));
  const table = new Table({
    rows: spec.rows.map(
      (r, i) =>
        new TableRow({
          children: r.flatMap((text, c) => (covered.has(`${i}:${c}`) ? [] : [cell(text.split('\n'), { rowSpan: span.get(`${i}:${c}`) })])),
        }),
    ),
  });
  const doc = new Document({
    sections: [{ children: [...spec.before.map((p) => new Paragraph(p)), table, ...spec.after.map((p) => new Paragraph(p))] }],
  });
  return Packer.toBuffer(doc);
}
