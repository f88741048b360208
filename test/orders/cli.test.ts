import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixtureWorkbook } from './workbook';
import { readDocx } from './docxread';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';

const CLI = resolve(__dirname, '..', '..', 'dist-node', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

let dir: string;
let book: string;
beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [resolve(__dirname, '..', '..', 'scripts', 'build.mjs')]);
  dir = mkdtempSync(join(tmpdir(), 'orders-cli-'));
  book = join(dir, 'книга.xlsx');
  await fixtureWorkbook().save(book);
});

describe('nastavnik order', () => {
  test('writes the .docx and prints its path', async () => {
    const out = join(dir, 'приказ.docx');
    const r = run(['order', 'curator', book, '--out', out, '--number', '7', '--date', '2026-02-15']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    const doc = await readDocx(readFileSync(out));
    expect(doc.text).toContain('Назначить Ахремкину Людмилу Михайловну, заместителя директора по УВР, куратором');
    expect(doc.tables[0]).toEqual([['15 февраля 2026 г.', '№ 7']]);
    expect(doc.xml).toContain('<w:sz w:val="28"/>');
  });

  test('pairs: consent warnings on stderr, the workbook unchanged without --save', async () => {
    const out = join(dir, 'pairs.docx');
    const r = run(['order', 'pairs', book, '--out', out, '--date', '2026-11-22']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/предупреждение: .*Н-003/);
    expect(r.stderr).not.toContain('Безсогласия');
    const doc = await readDocx(readFileSync(out));
    expect(doc.text).toContain('№ НМ-1/2026');
    expect((await XlsxWorkbook.load(book)).sheetNames()).not.toContain('Журнал приказов');
    // Repeatable.
    expect(run(['order', 'pairs', book, '--out', out, '--date', '2026-11-22']).status).toBe(0);
  });

  test('--save records the order in the journal and the pairs', async () => {
    const copy = join(dir, 'saved.xlsx');
    await fixtureWorkbook().save(copy);
    const r = run(['order', 'pairs', copy, '--out', join(dir, 'p.docx'), '--date', '2026-11-22', '--save']);
    expect(r.status).toBe(0);
    const wb = await XlsxWorkbook.load(copy);
    expect(wb.readSheet('Журнал приказов')!.values[1][0]).toBe('НМ-1/2026');
    expect(wb.readSheet('Пары')!.values[1][6]).toBe('№ НМ-1/2026 от 22.11.2026');
  });

  test('awards with --people; bad usage exits 2 with one Russian line', () => {
    const out = join(dir, 'awards.docx');
    expect(run(['order', 'awards', book, '--out', out, '--people', 'Н-001,Н-002']).status).toBe(0);
    for (const args of [
      ['order', 'fire', book, '--out', out],
      ['order', 'pairs', book],
      ['order', 'pairs', join(dir, 'нет.xlsx'), '--out', out],
      ['order', 'pairs', book, '--out', out, '--date', '2026-13-01'],
      ['order', 'awards', book, '--out', out],
    ]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^nastavnik: /);
      expect(r.stderr).not.toMatch(/at .*\.js/);
    }
  });

  test('awards without --people says how to choose them', () => {
    const r = run(['order', 'awards', book, '--out', join(dir, 'a.docx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('nastavnik: Выберите наставников для поощрения. Укажите их: --people Н-001,Н-002\n');
  });

  test('missing settings: the list of what to fill in', async () => {
    const bad = join(dir, 'bad.xlsx');
    await fixtureWorkbook({ 'ФИО руководителя': null }).save(bad);
    const r = run(['order', 'roadmap', bad, '--out', join(dir, 'r.docx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Заполните на листе «Настройки»: «ФИО руководителя»');
  });
});
