import fc from 'fast-check';
import type { CellValue } from '../../src/app/port';
import { readTable } from '../../src/core/registers/read';
import { mentorSchema, menteeSchema, pairSchema } from '../../src/core/registers/schemas';
import { DEFAULT_SETTINGS } from '../../src/core/registers/settings';
import { validateRegisters } from '../../src/core/validation/validate';
import { checkAndHighlight, checkRegisters } from '../../src/app/registers/check';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { TODAY } from './fixture';

const ctxOf = (wb: MemoryWorkbook) => ({ wb, today: () => TODAY });

describe('bad input gets a clear message, never an exception', () => {
  it('skips blank rows and reads numbers and dates where text is expected', () => {
    const wb = new MemoryWorkbook({
      Наставники: [
        ['ID', 'ФИО', 'Категория', 'Согласие ПДн', 'Должность'],
        [17, 'Иванова Анна', 'педагог', true, new Date(Date.UTC(2026, 9, 5))], // «5.10» turned into a date by Sheets
        ['', '', '', '', ''],
        [null, null, null, null, null],
      ],
      Наставляемые: [
        ['ID', 'ФИО', 'Категория', 'Согласие ПДн'],
        ['Нв-1', 'Петров Пётр', 'обучающийся', new Date(Date.UTC(2025, 8, 1))],
      ],
      Пары: [
        ['ID', 'Наставник', 'Наставляемые', 'Форма', 'Статус'],
        [1, 17, 'Нв-1', 'учитель – ученик', 'активна'],
      ],
    });
    const { findings, loaded } = checkRegisters(ctxOf(wb));
    expect(loaded.mentors).toHaveLength(1);
    expect(loaded.mentors[0].record).toMatchObject({ id: '17', consentDate: 'yes', position: '2026-10-05' });
    expect(loaded.mentees[0].record.consentDate).toBe('2025-09-01');
    // The pair names mentor 17 by a number: resolved. Its form is unknown: said on its cell.
    expect(findings.filter((f) => f.code.startsWith('pair.mentor'))).toEqual([]);
    expect(findings.find((f) => f.code === 'form.unknown')).toMatchObject({ sheet: 'Пары', row: 2, column: 'D' });
  });

  it('explains merged cells instead of «not filled»', () => {
    const wb = new MemoryWorkbook({
      Пары: [
        ['ID', 'Наставник', 'Наставляемые', 'Статус'],
        ['П-1', 'Н-1', 'Нв-1', 'активна'],
        ['П-2', '', 'Нв-2', 'активна'],
      ],
    });
    const orig = wb.readSheet.bind(wb);
    wb.readSheet = (name: string) => {
      const d = orig(name);
      return d && name === 'Пары' ? { ...d, merges: [{ row: 1, col: 1, rows: 2, cols: 1 }] } : d;
    };
    const { findings } = checkRegisters(ctxOf(wb));
    const f = findings.find((x) => x.row === 3 && x.column === 'B')!;
    expect(f.code).toBe('cell.merged');
    expect(f.message).toContain('B2');
  });

  it('reports missing and renamed tabs and still marks the renamed one', () => {
    const wb = new MemoryWorkbook({
      'Наставляемые 2026': [
        ['Код', 'Ф.И.О.', 'Роль', 'Согласие ПДн'],
        ['Нв-1', 'Петров Пётр', 'ученик', ''],
      ],
    });
    const res = checkAndHighlight(ctxOf(wb));
    const codes = res.findings.map((f) => `${f.sheet}:${f.code}`);
    expect(codes).toEqual(expect.arrayContaining(['Наставники:sheet.missing', 'Пары:sheet.missing', 'Наставляемые 2026:sheet.adopted', 'Наставляемые 2026:consent.missing']));
    expect(res.findings.find((f) => f.code === 'sheet.missing')!.message).toContain('Настроить таблицу');
    // Rows are 1-based (CLI.md): a missing tab's finding stands on the header row, on no column.
    for (const f of res.findings.filter((x) => x.code === 'sheet.missing')) expect(f).toMatchObject({ row: 1, column: '' });
    expect(wb.sheet('Наставляемые 2026').backgrounds.get('1,3')).toBeDefined();
  });

  it('reports a missing required column once, on the header', () => {
    const wb = new MemoryWorkbook({ Наставники: [['ФИО', 'Категория', 'Согласие ПДн'], ['А', 'педагог', 'да'], ['Б', 'педагог', 'да']] });
    const { findings } = checkRegisters(ctxOf(wb));
    const missing = findings.filter((f) => f.code === 'column.missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ sheet: 'Наставники', row: 1, field: 'id' });
    expect(() => checkAndHighlight(ctxOf(wb))).not.toThrow();
  });

  it('checks 10 000 rows quickly', () => {
    const mentors: CellValue[][] = [['ID', 'ФИО', 'Категория', 'Формы', 'Согласие ПДн']];
    for (let i = 0; i < 1000; i++) mentors.push([`Н-${i}`, `Наставник ${i} Иванович`, 'обучающийся', 'ученик – ученик', 'да']);
    const mentees: CellValue[][] = [['ID', 'ФИО', 'Категория', 'Дата рождения', 'Согласие ПДн']];
    for (let i = 0; i < 10000; i++) mentees.push([`Нв-${i}`, `Ученик ${i} Петрович`, 'обучающийся', `01.0${1 + (i % 9)}.2012`, i % 50 ? 'да' : '']);
    const pairs: CellValue[][] = [['ID', 'Наставник', 'Наставляемые', 'Форма', 'Статус']];
    for (let i = 0; i < 3000; i++) pairs.push([`П-${i}`, `Н-${i % 1000}`, `Нв-${i}`, 'ученик – ученик', 'активна']);
    const wb = new MemoryWorkbook({ Наставники: mentors, Наставляемые: mentees, Пары: pairs });
    const t0 = Date.now();
    const res = checkAndHighlight(ctxOf(wb));
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(res.findings.filter((f) => f.code === 'consent.missing')).toHaveLength(200);
    expect(wb.calls.readSheet).toBe(3);
    expect(wb.calls.writeDecorations).toBeLessThanOrEqual(3);
  });
});

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>('ID', 'ФИО', 'Категория', 'Наставник', 'Наставляемые', 'Форма', 'Статус', 'Дата рождения', 'Согласие ПДн', 'Стаж', 'Макс. наставляемых', 'Дата начала', 'Дата окончания', 'Email', 'Телефон', 'активна', 'педагог', 'обучающийся', 'молодой специалист', 'ученик-ученик', 'учитель – учитель', 'да', 'нет', '01.02.2010', '31.02.2010', 'Н-1', 'Нв-1', 'Н-1; Нв-1\nНв-2', '=SUM(A1)', '', ' '),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
);
const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 12 });

describe('never throws on arbitrary cells', () => {
  it('readTable and validateRegisters', () => {
    fc.assert(
      fc.property(grid, grid, grid, (a, b, c) => {
        const mentors = readTable('Наставники', a, mentorSchema);
        const mentees = readTable('Наставляемые', b, menteeSchema);
        const pairs = readTable('Пары', c, pairSchema);
        const findings = validateRegisters(
          {
            mentors: mentors.rows,
            mentees: mentees.rows,
            pairs: pairs.rows,
            settings: DEFAULT_SETTINGS,
            sheets: { mentors: { name: 'Наставники', columns: mentors.header.columns }, mentees: { name: 'Наставляемые', columns: mentees.header.columns }, pairs: { name: 'Пары', columns: pairs.header.columns } },
          },
          TODAY,
        );
        for (const f of [...findings, ...mentors.findings]) {
          expect(f.row).toBeGreaterThanOrEqual(1);
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every finding of a check (what `nastavnik check` prints) has a 1-based row and a column letter or none', () => {
    const tabNames = fc.constantFrom('Наставники', 'Наставляемые', 'Пары', 'Настройки', 'Список наставников', 'Пары 2026', 'Лист1');
    fc.assert(
      fc.property(fc.dictionary(tabNames, grid, { maxKeys: 5 }), (tabs) => {
        const wb = new MemoryWorkbook(tabs);
        const { findings } = checkRegisters(ctxOf(wb));
        for (const f of findings) {
          expect(Number.isInteger(f.row)).toBe(true);
          expect(f.row).toBeGreaterThanOrEqual(1);
          expect(f.column).toMatch(/^(?:[A-Z]{1,3})?$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('checkAndHighlight over a whole workbook', () => {
    fc.assert(
      fc.property(grid, grid, grid, (a, b, c) => {
        const wb = new MemoryWorkbook({ Наставники: a, Наставляемые: b, Пары: c });
        const res = checkAndHighlight(ctxOf(wb));
        expect(typeof res.summary).toBe('string');
      }),
      { numRuns: 100 },
    );
  });
});
