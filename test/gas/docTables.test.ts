/**
 * Reading a roadmap from a Google Doc (src/gas/docTables.ts): through the advanced Docs service
 * (one Documents.get, whatever the rows), else through DocumentApp. Both give the same tables,
 * a Shift+Enter line break as "\n".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { createGasFakes, FakeTable, type FakeDocument, type GasFakes } from '../fakes/gas';
import { readDocTables } from '../../src/gas/docTables';

const root = join(__dirname, '..', '..');
let code = '';

beforeAll(() => {
  // Own output folder: other suites rebuild dist/ while this one runs.
  const out = mkdtempSync(join(tmpdir(), 'nastavnik-doctables-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe', env: { ...process.env, NASTAVNIK_DIST: out } });
  code = readFileSync(join(out, 'Code.js'), 'utf8');
});

/** A curator's roadmap in Google Docs: `items` rows under a heading row and a merged section row. */
function roadmap(fakes: GasFakes, items: number): FakeDocument {
  const doc = fakes.globals.DocumentApp.create('Дорожная карта');
  doc.getBody().appendParagraph('Дорожная карта на 2025-2026 учебный год');
  const rows = [['№', 'Мероприятие', 'Срок', 'Ответственный'], ['1. Подготовительный этап', '', '', '']];
  for (let i = 1; i <= items; i++) rows.push([`1.${i}`, `Мероприятие ${i}`, `до ${String((i % 28) + 1).padStart(2, '0')}.10.2025`, i % 2 ? 'Куратор' : '']);
  const table = doc.getBody().appendTable(rows);
  // A Shift+Enter line break inside the first item's title: one paragraph with "\n" in it.
  table.getCell(2, 1).getChild(0).asParagraph().setText('Приказ о назначении куратора\nи рабочей группы');
  const raw = fakes.drive.files.get(doc.getId())!.doc!;
  const t = raw.body.children.find((c): c is FakeTable => c instanceof FakeTable)!;
  t._merge(1, 0, 1, 4);
  raw.saveAndClose();
  return raw;
}

const expected = (items: number) => {
  const rows = [['№', 'Мероприятие', 'Срок', 'Ответственный'], ['1. Подготовительный этап', '', '', '']];
  for (let i = 1; i <= items; i++) rows.push([`1.${i}`, i === 1 ? 'Приказ о назначении куратора\nи рабочей группы' : `Мероприятие ${i}`, `до ${String((i % 28) + 1).padStart(2, '0')}.10.2025`, i % 2 ? 'Куратор' : '']);
  return [rows];
};

/** Calls of the Docs API and of the Document service. */
const DOC_CALLS = /^(Docs|DocsDocuments|DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text)\./;
const docCalls = (fakes: GasFakes) => Object.fromEntries(Object.entries(fakes.calls.byName).filter(([k]) => DOC_CALLS.test(k)));

describe('readDocTables', () => {
  it.each([
    ['the advanced Docs service', undefined],
    ['DocumentApp when the Docs service is not enabled', ['Drive']],
  ])('through %s: every table as rows of cell texts, a line break inside a cell as "\\n"', (_label, advancedServices) => {
    const fakes = createGasFakes({ advancedServices });
    const undo = fakes.install();
    try {
      const doc = roadmap(fakes, 3);
      fakes.calls.reset();
      expect(readDocTables(doc.getId())).toEqual(expected(3));
      expect(() => readDocTables('не ссылка')).toThrow(/ссылку на Google Документ/);
      expect(() => readDocTables('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).toThrow(/Документ не открылся/);
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
        expect(readDocTables(doc.getId())).toEqual(expected(items));
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
      expect(readDocTables(doc.getId())).toEqual(expected(2));
    } finally {
      g.Docs = saved;
      undo();
    }
  });

  it('without the documents scope neither path opens the document: the curator gets the Russian message', () => {
    const fakes = createGasFakes({ scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/drive.file'] });
    const undo = fakes.install();
    try {
      const doc = fakes.drive.files.get(roadmapWithoutScopes(fakes))!.doc!;
      expect(() => readDocTables(doc.getId())).toThrow(/Документ не открылся/);
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

  it('without the Docs service the same import is read through DocumentApp (calls then grow with rows)', () => {
    const viaApi = importFrom(5);
    const fallback = importFrom(5, ['Drive']);
    expect(fallback.res).toEqual(viaApi.res);
    expect(fallback.calls['DocsDocuments.get']).toBeUndefined();
    expect(fallback.calls['TableCell.getText']).toBe(4 * 7);
    expect(importFrom(50, ['Drive']).calls['TableCell.getText']).toBe(4 * 52);
  });
});
