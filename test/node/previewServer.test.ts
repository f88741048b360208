/**
 * The preview server and the file on disk: the curator may save the same .xlsx in Excel while the
 * preview runs, and a call may fail half-way. Neither may cost her data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from '../../src/app/api';
import { SHEET_NAMES } from '../../src/core/registers/schemas';
import { buildDemoWorkbook } from '../../src/node/demo';
import { startPreview, type Preview } from '../../src/node/preview/app';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';

let dir: string;
let file: string;
let preview: Preview;
const errors: string[] = [];

const call = async (path: string, body?: unknown) => {
  const res = await fetch(`${preview.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nastavnik': '1' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, failed: !res.ok || !!res.headers.get('X-Nastavnik-Error'), body: (await res.json()) as Record<string, unknown> };
};

/** What Excel does: the whole file written anew with the curator's edit. */
async function editInExcel(edit: (wb: XlsxWorkbook) => void): Promise<void> {
  const other = await XlsxWorkbook.load(file);
  edit(other);
  await new Promise((ok) => setTimeout(ok, 20)); // a later modification time
  await other.save(file);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nastavnik-disk-'));
  file = join(dir, 'реестры.xlsx');
  await buildDemoWorkbook(file).save(file);
  preview = await startPreview({ workbook: file, port: 0, today: '2026-11-22', sidebarHtml: join(dir, 'none.html'), errorLog: (t) => errors.push(t) });
});

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => jest.restoreAllMocks());

test('an edit saved in Excel meanwhile is shown, kept, and the next action works on it', async () => {
  await editInExcel((wb) => wb.writeValues(SHEET_NAMES.mentors, 1, 1, [['Кузнецова-Орлова Ольга Викторовна']]));
  const sheets = await call(`api/sheets?sheet=${encodeURIComponent(SHEET_NAMES.mentors)}`);
  expect((sheets.body.sheet as { values: string[][] }).values[1][1]).toBe('Кузнецова-Орлова Ольга Викторовна');

  const setup = await call('api/rpc/setupSpreadsheet', []);
  expect(setup.failed).toBe(false);
  const saved = await XlsxWorkbook.load(file);
  expect(saved.readSheet(SHEET_NAMES.mentors)!.values[1][1]).toBe('Кузнецова-Орлова Ольга Викторовна');
  expect(saved.sheetNames()).toContain('Журнал приказов');
  expect(errors).toEqual([]);
});

test('a call that fails half-way leaves the file and the grid as they were', async () => {
  const before = (await XlsxWorkbook.load(file)).readSheet(SHEET_NAMES.pairs)!.values;
  jest.spyOn(api, 'highlightDeadlines').mockImplementation((ctx) => {
    ctx.wb.writeValues(SHEET_NAMES.pairs, 1, 0, [['испорчено']]);
    throw new Error('сбой посреди записи');
  });
  const res = await call('api/rpc/highlightDeadlines', []);
  expect(res).toMatchObject({ status: 500, failed: true, body: { error: expect.stringMatching(/Данные не изменены/) } });
  expect(errors.join('\n')).toMatch(/сбой посреди записи/);
  expect((await XlsxWorkbook.load(file)).readSheet(SHEET_NAMES.pairs)!.values).toEqual(before);
  const sheets = await call(`api/sheets?sheet=${encodeURIComponent(SHEET_NAMES.pairs)}`);
  expect((sheets.body.sheet as { values: string[][] }).values[1][0]).toBe('П-1');
  expect(preview.wb.readSheet(SHEET_NAMES.pairs)!.values).toEqual(before);
});
