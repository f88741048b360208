/** `nastavnik summary`: the department review over local .xlsx files, through the built CLI. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';
import { SUMMARY_SHEET } from '../../src/core/monitoring/consolidate';
import { schoolTabs } from '../department/schools';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nastavnik.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

let dir = '';
let list = '';
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'summary-cli-'));
  const school = XlsxWorkbook.create();
  for (const [name, rows] of Object.entries(schoolTabs({ shortName: 'СОШ № 2', pupils: 10, target: '10%', pairs: 1 }))) {
    school.createSheet(name, rows[0] as string[]);
    if (rows.length > 1) school.writeValues(name, 1, 0, rows.slice(1));
  }
  await school.save(join(dir, 'school2.xlsx'));
  const book = XlsxWorkbook.create();
  book.createSheet('Список школ', ['Школа', 'Ссылка']);
  book.writeValues('Список школ', 1, 0, [
    ['СОШ № 2', 'school2.xlsx'],
    ['СОШ № 7', 'нет-такого.xlsx'],
  ]);
  list = join(dir, 'сводная.xlsx');
  await book.save(list);
});

test('writes «Сводка» into a copy, leaves the book as it was, exits 1 when a school was not read', async () => {
  const copy = join(dir, 'копия.xlsx');
  const r = run(['summary', list, '--out', copy, '--as-of', '2026-11-22']);
  // The log on stderr names rows and reasons, never a stack.
  expect(r.stderr).toMatch(/row 3 not opened \(notFound\)/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/^Собрано: 1 из 2, не открылись: 1/);
  const written = await XlsxWorkbook.load(copy);
  const rows = written.readSheet(SUMMARY_SHEET)!.values.map((row) => row.join('|'));
  expect(rows.some((row) => row.includes('СОШ № 2') && row.includes('school2.xlsx'))).toBe(true);
  expect(rows.some((row) => row.includes('СОШ № 7') && /не найден/i.test(row))).toBe(true);
  expect((await XlsxWorkbook.load(list)).sheetNames()).not.toContain(SUMMARY_SHEET);
});

test('--json gives the counts; the book itself is written without --out', async () => {
  const r = run(['summary', list, '--json', '--as-of', '2026-11-22']);
  expect(r.status).toBe(1);
  expect(JSON.parse(r.stdout)).toEqual({
    asOf: '2026-11-22',
    sheet: SUMMARY_SHEET,
    counts: expect.objectContaining({ total: 2, ok: 1, failed: 1 }),
    summary: expect.stringMatching(/^Собрано: 1 из 2/),
  });
  expect((await XlsxWorkbook.load(list)).sheetNames()).toContain(SUMMARY_SHEET);
});

test('a book without the list says what to do, exit 2, no stack', async () => {
  const empty = XlsxWorkbook.create();
  empty.createSheet('Лист1', ['Заметки']);
  const path = join(dir, 'пустая.xlsx');
  await empty.save(path);
  const r = run(['summary', path]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^nastavnik: Нет листа «Список школ»/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(run(['summary']).status).toBe(2);
});
