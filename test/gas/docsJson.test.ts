/**
 * The Docs API's JSON of a roadmap (documents.get, v1) → tables of cell texts. The documents
 * below are written as the API returns them: a section break first, indexes, styles, every
 * paragraph ending in "\n", a line break inside a paragraph as U+000B, chips as their own
 * elements, merged cells as spans on the upper-left cell with the covered cells still listed.
 */
import { documentOfDocsJson, type DocsDocument, type DocsParagraphElement, type DocsTableCell } from '../../src/gas/docsJson';

let index = 1;
/** A paragraph of runs, as the API writes it (the last run ends with "\n"). */
function para(...runs: Array<string | DocsParagraphElement>) {
  const elements = runs.map((r) => {
    const el = typeof r === 'string' ? { textRun: { content: r, textStyle: {} } } : r;
    const len = typeof r === 'string' ? r.length : 1;
    const out = { startIndex: index, endIndex: index + len, ...el };
    index += len;
    return out;
  });
  const last = elements[elements.length - 1];
  if (!last?.textRun?.content?.endsWith('\n')) elements.push({ startIndex: index, endIndex: ++index, textRun: { content: '\n', textStyle: {} } });
  return { startIndex: elements[0]?.startIndex ?? index, endIndex: index, paragraph: { elements, paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' } } };
}
function cell(paragraphs: Array<ReturnType<typeof para>>, span: { rowSpan?: number; columnSpan?: number } = {}): DocsTableCell {
  return {
    content: paragraphs,
    tableCellStyle: { rowSpan: span.rowSpan ?? 1, columnSpan: span.columnSpan ?? 1, backgroundColor: {}, contentAlignment: 'TOP' },
  } as DocsTableCell;
}
const text = (s: string, span?: { rowSpan?: number; columnSpan?: number }) => cell([para(s)], span);
const empty = () => cell([para('\n')]);

/** The roadmap of a school as a curator keeps it in Google Docs. */
function roadmapDoc(omitCovered: boolean): DocsDocument {
  index = 1;
  const rows: DocsTableCell[][] = [
    [text('№ п/п'), text('Мероприятие'), text('Срок'), text('Ответственный')],
    // A section heading merged across the whole row.
    [text('1. Подготовительный этап (ежегодно)', { columnSpan: 4 }), empty(), empty(), empty()],
    [
      text('1.1'),
      // Two paragraphs, the first with a Shift+Enter line break inside.
      cell([para('Приказ о назначении куратора\u000bи рабочей группы'), para('- проект приказа;')]),
      cell([para({ dateElement: { dateElementProperties: { displayText: '1 окт. 2025 г.' } } }, ' (до этой даты)\n')]),
      // The same people responsible for two items: merged down.
      cell([para({ person: { personProperties: { name: 'Орлова Вера Ивановна', email: 'orlova@school.ru' } } }, ', куратор\n')], { rowSpan: 2 }),
    ],
    [text('1.2'), cell([para('Положение о наставничестве'), para({ richLink: { richLinkProperties: { title: 'Положение.docx', uri: 'https://drive.google.com/file/d/x' } } })]), text('октябрь'), empty()],
    [text('1.3'), text('Анкетирование'), empty(), text('Педагог-психолог')],
  ];
  if (omitCovered) {
    rows[1] = rows[1].slice(0, 1);
    rows[3] = rows[3].slice(0, 3);
  }
  return {
    body: {
      content: [
        { sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } },
        para('Дорожная карта внедрения целевой модели наставничества на 2025-2026 учебный год'),
        { startIndex: index, endIndex: index + 100, table: { rows: rows.length, columns: 4, tableRows: rows.map((tableCells) => ({ tableCells, tableRowStyle: { minRowHeight: { unit: 'PT' } } })), tableStyle: {} } },
        para('\n'),
      ],
    } as DocsDocument['body'],
  };
}

const EXPECTED = [
  ['№ п/п', 'Мероприятие', 'Срок', 'Ответственный'],
  ['1. Подготовительный этап (ежегодно)', '', '', ''],
  ['1.1', 'Приказ о назначении куратора\nи рабочей группы\n- проект приказа;', '1 окт. 2025 г. (до этой даты)', 'Орлова Вера Ивановна, куратор'],
  ['1.2', 'Положение о наставничестве\nПоложение.docx', 'октябрь', 'Орлова Вера Ивановна, куратор'],
  ['1.3', 'Анкетирование', '', 'Педагог-психолог'],
];

const tablesOfDocsJson = (doc: DocsDocument | undefined) => documentOfDocsJson(doc).tables;

describe('documentOfDocsJson: tables', () => {
  it('reads the table on its grid: paragraphs and line breaks as "\\n", chips as their text, a row merge in its first cell, a column merge repeated down', () => {
    expect(tablesOfDocsJson(roadmapDoc(false))).toEqual([EXPECTED]);
  });

  it('reads the same when the covered cells of a merge are left out of their rows', () => {
    expect(tablesOfDocsJson(roadmapDoc(true))).toEqual([EXPECTED]);
  });

  it('every top-level table in order; a nested table’s cells become lines of its cell', () => {
    index = 1;
    const inner = { table: { columns: 2, tableRows: [{ tableCells: [text('а'), text('б')] }] } };
    const doc: DocsDocument = {
      body: {
        content: [
          { table: { columns: 2, tableRows: [{ tableCells: [text('x'), cell([para('до'), inner as never])] }] } },
          para('между'),
          { table: { columns: 1, tableRows: [{ tableCells: [text('y')] }, { tableCells: [] }] } },
        ],
      },
    };
    expect(tablesOfDocsJson(doc)).toEqual([[['x', 'до\nа\nб']], [['y'], ['']]]);
  });

  it('never throws on what the API might leave out or get wrong', () => {
    expect(tablesOfDocsJson(undefined)).toEqual([]);
    expect(tablesOfDocsJson({})).toEqual([]);
    expect(tablesOfDocsJson({ body: {} })).toEqual([]);
    expect(tablesOfDocsJson({ body: { content: [{ table: {} }, { paragraph: {} }] } })).toEqual([[]]);
    // Spans beyond the table are cut at its edge; a nonsense span counts as 1.
    const odd = { body: { content: [{ table: { columns: 2, tableRows: [{ tableCells: [text('a', { columnSpan: 9, rowSpan: 9 }), text('b')] }, { tableCells: [text('c', { columnSpan: -3 }), text('d')] }] } }] } };
    expect(tablesOfDocsJson(odd as DocsDocument)).toEqual([[['a', ''], ['a', '']]]);
  });
});

describe('documentOfDocsJson: paragraphs outside tables (the title and preamble with the period and targets)', () => {
  it('in document order, as the .docx reader gives them: non-empty only, chips as text, a line break as "\\n", none from inside a table', () => {
    index = 1;
    const doc: DocsDocument = {
      body: {
        content: [
          { sectionBreak: {} } as never,
          para('Дорожная карта внедрения целевой модели наставничества'),
          para('\n'),
          para('(2020-2024 гг.)'),
          para('Цель: к концу ', { dateElement: { dateElementProperties: { displayText: '2020 года' } } }, ' не менее 10%\u000bк концу 2024 года не менее 70%\n'),
          { tableOfContents: { content: [para('1. Подготовка'), para('   ')] } },
          roadmapDoc(false).body!.content![2],
          para('Директор ', { person: { personProperties: { email: 'director@school.ru' } } }, '\n'),
          { paragraph: {} },
        ],
      },
    };
    expect(documentOfDocsJson(doc).paragraphs).toEqual([
      'Дорожная карта внедрения целевой модели наставничества',
      '(2020-2024 гг.)',
      'Цель: к концу 2020 года не менее 10%\nк концу 2024 года не менее 70%',
      '1. Подготовка',
      'Директор director@school.ru',
    ]);
    expect(documentOfDocsJson(doc).tables).toEqual([EXPECTED]);
    expect(documentOfDocsJson(roadmapDoc(true)).paragraphs).toEqual(['Дорожная карта внедрения целевой модели наставничества на 2025-2026 учебный год']);
    expect(documentOfDocsJson(undefined)).toEqual({ tables: [], paragraphs: [] });
  });
});
