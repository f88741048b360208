import { createGasFakes, type GasFakes } from '../fakes/gas';
import { SheetsWorkbook, HEADER_PROTECTION_DESCRIPTION, NO_SPREADSHEET_MESSAGE, splitUtf8 } from '../../src/gas/sheetsWorkbook';
import { LockBusyError, UserError } from '../../src/app/port';

let fakes: GasFakes;
let uninstall: () => void;

function setup(sheets: Record<string, unknown[][]> = { Пары: [['ФИО', 'Дата']] }) {
  fakes = createGasFakes({ sheets });
  uninstall = fakes.install();
  return new SheetsWorkbook();
}

afterEach(() => uninstall?.());

describe('SheetsWorkbook values', () => {
  it('lists tabs and reads a whole tab, empty cells as null', () => {
    const wb = setup({ A: [['h1', 'h2'], ['x', '']], B: [] });
    expect(wb.sheetNames()).toEqual(['A', 'B']);
    expect(wb.readSheet('A')).toEqual({ name: 'A', values: [['h1', 'h2'], ['x', null]] });
    expect(wb.readSheet('B')).toEqual({ name: 'B', values: [] });
    expect(wb.readSheet('Нет')).toBeNull();
  });

  it('round-trips strings, numbers, booleans, Dates and blanks', () => {
    const wb = setup();
    const d = new Date('2026-11-22T00:00:00+03:00');
    wb.writeValues('Пары', 1, 0, [
      ['Иванова Анна', d],
      [42, true],
      [null, 'ок'],
    ]);
    const values = wb.readSheet('Пары')!.values;
    expect(values.slice(1)).toEqual([
      ['Иванова Анна', d],
      [42, true],
      [null, 'ок'],
    ]);
    expect(values[1][1]).toBeInstanceOf(Date);
    expect((values[1][1] as Date).getTime()).toBe(d.getTime());
  });

  it('keeps formula-like and number-like text as text', () => {
    const wb = setup();
    const tricky = ['=SUM(A1:A3)', '+7 900 123-45-67', '-5', '@ivan', "'quoted", '007', '2026-01-15', '15.01.2026', 'TRUE', '1,5', '50%', '$5', ' 12'];
    wb.writeValues('Пары', 1, 0, tricky.map((s) => [s, 'обычный текст']));
    const values = wb.readSheet('Пары')!.values;
    expect(values.slice(1).map((r) => r[0])).toEqual(tricky);
    const raw = fakes.spreadsheet.getSheetByName('Пары')!.getRange(2, 1, tricky.length, 2);
    expect(raw.getFormulas().flat().every((f) => f === '')).toBe(true);
    // Plain words are not prefixed (the apostrophe would show in the formula bar).
    expect(raw.getValues().every((r) => r[1] === 'обычный текст')).toBe(true);
  });

  it('the fake itself turns unescaped formula-like strings into formulas (so the test above can fail)', () => {
    setup();
    const r = fakes.spreadsheet.getSheetByName('Пары')!.getRange(2, 1, 1, 3);
    r.setValues([['=1+1', '007', '+7 900']]);
    expect(r.getFormulas()[0]).toEqual(['=1+1', '', '=+7 900']);
    expect(r.getValues()[0]).toEqual(['#ERROR!', 7, '#ERROR!']);
  });

  it('grows the sheet when a write goes past its last row or column', () => {
    const wb = setup();
    wb.writeValues('Пары', 1200, 30, [['далеко']]);
    const values = wb.readSheet('Пары')!.values;
    expect(values.length).toBe(1201);
    expect(values[1200][30]).toBe('далеко');
  });

  it('rejects ragged rows instead of writing a partial rectangle', () => {
    const wb = setup();
    expect(() => wb.writeValues('Пары', 1, 0, [['a', 'b'], ['c']])).toThrow(/different length/);
  });

  it('zero-size writes are no-ops', () => {
    const wb = setup();
    fakes.calls.reset();
    wb.writeValues('Пары', 5, 5, []);
    wb.writeValues('Пары', 5, 5, [[]]);
    wb.writeDecorations('Пары', { row: 1, col: 0, rows: 0, cols: 3 }, { backgrounds: [], notes: [] });
    expect(wb.readDecorations('Пары', { row: 1, col: 0, rows: 3, cols: 0 })).toEqual({ backgrounds: [], notes: [] });
    expect(fakes.calls.total).toBe(0);
  });

  it('names a missing tab in Russian', () => {
    const wb = setup();
    expect(() => wb.writeValues('Наставники', 1, 0, [['x']])).toThrow(UserError);
    expect(() => wb.writeValues('Наставники', 1, 0, [['x']])).toThrow(/«Наставники»/);
  });

  it('a tab whose name differs only in letter case is found the same way before and after the names are listed', () => {
    const wb = setup({ НАСТАВНИКИ: [['ФИО'], ['Иванова']] });
    const ss = fakes.spreadsheet;
    // Sheets' getSheetByName ignores letter case (tab names are unique regardless of case).
    ss.getSheetByName = (n: string) => ss.sheets.find((s) => s.name.toLowerCase() === n.toLowerCase()) ?? null;
    expect(wb.hasSheet('Наставники')).toBe(true);
    expect(wb.sheetNames()).toEqual(['НАСТАВНИКИ']);
    // Listing the names must not turn the tab found a moment ago into a missing one.
    expect(wb.hasSheet('Наставники')).toBe(true);
    expect(wb.readSheet('Наставники')!.values).toEqual([['ФИО'], ['Иванова']]);
    wb.withLock(() => {
      // Under the lock the caches start afresh with the list of names, then the lookup.
      expect(wb.sheetNames()).toEqual(['НАСТАВНИКИ']);
      expect(wb.hasSheet('Наставники')).toBe(true);
      // A second tab of that name cannot exist: said in Russian, not by Sheets' own error.
      expect(() => wb.createSheet('Наставники', ['ФИО'])).toThrow(UserError);
    });
    expect(ss.sheets).toHaveLength(1);
  });

  it('reports merged areas 0-based', () => {
    const wb = setup({ R: [['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']] });
    fakes.spreadsheet.getSheetByName('R')!.getRange('B2:C3').merge();
    expect(wb.readSheet('R')!.merges).toEqual([{ row: 1, col: 1, rows: 2, cols: 2 }]);
  });
});

describe('SheetsWorkbook decorations', () => {
  it('writes and reads backgrounds and notes; none is null / empty', () => {
    const wb = setup({ P: [['a', 'b'], ['c', 'd'], ['e', 'f']] });
    const rect = { row: 1, col: 0, rows: 2, cols: 2 };
    wb.writeDecorations('P', rect, {
      backgrounds: [['#f4cccc', null], [null, '#fff2cc']],
      notes: [['Нет согласия', ''], ['', 'Срок истёк']],
    });
    expect(wb.readDecorations('P', rect)).toEqual({
      backgrounds: [['#f4cccc', null], [null, '#fff2cc']],
      notes: [['Нет согласия', ''], ['', 'Срок истёк']],
    });
    const raw = fakes.spreadsheet.getSheetByName('P')!;
    expect(raw.getRange('A2').getBackground()).toBe('#f4cccc');
    expect(raw.getRange('B2').getBackground()).toBe('#ffffff');
    expect(raw.getRange('A1').getNote()).toBe(''); // outside the rect: untouched
    // Clearing writes null back, which resets the colour.
    wb.writeDecorations('P', rect, { backgrounds: [[null, null], [null, null]], notes: [['', ''], ['', '']] });
    expect(raw.getRange('A2').getBackground()).toBe('#ffffff');
  });

  it('a decorations array of the wrong shape fails with the Apps Script message', () => {
    const wb = setup({ P: [['a'], ['b']] });
    expect(() =>
      wb.writeDecorations('P', { row: 0, col: 0, rows: 2, cols: 1 }, { backgrounds: [[null], [null], [null]], notes: [[''], ['']] }),
    ).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2.');
  });
});

describe('SheetsWorkbook appendRows / createSheet / setupSheet', () => {
  it('appends after the last row holding data, ignoring decorated empty rows', () => {
    const wb = setup({ P: [['ФИО', 'Класс'], ['Анна', '7А'], ['Борис', '8Б']] });
    const sheet = fakes.spreadsheet.getSheetByName('P')!;
    sheet.getRange('A8').setNote('заметка куратора');
    sheet.getRange('A9').setBackground('#ff0000');
    const first = wb.appendRows('P', [['Вера', '9В'], ['Глеб']]);
    expect(first).toBe(3);
    expect(wb.readSheet('P')!.values.slice(3)).toEqual([['Вера', '9В'], ['Глеб', null]]);
    expect(sheet.getRange('A8').getNote()).toBe('заметка куратора');
  });

  it('appends past the sheet end by inserting rows', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`r${i}`]);
    const wb = setup({ P: rows });
    expect(fakes.spreadsheet.getSheetByName('P')!.getMaxRows()).toBe(1000);
    expect(wb.appendRows('P', [['new1'], ['new2']])).toBe(1000);
    expect(wb.readSheet('P')!.values.slice(-2)).toEqual([['new1'], ['new2']]);
  });

  it('creates a tab at the end with a bold frozen header', () => {
    const wb = setup({ A: [], B: [] });
    fakes.spreadsheet.setActiveSheet(fakes.spreadsheet.getSheetByName('A')!);
    wb.createSheet('Пары', ['Наставник', 'Наставляемый', '+ примечание']);
    expect(wb.sheetNames()).toEqual(['A', 'B', 'Пары']);
    expect(fakes.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['A', 'B', 'Пары']);
    const s = fakes.spreadsheet.getSheetByName('Пары')!;
    expect(s.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['Наставник', 'Наставляемый', '+ примечание']);
    expect(s.getRange(1, 1, 1, 3).getFontWeights()[0]).toEqual(['bold', 'bold', 'bold']);
    expect(s.getFrozenRows()).toBe(1);
    expect(() => wb.createSheet('Пары', ['x'])).toThrow(UserError);
  });

  it('sets validation, formats, widths, frozen rows and a warning-only header protection once', () => {
    const wb = setup({ P: [['Статус', 'Дата', 'Тип']] });
    const setupSpec = {
      frozenRows: 1,
      protectHeader: true,
      rows: 50,
      columns: [
        { col: 0, validation: { kind: 'list' as const, values: ['активна', 'завершена'], strict: true }, width: 140 },
        { col: 1, validation: { kind: 'date' as const }, numberFormat: 'dd.mm.yyyy' },
        { col: 2, validation: { kind: 'list' as const, values: ['очная'] } },
      ],
    };
    wb.setupSheet('P', setupSpec);
    wb.setupSheet('P', setupSpec);
    const s = fakes.spreadsheet.getSheetByName('P')!;
    const v0 = s.getRange('A2').getDataValidation()!;
    expect(v0.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(v0.getCriteriaValues()[0]).toEqual(['активна', 'завершена']);
    expect(v0.getAllowInvalid()).toBe(false);
    expect(s.getRange('C51').getDataValidation()!.getAllowInvalid()).toBe(true);
    expect(s.getRange('C52').getDataValidation()).toBeNull();
    expect(s.getRange('A1').getDataValidation()).toBeNull(); // header untouched
    expect(s.getRange('B2').getDataValidation()!.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(s.getRange('B30').getNumberFormat()).toBe('dd.mm.yyyy');
    expect(s.getColumnWidth(1)).toBe(140);
    expect(s.getFrozenRows()).toBe(1);
    const prots = s.getProtections('RANGE');
    expect(prots).toHaveLength(1);
    expect(prots[0].getDescription()).toBe(HEADER_PROTECTION_DESCRIPTION);
    expect(prots[0].isWarningOnly()).toBe(true);
    expect(prots[0].getRange().getA1Notation()).toBe('A1:C1');
  });
});

describe('SheetsWorkbook properties', () => {
  it('stores small values as one property', () => {
    const wb = setup();
    wb.setProperty('settings', '{"hour":8}');
    expect(wb.getProperty('settings')).toBe('{"hour":8}');
    expect(fakes.properties.document.getKeys()).toEqual(['settings']);
    expect(wb.getProperty('absent')).toBeNull();
  });

  it('splits values over 8 KB into chunks and joins them back', () => {
    const wb = setup();
    const big = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i, name: 'Наставляемый №' + i, emoji: '🎓' })));
    expect(Buffer.byteLength(big)).toBeGreaterThan(40000);
    wb.setProperty('state', big);
    expect(wb.getProperty('state')).toBe(big);
    const keys = fakes.properties.document.getKeys();
    expect(keys).toContain('state#n');
    expect(keys).not.toContain('state');
    for (const k of keys) expect(Buffer.byteLength(fakes.properties.document.getProperty(k)!)).toBeLessThanOrEqual(9 * 1024);

    // Shrinking back to one value leaves no stale chunks behind.
    wb.setProperty('state', 'small');
    expect(wb.getProperty('state')).toBe('small');
    expect(fakes.properties.document.getKeys()).toEqual(['state']);
    wb.setProperty('state', big);
    wb.setProperty('state', null);
    expect(wb.getProperty('state')).toBeNull();
    expect(fakes.properties.document.getKeys()).toEqual([]);
  });

  it('the fake enforces the 9 KB limit like Apps Script', () => {
    setup();
    expect(() => fakes.properties.document.setProperty('k', 'я'.repeat(5000))).toThrow('Argument too large: value');
  });

  it('splitUtf8 never splits a surrogate pair', () => {
    const parts = splitUtf8('a🎓'.repeat(100), 10);
    expect(parts.join('')).toBe('a🎓'.repeat(100));
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(10);
  });
});

describe('SheetsWorkbook lock and cursor', () => {
  it('runs under the document lock, flushes what it wrote, then releases', () => {
    const wb = setup();
    fakes.calls.reset();
    expect(
      wb.withLock(() => {
        wb.writeValues('Пары', 1, 0, [['x', 'y']]);
        return fakes.locks.document.heldByMe;
      }),
    ).toBe(true);
    expect(fakes.locks.document.heldByMe).toBe(false);
    expect(fakes.locks.document.waits).toEqual([15000]);
    const seq = fakes.calls.sequence;
    expect(seq).toContain('SpreadsheetApp.flush');
    expect(seq.indexOf('SpreadsheetApp.flush')).toBeLessThan(seq.indexOf('Lock.releaseLock'));
  });

  it('outside a containing document (getDocumentLock() is null) the user lock guards the writes', () => {
    setup();
    // A spreadsheet handed in (as the department review opens schools), no document context.
    const wb = new SheetsWorkbook(fakes.globals.SpreadsheetApp.getActiveSpreadsheet());
    fakes.state.noDocument = true;
    expect(wb.withLock(() => (wb.writeValues('Пары', 1, 0, [['x']]), 'done'))).toBe('done');
    expect(fakes.locks.user.acquired).toBe(1);
    expect(fakes.locks.user.heldByMe).toBe(false);
    expect(fakes.locks.document.acquired).toBe(0);
    fakes.locks.user.heldElsewhere = true;
    expect(() => wb.withLock(() => 'x')).toThrow(LockBusyError);
  });

  it('without an active spreadsheet (getActiveSpreadsheet() is null) every use says so in Russian', () => {
    const wb = setup();
    fakes.state.noDocument = true;
    expect(() => wb.readSheet('Пары')).toThrow(UserError);
    expect(() => wb.readSheet('Пары')).toThrow(NO_SPREADSHEET_MESSAGE);
    expect(() => wb.getProperty('k')).toThrow(NO_SPREADSHEET_MESSAGE);
  });

  it('a lock under which nothing was written costs three calls: no flush', () => {
    const wb = setup();
    fakes.calls.reset();
    wb.withLock(() => wb.readSheet('Пары'));
    expect(fakes.calls.count('SpreadsheetApp.flush')).toBe(0);
    expect(fakes.calls.count('LockService.getDocumentLock') + fakes.calls.count('Lock.tryLock') + fakes.calls.count('Lock.releaseLock')).toBe(3);
  });

  it('re-reads inside the lock what was read before it (another execution may have changed it)', () => {
    const wb = setup({ Пары: [['ФИО']] });
    expect(wb.getProperty('k')).toBeNull();
    expect(wb.sheetNames()).toEqual(['Пары']);
    // Meanwhile another execution writes a property and adds a tab.
    fakes.properties.document.setProperty('k', 'v');
    fakes.spreadsheet._addSheet('Новый', [['a']]);
    wb.withLock(() => {
      expect(wb.getProperty('k')).toBe('v');
      expect(wb.sheetNames()).toEqual(['Пары', 'Новый']);
      expect(wb.readSheet('Новый')!.values).toEqual([['a']]);
    });
  });

  it('releases when fn throws, and nested calls keep the outer lock', () => {
    const wb = setup();
    expect(() =>
      wb.withLock(() => {
        wb.withLock(() => 1);
        expect(fakes.locks.document.heldByMe).toBe(true);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fakes.locks.document.heldByMe).toBe(false);
    expect(fakes.locks.document.acquired).toBe(1);
    expect(fakes.locks.document.released).toBe(1);
  });

  it('throws LockBusyError without running fn when someone else holds the lock', () => {
    const wb = setup();
    fakes.locks.document.heldElsewhere = true;
    const fn = jest.fn();
    expect(() => wb.withLock(fn)).toThrow(LockBusyError);
    expect(fn).not.toHaveBeenCalled();
  });

  it('reads and moves the cursor with 0-based coordinates', () => {
    const wb = setup({ A: [['x']], B: [['y']] });
    expect(wb.activeCell()).toBeNull();
    wb.selectCell('B', 4, 2);
    expect(fakes.spreadsheet.getActiveSheet()!.getName()).toBe('B');
    expect(fakes.spreadsheet.getActiveRange()!.getA1Notation()).toBe('C5');
    expect(wb.activeCell()).toEqual({ sheet: 'B', row: 4, col: 2 });
  });
});

describe('SheetsWorkbook service calls do not grow with rows', () => {
  function measure(rows: number) {
    const cols = 8;
    const data: unknown[][] = [Array.from({ length: cols }, (_, c) => `Колонка ${c}`)];
    for (let r = 0; r < rows; r++) data.push(Array.from({ length: cols }, (_, c) => (c === 0 ? `Участник ${r}` : r * c)));
    const wb = setup({ Наставляемые: data });
    fakes.calls.reset();
    const sheet = wb.readSheet('Наставляемые')!;
    const afterRead = fakes.calls.total;
    const rect = { row: 1, col: 0, rows: sheet.values.length - 1, cols };
    const deco = wb.readDecorations('Наставляемые', rect);
    const afterReadDeco = fakes.calls.total;
    deco.backgrounds[0][0] = '#f4cccc';
    wb.writeDecorations('Наставляемые', rect, deco);
    uninstall();
    return { read: afterRead, readDeco: afterReadDeco - afterRead, writeDeco: fakes.calls.total - afterReadDeco, total: fakes.calls.total, byName: { ...fakes.calls.byName } };
  }

  it('10 rows and 10 000 rows cost the same number of calls', () => {
    const small = measure(10);
    const big = measure(10000);
    expect(big.total).toBe(small.total);
    expect(big.byName).toEqual(small.byName);
    // Pin the budget so a regression shows: getActiveSpreadsheet + getSheetByName + getSheetValues;
    // getRange + getBackgrounds + getNotes; setBackgrounds + setNotes (the same range handle, and
    // the rectangle lies inside the data just read, so no size check).
    expect(small).toMatchObject({ read: 3, readDeco: 3, writeDeco: 2 });
  });
});
