/** The importer on the real roadmaps of ../shared/fixtures/roadmaps. */
import { describeShared, readRoadmapFixture } from '../helpers/shared';
import { importRoadmapText, type ImportedItem, type ImportedRoadmap } from '../../src/core/roadmap/import';

const FIELDS = ['number', 'section', 'title', 'details', 'deadline', 'responsible', 'result'] as const;

function sectionsOf(r: ImportedRoadmap): string[] {
  const out: string[] = [];
  for (const it of r.items) if (it.section && out[out.length - 1] !== it.section) out.push(it.section);
  return out;
}

function byNumber(r: ImportedRoadmap, section: string | undefined, number: string): ImportedItem {
  const found = r.items.filter((i) => i.number === number && (section === undefined || i.section === section));
  expect(found).toHaveLength(1);
  return found[0];
}

/** No HTML, entities, markdown, tabs, new lines, doubled spaces or page debris in any field. */
function expectCleanFields(r: ImportedRoadmap): void {
  for (const it of r.items) {
    expect(it.title).not.toBe('');
    for (const k of FIELDS) {
      const v = it[k];
      if (v === undefined) continue;
      expect(v).toBe(v.trim());
      expect(v).not.toMatch(/ {2}|[\t\n\r\f\u00a0]/);
      expect(v).not.toMatch(/<\/?[a-z]+[^>]*>/i);
      expect(v).not.toMatch(/&(?:nbsp|amp|lt|gt|#\d+);/);
      expect(v).not.toMatch(/\*\*|^-{2,}|-{2,}$|(?:^| )-- /);
      expect(v).not.toBe('');
    }
  }
}

describeShared('lyceum-2020-2024.txt (tabbed Word text, sections «(ежегодно)», page-split cells)', () => {
  const r = importRoadmapText(readRoadmapFixture('lyceum-2020-2024.txt'));
  const SECTIONS = [
    'Подготовка условий для запуска программы наставничества',
    'Формирование базы наставников',
    'Формирование базы наставляемых',
    'Формирование наставнических пар/групп',
    'Отбор и обучение наставников',
    'Организация и осуществление работы наставнических пар/групп',
    'Завершение наставничества',
  ];

  test('item count, sections and their sizes', () => {
    expect(r.items).toHaveLength(37);
    expect(sectionsOf(r)).toEqual(SECTIONS);
    expect(SECTIONS.map((s) => r.items.filter((i) => i.section === s).length)).toEqual([12, 3, 3, 4, 3, 3, 9]);
  });

  test('period and targets as stated', () => {
    expect(r.period).toEqual({ start: '2020-09-01', end: '2024-06-30' });
    expect(r.targets).toEqual([
      { year: 2020, share: 0.1 },
      { year: 2024, share: 0.7 },
    ]);
  });

  test('items verbatim', () => {
    expect(r.items[0]).toMatchObject({
      number: '1',
      section: SECTIONS[0],
      title: 'Информирование педагогического коллектива лицея о реализации Программы наставничества',
      deadline: 'сентябрь',
      responsible: 'Директор ОГПОБУ «Многопрофильный лицей»',
      result: 'Проведение педагогического совета',
    });
    expect(r.items[0].recurrence).toBeUndefined();
    // «11» without a dot and «2.» with one are both numbers; trailing dots are dropped.
    expect(r.items.slice(0, 12).map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(byNumber(r, SECTIONS[5], '2').deadline).toBe('в течение периода реализации программы наставничества');
    expect(byNumber(r, SECTIONS[4], '3').deadline).toBe('по отдельному графику');
    expect(byNumber(r, SECTIONS[2], '1').deadline).toBe('сентябрь-октябрь');
    expect(byNumber(r, SECTIONS[6], '7')).toMatchObject({ deadline: 'Июнь', responsible: 'Директор ОГПОБУ «Многопрофильный лицей»' });
  });

  test('a cell continued over a page break (with <p> and «-- -- --» debris) stays in its item and field', () => {
    const five = byNumber(r, SECTIONS[0], '5');
    expect(five.result).toBe(
      'Приказ о внедрении целевой модели наставничества в ОГПОБУ «Многопрофильный лицей». Положение о программе наставничества в ' +
        'ОГПОБУ «Многопрофильный лицей» (срок действия до 2024 года). Дорожная карта внедрения целевой модели наставничества в ' +
        'ОГПОБУ «Многопрофильный лицей». Приказ о назначении куратора внедрения целевой модели наставничества. Приказ об ' +
        'утверждении наставнических пар/групп целевой модели наставничества в ОГПОБУ «Многопрофильный лицей». Приказ о ' +
        'назначении ответственных за материально-техническое обеспечение программы наставничества. Заключение соглашений с ' +
        'организациями партнерами по внедрению целевой модели наставничества.',
    );
    expect(byNumber(r, SECTIONS[0], '12').result).toBe('Программно-методическое обеспечение реализации целевой модели наставничества');
    expect(byNumber(r, SECTIONS[4], '2').result).toBe(
      'Утверждение программы обучения наставников, графика обучения, приказ об утверждении «Школы наставника»',
    );
  });

  test('a row split over pages merges cell by cell', () => {
    expect(byNumber(r, SECTIONS[6], '2')).toMatchObject({
      title: 'Проведение групповой заключительной встречи всех пар и групп наставников и наставляемых',
      deadline: 'май',
      responsible: 'Наставляемые, наставники, куратор целевой модели наставничества',
      result: 'Отчет по итогам наставнической программы',
    });
    expect(byNumber(r, SECTIONS[6], '8').title).toBe(
      'Публикация результатов программы наставничества, лучших наставников, кейсов на сайте лица и организаций - партнеров',
    );
  });

  test('a responsible written in the deadline column moves, with a warning naming the line', () => {
    const four = byNumber(r, SECTIONS[3], '4');
    expect(four.deadline).toBeUndefined();
    expect(four.responsible).toBe('рабочая группа по внедрению целевой программы наставничества');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^строка 44: /);
  });

  test('«(ежегодно)» sections: name without the mark, items repeat yearly', () => {
    const yearly = r.items.filter((i) => i.recurrence === 'yearly');
    expect(yearly).toHaveLength(10);
    expect(new Set(yearly.map((i) => i.section))).toEqual(new Set(SECTIONS.slice(1, 4)));
    expect(r.items.some((i) => /ежегодно/.test(i.section ?? ''))).toBe(false);
  });

  test('fields are clean', () => expectCleanFields(r));
});

describeShared('school-dzerzhinsk-2021.txt (bold section rows, column numbers, a row without number)', () => {
  const r = importRoadmapText(readRoadmapFixture('school-dzerzhinsk-2021.txt'));
  const SECTIONS = [
    'Нормативное правовое регулирование внедрения методологии (целевой модели) наставничества',
    'Реализация целевой модели наставничества в образовательной организации',
    'Мониторинг и оценка результатов внедрения целевой модели наставничества, в т.ч. процесса реализации программ наставничества ' +
      '(в соответствии с методическими рекомендациями, утвержденными распоряжением Минпросвещения России от 25.12.2019 № Р-145)',
    'Координация и управление реализацией внедрения целевой модели наставничества',
  ];

  test('item count, numbers and sections', () => {
    expect(r.items).toHaveLength(16);
    expect(r.items.map((i) => i.number ?? null)).toEqual([
      '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', null, '4.1',
    ]);
    expect(sectionsOf(r)).toEqual(SECTIONS);
    expect(r.items.every((i) => i.recurrence === undefined)).toBe(true);
  });

  test('period «на 2021 год», no targets, no warnings', () => {
    expect(r.period).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(r.targets).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  test('items verbatim', () => {
    expect(r.items[0]).toMatchObject({
      number: '1.1',
      section: SECTIONS[0],
      title: 'Утверждение состава рабочей группы МБОУ Школы № 26 по внедрению целевой модели наставничества в 2021 г.',
      deadline: 'до 19.02.2021г.',
      responsible: 'Директор школы Кудрявцева Т.Н.',
      result: 'Приказ ОО',
    });
    expect(byNumber(r, undefined, '3.1').deadline).toBe('ежеквартально');
    expect(byNumber(r, undefined, '3.2').deadline).toBe('декабрь 2021 г.');
    expect(byNumber(r, undefined, '2.3').deadline).toBe('в течение двух недель с даты определения модели');
  });

  test('continuation rows after page breaks join the right fields', () => {
    expect(byNumber(r, undefined, '1.2').title).toMatch(/\(далее - лица, ответственные за внедрение ЦМН в образовательной организации\) в 2021 году$/);
    expect(byNumber(r, undefined, '1.7')).toMatchObject({
      responsible: 'Директор школы Кудрявцева Т.Н., куратор внедрения ЦМН Ахремкина Л.М.',
      result: 'Распорядительные акты Индивидуальные образовательные программы наставничества',
    });
    expect(byNumber(r, undefined, '4.1')).toMatchObject({
      title: 'Контроль реализации мероприятий по внедрению целевой модели наставничества',
      deadline: 'с 1 января по 31 декабря 2021 г.',
      responsible: 'Куратор внедрения ЦМН Ахремкина Л.М.',
      result:
        'Предоставление контрольно-аналитических материалов руководителям образовательных организаций и в ДО администрации города Дзержинска',
    });
  });

  test('a full row without a number is an item of its section, not a continuation', () => {
    const it = r.items[14];
    expect(it).toMatchObject({
      section: SECTIONS[2],
      title: 'Участие в мониторинге реализации ЦМН',
      deadline: 'ежемесячно до 25 числа',
      responsible: 'Куратор внедрения ЦМН Ахремкина Л.М.',
      result: 'Сбор и анализ данных Направление данные в ДО',
    });
    expect(it.number).toBeUndefined();
  });

  test('dash sub-items stay inside the title cell they were written in', () => {
    const it = byNumber(r, undefined, '2.4');
    expect(it.title).toMatch(/^Организация работы наставнических пар или групп: - встреча-знакомство; - пробная встреча; - встреча-планирование; /);
    expect(it.title).toMatch(/проведение открытого публичного мероприятия\.$/);
    expect(it.details).toBeUndefined();
  });

  test('fields are clean', () => expectCleanFields(r));
});

describeShared('azov-municipal-2020.txt (columns lost: flowing PDF text)', () => {
  const r = importRoadmapText(readRoadmapFixture('azov-municipal-2020.txt'));

  test('every numbered item, in order, under its section', () => {
    expect(r.items.map((i) => i.number)).toEqual([
      '1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6',
      '4.1', '4.2', '4.3', '5.1', '5.1.1', '5.1.2', '6.1',
    ]);
    expect(sectionsOf(r)).toEqual([
      'Нормативное правовое регулирование внедрения методологии (целевой модели) наставничества обучающихся для организаций, ' +
        'осуществляющих образовательную деятельность по общеобразовательным программам, в том числе с применением лучших практик ' +
        'обмена опытом между обучающимися (далее – целевая модель наставничества, ЦМН)',
      'Организационная, методическая, экспертно-консультационная, информационная и просветительская поддержка участников внедрения целевой модели наставничества',
      'Внедрение целевой модели наставничества в образовательных организациях г. Азова',
      'Мониторинг и оценка результатов внедрения целевой модели наставничества',
      'Координация и управление реализацией внедрения целевой модели наставничества',
      'Координирование внедрения целевой модели наставничества',
    ]);
  });

  test('no period or targets stated; nothing left over', () => {
    expect(r.period).toBeUndefined();
    expect(r.targets).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  test('cells sharing one line are cut into title, deadline, responsible and result', () => {
    expect(byNumber(r, undefined, '1.1')).toMatchObject({
      title: 'Разработка дорожных карт внедрения целевой модели наставничества в общеобразовательных организациях',
      deadline: 'до 15.11.2020',
      responsible: 'Руководители ОО',
      result: 'Дорожные карты',
    });
    expect(byNumber(r, undefined, '1.2')).toMatchObject({
      deadline: 'до 20.11.2020',
      responsible: 'Управление образования г. Азова',
      result: 'Согласование (в рамках компетенции)',
    });
    expect(byNumber(r, undefined, '1.4')).toMatchObject({
      deadline: 'до 2021',
      responsible: 'Руководители ОО (в рамках компетенции)',
      result: 'Соглашения с организациями - партнерами',
    });
    expect(byNumber(r, undefined, '3.1')).toMatchObject({
      title: 'Формирование базы наставляемых в 2020-2021 учебном году',
      deadline: '15.11.2020',
      responsible: 'Кураторы внедрения ЦМН ОО',
    });
    expect(byNumber(r, undefined, '4.3')).toMatchObject({
      deadline: 'Декабрь 2020',
      responsible: 'Сектор ИМР',
      result: 'Получены и обобщены на муниципальном уровне данные о внедрении ЦМН в ОО',
    });
  });

  test('cells over many short lines', () => {
    expect(byNumber(r, undefined, '2.1')).toMatchObject({
      title: 'Информирование ОО о внедрении целевой модели наставничества',
      deadline: 'По мере поступления из Министерства образования Ростовской области',
      responsible: 'Сектор ИМР',
      result: 'Информационные письма в ОО',
    });
    expect(byNumber(r, undefined, '2.3')).toMatchObject({
      deadline: 'в течение периода реализации ЦМН',
      responsible: 'Руководители ОО, кураторы внедрения ЦМН (в рамках компетенции)',
    });
    expect(byNumber(r, undefined, '2.5').deadline).toBe('Октябрь-декабрь 2020');
    expect(byNumber(r, undefined, '4.1').responsible).toBe('Кураторы внедрения целевой модели наставничества в ОО');
    expect(byNumber(r, undefined, '5.1.1')).toMatchObject({
      deadline: 'с 1 ноября по 31 декабря 2020г.',
      responsible: 'Кураторы внедрения ЦМН в ОО',
      result:
        'Предоставление контрольно-аналитических материалов руководителям образовательных организаций и лицам, ответственным за внедрение ЦМН в муниципалитетах',
    });
    expect(byNumber(r, undefined, '6.1')).toMatchObject({
      title: 'На уровне муниципалитета',
      deadline: 'в течение всего периода внедрения ЦМН',
      responsible: 'Управление образования г. Азова',
      result: 'Обеспечение условий реализации ЦМН',
    });
  });

  test('a title continued below a one-line row goes back to the title', () => {
    const it = byNumber(r, undefined, '1.5');
    expect(it.title).toMatch(/^Разработка и утверждение мер по обеспечению доступности программ наставничества для обучающихся с особыми /);
    expect(it.title).toMatch(/детей-сирот \(оставшихся без попечения родителей\)\.$/);
    expect(it).toMatchObject({ deadline: 'до 01.12.2020', responsible: 'Руководители ОО', result: 'Распорядительные акты' });
  });

  test('deadline only, and a heading item with sub-items', () => {
    expect(byNumber(r, undefined, '3.3')).toEqual(
      expect.objectContaining({ title: 'Обучение наставников', deadline: 'по отдельному графику' }),
    );
    expect(byNumber(r, undefined, '3.3').responsible).toBeUndefined();
    const five = byNumber(r, undefined, '5.1');
    expect(five.title).toBe('Контроль реализации мероприятий по внедрению целевой модели наставничества');
    expect(five.deadline).toBeUndefined();
  });

  test('dash sub-items stay in the title', () => {
    expect(byNumber(r, undefined, '1.3').title).toContain('включающие: - сроки внедрения ЦМН в образовательной организации; - назначение ответственных');
    expect(byNumber(r, undefined, '3.5').title).toBe(
      'Организация работы наставнических пар или групп: - встреча-знакомство; - пробная встреча; - встреча-планирование; - ' +
        'совместная работа наставника и наставляемого (комплекс последовательных встреч с обязательным заполнением обратной связи) - итоговая встреча.',
    );
  });

  test('every item has title, deadline and responsible where the roadmap has them', () => {
    const noDeadline = r.items.filter((i) => !i.deadline).map((i) => i.number);
    const noResponsible = r.items.filter((i) => !i.responsible).map((i) => i.number);
    expect(noDeadline).toEqual(['5.1']);
    expect(noResponsible).toEqual(['3.3', '5.1']);
  });

  test('fields are clean', () => expectCleanFields(r));
});
