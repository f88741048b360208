import { getFormsData, getRecordAtCursor, saveMentee, saveMentor, savePair } from '../../src/app/registers/forms';
import { setupSpreadsheet } from '../../src/app/registers/setup';
import { loadRegisters } from '../../src/app/registers/load';
import type { AppContext } from '../../src/app/context';
import type { CellValue } from '../../src/app/port';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';

const logs: string[] = [];
const ctxOf = (wb: MemoryWorkbook): AppContext => ({ wb, today: () => '2026-11-22', log: (m) => logs.push(m) });

/** A curator's register: own column order, an unknown column in the middle, a renamed heading. */
function curatorBook() {
  const mentors: CellValue[][] = [
    ['Код', 'Ф.И.О.', 'Заметки куратора', 'Роль', 'Эл. почта', 'Согласие ПДн', 'Дата вступления', 'Формы'],
    ['Н-001', 'Иванова Анна Петровна', 'звонила 5.11', 'учитель', 'anna@school.ru', 'да', new Date(Date.UTC(2025, 8, 1)), 'учитель—учитель'],
    ['Н-007', 'Петров Пётр', '', 'обучающийся', '', '', '', ''],
  ];
  const mentees: CellValue[][] = [
    ['ID', 'ФИО', 'Категория', 'Класс', 'Согласие на обработку ПДн', 'Моё'],
    ['Нв-001', 'Сидоров Семён', 'обучающийся', '7А', '01.09.2025', 'м'],
    ['Нв-002', 'Кузнецова Ксения', 'обучающийся', '8Б', '', ''],
    ['Нв-003', 'Орлова Ольга', 'молодой специалист', '', 'да', ''],
  ];
  const pairs: CellValue[][] = [
    ['№ пары', 'Наставник', 'Наставляемые', 'Свой столбец', 'Статус', 'Форма'],
    ['П-001', 'Иванова Анна Петровна', 'Орлова Ольга', 'своё', 'активна', 'учитель – учитель'],
  ];
  return new MemoryWorkbook({ Наставники: mentors, Наставляемые: mentees, Пары: pairs });
}

const snapshot = (wb: MemoryWorkbook, name: string) => JSON.stringify(wb.grid(name));

describe('forms data', () => {
  it('lists forms, categories, people with consent flags and next IDs', () => {
    const data = getFormsData(ctxOf(curatorBook()));
    expect(data.forms).toContain('ученик – ученик');
    expect(data.mentorCategories).toContain('работодатель');
    expect(data.mentors.map((m) => [m.id, m.consent])).toEqual([
      ['Н-001', true],
      ['Н-007', false],
    ]);
    expect(data.nextIds).toEqual({ mentors: 'Н-008', mentees: 'Нв-004', pairs: 'П-002' });
    expect(data.fields.mentors.find((f) => f.field === 'category')).toMatchObject({ label: 'Категория', kind: 'enum', required: true });
    expect(data.fields.pairs.find((f) => f.field === 'mentees')).toMatchObject({ multiple: true });
    // Plain JSON for google.script.run.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('saving a mentor or mentee', () => {
  it('returns Russian field errors from the schema and writes nothing', () => {
    const wb = curatorBook();
    const before = snapshot(wb, 'Наставники');
    const res = saveMentor(ctxOf(wb), { fullName: '', category: 'космонавт', email: 'bad@', capacity: 'много', joinedDate: '31.02.2026' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.fullName).toBe('Заполните поле «ФИО»');
    expect(res.errors.category).toMatch(/не из списка/);
    expect(res.errors.email).toMatch(/электронной почты/);
    expect(res.errors.capacity).toMatch(/целое число/);
    expect(res.errors.joinedDate).toMatch(/ДД\.ММ\.ГГГГ/);
    expect(snapshot(wb, 'Наставники')).toBe(before);
    expect(wb.calls.withLock ?? 0).toBe(0);
  });

  it('appends one row aligned to the curator’s column order, unknown columns empty, next ID', () => {
    const wb = curatorBook();
    const res = saveMentor(ctxOf(wb), {
      fullName: 'Смирнова Светлана',
      category: 'педагог',
      email: 'sv@school.ru',
      consentDate: '2026-11-20',
      joinedDate: '2026-11-21',
      forms: ['учитель - учитель', 'педагог – педагог'],
      competencies: 'физика; химия',
    });
    expect(res).toMatchObject({ ok: true, id: 'Н-008', row: 4, created: true, sheet: 'Наставники' });
    const grid = wb.grid('Наставники');
    expect(grid).toHaveLength(4);
    const row = grid[3];
    expect(row.slice(0, 5)).toEqual(['Н-008', 'Смирнова Светлана', '', 'педагог', 'sv@school.ru']);
    expect(row[5]).toEqual(new Date(Date.UTC(2026, 10, 20)));
    expect(row[6]).toEqual(new Date(Date.UTC(2026, 10, 21)));
    expect(row[7]).toBe('учитель – учитель; педагог – педагог');
    // Fields without a column are reported, not dropped silently.
    if (res.ok) expect(res.warnings.join(' ')).toMatch(/«Компетенции» не записано/);
    expect(wb.calls.appendRows).toBe(1);
    // It reads back as the same record.
    const again = loadRegisters(wb).mentors.find((r) => r.record.id === 'Н-008')!;
    expect(again.valid).toBe(true);
    expect(again.record).toMatchObject({ consentDate: '2026-11-20', joinedDate: '2026-11-21', forms: ['учитель – учитель', 'педагог – педагог'] });
    expect(logs.join('\n')).not.toMatch(/Смирнова/);
  });

  it('refuses an ID already taken', () => {
    const wb = curatorBook();
    const res = saveMentee(ctxOf(wb), { id: 'нв-002', fullName: 'Новый', category: 'обучающийся' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.id).toMatch(/уже занят \(строка 3/);
    expect(wb.calls.appendRows ?? 0).toBe(0);
  });

  it('edits only the changed field cells of the row, never the curator’s columns', () => {
    const wb = curatorBook();
    wb.selectCell('Наставники', 1, 3);
    const at = getRecordAtCursor(ctxOf(wb));
    expect(at.ok).toBe(true);
    if (!at.ok) return;
    expect(at.kind).toBe('mentors');
    expect(at.rowRef).toEqual({ row: 1, id: 'Н-001' });
    expect(at.values).toMatchObject({ fullName: 'Иванова Анна Петровна', category: 'педагог', joinedDate: '2025-09-01', consentDate: 'да' });
    const before = wb.grid('Наставники').map((r) => r.slice());
    const res = saveMentor(ctxOf(wb), { ...at.values, email: 'anna.new@school.ru', fullName: 'Иванова Анна Павловна' }, at.rowRef);
    expect(res).toMatchObject({ ok: true, id: 'Н-001', row: 2, created: false });
    const after = wb.grid('Наставники');
    expect(after[1][1]).toBe('Иванова Анна Павловна');
    expect(after[1][4]).toBe('anna.new@school.ru');
    // Unchanged cells keep the curator's spelling and type: «учитель», «да», the Date, «учитель—учитель».
    for (const c of [0, 2, 3, 5, 6, 7]) expect(after[1][c]).toEqual(before[1][c]);
    expect(after.slice(2)).toEqual(before.slice(2));
    // Two separate runs (B and E), the curator's column C between them untouched.
    expect(wb.calls.writeValues).toBe(2);
  });

  it('refuses to edit a row that no longer holds the same ID', () => {
    const wb = curatorBook();
    wb.selectCell('Наставники', 2, 0);
    const at = getRecordAtCursor(ctxOf(wb));
    if (!at.ok) throw new Error(at.message);
    // Someone sorted the sheet meanwhile.
    wb.writeValues('Наставники', 2, 0, [['Н-001']]);
    wb.writeValues('Наставники', 1, 0, [['Н-007']]);
    const calls = wb.calls.writeValues;
    const res = saveMentor(ctxOf(wb), { ...at.values, fullName: 'Петров Пётр Петрович' }, at.rowRef);
    expect(res).toMatchObject({ ok: false, message: 'Строка изменилась, откройте запись заново.' });
    expect(wb.calls.writeValues).toBe(calls);
  });

  it('says in Russian that the lock is busy', () => {
    const wb = curatorBook();
    wb.lockBusy = true;
    const res = saveMentee(ctxOf(wb), { fullName: 'Новая Нина', category: 'обучающийся' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/другой пользователь/);
    expect(wb.calls.appendRows ?? 0).toBe(0);
  });

  it('tells the cursor is not on a register row', () => {
    const wb = curatorBook();
    expect(getRecordAtCursor(ctxOf(wb))).toMatchObject({ ok: false });
    wb.selectCell('Наставники', 0, 0);
    expect(getRecordAtCursor(ctxOf(wb))).toMatchObject({ ok: false, message: expect.stringMatching(/заголовке/) });
    wb.selectCell('Наставляемые', 9, 0);
    expect(getRecordAtCursor(ctxOf(wb))).toMatchObject({ ok: false, message: expect.stringMatching(/пуста/) });
  });

  it('works on a freshly set-up spreadsheet', () => {
    const wb = new MemoryWorkbook();
    setupSpreadsheet(ctxOf(wb));
    const res = saveMentee(ctxOf(wb), { fullName: 'Новая Нина', category: 'ученик', birthDate: '12.03.2012', consentDate: 'да' });
    expect(res).toMatchObject({ ok: true, id: 'Нв-001', row: 2 });
    expect(loadRegisters(wb).mentees[0]).toMatchObject({ valid: true, record: { category: 'обучающийся', birthDate: '2012-03-12', consentDate: 'yes' } });
  });
});

describe('saving a pair', () => {
  it('refuses a person without consent, by ID in logs', () => {
    const wb = curatorBook();
    logs.length = 0;
    const before = snapshot(wb, 'Пары');
    const res = savePair(ctxOf(wb), { mentor: 'Н-001', mentees: ['Нв-001', 'Нв-002'], form: 'ученик-ученик' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/^Нельзя закреплять без согласия на обработку ПДн: Кузнецова Ксения \(Нв-002\)/);
    expect(snapshot(wb, 'Пары')).toBe(before);
    expect(logs.join('\n')).not.toMatch(/Кузнецова|Иванова/);
  });

  it('creates a group with IDs, status «формируется», aligned to the columns', () => {
    const wb = curatorBook();
    const res = savePair(ctxOf(wb), { mentor: 'Иванова Анна Петровна', mentees: ['Нв-001', 'Нв-003'], form: 'педагог-педагог' });
    expect(res).toMatchObject({ ok: true, id: 'П-002', row: 3 });
    expect(wb.grid('Пары')[2]).toEqual(['П-002', 'Н-001', 'Нв-001; Нв-003', '', 'формируется', 'педагог – педагог']);
  });

  it('names unknown and ambiguous people beside their fields', () => {
    const wb = curatorBook();
    const res = savePair(ctxOf(wb), { mentor: 'Нв-001', mentees: ['Нет Такого'] });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.errors.mentor).toMatch(/не найден в реестре наставников/);
      expect(res.errors.mentees).toMatch(/«Нет Такого» не найден/);
    }
    const missing = savePair(ctxOf(wb), { mentor: '', mentees: [] });
    if (!missing.ok) expect(missing.errors).toMatchObject({ mentor: 'Заполните поле «Наставник»', mentees: 'Заполните поле «Наставляемые»' });
    else throw new Error('accepted an empty pair');
  });

  it('edits a pair written with names without rewriting the names', () => {
    const wb = curatorBook();
    wb.selectCell('Пары', 1, 2);
    const at = getRecordAtCursor(ctxOf(wb));
    if (!at.ok) throw new Error(at.message);
    expect(at.values).toMatchObject({ mentor: 'Н-001', mentees: ['Нв-003'] });
    const res = savePair(ctxOf(wb), { ...at.values, status: 'завершена' }, at.rowRef);
    expect(res.ok).toBe(true);
    expect(wb.grid('Пары')[1]).toEqual(['П-001', 'Иванова Анна Петровна', 'Орлова Ольга', 'своё', 'завершена', 'учитель – учитель']);
    expect(wb.calls.writeValues).toBe(1);
  });
});
