import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { canonicalBook, synonymBook, CURATOR_FILL, CURATOR_NOTE } from './checkWorkbook';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nastavnik.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

interface JsonFinding {
  sheet: string;
  row: number;
  column: string;
  field: string;
  code: string;
  severity: string;
  message: string;
}

let dir: string;
let canonical: string;
let synonyms: string;
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'check-cli-'));
  canonical = join(dir, 'реестры.xlsx');
  synonyms = join(dir, 'синонимы.xlsx');
  await canonicalBook(canonical);
  await synonymBook(synonyms);
});

const at = (f: JsonFinding) => `${f.sheet}!${f.column}${f.row} ${f.code}`;

describe('nastavnik check --json', () => {
  it('prints exactly the CLI.md document and exits 1 on errors', () => {
    const r = run(['check', canonical, '--json', '--as-of', '2026-11-22']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: JsonFinding[]; summary: { errors: number; warnings: number } };
    expect(Object.keys(doc)).toEqual(['findings', 'summary']);
    expect(Object.keys(doc.summary)).toEqual(['errors', 'warnings']);
    for (const f of doc.findings) expect(Object.keys(f)).toEqual(['sheet', 'row', 'column', 'field', 'code', 'severity', 'message']);
    const keys = doc.findings.map(at);
    expect(keys).toEqual(
      expect.arrayContaining([
        'Наставники!F3 email.invalid',
        'Наставники!G4 consent.missing',
        'Наставники!E2 mentor.capacity',
        'Наставляемые!D3 date.invalid',
        'Наставляемые!D4 young.age',
        'Наставляемые!E4 young.experience',
        'Наставляемые!G5 consent.missing',
        'Пары!F3 pair.dates',
        'Пары!G3 pair.consent.missing',
        'Пары!B4 pair.mentor.unknown',
        'Пары!C4 pair.mentee.noConsent',
      ]),
    );
    // The formula's value is read as the name: the pair naming Нв-001 is fine.
    expect(keys.filter((k) => k.startsWith('Пары!') && /[A-Z]2 /.test(k))).toEqual([]);
    const consent = doc.findings.find((f) => at(f) === 'Наставники!G4 consent.missing')!;
    expect(consent).toEqual({ sheet: 'Наставники', row: 4, column: 'G', field: 'consentDate', code: 'consent.missing', severity: 'error', message: 'Нет согласия на обработку персональных данных' });
    expect(doc.summary.errors).toBe(doc.findings.filter((f) => f.severity === 'error').length);
    expect(doc.summary.warnings).toBe(doc.findings.filter((f) => f.severity === 'warning').length);
    expect(r.stderr).toBe('');
  });

  it('reads synonym headings, a renamed tab, numbers as IDs and a merged cell', () => {
    const r = run(['check', synonyms, '--json', '--as-of', '2026-11-22']);
    const doc = JSON.parse(r.stdout) as { findings: JsonFinding[] };
    const keys = doc.findings.map(at);
    expect(keys).toContain('Список наставников!1 sheet.adopted');
    expect(keys).toContain('Пары!B3 cell.merged');
    expect(keys.filter((k) => /consent|unknown|column\.missing/.test(k))).toEqual([]);
    expect(r.status).toBe(1); // the merged cell leaves pair П-2 without a mentor
  });

  it('exits 0 without errors and prints Russian text without --json', () => {
    const clean = join(dir, 'чисто.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Наставники').addRows([['ID', 'ФИО', 'Категория', 'Согласие ПДн'], ['Н-1', 'Иванова Анна', 'педагог', 'да']]);
    wb.addWorksheet('Наставляемые').addRows([['ID', 'ФИО', 'Категория', 'Согласие ПДн'], ['Нв-1', 'Петров Пётр', 'педагог', 'да']]);
    wb.addWorksheet('Пары').addRows([['ID', 'Наставник', 'Наставляемые', 'Форма', 'Статус', 'Согласие участников'], ['П-1', 'Н-1', 'Нв-1', 'педагог – педагог', 'активна', 'да']]);
    return wb.xlsx.writeFile(clean).then(() => {
      const r = run(['check', clean]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Ошибок и предупреждений нет.');
      const bad = run(['check', canonical, '--as-of', '2026-11-22']);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain('Лист «Наставники»:');
      expect(bad.stdout).toMatch(/G4\s+ошибка: Нет согласия на обработку персональных данных/);
      expect(bad.stdout).toMatch(/Найдено: \d+ ошиб/);
    });
  });

  it('every finding has a 1-based row, a missing tab its header row (CLI.md)', async () => {
    const partial = join(dir, 'без листов.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Наставляемые').addRows([['ФИО', 'Категория'], ['Петров Пётр', 'ученик']]);
    await wb.xlsx.writeFile(partial);
    for (const file of [partial, canonical, synonyms]) {
      const doc = JSON.parse(run(['check', file, '--json', '--as-of', '2026-11-22']).stdout) as { findings: JsonFinding[] };
      for (const f of doc.findings) {
        expect(Number.isInteger(f.row)).toBe(true);
        expect(f.row).toBeGreaterThanOrEqual(1);
      }
    }
    const doc = JSON.parse(run(['check', partial, '--json']).stdout) as { findings: JsonFinding[] };
    const missing = doc.findings.filter((f) => f.code === 'sheet.missing' || f.code.endsWith('column.missing'));
    expect(missing.map((f) => `${f.sheet}!${f.column}${f.row} ${f.code}`).sort()).toEqual([
      'Наставляемые!1 column.missing',
      'Наставляемые!1 consent.column.missing',
      'Наставники!1 sheet.missing',
      'Пары!1 sheet.missing',
    ]);
    const text = run(['check', partial]).stdout;
    expect(text).toMatch(/стр\. 1\s+предупреждение: Нет листа «Наставники»/);
  });

  it('exits 2 with one Russian line for missing or unreadable files and bad options', () => {
    const missing = run(['check', join(dir, 'нет.xlsx'), '--json']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/не найден/);
    const junk = join(dir, 'мусор.xlsx');
    writeFileSync(junk, 'это не книга');
    const bad = run(['check', junk, '--json']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/at .*\.js/);
    expect(run(['check']).status).toBe(2);
    expect(run(['check', canonical, '--as-of', '22.11.2026']).status).toBe(2);
  });
});

describe('nastavnik highlight', () => {
  it('writes a marked copy keeping every value, colour and note of the curator; the input is untouched', async () => {
    const out = join(dir, 'подсвечено.xlsx');
    const before = readFileSync(canonical);
    const mtime = statSync(canonical).mtimeMs;
    const r = run(['highlight', canonical, '--out', out, '--as-of', '2026-11-22']);
    expect(r.stderr).toMatch(/Найдено: /);
    expect(r.status).toBe(0);
    expect(readFileSync(canonical).equals(before)).toBe(true);
    expect(statSync(canonical).mtimeMs).toBe(mtime);

    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(canonical);
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(out);
    for (const ws of src.worksheets) {
      const copy = res.getWorksheet(ws.name)!;
      expect(copy).toBeDefined();
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = copy.getCell(r, c).value;
          expect(JSON.stringify(v)).toBe(JSON.stringify(cell.value));
        }),
      );
    }
    const mentors = res.getWorksheet('Наставники')!;
    // The curator's colour and note stay; the add-on's note is added above the curator's.
    expect((mentors.getCell('C2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(CURATOR_FILL);
    expect((mentors.getCell('G4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(CURATOR_FILL);
    const g4 = noteText(mentors.getCell('G4'));
    expect(g4).toContain('Нет согласия на обработку персональных данных');
    expect(g4).toContain(CURATOR_NOTE);
    expect(noteText(mentors.getCell('I2'))).toBe('моя заметка');
    // Add-on marks: an error red, a warning yellow.
    expect(fillOf(mentors.getCell('F3'))).toBe('f4c7c3');
    expect(fillOf(mentors.getCell('E2'))).toBe('fce8b2');
    expect(fillOf(res.getWorksheet('Пары')!.getCell('B4'))).toBe('f4c7c3');

    // Running again on the output changes no mark.
    const out2 = join(dir, 'подсвечено2.xlsx');
    expect(run(['highlight', out, '--out', out2, '--as-of', '2026-11-22']).status).toBe(0);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(out2);
    expect(noteText(again.getWorksheet('Наставники')!.getCell('G4'))).toBe(g4);
  });

  it('reads a «Срок» typed as a date serial without a date format (an .xlsx written by a program) as its date', async () => {
    const book = join(dir, 'сроки-числом.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Настройки').addRows([['Параметр', 'Значение'], ['Начало периода', '01.09.2025'], ['Окончание периода', '31.08.2026']]);
    const ws = wb.addWorksheet('Дорожная карта');
    ws.addRows([['№', 'Мероприятие', 'Срок', 'Ответственный'], ['1', 'Отчёт', 46022, 'Куратор'], ['2', 'Совещание', 999999, 'Куратор']]);
    expect(ws.getCell('C2').numFmt ?? 'General').not.toMatch(/[dmy]/i);
    await wb.xlsx.writeFile(book);
    const out = join(dir, 'сроки-числом-подсвечено.xlsx');
    const r = run(['highlight', book, '--out', out, '--as-of', '2025-12-20']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('скоро 1');
    expect(r.stderr).toContain('Не распознано сроков: 1 — лист «Дорожная карта», ячейка C3');
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(out);
    const sheet = res.getWorksheet('Дорожная карта')!;
    expect(sheet.getCell('C2').value).toBe(46022); // the curator's cell is not rewritten
    expect(noteText(sheet.getCell('C2'))).not.toMatch(/не распознан/);
    expect(noteText(sheet.getCell('C3'))).toMatch(/Срок «999999» не распознан/);
  });

  it('refuses to overwrite the input and needs --out', () => {
    expect(run(['highlight', canonical, '--out', canonical]).status).toBe(2);
    const r = run(['highlight', canonical]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out/);
  });
});

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  const argb = f?.fgColor?.argb;
  return argb ? argb.slice(-6).toLowerCase() : null;
}
