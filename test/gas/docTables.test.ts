/**
 * Reading a roadmap from a Google Doc (src/gas/docTables.ts): through the advanced Docs service
 * (one Documents.get, whatever the rows), else through DocumentApp. Both give the same tables
 * (merged cells on the same grid, a Shift+Enter line break as "\n") and the same paragraphs
 * outside the tables.
 */
import * as vm from 'node:vm';
import { buildBundle } from '../helpers/bundle';
import { createGasFakes, FakeTable, type FakeDocument, type GasFakes } from '../fakes/gas';
import { readDocContent } from '../../src/gas/docTables';

let code = '';

beforeAll(() => {
  code = buildBundle().code;
});

/**
 * A curator's roadmap in Google Docs: a title and a target above the table, `items` rows under a
 * heading row and a merged section row, the first two items sharing a responsible (merged down),
 * a signature below.
 */
function roadmap(fakes: GasFakes, items: number): FakeDocument {
  const doc = fakes.globals.DocumentApp.create('Дорожная карта');
  const body = doc.getBody();
  body.getChild(0).asParagraph().setText('Дорожная карта на 2025-2026 учебный год');
  body.appendParagraph('Цель: к концу 2026 года не менее 30%\nобучающихся вовлечены в наставничество');
  const rows = [['№', 'Мероприятие', 'Срок', 'Ответственный'], ['1. Подготовительный этап', '', '', '']];
  for (let i = 1; i <= items; i++) rows.push([`1.${i}`, `Мероприятие ${i}`, `до ${String((i % 28) + 1).padStart(2, '0')}.10.2025`, i % 2 ? 'Куратор' : '']);
  const table = body.appendTable(rows);
  // A Shift+Enter line break inside the first item's title: one paragraph with "\n" in it.
  table.getCell(2, 1).getChild(0).asParagraph().setText('Приказ о назначении куратора\nи рабочей группы');
  body.appendParagraph('Директор ____________');
  const raw = fakes.drive.files.get(doc.getId())!.doc!;
  const t = raw.body.children.find((c): c is FakeTable => c instanceof FakeTable)!;
  t._merge(1, 0, 1, 4);
  if (items >= 2) t._merge(2, 3, 2, 1);
  raw.saveAndClose();
  return raw;
}

const PARAGRAPHS = ['Дорожная карта на 2025-2026 учебный год', 'Цель: к концу 2026 года не менее 30%\nобучающихся вовлечены в наставничество', 'Директор ____________'];

const expected = (items: number) => {
  const rows = [['№', 'Мероприятие', 'Срок', 'Ответственный'], ['1. Подготовительный этап', '', '', '']];
  for (let i = 1; i <= items; i++) rows.push([`1.${i}`, i === 1 ? 'Приказ о назначении куратора\nи рабочей группы' : `Мероприятие ${i}`, `до ${String((i % 28) + 1).padStart(2, '0')}.10.2025`, i % 2 || i === 2 ? 'Куратор' : '']);
  return { tables: [rows], paragraphs: PARAGRAPHS };
};

/** Calls of the Docs API and of the Document service. */
const DOC_CALLS = /^(Docs|DocsDocuments|DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text)\./;
const docCalls = (fakes: GasFakes) => Object.fromEntries(Object.entries(fakes.calls.byName).filter(([k]) => DOC_CALLS.test(k)));

describe('readDocContent', () => {
  it.each([
    ['the advanced Docs service', undefined],
    ['DocumentApp when the Docs service is not enabled', ['Drive']],
  ])('through %s: the tables on their grid (a line break inside a cell as "\\n", a merged responsible repeated down) and the paragraphs outside them', (_label, advancedServices) => {
    const fakes = createGasFakes({ advancedServices });
    const undo = fakes.install();
    try {
      const doc = roadmap(fakes, 3);
      fakes.calls.reset();
      expect(readDocContent(doc.getId())).toEqual(expected(3));
      expect(() => readDocContent('не ссылка')).toThrow(/ссылку на Google Документ/);
      expect(() => readDocContent('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).toThrow(/Документ не открылся/);
    } finally {
      undo();
    }
  });

  it('one Docs API call for the whole document, whatever its rows; DocumentApp only as the fallback', () => {
    for (const items of [3, 120]) {
      const fakes = createGasFakes();
      const undo = fakes.install();
      try {
        const doc = roadmap(fakes, items);
        fakes.calls.reset();
        expect(readDocContent(doc.getId())).toEqual(expected(items));
        expect(docCalls(fakes)).toEqual({ 'DocsDocuments.get': 1 });
      } finally {
        undo();
      }
    }
  });

  it('falls back to DocumentApp when the Docs API refuses (e.g. not enabled in the Cloud project)', () => {
    const fakes = createGasFakes();
    const undo = fakes.install();
    const g = globalThis as Record<string, unknown>;
    const saved = g.Docs;
    try {
      const doc = roadmap(fakes, 2);
      g.Docs = { Documents: { get: () => { throw new Error('GoogleJsonResponseException: API call to docs.documents.get failed with error: Google Docs API has not been used in project 1 before or it is disabled.'); } } };
      expect(readDocContent(doc.getId())).toEqual(expected(2));
    } finally {
      g.Docs = saved;
      undo();
    }
  });

  it('DocumentApp: the paragraphs cost Body.getText and one Table.getText a table, whatever the rows; a row span is asked only of cells with text', () => {
    const read = (items: number) => {
      const fakes = createGasFakes({ advancedServices: ['Drive'] });
      const undo = fakes.install();
      try {
        const doc = roadmap(fakes, items);
        fakes.calls.reset();
        expect(readDocContent(doc.getId())).toEqual(expected(items));
        return docCalls(fakes);
      } finally {
        undo();
      }
    };
    for (const calls of [read(3), read(60)]) {
      expect(calls['Body.getText']).toBe(1);
      expect(calls['Table.getText']).toBe(1);
      expect(calls['Body.getChild']).toBeUndefined();
      expect(calls['Paragraph.getText']).toBeUndefined();
    }
    // Non-empty cells: 4 heading + 1 section + 3 a row but the covered and the even rows' empty responsible.
    const nonEmpty = (items: number) => 5 + 3 * items + Math.ceil(items / 2);
    expect(read(3)['TableCell.getRowSpan']).toBe(nonEmpty(3));
    expect(read(60)['TableCell.getRowSpan']).toBe(nonEmpty(60));
    expect(read(3)['TableCell.getColSpan']).toBeUndefined();
  });

  it('DocumentApp: where Body.getText() does not hold a table\'s text as Table.getText() gives it, the body is read element by element, same paragraphs', () => {
    const fakes = createGasFakes({ advancedServices: ['Drive'] });
    const undo = fakes.install();
    try {
      const doc = roadmap(fakes, 4);
      const body = doc.getBody() as unknown as { getText: () => string };
      // Cells written one a line instead of tab-separated: the reference does not fix the form.
      const table = doc.body.children.find((c): c is FakeTable => c instanceof FakeTable)!;
      body.getText = () => doc.body.children.map((c) => (c === table ? table.rows.map((r) => r.cells.map((x) => x.getText()).join('\n')).join('\n') : (c as { getText(): string }).getText())).join('\n');
      fakes.calls.reset();
      expect(readDocContent(doc.getId())).toEqual(expected(4));
      const calls = docCalls(fakes);
      // The table and four paragraphs (Docs keeps an empty one after a table): still not a call a row.
      expect(doc.body.children).toHaveLength(5);
      expect(calls['Body.getChild']).toBe(5);
      expect(calls['Paragraph.getText']).toBe(4);
    } finally {
      undo();
    }
  });

  it('without the documents scope neither path opens the document: the curator gets the Russian message', () => {
    const fakes = createGasFakes({ scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/drive.file'] });
    const undo = fakes.install();
    try {
      const doc = fakes.drive.files.get(roadmapWithoutScopes(fakes))!.doc!;
      expect(() => readDocContent(doc.getId())).toThrow(/Документ не открылся/);
      // The fake checks the scope of Documents.get as Apps Script does.
      const sheetsOnly = createGasFakes({ scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
      expect(() => sheetsOnly.globals.Docs.Documents.get(doc.getId())).toThrow(/permission to call DocsDocuments\.get/);
    } finally {
      undo();
    }
  });
});

/** A document made behind the fakes' back (the test's own set-up needs no scope). */
function roadmapWithoutScopes(fakes: GasFakes): string {
  const unchecked = createGasFakes({ scopes: null });
  const doc = roadmap(unchecked, 1);
  const file = unchecked.drive.files.get(doc.getId())!;
  fakes.drive.files.set(file.id, file);
  return file.id;
}

describe('dist/Code.js: «Импорт из Google Документа»', () => {
  function importFrom(items: number, advancedServices?: string[]) {
    const fakes = createGasFakes({ advancedServices });
    const ctx = fakes.context();
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    const doc = roadmap(fakes, items);
    fakes.calls.reset();
    const res = ctx.importRoadmapFromDoc(doc.getId());
    return { res, fakes, calls: docCalls(fakes), total: fakes.calls.total };
  }

  it('costs the same calls for 5 rows and for 150, all rows imported', () => {
    const small = importFrom(5);
    const big = importFrom(150);
    expect(small.res).toMatchObject({ added: 5 });
    expect(big.res).toMatchObject({ added: 150 });
    expect(small.calls).toEqual({ 'DocsDocuments.get': 1 });
    expect(big.calls).toEqual(small.calls);
    expect(big.total).toBe(small.total);
    const grid = big.fakes.spreadsheet.getSheetByName('Дорожная карта')!.getDataRange().getValues() as unknown[][];
    const head = grid[0] as string[];
    const titles = grid.slice(1).map((r) => r[head.indexOf('Мероприятие')]);
    expect(titles[0]).toBe('Приказ о назначении куратора и рабочей группы');
    expect(titles).toHaveLength(150);
    expect(grid.slice(1).map((r) => r[head.indexOf('Раздел')])).toEqual(new Array(150).fill('Подготовительный этап'));
  });

  const values = (fakes: GasFakes, sheet: string) => fakes.spreadsheet.getSheetByName(sheet)!.getDataRange().getValues() as unknown[][];

  it('the period and the target stated above the table reach «Настройки», as from a .docx', () => {
    const { res, fakes } = importFrom(5);
    expect(res.period).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(res.summary).toContain('в «Настройки» добавлено: Начало периода, Окончание периода, Цель 2026');
    expect(values(fakes, 'Настройки').slice(-3)).toEqual([
      ['Начало периода', '01.09.2025'],
      ['Окончание периода', '31.08.2026'],
      ['Цель 2026', '30%'],
    ]);
  });

  it('without the Docs service the same import is read through DocumentApp (calls then grow with rows)', () => {
    const viaApi = importFrom(5);
    const fallback = importFrom(5, ['Drive']);
    expect(fallback.res).toEqual(viaApi.res);
    expect(fallback.res.period).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    // The same rows, the responsible merged over items 1.1 and 1.2 in both.
    const sheet = values(fallback.fakes, 'Дорожная карта');
    expect(sheet).toEqual(values(viaApi.fakes, 'Дорожная карта'));
    expect(sheet.slice(1, 3).map((r) => r[(sheet[0] as string[]).indexOf('Ответственный')])).toEqual(['Куратор', 'Куратор']);
    expect(values(fallback.fakes, 'Настройки')).toEqual(values(viaApi.fakes, 'Настройки'));
    expect(fallback.calls['DocsDocuments.get']).toBeUndefined();
    expect(fallback.calls['TableCell.getText']).toBe(4 * 7);
    expect(importFrom(50, ['Drive']).calls['TableCell.getText']).toBe(4 * 52);
  });
});
