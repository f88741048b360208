import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { loadMonitoring } from '../../src/app/monitoring/indicators';
import { monitoringApi } from '../../src/app/monitoring/api';
import { BLOCK_TITLE } from '../../src/app/monitoring/sheet';
import type { AppContext } from '../../src/app/context';

function workbook() {
  return new MemoryWorkbook({
    Настройки: [
      ['Параметр', 'Значение'],
      ['Организация', 'МБОУ СОШ № 5'],
      ['Численность обучающихся', 20],
      ['Цель 2026', '20%'],
      ['Ожидание наставника, дней', 30],
    ],
    Наставники: [
      ['ID', 'ФИО', 'Категория', 'Согласие ПДн', 'Обучение наставников', 'Статус'],
      ['Н-1', 'Орлова Вера Ильинична', 'педагог', 'да', '01.10.2026', 'активен'],
      ['Н-2', 'Быстров Кирилл', 'обучающийся', 'да', '', 'активен'],
      ['Н-3', 'Сомов Лев', 'педагог', '', '', ''],
    ],
    Наставляемые: [
      ['ID', 'ФИО', 'Категория', 'Согласие ПДн', 'Дата вхождения в программу'],
      ['Нв-1', 'Акимов Егор', 'обучающийся', 'да', '01.09.2026'],
      ['Нв-2', 'Белова Ольга', 'обучающийся', 'да', '01.09.2026'],
      ['Нв-3', 'Власова Инна', 'молодой специалист', 'да', '01.09.2026'],
      ['Нв-4', 'Гусев Павел', 'обучающийся', 'да', '01.09.2026'],
      ['Нв-5', 'Дьяков Илья', 'обучающийся', '', '01.09.2026'],
      ['Нв-6', 'Ершова Дина', 'обучающийся', 'да', '01.09.2026'],
    ],
    Пары: [
      ['ID', 'Наставник', 'Наставляемые', 'Форма', 'Статус'],
      ['П-1', 'Н-2', 'Нв-1; Нв-2', 'ученик-ученик', 'активна'],
      ['П-2', 'Орлова Вера Ильинична', 'Нв-3', 'педагог – педагог', 'формируется'],
      ['П-3', 'Н-1', 'Нв-4', 'учитель — учитель', 'завершена'],
    ],
    'Дорожная карта': [
      ['№', 'Мероприятие', 'Срок', 'Статус'],
      ['1', 'Приказ о назначении куратора', 'до 01.10.2026', 'выполнено'],
      ['2', 'Отчёт в управление', 'до 01.11.2026', ''],
      ['3', 'Анкетирование', 'декабрь 2026', ''],
      ['4', 'Совещание', 'по отдельному графику', ''],
    ],
  });
}

const ctxOf = (wb: MemoryWorkbook): AppContext => ({ wb, today: () => '2026-11-22' });

describe('monitoring indicators', () => {
  it('counts distinct involved pupils (mentor pupils too) against the year’s target', () => {
    const m = loadMonitoring(ctxOf(workbook()), '2026-11-22');
    const i = m.indicators;
    // Н-2 (pupil mentor), Нв-1, Нв-2 in an active pair; Нв-4 only in a completed one.
    expect(i.pupils).toEqual({ total: 20, involved: 3, share: 0.15, target: 0.2, targetYear: 2026 });
    expect(i.byForm).toEqual({ 'ученик – ученик': { pairs: 1, mentees: 2 }, 'педагог – педагог': { pairs: 1, mentees: 1 } });
    expect(i.pairs).toMatchObject({ active: 1, forming: 1, completed: 1 });
    // Нв-4's programme is completed, Нв-5 has no consent: only Нв-6 waits (82 days > 30).
    expect(i.waiting).toEqual([{ id: 'Нв-6', days: 82 }]);
    expect(i.untrainedMentors).toEqual(['Н-2', 'Н-3']);
    expect(i.missingConsent).toEqual({ mentors: ['Н-3'], mentees: ['Нв-5'] });
    expect(i.roadmap).toMatchObject({ done: 1, overdue: 1, total: 4 });
    expect(m.flags.join(' ')).toMatch(/вовлечено 15% при цели 20%/);
    expect(m.summaryTsv.split('\n')[1].split('\t').slice(0, 6)).toEqual(['МБОУ СОШ № 5', '22.11.2026', '20', '3', '15%', '20%']);
  });
});

describe('the «Мониторинг» tab', () => {
  it('writes its block, and never over a curator’s own «Мониторинг» tab', () => {
    const wb = workbook();
    wb.sheets.push({ name: 'Мониторинг', values: [['Анкета удовлетворённости', 'Оценка'], ['Иванов', 9]], backgrounds: new Map(), notes: new Map(), setup: [] });
    const res = monitoringApi.updateMonitoringSheet(ctxOf(wb));
    expect(res.sheet).toBe('Мониторинг (Наставник)');
    expect(wb.sheet('Мониторинг').values).toEqual([['Анкета удовлетворённости', 'Оценка'], ['Иванов', 9]]);
    const block = wb.grid('Мониторинг (Наставник)');
    expect(block[0][0]).toBe(BLOCK_TITLE);
    expect(block.find((r) => r[0] === 'Вовлечено обучающихся')?.[1]).toBe(3);
    // A second run rewrites the same block in place.
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    expect(wb.grid('Мониторинг (Наставник)').length).toBe(block.length);
  });
});
