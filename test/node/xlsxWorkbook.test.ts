import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook, PROPERTIES_SHEET } from '../../src/node/xlsxWorkbook';
import { LockBusyError, UserError } from '../../src/app/port';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nastavnik-xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await wb.toBuffer());
}

/** A workbook as a curator would make it in Excel, written by exceljs directly. */
async function curatorFile(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Наставники');
  ws.getCell('A1').value = 'ФИО';
  ws.getCell('B1').value = 'Стаж';
  ws.getCell('C1').value = 'Итого';
  ws.getCell('D1').value = 'Дата';
  ws.getCell('A2').value = { richText: [{ text: 'Иванова ', font: { bold: true } }, { text: 'Анна' }] };
  ws.getCell('B2').value = 5;
  ws.getCell('C2').value = { formula: 'B2*2', result: 10 };
  ws.getCell('D2').value = new Date(Date.UTC(2025, 8, 1));
  ws.getCell('A3').value = { text: 'Сайт школы', hyperlink: 'https://example.org' };
  ws.getCell('B3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  // A date typed as a serial number under a date format (as some exports store it).
  ws.getCell('D3').value = 45901; // 2025-09-01
  ws.getCell('D3').numFmt = 'dd.mm.yyyy';
  ws.getCell('C3').value = { formula: 'D3+1', result: 45902 };
  ws.getCell('C3').numFmt = 'dd.mm.yyyy';
  // Curator's own decorations the add-on never set.
  ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4 } as ExcelJS.Color };
  ws.getCell('A3').note = { texts: [{ text: 'Уточнить ', font: { bold: true } }, { text: 'у директора' }] } as ExcelJS.Comment;
  ws.mergeCells('A5:C6');
  ws.getCell('A5').value = 'Итоги года';
  const file = join(dir, `curator-${Math.random().toString(36).slice(2)}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

describe('XlsxWorkbook reads', () => {
  test('plain values of every kind, rectangular from A1', async () => {
    const wb = await XlsxWorkbook.load(await curatorFile());
    const data = wb.readSheet('Наставники')!;
    expect(data.values).toHaveLength(6); // row 6 is the lower half of the merged A5:C6
    expect(data.values.every((r) => r.length === 4)).toBe(true);
    expect(data.values[1][0]).toBe('Иванова Анна'); // rich text → plain text
    expect(data.values[1][2]).toBe(10); // formula → cached result
    expect(data.formulas![1][2]).toBe('=B2*2');
    expect(data.formulas![1][1]).toBe('');
    expect(data.values[1][3]).toEqual(new Date(Date.UTC(2025, 8, 1)));
    expect(data.values[2][0]).toBe('Сайт школы'); // hyperlink → its text
    expect(data.values[2][1]).toBe('#N/A'); // error → its text
    expect(data.values[2][3]).toEqual(new Date(Date.UTC(2025, 8, 1))); // serial under a date format
    expect(data.values[2][2]).toEqual(new Date(Date.UTC(2025, 8, 2))); // formula result under a date format
    expect(data.values[3]).toEqual([null, null, null, null]);
  });

  test('merged cells: value in the master only, merges listed', async () => {
    const wb = await XlsxWorkbook.load(await curatorFile());
    const data = wb.readSheet('Наставники')!;
    expect(data.values[4][0]).toBe('Итоги года');
    expect(data.values[4][1]).toBeNull();
    expect(data.merges).toEqual([{ row: 4, col: 0, rows: 2, cols: 3 }]);
  });

  test('decorations: solid fills as #rrggbb, theme colours approximated, rich notes as text', async () => {
    const wb = await XlsxWorkbook.load(await curatorFile());
    const deco = wb.readDecorations('Наставники', { row: 1, col: 0, rows: 2, cols: 3 });
    expect(deco.backgrounds[0][0]).toBe('#ffff00');
    expect(deco.backgrounds[0][1]).toBe('#4472c4');
    expect(deco.backgrounds[1][0]).toBeNull();
    expect(deco.notes[1][0]).toBe('Уточнить у директора');
    expect(deco.notes[0][0]).toBe('');
  });

  test('a save that cannot be made says why in Russian', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Пары', ['ID']);
    await expect(wb.save(join(dir, 'нет-папки', 'книга.xlsx'))).rejects.toThrow('Не удалось сохранить файл «книга.xlsx»: нет такой папки.');
  });

  test('a file written without sheet views (as LibreOffice and generators do) draws and sets up', async () => {
    const wb = await XlsxWorkbook.load(await curatorFile());
    // exceljs reads a tab without <sheetViews> with views null: no frozen rows, no crash.
    expect(wb.book.getWorksheet('Наставники')!.views).toBeFalsy();
    const snap = wb.snapshot('Наставники')!;
    expect(snap.frozenRows).toBe(0);
    expect(snap.values[1][0]).toBe('Иванова Анна');
    expect(snap.formulas).toEqual([
      [1, 2, '=B2*2'],
      [2, 2, '=D3+1'],
    ]);
    wb.setupSheet('Наставники', { frozenRows: 1 });
    expect(wb.snapshot('Наставники')!.frozenRows).toBe(1);
  });

  test('unknown tab reads as null; missing file gives an empty book; garbage is a Russian UserError', async () => {
    const fresh = await XlsxWorkbook.load(join(dir, 'нет-такого.xlsx'));
    expect(fresh.sheetNames()).toEqual([]);
    expect(fresh.readSheet('Пары')).toBeNull();
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'это не книга');
    await expect(XlsxWorkbook.load(bad)).rejects.toThrow(UserError);
    await expect(XlsxWorkbook.load(bad)).rejects.toThrow(/не удалось открыть файл «bad\.xlsx»/i);
  });
});

describe('XlsxWorkbook writes', () => {
  test('values and dates round-trip through a file', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Пары', ['ID', 'Наставник', 'Дата начала', 'Макс']);
    wb.writeValues('Пары', 1, 0, [
      ['П-1', 'Иванова А. П.', new Date(Date.UTC(2025, 9, 15)), 3],
      ['П-2', true, null, 2.5],
    ]);
    const file = join(dir, 'pairs.xlsx');
    await wb.save(file);
    const back = await XlsxWorkbook.load(file);
    const v = back.readSheet('Пары')!.values;
    expect(v[0]).toEqual(['ID', 'Наставник', 'Дата начала', 'Макс']);
    expect(v[1]).toEqual(['П-1', 'Иванова А. П.', new Date(Date.UTC(2025, 9, 15)), 3]);
    expect(v[2]).toEqual(['П-2', true, null, 2.5]);
    // The header is bold and frozen.
    const snap = back.snapshot('Пары')!;
    expect(snap.frozenRows).toBe(1);
    expect(snap.bold[0]).toEqual([true, true, true, true]);
  });

  test('formula-like text stays text after save and load', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Лист', ['A']);
    const tricky = ['=1+1', '+7 999 123-45-67', '-5 дней', '@директор', '=HYPERLINK("http://x")'];
    wb.writeValues('Лист', 1, 0, tricky.map((t) => [t]));
    const back = await roundTrip(wb);
    const data = back.readSheet('Лист')!;
    expect(data.values.slice(1).map((r) => r[0])).toEqual(tricky);
    expect(data.formulas!.slice(1).map((r) => r[0])).toEqual(['', '', '', '', '']);
    // And in the file itself there is no formula element.
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await back.toBuffer()) as unknown as ArrayBuffer);
    expect(raw.getWorksheet('Лист')!.getCell('A2').formula).toBeUndefined();
    expect(raw.getWorksheet('Лист')!.getCell('A2').value).toBe('=1+1');
  });

  test('writeDecorations never touches a formula, and keeps the curator\'s fills and notes elsewhere', async () => {
    const file = await curatorFile();
    const wb = await XlsxWorkbook.load(file);
    const rect = { row: 1, col: 0, rows: 2, cols: 3 };
    const deco = wb.readDecorations('Наставники', rect);
    // The add-on marks only C2 (a formula cell) and C3; everything else is written back as read.
    deco.backgrounds[0][2] = '#f4cccc';
    deco.notes[0][2] = 'Проверьте расчёт';
    deco.backgrounds[1][2] = '#FCE5CD';
    wb.writeDecorations('Наставники', rect, deco);
    await wb.save();
    const back = await XlsxWorkbook.load(file);
    const data = back.readSheet('Наставники')!;
    expect(data.formulas![1][2]).toBe('=B2*2');
    expect(data.values[1][2]).toBe(10);
    const after = back.readDecorations('Наставники', rect);
    expect(after.backgrounds).toEqual([
      ['#ffff00', '#4472c4', '#f4cccc'],
      [null, null, '#fce5cd'],
    ]);
    expect(after.notes[0][2]).toBe('Проверьте расчёт');
    expect(after.notes[1][0]).toBe('Уточнить у директора');
    // The theme fill is still a theme fill (written back untouched, not flattened to a hex).
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(file);
    expect((raw.getWorksheet('Наставники')!.getCell('B2').fill as ExcelJS.FillPattern).fgColor).toMatchObject({ theme: 4 });
  });

  test('clearing a fill and a note the add-on set', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Лист', ['A', 'B']);
    const rect = { row: 1, col: 0, rows: 1, cols: 2 };
    wb.writeDecorations('Лист', rect, { backgrounds: [['#ff0000', null]], notes: [['ошибка', '']] });
    const mid = await roundTrip(wb);
    expect(mid.readDecorations('Лист', rect)).toEqual({ backgrounds: [['#ff0000', null]], notes: [['ошибка', '']] });
    mid.writeDecorations('Лист', rect, { backgrounds: [[null, null]], notes: [['', '']] });
    const back = await roundTrip(mid);
    expect(back.readDecorations('Лист', rect)).toEqual({ backgrounds: [[null, null]], notes: [['', '']] });
  });

  test('a fill on one cell does not leak to its neighbours through a shared style', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Лист', ['A', 'B', 'C']);
    wb.writeValues('Лист', 1, 0, [['x', 'y', 'z']]);
    wb.writeDecorations('Лист', { row: 1, col: 1, rows: 1, cols: 1 }, { backgrounds: [['#00ff00']], notes: [['']] });
    const back = await roundTrip(wb);
    expect(back.readDecorations('Лист', { row: 0, col: 0, rows: 2, cols: 3 }).backgrounds).toEqual([
      [null, null, null],
      [null, '#00ff00', null],
    ]);
  });

  test('appendRows writes after the last data row and returns its index', async () => {
    const file = await curatorFile();
    const wb = await XlsxWorkbook.load(file);
    const first = wb.appendRows('Наставники', [['Петров П. П.', 3], ['Сидорова С. С.', 1]]);
    expect(first).toBe(6); // below the merged «Итоги года» area A5:C6
    const v = wb.readSheet('Наставники')!.values;
    expect(v[6].slice(0, 2)).toEqual(['Петров П. П.', 3]);
    expect(v[7].slice(0, 2)).toEqual(['Сидорова С. С.', 1]);
    const empty = XlsxWorkbook.create();
    empty.createSheet('Пусто', ['ID']);
    expect(empty.appendRows('Пусто', [['1']])).toBe(1);
  });

  test('writes into the hidden part of a merge are skipped, the master keeps its value', async () => {
    const wb = await XlsxWorkbook.load(await curatorFile());
    wb.writeValues('Наставники', 4, 0, [['Итоги', null, null]]);
    wb.writeValues('Наставники', 5, 1, [[null]]);
    const data = wb.readSheet('Наставники')!;
    expect(data.values[4][0]).toBe('Итоги');
    expect(data.merges).toHaveLength(1);
  });

  test('createSheet refuses duplicates and bad names in Russian', () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Пары', ['ID']);
    expect(() => wb.createSheet('Пары', ['ID'])).toThrow(/уже есть/);
    expect(() => wb.createSheet('a/b', ['ID'])).toThrow(UserError);
    expect(() => wb.createSheet(PROPERTIES_SHEET, ['x'])).toThrow(UserError);
  });
});

describe('XlsxWorkbook properties, setup, lock, cursor', () => {
  test('properties survive save/load in a very hidden tab not listed by sheetNames()', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Наставники', ['ID']);
    const long = 'я'.repeat(70000) + '!';
    wb.setProperty('state', JSON.stringify({ a: 1 }));
    wb.setProperty('long', long);
    wb.setProperty('gone', 'x');
    wb.setProperty('gone', null);
    const file = join(dir, 'props.xlsx');
    await wb.save(file);
    const back = await XlsxWorkbook.load(file);
    expect(back.sheetNames()).toEqual(['Наставники']);
    expect(back.readSheet(PROPERTIES_SHEET)).toBeNull();
    expect(back.getProperty('state')).toBe('{"a":1}');
    expect(back.getProperty('long')).toBe(long);
    expect(back.getProperty('gone')).toBeNull();
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(file);
    expect(raw.getWorksheet(PROPERTIES_SHEET)!.state).toBe('veryHidden');
    // Saved again, it does not duplicate.
    back.setProperty('state', '2');
    await back.save();
    const again = await XlsxWorkbook.load(file);
    expect(again.getProperty('state')).toBe('2');
    expect(again.getProperty('long')).toBe(long);
  });

  test('setupSheet: list and date validation, date format, widths, frozen rows', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Наставники', ['ID', 'Категория', 'Дата', 'Длинный список']);
    wb.writeValues('Наставники', 1, 2, [[new Date(Date.UTC(2025, 0, 2))]]);
    const many = Array.from({ length: 40 }, (_, i) => `значение номер ${i}, с запятой`);
    wb.setupSheet('Наставники', {
      frozenRows: 1,
      protectHeader: true,
      rows: 50,
      columns: [
        { col: 1, validation: { kind: 'list', values: ['педагог', 'студент'], strict: true }, width: 150 },
        { col: 2, validation: { kind: 'date' }, numberFormat: 'dd.MM.yyyy' },
        { col: 3, validation: { kind: 'list', values: many } },
      ],
    });
    const file = join(dir, 'setup.xlsx');
    await wb.save(file);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(file);
    const ws = raw.getWorksheet('Наставники')!;
    expect(ws.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"педагог,студент"'], errorStyle: 'stop' });
    expect(ws.getCell('B51').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('B52').dataValidation).toBeUndefined();
    expect(ws.getCell('C30').dataValidation).toMatchObject({ type: 'date' });
    expect(ws.getCell('D2').dataValidation?.formulae?.[0]).toMatch(/^'_nastavnik_lists'!\$A\$1:\$A\$40$/);
    expect(ws.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(ws.getColumn(2).width).toBeGreaterThan(15);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // No protection: the curator can type anywhere.
    expect((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null).toBeNull();
    const back = await XlsxWorkbook.load(file);
    expect(back.sheetNames()).toEqual(['Наставники']);
    expect(back.readSheet('Наставники')!.values[1][2]).toEqual(new Date(Date.UTC(2025, 0, 2)));
  });

  test('withLock is reentrant and refuses a second async holder', async () => {
    const wb = XlsxWorkbook.create();
    expect(wb.withLock(() => wb.withLock(() => 42))).toBe(42);
    let release!: () => void;
    const held = wb.withLock(() => new Promise<void>((r) => (release = r)));
    expect(() => wb.withLock(() => 1)).toThrow(LockBusyError);
    release();
    await held;
    await new Promise((r) => setImmediate(r));
    expect(wb.withLock(() => 2)).toBe(2);
    expect(() =>
      wb.withLock(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(wb.withLock(() => 3)).toBe(3);
  });

  test('selectCell is remembered as the active cell', () => {
    const wb = XlsxWorkbook.create();
    expect(wb.activeCell()).toBeNull();
    wb.createSheet('Пары', ['ID']);
    wb.selectCell('Пары', 3, 2);
    expect(wb.activeCell()).toEqual({ sheet: 'Пары', row: 3, col: 2 });
    expect(() => wb.selectCell('Нет', 0, 0)).toThrow(UserError);
  });

  test('a dropdown list is read back from its cell, inline or kept on the hidden lists tab, after save and load', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Пары', ['ID', 'Форма наставничества', 'Статус']);
    const long = Array.from({ length: 12 }, (_, i) => `форма номер ${i + 1} – с длинным названием, и запятой`);
    wb.setupSheet('Пары', {
      columns: [
        { col: 1, validation: { kind: 'list', values: ['ученик – ученик', 'студент – студент (СПО)'], strict: false } },
        { col: 2, validation: { kind: 'list', values: long, strict: false } },
        { col: 0, validation: { kind: 'date' } },
      ],
      rows: 10,
    });
    const back = await roundTrip(wb);
    for (const book of [wb, back]) {
      expect(book.readListValidation('Пары', 1, 1)).toEqual(['ученик – ученик', 'студент – студент (СПО)']);
      expect(book.readListValidation('Пары', 10, 2)).toEqual(long);
      expect(book.readListValidation('Пары', 11, 1)).toBeNull();
      expect(book.readListValidation('Пары', 1, 0)).toBeNull();
      expect(book.readListValidation('Нет такого', 1, 1)).toBeNull();
    }
  });
});
