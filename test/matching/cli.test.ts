import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nastavnik.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

let book: string;
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  book = join(mkdtempSync(join(tmpdir(), 'match-cli-')), 'книга.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Наставники').addRows([
    ['Код', 'ФИО наставника', 'Роль', 'Предмет', 'Формы', 'Лимит наставляемых', 'Согласие ПДн', 'Класс'],
    ['Н-004', 'Орлов Илья', 'обучающийся', 'физика; олимпиады', 'ученик-ученик', 3, 'да', '10Б'],
    ['Н-009', 'Белова Мария', 'обучающийся', 'литература', 'ученик — ученик', 1, 'да', '9А'],
  ]);
  wb.addWorksheet('Наставляемые').addRows([
    ['ID', 'ФИО', 'Категория', 'Класс', 'Дата рождения', 'Ключевой запрос', 'Согласие на обработку ПДн', 'Желаемая форма'],
    ['Нв-012', 'Смирнов Кирилл', 'обучающийся', '7А', '12.03.2013', 'Олимпиада по физике', 'да', 'ученик – ученик'],
    ['Нв-020', 'Зайцев Пётр', 'обучающийся', '8А', '12.03.2012', 'профориентация', 'да', 'работодатель – ученик'],
    ['Нв-021', 'Ким Анна', 'обучающийся', '6А', '12.03.2014', 'литература', 'да', null],
  ]);
  wb.addWorksheet('Пары').addRows([
    ['ID', 'Наставник', 'Наставляемые', 'Форма', 'Статус'],
    ['П-001', 'Белова Мария', 'Ким Анна', 'ученик – ученик', 'активна'],
  ]);
  await wb.xlsx.writeFile(book);
});

test('nastavnik match --json prints the CLI.md document', () => {
  const r = run(['match', book, '--json']);
  expect(r.status).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(Object.keys(doc).sort()).toEqual(['alternatives', 'assignments', 'totalScore', 'unmatched']);
  expect(doc.assignments).toEqual([
    expect.objectContaining({ mentor: 'Н-004', mentees: ['Нв-012'], form: 'ученик – ученик', reasons: expect.arrayContaining(['совпадает запрос: олимпиада по физике']) }),
  ]);
  expect(doc.alternatives['Нв-012']).toBeUndefined(); // Н-009 is full
  expect(doc.unmatched).toEqual([{ mentee: 'Нв-020', reason: 'нет наставника с формой «работодатель – ученик»' }]);
  expect(doc.totalScore).toBe(doc.assignments[0].score);
});

test('unreadable input exits 2 with a Russian message', () => {
  const r = run(['match', join(ROOT, 'нет-такой.xlsx')]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^nastavnik: файл/);
});
