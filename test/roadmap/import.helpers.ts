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
