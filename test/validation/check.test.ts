import { checkAndHighlight, checkRegisters, goToCell, MARKED_PROPERTY, summaryText } from '../../src/app/registers/check';
import { registersApi } from '../../src/app/registers/api';
import { PALETTE, splitNote } from '../../src/app/decorate';
import type { AppContext } from '../../src/app/context';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { MENTEES, MENTORS, PAIRS, SETTINGS, TODAY } from './fixture';

function setup() {
  const wb = new MemoryWorkbook({ Наставники: MENTORS, Наставляемые: MENTEES, Пары: PAIRS, Настройки: SETTINGS, 'Дорожная карта': [['Мероприятие', 'Срок'], ['x', 'y']] });
  const ctx: AppContext = { wb, today: () => TODAY };
  return { wb, ctx };
}

describe('checkAndHighlight', () => {
  it('marks errors red and warnings yellow with notes, keeping the curator’s colours and notes', () => {
    const { wb, ctx } = setup();
    const mentees = wb.sheet('Наставляемые');
    mentees.backgrounds.set('4,6', '#00ff00'); // the curator's own colour on G5 (consent «нет»)
    mentees.notes.set('4,6', 'позвонить маме');
    mentees.notes.set('7,1', 'просто заметка');

    const res = checkAndHighlight(ctx);
    expect(res.summary).toMatch(/^Найдено: \d+ ошиб(ка|ки|ок), \d+ предупрежден(ие|ия|ий)\. Ячейки подсвечены\.$/);
    expect(res.counts.errors).toBeGreaterThan(0);

    expect(mentees.backgrounds.get('4,6')).toBe('#00ff00');
    expect(splitNote(mentees.notes.get('4,6')!)).toEqual({ sources: ['check'], own: 'позвонить маме' });
    expect(mentees.notes.get('4,6')).toContain('Нет согласия на обработку персональных данных');
    expect(mentees.backgrounds.get('5,6')).toBe(PALETTE.error); // G6: no consent
    expect(mentees.backgrounds.get('2,3')).toBe(PALETTE.warning); // D3: age
    expect(mentees.notes.get('7,1')).toBe('просто заметка');
    // The roadmap is not the check's: untouched.
    expect(wb.sheet('Дорожная карта').notes.size).toBe(0);
  });

  it('is idempotent and clears marks of fixed cells', () => {
    const { wb, ctx } = setup();
    checkAndHighlight(ctx);
    const writes = wb.calls.writeDecorations;
    checkAndHighlight(ctx);
    expect(wb.calls.writeDecorations).toBe(writes);

    // Fix the consent of Нв-005 (row 6).
    wb.sheet('Наставляемые').values[5][6] = 'да';
    checkAndHighlight(ctx);
    const mentees = wb.sheet('Наставляемые');
    expect(mentees.backgrounds.has('5,6')).toBe(false);
    expect(mentees.notes.has('5,6')).toBe(false);
  });

  it('reads each tab once and touches decorations once per checked tab', () => {
    const { wb, ctx } = setup();
    checkAndHighlight(ctx);
    expect(wb.calls.sheetNames).toBe(1);
    expect(wb.calls.readSheet).toBeLessThanOrEqual(4); // mentors, mentees, pairs, settings
    expect(wb.calls.readDecorations).toBeLessThanOrEqual(4);
    expect(wb.calls.writeDecorations).toBeLessThanOrEqual(4);
    expect(wb.calls.withLock).toBe(1);
  });

  it('skips tabs with nothing to mark and nothing left from before', () => {
    const { wb, ctx } = setup();
    checkAndHighlight(ctx);
    expect(JSON.parse(wb.getProperty(MARKED_PROPERTY)!)).toEqual(['Наставляемые', 'Наставники', 'Пары']);
    wb.calls = {};
    checkAndHighlight(ctx);
    // «Настройки» has no findings and had no marks: not even read for decorations.
    expect(wb.calls.readDecorations).toBe(3);
  });

  it('says when all is well', () => {
    const wb = new MemoryWorkbook({
      Наставники: [['ID', 'ФИО', 'Категория', 'Согласие ПДн'], ['Н-1', 'Иванова Анна', 'педагог', 'да']],
      Наставляемые: [['ID', 'ФИО', 'Категория', 'Согласие ПДн'], ['Нв-1', 'Петров Пётр', 'молодой специалист', 'да']],
      Пары: [['ID', 'Наставник', 'Наставляемые', 'Форма', 'Статус', 'Согласие участников'], ['П-1', 'Н-1', 'Нв-1', 'учитель-учитель', 'активна', 'да']],
    });
    const res = checkAndHighlight({ wb, today: () => TODAY });
    expect(res.summary).toBe('Ошибок и предупреждений нет. Реестры в порядке.');
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('fails with the lock message when another user holds the lock', () => {
    const { wb, ctx } = setup();
    wb.lockBusy = true;
    expect(() => checkAndHighlight(ctx)).toThrow(/другой пользователь/);
  });
});

describe('checkRegistersOnly and goToCell', () => {
  it('returns findings without writing', () => {
    const { wb, ctx } = setup();
    const res = registersApi.checkRegistersOnly(ctx);
    expect(res.summary.errors).toBeGreaterThan(0);
    expect(res.sheets).toEqual(['Наставники', 'Наставляемые', 'Пары', 'Настройки']);
    expect(wb.calls.writeDecorations ?? 0).toBe(0);
    expect(JSON.parse(JSON.stringify(res))).toEqual(res); // plain JSON
  });

  it('moves the cursor to a finding', () => {
    const { wb, ctx } = setup();
    goToCell(ctx, 'Пары', 3, 'F');
    expect(wb.selected).toEqual({ sheet: 'Пары', row: 2, col: 5 });
    expect(() => goToCell(ctx, 'Нет такого', 3, 'F')).toThrow(/Нет листа «Нет такого»/);
  });

  it('summary text uses Russian plural forms', () => {
    expect(summaryText({ errors: 3, warnings: 5 })).toBe('Найдено: 3 ошибки, 5 предупреждений.');
    expect(summaryText({ errors: 1, warnings: 1 })).toBe('Найдено: 1 ошибка, 1 предупреждение.');
    expect(summaryText({ errors: 0, warnings: 22 })).toBe('Найдено: 22 предупреждения.');
    expect(checkRegisters(setup().ctx).findings.length).toBeGreaterThan(10);
  });
});
