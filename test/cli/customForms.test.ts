/**
 * `nastavnik check / match / report` on an .xlsx whose «Настройки» add forms of the curator's own
 * («Форма: …» rows, CLI.md contract unchanged): the forms are accepted, matched and counted; a bad
 * form row is a finding on its «Значение» cell.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/app/port';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nastavnik.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

function tabs(extraSettings: CellValue[][] = []): Record<string, CellValue[][]> {
  return {
    Настройки: [
      ['Параметр', 'Значение'],
      ['Полное наименование организации', 'ГБПОУ «Колледж № 1»'],
      ['Численность обучающихся', 200],
      ['Форма: наставник – молодой педагог', 'наставник: педагог; наставляемый: молодой специалист'],
      ['Форма: студент – студент (СПО)', 'студенты → студенты'],
      ['Используемые формы', 'наставник – молодой педагог; студент – студент (СПО); педагог – педагог'],
      ...extraSettings,
    ],
    Наставники: [
      ['ID', 'ФИО', 'Категория', 'Формы наставничества', 'Макс. наставляемых', 'Согласие на обработку ПДн', 'Статус'],
      ['Н-001', 'Орлова Вера Ильинична', 'педагог', 'наставник-молодой педагог', 2, 'да', 'активен'],
      ['Н-002', 'Быстров Кирилл Олегович', 'студент', 'Студент — студент (СПО)', 2, 'да', 'активен'],
    ],
    Наставляемые: [
      ['ID', 'ФИО', 'Категория', 'Дата рождения', 'Стаж, лет', 'Форма наставничества', 'Согласие на обработку ПДн', 'Статус'],
      ['Нв-001', 'Власова Инна Сергеевна', 'молодой специалист', '01.01.1998', 1, 'наставник – молодой педагог', 'да', 'активен'],
      ['Нв-002', 'Белова Ольга Юрьевна', 'студент', '01.05.2007', null, 'студент-студент (СПО)', 'да', 'активен'],
      ['Нв-003', 'Гусев Павел Андреевич', 'молодой специалист', '01.05.1999', 2, 'наставник – молодой педагог', 'да', 'активен'],
    ],
    Пары: [
      ['ID', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Дата начала', 'Письменное согласие участников', 'Статус'],
      ['П-001', 'Н-001', 'Нв-001', 'Наставник — молодой педагог', '01.09.2026', 'да', 'активна'],
    ],
  };
}

let dir: string;
async function book(name: string, t: Record<string, CellValue[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [tab, rows] of Object.entries(t)) wb.addWorksheet(tab).addRows(rows as unknown[][]);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

let good: string;
let bad: string;
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'forms-cli-'));
  good = await book('колледж.xlsx', tabs());
  bad = await book('с ошибкой.xlsx', tabs([['Форма: педагог – обучающийся', 'наставник: директор; наставляемый: обучающийся']]));
});

describe('a workbook with forms of its own', () => {
  it('check: the forms are accepted; nothing to report, exit 0', () => {
    const r = run(['check', good, '--json', '--as-of', '2026-11-22']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { code: string }) => f.code.startsWith('form') || f.code.startsWith('setting'))).toEqual([]);
    expect(doc.summary.errors).toBe(0);
    expect(r.status).toBe(0);
  });

  it('check: a bad form row is an error on «Настройки», its row, column B, in Russian; exit 1', () => {
    const r = run(['check', bad, '--json', '--as-of', '2026-11-22']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { sheet: string }) => f.sheet === 'Настройки')).toEqual([
      {
        sheet: 'Настройки',
        row: 7,
        column: 'B',
        field: 'forms',
        code: 'setting.form',
        severity: 'error',
        message: 'Форма «педагог – обучающийся»: «директор» — не категория наставника (допустимо: педагог, обучающийся, студент, работодатель). Запишите, например, «наставник: педагог; наставляемый: молодой специалист»',
      },
    ]);
  });

  it('match: candidates by the new forms', () => {
    const r = run(['match', good, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const got = doc.assignments.map((a: { mentor: string; mentees: string[]; form: string }) => [a.mentor, a.mentees, a.form]);
    expect(got).toEqual(expect.arrayContaining([['Н-001', ['Нв-003'], 'наставник – молодой педагог'], ['Н-002', ['Нв-002'], 'студент – студент (СПО)']]));
    expect(doc.unmatched).toEqual([]);
  });

  it('report: byForm under the new form’s name', () => {
    const r = run(['report', good, '--json', '--as-of', '2026-11-22']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).byForm).toEqual({ 'наставник – молодой педагог': { pairs: 1, mentees: 1 } });
  });
});
