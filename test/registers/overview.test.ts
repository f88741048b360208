import { coreApi } from '../../src/app/coreApi';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';

const ctxOf = (wb: MemoryWorkbook) => ({ wb, today: () => '2026-11-22' });

describe('getOverview (the sidebar home view)', () => {
  it('lists the tabs set-up would create, not «Мониторинг», and the curator tabs read as registers', () => {
    const wb = new MemoryWorkbook({
      'Мои наставники': [['Ф.И.О.', 'Категория', 'ID'], ['Иванова Анна Петровна', 'педагог', 'Н-1']],
      Наставляемые: [['ID', 'ФИО', 'Категория']],
      Заметки: [['что-то своё']],
    });
    const o = coreApi.getOverview(ctxOf(wb));
    expect(o.today).toBe('2026-11-22');
    expect(o.missing).toEqual(['Пары', 'Дорожная карта', 'Настройки', 'Журнал приказов']);
    expect(o.adopted).toEqual([{ register: 'Наставники', sheet: 'Мои наставники' }]);
  });

  it('says nothing is missing when every tab set-up makes is there', () => {
    const wb = new MemoryWorkbook({
      Наставники: [['ID']],
      Наставляемые: [['ID']],
      Пары: [['ID']],
      'Дорожная карта': [['№ п/п']],
      Настройки: [['Параметр', 'Значение']],
      'Журнал приказов': [['№']],
    });
    const o = coreApi.getOverview(ctxOf(wb));
    expect(o.missing).toEqual([]);
    expect(o.adopted).toEqual([]);
  });
});
