/** Register rows and settings for order tests (plain objects, as loadRegisters returns them). */
import type { Mentee, Mentor, Pair, RoadmapItem } from '../../src/core/registers/schemas';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/registers/settings';
import type { OrderData, Row } from '../../src/core/orders/builders';
import type { DocModel } from '../../src/core/orders/model';

export function settings(over: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    targets: {},
    matchWeights: {},
    orgName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»',
    orgShortName: 'МБОУ СОШ № 1',
    place: 'г. Азов',
    directorPosition: 'Директор',
    directorName: 'Кудрявцева Татьяна Николаевна',
    curatorName: 'Ахремкина Людмила Михайловна',
    curatorPosition: 'заместитель директора по УВР',
    ...over,
  };
}

const rows = <T>(xs: T[]): Array<Row<T>> => xs.map((record, i) => ({ row: i + 1, record }));

export function data(over: Partial<OrderData> = {}): OrderData {
  const mentors: Mentor[] = [
    { id: 'Н-001', fullName: 'Иванова Анна Сергеевна', category: 'педагог', position: 'учитель математики', consentDate: '2026-09-01' },
    { id: 'Н-002', fullName: 'Римский-Корсаков Николай Андреевич', category: 'педагог', position: 'учитель музыки', consentDate: 'yes' },
    { id: 'Н-003', fullName: 'Безсогласия Олег Петрович', category: 'педагог', position: 'учитель физики' },
    { id: 'Н-004', fullName: 'Смирнов Глеб Игоревич', category: 'обучающийся', position: '10А', consentDate: '2026-09-02' },
  ];
  const mentees: Mentee[] = [
    { id: 'Нв-001', fullName: 'Петрова-Водкина Мария Ивановна', category: 'молодой специалист', grade: 'учитель истории', consentDate: '2026-09-01' },
    { id: 'Нв-002', fullName: 'Тайный Семён Семёнович', category: 'обучающийся', grade: '7Б' },
    { id: 'Нв-003', fullName: 'Кузнецов Илья', category: 'обучающийся', grade: '7Б', consentDate: '2026-09-03' },
    { id: 'Нв-004', fullName: 'Орлова Дарья Павловна', category: 'молодой специалист', grade: 'учитель химии', consentDate: '2026-09-03' },
  ];
  const pairs: Pair[] = [
    { id: 'П-001', mentor: 'Н-001', mentees: ['Нв-001'], form: 'учитель – учитель', consent: '2026-09-05', status: 'формируется', startDate: '2026-09-15', endDate: '2027-05-31' },
    { id: 'П-002', mentor: 'Н-004', mentees: ['Нв-002', 'Нв-003'], form: 'ученик – ученик', status: 'формируется', startDate: '2026-10-01', endDate: '2027-05-25' },
    { id: 'П-003', mentor: 'Н-003', mentees: ['Нв-004'], form: 'учитель – учитель', consent: 'yes', status: 'формируется' },
    { id: 'П-004', mentor: 'Н-002', mentees: ['Нв-004'], form: 'педагог – педагог', status: 'формируется' },
    { id: 'П-005', mentor: 'Иванова Анна Сергеевна', mentees: ['Орлова Дарья Павловна'], form: 'учитель – учитель', consent: 'yes', status: 'завершена', result: 'Открытый урок', startDate: '2025-09-01', endDate: '2026-05-31' },
    { id: 'П-006', mentor: 'Н-002', mentees: ['Нв-004'], form: 'учитель – учитель', consent: 'yes', status: 'активна' },
  ];
  const roadmap: RoadmapItem[] = [
    { number: '1.1', section: 'Подготовительный этап', title: 'Назначение куратора', deadline: 'до 19.02.2021г.', responsible: 'Директор', result: 'Приказ' },
    { number: '1.2', section: 'Подготовительный этап', title: 'Формирование базы наставников', deadline: 'декабрь 2021 г.', responsible: 'Куратор' },
    { number: '2.1', section: 'Реализация', title: 'Мониторинг', details: 'Анкетирование участников', deadline: 'ежеквартально', responsible: 'Куратор', result: 'Отчёт' },
  ];
  return { settings: settings(), mentors: rows(mentors), mentees: rows(mentees), pairs: rows(pairs), roadmap: rows(roadmap), ...over };
}

/** Numbered blocks with a paragraph between: the second continues the first's numbering, the third starts anew. */
export function continuedNumbering(): DocModel {
  const item = (text: string) => [{ text }];
  return {
    title: 'T',
    fontFamily: 'Times New Roman',
    fontSize: 14,
    blocks: [
      { type: 'numbered', items: [item('Первый.')] },
      { type: 'paragraph', runs: [{ text: 'Между пунктами.' }] },
      { type: 'numbered', items: [item('Второй.'), item('Третий.')], continues: true },
      { type: 'numbered', items: [item('Новый список.')] },
    ],
  };
}
