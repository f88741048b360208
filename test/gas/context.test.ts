import { createGasFakes, type GasFakes } from '../fakes/gas';
import { gasContext } from '../../src/gas/context';
import { SheetsWorkbook } from '../../src/gas/sheetsWorkbook';

let fakes: GasFakes;
let uninstall: () => void;
beforeEach(() => {
  fakes = createGasFakes();
  uninstall = fakes.install();
});
afterEach(() => uninstall());

describe('gasContext', () => {
  it('touches no service until a port is used', () => {
    const ctx = gasContext();
    expect(ctx.wb).toBeInstanceOf(SheetsWorkbook);
    expect(fakes.calls.total).toBe(0);
  });

  it("today() is the spreadsheet's date in its time zone", () => {
    const ctx = gasContext();
    jest.useFakeTimers({ now: new Date('2026-11-22T22:30:00Z') }); // 01:30 on the 23rd in Moscow
    try {
      expect(ctx.today()).toBe('2026-11-23');
      fakes.state.timeZone = 'America/New_York';
      expect(ctx.today()).toBe('2026-11-22');
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends mail under the add-on name and reports the quota', () => {
    const ctx = gasContext();
    expect(ctx.mail!.remainingQuota()).toBe(100);
    ctx.mail!.send('mentor@example.org', 'Срок', 'Текст');
    expect(fakes.mail.sent).toEqual([{ to: 'mentor@example.org', subject: 'Срок', body: 'Текст', name: 'Наставник' }]);
    expect(ctx.mail!.remainingQuota()).toBe(99);
  });

  it('installs one daily trigger per handler in this spreadsheet, replaces it on re-install, removes it', () => {
    const t = gasContext().triggers!;
    expect(t.detached).toBe(true);
    expect(t.dailyId('dailyCheck')).toBeNull();
    t.installDaily('dailyCheck', 7);
    const id = t.installDaily('dailyCheck', 9);
    expect(fakes.triggers.map((x) => x.data)).toEqual([
      expect.objectContaining({ id, handler: 'dailyCheck', eventType: 'CLOCK', everyDays: 1, atHour: 9, docId: fakes.spreadsheet.id }),
    ]);
    expect(t.dailyId('dailyCheck')).toBe(id);
    expect(t.dailyId('other')).toBeNull();
    t.remove('dailyCheck');
    expect(t.dailyId('dailyCheck')).toBeNull();
    expect(fakes.triggers).toEqual([]);
  });

  it('add-on: each spreadsheet of the user keeps its own trigger; removing one leaves the other', () => {
    const other = createGasFakes({ world: fakes.world });
    const inA = () => gasContext().triggers!;
    const idA = inA().installDaily('digest', 8);
    uninstall();
    uninstall = other.install();
    const inB = gasContext().triggers!;
    const idB = inB.installDaily('digest', 9);
    // getProjectTriggers() lists both (the user's triggers of the add-on in every document).
    expect(fakes.triggers.map((x) => [x.data.docId, x.data.atHour])).toEqual([
      [fakes.spreadsheet.id, 8],
      [other.spreadsheet.id, 9],
    ]);
    expect(inB.dailyId('digest')).toBe(idB);
    inB.installDaily('digest', 10, idB); // re-install in B replaces B's only
    inB.remove('digest');
    uninstall();
    uninstall = fakes.install();
    expect(inA().dailyId('digest')).toBe(idA);
    expect(fakes.triggers.map((x) => x.getUniqueId())).toEqual([idA]);
  });

  it('add-on fakes refuse a second time-based trigger in one document and one more often than hourly', () => {
    const t = gasContext().triggers!;
    t.installDaily('digest', 8);
    expect(() => fakes.globals.ScriptApp.newTrigger('digest').timeBased().everyDays(1).atHour(9).create()).toThrow(/too many time-based triggers in this document/);
    expect(() => fakes.globals.ScriptApp.newTrigger('x').timeBased().everyMinutes(5)).toThrow(/once per hour/);
  });

  it('bound script: the project is this spreadsheet\'s, its clock triggers are found without getUserTriggers', () => {
    uninstall();
    fakes = createGasFakes({ scriptKind: 'bound' });
    uninstall = fakes.install();
    const t = gasContext(undefined, { addon: false }).triggers!;
    expect(t.detached).toBe(false);
    const id = t.installDaily('digest', 8);
    expect(fakes.globals.ScriptApp.getUserTriggers(fakes.globals.SpreadsheetApp.getActiveSpreadsheet())).toEqual([]);
    expect(t.dailyId('digest')).toBe(id);
    t.installDaily('digest', 9);
    expect(fakes.triggers).toHaveLength(1);
    t.remove('digest');
    expect(fakes.triggers).toEqual([]);
  });

  it('logs the message only', () => {
    const spy = jest.spyOn(console, 'log').mockImplementation(() => {});
    try {
      gasContext().log!('check: 2 errors');
      expect(spy).toHaveBeenCalledWith('check: 2 errors');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Apps Script fakes behave like Apps Script where it matters', () => {
  it('getRange rejects bad coordinates with the real messages', () => {
    const s = fakes.spreadsheet.getSheets()[0];
    expect(() => s.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => s.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => s.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => s.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(s.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
    expect(s.getRange(2, 2, 3).getNumRows()).toBe(3);
    expect(fakes.spreadsheet.getRange(`'${s.getName()}'!C3`).getColumn()).toBe(3);
    expect(() => s.getRange('A1:B2').setValues([['a', 'b', 'c'], ['d', 'e', 'f']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('Utilities.formatDate handles the Moscow zone and both date patterns', () => {
    const d = new Date('2026-03-01T21:15:00Z');
    expect(fakes.globals.Utilities.formatDate(d, 'Europe/Moscow', 'yyyy-MM-dd')).toBe('2026-03-02');
    expect(fakes.globals.Utilities.formatDate(d, 'Europe/Moscow', 'dd.MM.yyyy HH:mm')).toBe('02.03.2026 00:15');
    expect(fakes.globals.Utilities.formatDate(d, 'UTC', 'dd.MM.yyyy')).toBe('01.03.2026');
  });

  it('Docs replaceText: regex pattern, Java-style replacement', () => {
    const doc = fakes.globals.DocumentApp.create('Приказ');
    const body = doc.getBody();
    body.appendParagraph('Наставник: {{mentor}}, сумма {{sum}}');
    body.replaceText('\\{\\{mentor\\}\\}', 'Иванова А. А.');
    body.replaceText('\\{\\{sum\\}\\}', '\\$100');
    expect(body.getParagraphs().map((p: any) => p.getText())).toEqual(['', 'Наставник: Иванова А. А., сумма $100']);
    expect(() => body.replaceText('Иванова', '$ и')).toThrow('Illegal group reference');
    doc.saveAndClose();
    expect(() => body.appendParagraph('x')).toThrow('Document is closed');
  });


  it('Docs: a table’s or row’s Text styles every cell in one call; "\\n" in a paragraph is a line break', () => {
    const doc = fakes.globals.DocumentApp.create('Таблица');
    const body = doc.getBody();
    const table = body.appendTable([['№', 'ФИО'], ['1', 'Иванова'], ['2', '']]);
    fakes.calls.reset();
    table.editAsText().setFontFamily('Times New Roman').setFontSize(12);
    table.getRow(0).editAsText().setBold(true);
    expect(fakes.calls.total).toBe(6); // editAsText, setFontFamily, setFontSize, getRow, editAsText, setBold
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 2; c++) {
        if (r === 2 && c === 1) continue; // empty: no character to carry a setting
        const text = table.getCell(r, c).getChild(0).asParagraph().editAsText();
        expect([text.getFontFamily(), text.getFontSize(), text.isBold()]).toEqual(['Times New Roman', 12, r === 0 ? true : null]);
      }
    }
    expect(table.editAsText().isBold()).toBeNull(); // mixed
    expect(table.getRow(0).editAsText().isBold()).toBe(true);
    expect(() => table.editAsText().setBold(0, 1, true)).toThrow(/without offsets/);
    expect(() => table.getCell(0, 0).getChild(0).asTable()).toThrow(/Cannot cast/);
    // Paragraph reference: "\n" is converted to a line break "\r" (one paragraph, not two).
    const p = body.appendParagraph('Тайный С.\nКузнецов И.');
    expect(p.getText()).toBe('Тайный С.\rКузнецов И.');
    expect(body.getNumChildren()).toBe(4);
  });
  it("calls the manifest's scopes do not allow throw as in Apps Script (DriveApp needs drive, not drive.file)", () => {
    // appsscript.json declares drive.file; DriveApp's reference lists drive.readonly/drive only.
    expect(() => fakes.globals.DriveApp.getFileById('x')).toThrow(
      'You do not have permission to call DriveApp.getFileById. Required permissions: https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive',
    );
    expect(() => fakes.globals.SpreadsheetApp.getActiveSpreadsheet()).not.toThrow();
    const readonly = createGasFakes({ scopes: ['https://www.googleapis.com/auth/spreadsheets.readonly'] });
    expect(() => readonly.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/spreadsheets\.currentonly \|\| .*spreadsheets$/);
  });

  it('tab names stay unique regardless of letter case, as in Sheets', () => {
    const ss = fakes.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Пары');
    expect(() => ss.insertSheet('ПАРЫ')).toThrow('A sheet with the name "ПАРЫ" already exists');
    expect(() => ss.insertSheet('Наставники').setName('пары')).toThrow(/already exists/);
  });

  it('Drive makeCopy of a Google Doc copies its content', () => {
    fakes = createGasFakes({ scopes: null });
    const tpl = fakes.globals.DocumentApp.create('Шаблон');
    tpl.getBody().appendTable([['№', 'ФИО']]);
    const folder = fakes.globals.DriveApp.createFolder('Приказы');
    const copy = fakes.globals.DriveApp.getFileById(tpl.getId()).makeCopy('Приказ 1', folder);
    const doc = fakes.globals.DocumentApp.openById(copy.getId());
    expect(doc.getBody().getTables()[0].getCell(0, 1).getText()).toBe('ФИО');
    expect(copy.getUrl()).toContain(copy.getId());
  });

  it('a lock held elsewhere makes waitLock throw and counts calls', () => {
    fakes.locks.document.heldElsewhere = true;
    fakes.calls.reset();
    const lock = fakes.globals.LockService.getDocumentLock();
    expect(lock.tryLock(100)).toBe(false);
    expect(() => lock.waitLock(100)).toThrow(/Lock timeout/);
    expect(fakes.calls.byName).toEqual({ 'LockService.getDocumentLock': 1, 'Lock.tryLock': 1, 'Lock.waitLock': 1 });
  });
});
