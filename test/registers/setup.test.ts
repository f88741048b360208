import { setupSpreadsheet, SETUP_PROPERTY } from '../../src/app/registers/setup';
import { loadRegisters } from '../../src/app/registers/load';
import { columnsOf, mentorSchema, menteeSchema, pairSchema, SHEET_NAMES } from '../../src/core/registers/schemas';
import { readSettings, SETTING_SPECS } from '../../src/core/registers/settings';
import type { AppContext } from '../../src/app/context';
import type { CellValue } from '../../src/app/port';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';

const ctxOf = (wb: MemoryWorkbook): AppContext => ({ wb, today: () => '2026-11-22' });

describe('setupSpreadsheet on an empty workbook', () => {
  const wb = new MemoryWorkbook();
  const res = setupSpreadsheet(ctxOf(wb));

  it('creates every tab with canonical headings', () => {
    expect(wb.sheetNames()).toEqual(['Настройки', 'Наставники', 'Наставляемые', 'Пары', 'Дорожная карта', 'Журнал приказов']);
    expect(wb.grid('Наставники')[0]).toEqual(columnsOf(mentorSchema).map((c) => c.meta.heading));
    expect(wb.grid('Пары')[0]).toEqual(columnsOf(pairSchema).map((c) => c.meta.heading));
    expect(wb.grid('Журнал приказов')[0]).toEqual(['№', 'Дата', 'Вид', 'Заголовок', 'Ссылка']);
    expect(res.summary).toMatch(/создан лист «Наставники»/);
    expect(wb.calls.withLock).toBe(1);
  });

  it('fills «Настройки» with every label and the defaults, readable back', () => {
    const grid = wb.grid('Настройки');
    expect(grid[0]).toEqual(['Параметр', 'Значение']);
    const labels = grid.slice(1).map((r) => r[0]);
    for (const s of SETTING_SPECS) expect(labels).toContain(s.label);
    expect(labels).toContain('Цель 2026');
    const { settings, findings } = readSettings(grid);
    expect(findings).toEqual([]);
    expect(settings).toMatchObject({ defaultCapacity: 3, soonDays: 14, fontFamily: 'Times New Roman', fontSize: 14 });
  });

  it('records dropdowns (not strict), date formats, frozen and protected header', () => {
    const setup = wb.sheet('Наставляемые').setup[0];
    expect(setup).toMatchObject({ frozenRows: 1, protectHeader: true });
    const specs = columnsOf(menteeSchema);
    const col = (f: string) => specs.findIndex((s) => s.field === f);
    const byCol = new Map(setup.columns!.map((c) => [c.col, c]));
    expect(byCol.get(col('category'))!.validation).toEqual({ kind: 'list', values: ['обучающийся', 'молодой специалист', 'педагог', 'студент'], strict: false });
    expect(byCol.get(col('birthDate'))).toMatchObject({ numberFormat: 'dd.mm.yyyy', validation: { kind: 'date' } });
    const form = byCol.get(col('form'))!.validation;
    expect(form && form.kind === 'list' && form.values).toContain('ученик – ученик');
    expect(byCol.get(col('fullName'))!.width).toBe(240);
    // The mentor's multi-valued forms cell gets no one-value dropdown.
    const mentorForms = columnsOf(mentorSchema).findIndex((s) => s.field === 'forms');
    expect(wb.sheet('Наставники').setup[0].columns!.find((c) => c.col === mentorForms)?.validation).toBeUndefined();
    expect(wb.sheet('Журнал приказов').setup[0].columns![1].numberFormat).toBe('dd.mm.yyyy');
  });

  it('loads cleanly afterwards and a second run adds nothing', () => {
    const loaded = loadRegisters(wb);
    expect(loaded.findings.filter((f) => f.code === 'sheet.missing')).toEqual([]);
    const before = JSON.stringify(wb.sheets.map((s) => [s.name, s.values, s.setup]));
    const calls = { ...wb.calls };
    const again = setupSpreadsheet(ctxOf(wb));
    expect(again.summary).toMatch(/Таблица уже настроена/);
    expect(JSON.stringify(wb.sheets.map((s) => [s.name, s.values, s.setup]))).toBe(before);
    for (const k of ['createSheet', 'setupSheet', 'writeValues', 'appendRows']) expect(wb.calls[k] ?? 0).toBe(calls[k] ?? 0);
  });
});

describe('setupSpreadsheet on a curator’s existing workbook', () => {
  const mentors: CellValue[][] = [
    ['Ф.И.О.', 'Мои заметки', 'Код', 'Роль', 'Эл. почта', 'Дата вступления'],
    ['Иванова Анна', 'позвонить', 'Н-001', 'учитель', 'a@school.ru', '01.09.2025'],
    ['Петров Пётр', '', 'Н-002', 'педагог', '', ''],
  ];
  const pupils: CellValue[][] = [
    ['ID', 'ФИО', 'Категория', 'Примечание'],
    ['Нв-001', 'Сидоров Семён', 'ученик', 'x'],
  ];
  const settings: CellValue[][] = [
    ['Параметр', 'Значение'],
    ['Организация', 'МБОУ СОШ № 5'],
    ['Горизонт «скоро», дней', 7],
  ];
  const make = () => new MemoryWorkbook({ Наставники: mentors, 'Наставляемые 2026': pupils, Настройки: settings });

  it('adopts a renamed tab, appends missing headings at the right end, moves and overwrites nothing', () => {
    const wb = make();
    const before = { m: wb.grid('Наставники'), p: wb.grid('Наставляемые 2026'), s: wb.grid('Настройки') };
    const res = setupSpreadsheet(ctxOf(wb));

    // Not duplicated: the renamed tab is used.
    expect(wb.sheetNames()).not.toContain(SHEET_NAMES.mentees);
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(['Пары', 'Дорожная карта', 'Журнал приказов']));

    const m = wb.grid('Наставники');
    // Every original cell is where it was, with its value.
    before.m.forEach((row, r) => row.forEach((v, c) => expect(m[r][c]).toBe(v)));
    // Only header cells were added, to the right of the original six.
    for (let r = 1; r < m.length; r++) expect(m[r].slice(6).every((v) => v === '')).toBe(true);
    const added = m[0].slice(6);
    expect(added).toEqual(columnsOf(mentorSchema).filter((s) => !['fullName', 'id', 'category', 'email', 'joinedDate'].includes(s.field)).map((s) => s.meta.heading));
    expect(res.summary).toMatch(/справа добавлены столбцы/);
    expect(res.summary).toMatch(/«Компетенции»/);

    const p = wb.grid('Наставляемые 2026');
    before.p.forEach((row, r) => row.forEach((v, c) => expect(p[r][c]).toBe(v)));

    // Settings: curator's values kept, missing labels appended below.
    const s = wb.grid('Настройки');
    before.s.forEach((row, r) => row.forEach((v, c) => expect(s[r][c]).toBe(v)));
    const read = readSettings(s);
    expect(read.settings.soonDays).toBe(7);
    expect(read.settings.orgName).toBe('МБОУ СОШ № 5');
    expect(s.slice(3).map((r) => r[0])).toContain('Макс. наставляемых по умолчанию');
    expect(s.slice(3).map((r) => r[0])).not.toContain('Горизонт «скоро», дней');

    // Header of an existing tab is not protected nor its freeze changed; filled columns get no rule.
    const setups = wb.sheet('Наставники').setup;
    expect(setups).toHaveLength(1);
    expect(setups[0].protectHeader).toBeUndefined();
    expect(setups[0].frozenRows).toBeUndefined();
    const cols = setups[0].columns!.map((c) => c.col);
    expect(cols).not.toContain(3); // «Роль» holds data
    expect(cols).not.toContain(5); // «Дата вступления» holds data
    // The appended «Статус» column gets its dropdown.
    const statusCol = m[0].indexOf('Статус');
    expect(setups[0].columns!.find((c) => c.col === statusCol)?.validation).toMatchObject({ kind: 'list', strict: false });
    // Reading the registers again finds every field in the curator's order.
    const loaded = loadRegisters(wb);
    expect(loaded.sheets.mentors!.columns).toMatchObject({ fullName: 0, id: 2, category: 3 });
    expect(loaded.mentors.map((r) => r.record.id)).toEqual(['Н-001', 'Н-002']);
  });

  it('prepares empty matched columns once, records it, and is idempotent', () => {
    const wb = new MemoryWorkbook({ Пары: [['ID', 'Наставник', 'Наставляемые', 'Дата начала', 'Статус'], ['П-001', 'Н-001', 'Нв-001', '', '']] });
    setupSpreadsheet(ctxOf(wb));
    const setup = wb.sheet('Пары').setup[0];
    expect(setup.columns!.find((c) => c.col === 3)).toMatchObject({ numberFormat: 'dd.mm.yyyy' });
    expect(setup.columns!.find((c) => c.col === 3)!.width).toBeUndefined(); // curator's width kept
    expect(setup.columns!.find((c) => c.col === 4)!.validation).toMatchObject({ kind: 'list', values: ['формируется', 'активна', 'завершена', 'расторгнута'] });
    expect(JSON.parse(wb.getProperty(SETUP_PROPERTY)!)['Пары']).toEqual(expect.arrayContaining(['startDate', 'status']));
    const grid = JSON.stringify(wb.sheets.map((s) => s.values));
    expect(setupSpreadsheet(ctxOf(wb)).summary).toMatch(/Таблица уже настроена/);
    expect(wb.sheet('Пары').setup).toHaveLength(1);
    expect(JSON.stringify(wb.sheets.map((s) => s.values))).toBe(grid);
  });

  it('says so in Russian when the lock is busy and writes nothing', () => {
    const wb = make();
    wb.lockBusy = true;
    expect(setupSpreadsheet(ctxOf(wb)).summary).toMatch(/другой пользователь/);
    expect(wb.calls.createSheet ?? 0).toBe(0);
  });
});

describe('forms dropdowns follow «Настройки»', () => {
  const formCol = (wb: MemoryWorkbook, sheet: string) => (wb.grid(sheet)[0] as string[]).indexOf('Форма наставничества');
  const dropdown = (wb: MemoryWorkbook, sheet: string, row = 1) => wb.readListValidation(sheet, row, formCol(wb, sheet));
  const defaults = ['ученик – ученик', 'учитель – учитель', 'педагог – педагог', 'студент – ученик', 'работодатель – ученик', 'студент – студент', 'работодатель – студент'];

  it('a new «Настройки» holds the default table as «Форма: …» rows, which read back as the defaults', () => {
    const wb = new MemoryWorkbook();
    setupSpreadsheet(ctxOf(wb));
    const grid = wb.grid('Настройки');
    expect(grid.filter((r) => String(r[0]).startsWith('Форма: '))).toEqual(defaults.map((f) => [`Форма: ${f}`, expect.stringMatching(/^наставник: .+; наставляемый: .+$/)]));
    expect(grid).toContainEqual(['Форма: учитель – учитель', 'наставник: педагог; наставляемый: педагог, молодой специалист']);
    expect(readSettings(grid).settings.forms.map((r) => r.form)).toEqual(defaults);
    expect(dropdown(wb, 'Пары')).toEqual(defaults);
  });

  it('a form the curator adds reaches the dropdowns the add-on made, over the same rows, once', () => {
    const wb = new MemoryWorkbook();
    setupSpreadsheet(ctxOf(wb));
    wb.appendRows('Настройки', [['Форма: педагог – обучающийся', 'педагог → обучающийся'], ['Используемые формы', 'ученик – ученик; педагог – педагог; педагог – обучающийся']]);
    const setups = wb.sheet('Пары').setup.length;
    const res = setupSpreadsheet(ctxOf(wb));
    const now = ['ученик – ученик', 'педагог – педагог', 'педагог – обучающийся'];
    expect(res.summary).toContain('в столбце «Форма наставничества» на листе «Пары» список форм обновлён по «Настройкам»');
    expect(res.summary).toContain('на листе «Наставляемые»');
    for (const sheet of ['Пары', 'Наставляемые']) {
      expect(dropdown(wb, sheet)).toEqual(now);
      expect(dropdown(wb, sheet, 1000)).toEqual(now);
      expect(dropdown(wb, sheet, 1001)).toBeNull();
    }
    // Only that column, nothing else of the tab.
    const last = wb.sheet('Пары').setup;
    expect(last).toHaveLength(setups + 1);
    expect(last[setups]).toEqual({ columns: [{ col: formCol(wb, 'Пары'), validation: { kind: 'list', values: now, strict: false } }], rows: 1000 });
    // The mentors' multi-valued forms column never had a dropdown and gets none.
    expect(wb.readListValidation('Наставники', 1, (wb.grid('Наставники')[0] as string[]).indexOf('Формы наставничества'))).toBeNull();
    expect(setupSpreadsheet(ctxOf(wb)).summary).toBe('Таблица уже настроена: все листы и столбцы на месте.');
  });

  it('a dropdown the curator replaced is never overwritten; said once per change of the forms', () => {
    const wb = new MemoryWorkbook();
    setupSpreadsheet(ctxOf(wb));
    const col = formCol(wb, 'Пары');
    // The curator's own list on the first rows of «Пары».
    for (let r = 1; r <= 50; r++) wb.sheet('Пары').validation!.set(`${r},${col}`, ['наставничество', 'шефство']);
    wb.appendRows('Настройки', [['Форма: наставник – молодой педагог', 'наставник: педагог; наставляемый: молодой специалист']]);
    const res = setupSpreadsheet(ctxOf(wb));
    expect(res.summary).toContain('в столбце «Форма наставничества» на листе «Пары» ваш собственный список значений — не изменён');
    expect(dropdown(wb, 'Пары')).toEqual(['наставничество', 'шефство']);
    expect(dropdown(wb, 'Пары', 51)).toEqual(defaults);
    expect(dropdown(wb, 'Наставляемые')).toEqual([...defaults, 'наставник – молодой педагог']);
    expect(setupSpreadsheet(ctxOf(wb)).summary).toBe('Таблица уже настроена: все листы и столбцы на месте.');
  });

  it('a column prepared before the lists were recorded: taken as the default list over 1000 rows', () => {
    const header = columnsOf(pairSchema).map((c) => c.meta.heading);
    const wb = new MemoryWorkbook({ Пары: [header], Настройки: [['Параметр', 'Значение'], ['Форма: педагог – обучающийся', '']] });
    const col = header.indexOf('Форма наставничества');
    wb.setProperty(SETUP_PROPERTY, JSON.stringify({ Пары: columnsOf(pairSchema).map((c) => c.field) }));
    wb.setupSheet('Пары', { columns: [{ col, validation: { kind: 'list', values: defaults, strict: false } }], rows: 1000 });
    const res = setupSpreadsheet(ctxOf(wb));
    expect(res.summary).toContain('на листе «Пары» список форм обновлён');
    expect(dropdown(wb, 'Пары', 1000)).toEqual([...defaults, 'педагог – обучающийся']);
  });

  it('bad form rows leave the dropdowns as they are', () => {
    const wb = new MemoryWorkbook();
    setupSpreadsheet(ctxOf(wb));
    wb.appendRows('Настройки', [['Форма: робот – ученик', 'робот → обучающийся']]);
    expect(setupSpreadsheet(ctxOf(wb)).summary).toBe('Таблица уже настроена: все листы и столбцы на месте.');
    expect(dropdown(wb, 'Пары')).toEqual(defaults);
  });
});
