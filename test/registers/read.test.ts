import { readTable } from '../../src/core/registers/read';
import { matchHeaders } from '../../src/core/registers/headings';
import { columnsOf, mentorSchema, menteeSchema, pairSchema, roadmapItemSchema } from '../../src/core/registers/schemas';
import { readSettings, parseShare } from '../../src/core/registers/settings';
import { normalizeForm, parseForms } from '../../src/core/registers/forms';
import { resolvePerson, indexPeople, nextId } from '../../src/core/registers/people';
import { parseDateText, isoFromDateCell, ageOn } from '../../src/core/util/dates';
import { loadRegisters } from '../../src/app/registers/load';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';

describe('headings by meaning', () => {
  it('matches case, ё/е, punctuation, order and synonyms; keeps unknown columns', () => {
    const m = matchHeaders(['  ф.и.о. ', 'Примечание куратора', 'КАТЕГОРИЯ', 'Эл. почта', 'Основные компетенции', 'Код'], columnsOf(mentorSchema));
    expect(m.columns).toMatchObject({ fullName: 0, category: 2, email: 3, competencies: 4, id: 5 });
    expect(m.unknown).toEqual([1]);
    expect(m.missingRequired).toEqual([]);
  });
  it('reports a missing required column instead of guessing', () => {
    const m = matchHeaders(['ФИО', 'Телефон'], columnsOf(mentorSchema));
    expect(m.missingRequired).toEqual(expect.arrayContaining(['id', 'category']));
  });
  it('accepts a heading that starts with a synonym', () => {
    const m = matchHeaders(['ID', 'ФИО наставляемого (полностью)', 'Категория'], columnsOf(menteeSchema));
    expect(m.columns.fullName).toBe(1);
  });
});

describe('cells and records', () => {
  it('reads dates in curators’ spellings and real date cells', () => {
    expect(parseDateText('15.02.2021')).toBe('2021-02-15');
    expect(parseDateText('15.02.21')).toBe('2021-02-15');
    expect(parseDateText('2021-02-15')).toBe('2021-02-15');
    expect(parseDateText('31.02.2021')).toBeNull();
    // Midnight in Moscow (UTC+3) and in Novosibirsk (UTC+7) are the same calendar date.
    expect(isoFromDateCell(new Date('2021-02-14T21:00:00Z'))).toBe('2021-02-15');
    expect(isoFromDateCell(new Date('2021-02-14T17:00:00Z'))).toBe('2021-02-15');
    expect(ageOn('2010-05-20', '2026-05-19')).toBe(15);
  });

  it('reads a roadmap «Срок» that is a date serial as its date; a year, a day or another number stays as written', () => {
    const t = readTable(
      'Дорожная карта',
      [['Мероприятие', 'Срок'], ['А', 46022], ['Б', 46022.75], ['В', 2026], ['Г', 15], ['Д', 999999], ['Е', 'ежемесячно до 25'], ['Ж', new Date(Date.UTC(2025, 11, 31))]],
      roadmapItemSchema,
    );
    expect(t.rows.map((r) => r.record.deadline)).toEqual(['2025-12-31', '2025-12-31', '2026', '15', '999999', 'ежемесячно до 25', '2025-12-31']);
    expect(t.findings).toEqual([]);
  });

  it('reads a register with blank rows, wrong types and several values in one cell', () => {
    const t = readTable(
      'Наставники',
      [
        ['ID', 'ФИО', 'Категория', 'Компетенции', 'Формы', 'Макс. наставляемых', 'Email', 'Согласие ПДн', 'Моё поле'],
        ['Н-001', 'Иванова Анна Петровна', 'учитель', 'физика; олимпиады', 'учитель—учитель, ученик-ученик', 2, 'anna@school.ru', '✓', 'x'],
        ['', '', '', '', '', '', '', '', ''],
        ['Н-002', 'Петров Пётр', 'робот', 'химия', 'космос – ученик', 'много', 'bad@', '15.02.21', ''],
      ],
      mentorSchema,
    );
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0].record).toMatchObject({
      id: 'Н-001',
      category: 'педагог',
      competencies: ['физика', 'олимпиады'],
      forms: ['учитель – учитель', 'ученик – ученик'],
      capacity: 2,
      consentDate: 'yes',
    });
    expect(t.rows[0].valid).toBe(true);
    expect(t.rows[1].row).toBe(3);
    const codes = t.findings.map((f) => `${f.row}${f.column}:${f.code}`).sort();
    expect(codes).toEqual(['4C:enum.invalid', '4E:form.unknown', '4F:number.invalid', '4G:email.invalid'].sort());
    expect(t.rows[1].record.consentDate).toBe('2021-02-15');
  });

  it('reports required fields on their cells', () => {
    const t = readTable('Пары', [['ID', 'Наставник', 'Наставляемые'], ['П-1', '', 'Нв-1;\nНв-2']], pairSchema);
    expect(t.findings).toEqual([expect.objectContaining({ row: 2, column: 'B', code: 'required', field: 'mentor' })]);
    expect(t.rows[0].record.mentees).toEqual(['Нв-1', 'Нв-2']);
  });

  it('a formula never calculated is said so on its cell; a formula whose value is empty is just empty', () => {
    const values = [
      ['ID', 'ФИО', 'Категория'],
      ['Н-1', null, 'педагог'],
      ['Н-2', '', 'педагог'],
    ];
    const formulas = [
      ['', '', ''],
      ['', '=B5&"!"', ''],
      ['', '=""', ''],
    ];
    const t = readTable('Наставники', values, mentorSchema, { formulas });
    expect(t.findings.map((f) => `${f.column}${f.row} ${f.code}`)).toEqual(['B2 cell.formulaNoValue', 'B3 required']);
    expect(t.findings[0].message).toBe('Формула =B5&"!" не вычислена: в файле нет её значения. Откройте книгу в Excel или Google Таблицах и сохраните');
  });

  it('a formula error is a finding on its cell, never a value that could match', () => {
    const t = readTable('Наставники', [['ID', 'ФИО', 'Категория', 'Согласие ПДн'], ['#REF!', 'Петров Пётр', 'педагог', '#N/A']], mentorSchema);
    expect(t.findings.map((f) => `${f.column}${f.row} ${f.code}`)).toEqual(['A2 cell.formulaError', 'D2 cell.formulaError']);
    expect(t.findings[0].message).toBe('В ячейке ошибка формулы «#REF!»: исправьте формулу или впишите значение');
    expect(t.rows[0].record.id).toBeUndefined();
  });

  it('a title row above the headings is named once, with the row of the headings', () => {
    const t = readTable(
      'Наставники',
      [['Реестр наставников на 2026/27 учебный год'], [], ['Ф. И. О.', 'Код', 'Роль'], ['Иванова Анна', 'Н-1', 'педагог']],
      mentorSchema,
    );
    expect(t.findings).toEqual([
      {
        sheet: 'Наставники',
        row: 3,
        column: '',
        field: '',
        code: 'header.row',
        severity: 'error',
        message: 'На листе «Наставники» заголовки столбцов стоят в строке 3, а должны быть в первой строке: удалите строки над ними',
      },
    ]);
    expect(t.rows).toEqual([]);
    // Without such a row the missing columns are listed as before.
    expect(readTable('Наставники', [['Реестр наставников'], ['Иванова Анна']], mentorSchema).findings.map((f) => f.code)).toEqual(['column.missing', 'column.missing', 'column.missing']);
  });
});

describe('settings', () => {
  it('reads labels by meaning, targets and shares', () => {
    const { settings, findings } = readSettings([
      ['Параметр', 'Значение'],
      ['Наименование ОО', 'МБОУ «Лицей № 2»'],
      ['Директор', 'Кудрявцева Татьяна Николаевна'],
      ['Цель 2024', '70%'],
      ['Целевой показатель 2020', 0.1],
      ['Всего обучающихся', 800],
      ['Начало периода', '01.09.2020'],
      ['Горизонт «скоро», дней', 'неделя'],
    ]);
    expect(settings).toMatchObject({ orgName: 'МБОУ «Лицей № 2»', directorName: 'Кудрявцева Татьяна Николаевна', pupilsTotal: 800, periodStart: '2020-09-01', soonDays: 14 });
    expect(settings.targets).toEqual({ 2024: 0.7, 2020: 0.1 });
    expect(findings).toEqual([expect.objectContaining({ row: 8, column: 'B', code: 'setting.invalid' })]);
    expect(parseShare('40 %')).toBeCloseTo(0.4);
    expect(parseShare('0,4')).toBeCloseTo(0.4);
  });
});

describe('forms and people', () => {
  it('normalises dashes and spaces in forms', () => {
    expect(normalizeForm('Ученик-ученик')).toBe('ученик – ученик');
    expect(normalizeForm('педагог — педагог')).toBe('педагог – педагог');
    expect(normalizeForm('ученик – космонавт')).toBeNull();
    expect(parseForms('студент-ученик;\nкосмос').unknown).toEqual(['космос']);
  });
  it('resolves by ID or name; an ambiguous name is an error', () => {
    const people = [
      { id: 'Н-001', fullName: 'Иванова Анна Петровна' },
      { id: 'Н-002', fullName: 'Петров Пётр' },
      { id: 'Н-003', fullName: 'Петров Петр' },
    ];
    const idx = indexPeople(people);
    expect(resolvePerson('н-001', idx)).toEqual({ status: 'ok', person: people[0] });
    expect(resolvePerson('иванова  анна петровна', idx)).toEqual({ status: 'ok', person: people[0] });
    expect(resolvePerson('Петров Пётр', idx).status).toBe('ambiguous');
    expect(resolvePerson('Сидоров', idx).status).toBe('unknown');
    expect(nextId('Н-', ['Н-001', 'Н-017', 'x'])).toBe('Н-018');
  });

  it('nextId follows the register\'s own numbering: padded, plain, or «Н-001» when empty', () => {
    expect(nextId('Н-', ['Н-1', 'Н-9', 'Н-12'])).toBe('Н-13');
    expect(nextId('Н-', ['Н-9'])).toBe('Н-10');
    expect(nextId('Н-', ['Н-01', 'Н-9'])).toBe('Н-10');
    expect(nextId('Н-', ['Н-0099'])).toBe('Н-0100');
    expect(nextId('Н-', [])).toBe('Н-001');
    expect(nextId('Н-', ['М-5', undefined])).toBe('Н-001');
  });
});

describe('loadRegisters', () => {
  it('adopts a renamed tab by its name and headings and reports missing ones', () => {
    const wb = new MemoryWorkbook({
      'Наставники 2025': [
        ['№', 'Ф.И.О.', 'Роль'],
        ['Н-1', 'Иванова Анна Петровна', 'педагог'],
      ],
      Лист1: [['что-то']],
    });
    const reg = loadRegisters(wb);
    expect(reg.sheets.mentors?.name).toBe('Наставники 2025');
    expect(reg.mentors).toHaveLength(1);
    expect(reg.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['sheet.adopted', 'sheet.missing']));
    // Each tab read at most once.
    expect(wb.calls.readSheet).toBeLessThanOrEqual(2);
  });

  it('a tab named for pairs is adopted on a few headings; «Параметры» is not taken for pairs', () => {
    const wb = new MemoryWorkbook({
      Параметры: [['ID', 'Наставник', 'Наставляемые']],
      'Наставнические пары': [
        ['ID', 'Наставник', 'Наставляемые'],
        ['П-1', 'Н-1', 'Нв-1'],
      ],
    });
    const reg = loadRegisters(wb);
    expect(reg.sheets.pairs?.name).toBe('Наставнические пары');
    expect(reg.pairs).toHaveLength(1);
  });
});
