/** .docx tables (built here with the `docx` package), TSV pastes, header synonyms, period/targets phrases. */
import { readDocxTables } from '../../src/node/docxTables';
import { importRoadmapTables, importRoadmapText } from '../../src/core/roadmap/import';
import { findPeriod, findTargets } from '../../src/core/roadmap/importPeriod';
import { fieldOfHeading, mapHeader } from '../../src/core/roadmap/importColumns';
import { looksLikeDeadline } from '../../src/core/roadmap/importText';
import { buildRoadmapDocx } from './import.helpers';

describe('docxTables + importRoadmapTables', () => {
  let content: Awaited<ReturnType<typeof readDocxTables>>;
  beforeAll(async () => {
    content = await readDocxTables(await buildRoadmapDocx());
  });

  test('reads the table on its grid: merged row, multi-paragraph cell, vertical merge repeated', () => {
    expect(content.tables).toHaveLength(1);
    const [t] = content.tables;
    expect(t).toHaveLength(6);
    expect(t[1]).toEqual(['1. Подготовительный этап (ежегодно)', '', '', '', '']);
    expect(t[2][1]).toBe('Организация работы пар:\n- встреча-знакомство;\n- пробная   встреча.');
    expect(t[2][3]).toBe('Куратор');
    expect(t[3]).toEqual(['1.2', 'Сбор согласий на обработку ПДн', 'октябрь', 'Куратор', 'Приказ']);
    expect(t[5][1]).toBe('Итоговая встреча & награждение');
    expect(content.paragraphs).toEqual([
      'Дорожная карта внедрения целевой модели наставничества на 2021-2022 учебный год',
      'Цель: к концу 2022 года не менее 25 % обучающихся вовлечены в наставничество',
      'Директор ____________',
    ]);
  });

  test('imports items, sections, recurrence, period and targets', () => {
    const r = importRoadmapTables(content.tables, content.paragraphs);
    expect(r.period).toEqual({ start: '2021-09-01', end: '2022-08-31' });
    expect(r.targets).toEqual([{ year: 2022, share: 0.25 }]);
    expect(r.warnings).toEqual([]);
    expect(r.items).toEqual([
      {
        number: '1.1',
        section: 'Подготовительный этап',
        title: 'Организация работы пар: - встреча-знакомство; - пробная встреча.',
        deadline: 'сентябрь',
        responsible: 'Куратор',
        result: 'Протокол',
        recurrence: 'yearly',
        source: { row: 3 },
      },
      {
        number: '1.2',
        section: 'Подготовительный этап',
        title: 'Сбор согласий на обработку ПДн',
        deadline: 'октябрь',
        responsible: 'Куратор',
        result: 'Приказ',
        recurrence: 'yearly',
        source: { row: 4 },
      },
      { number: '2.1', section: 'Завершение', title: 'Итоговая встреча & награждение', deadline: 'май 2022 г.', responsible: 'Директор', source: { row: 6 } },
    ]);
  });

  test('a roadmap split into several tables with the header repeated; an unrelated table is reported', () => {
    const header = ['№', 'Мероприятие', 'Срок', 'Ответственный'];
    const r = importRoadmapTables([
      [['Утверждаю', 'Директор']],
      [header, ['1', 'Первое', 'сентябрь', 'Куратор'], ['2', 'Второе, начало', 'октябрь', 'Куратор']],
      [header, ['', 'продолжение второго', '', ''], ['3', 'Третье', 'ноябрь', 'Директор']],
      [['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
    ]);
    expect(r.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Первое'],
      ['2', 'Второе, начало продолжение второго'],
      ['3', 'Третье'],
    ]);
    expect(r.warnings).toEqual([expect.stringMatching(/^таблица 4: /)]);
  });

  test('not a .docx: a clear error, not a crash', async () => {
    await expect(readDocxTables(Buffer.from('просто текст'))).rejects.toThrow();
  });

  test('garbage tables never throw', () => {
    const weird = [[[null, undefined, 5]], 'x', [[['nested']]]] as unknown as string[][][];
    expect(() => importRoadmapTables(weird)).not.toThrow();
    expect(importRoadmapTables([]).warnings).toEqual(['Не найдено ни одного мероприятия дорожной карты.']);
  });
});

describe('TSV paste (Excel / Word clipboard)', () => {
  test('quoted multi-line cells with doubled quotes, CRLF, header synonyms in another order', () => {
    const tsv = [
      'Срок исполнения\tНаименование этапа\t№\tОтветственный исполнитель\tРезультат. Вид документа\tОтметка о выполнении',
      'сентябрь\t"Сбор данных\r\nо наставляемых"\t1.\tКуратор\t"Приказ ""О закреплении пар"""\tвыполнено',
      '"в течение\nгода"\tАнкетирование участников\t2.\t"Наставники,\nкуратор"\tАнкеты\t',
      '',
    ].join('\r\n');
    const r = importRoadmapText(tsv);
    expect(r.items).toEqual([
      { number: '1', title: 'Сбор данных о наставляемых', deadline: 'сентябрь', responsible: 'Куратор', result: 'Приказ "О закреплении пар"', source: { line: 2 } },
      { number: '2', title: 'Анкетирование участников', deadline: 'в течение года', responsible: 'Наставники, куратор', result: 'Анкеты', source: { line: 4 } },
    ]);
    expect(r.warnings).toEqual(['Столбец «Отметка о выполнении» не импортирован: для него нет поля в дорожной карте.']);
  });

  test('no header: columns by position, said in a warning', () => {
    const r = importRoadmapText('1\tПервое мероприятие\tсентябрь\tКуратор\n2\tВторое мероприятие\tоктябрь\tДиректор\n3\tТретье\tноябрь\tЗам. директора');
    expect(r.items.map((i) => [i.number, i.title, i.deadline, i.responsible])).toEqual([
      ['1', 'Первое мероприятие', 'сентябрь', 'Куратор'],
      ['2', 'Второе мероприятие', 'октябрь', 'Директор'],
      ['3', 'Третье', 'ноябрь', 'Зам. директора'],
    ]);
    expect(r.warnings[0]).toMatch(/заголовка таблицы не найдена/);
  });

  test('HTML entities and tags, page numbers, form feeds and repeated headers are dropped', () => {
    const text = [
      'Мероприятие\tСрок\tОтветственный',
      'Встреча&nbsp;&laquo;наставник&nbsp;&#8211; наставляемый&raquo;\t<i>май</i>\t<b>Куратор</b>',
      '- 2 -',
      '\fМероприятие\tСрок\tОтветственный',
      'Итоги &amp; отчёт\tиюнь\tКуратор',
    ].join('\n');
    const r = importRoadmapText(text);
    expect(r.items.map((i) => [i.title, i.deadline, i.responsible])).toEqual([
      ['Встреча «наставник – наставляемый»', 'май', 'Куратор'],
      ['Итоги & отчёт', 'июнь', 'Куратор'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('a stray line outside the table is reported with its line number', () => {
    const r = importRoadmapText('№\tМероприятие\tСрок\n1\tПервое\tмай\nПодпись директора ________\n');
    expect(r.items).toHaveLength(1);
    expect(r.warnings).toEqual([expect.stringMatching(/^строка 3: текст вне таблицы не импортирован: «Подпись директора/)]);
  });
});

describe('header synonyms by meaning', () => {
  test.each([
    [['№ п/п', 'Мероприятие', 'Сроки', 'Ответственный', 'Примечание'], { number: 0, title: 1, deadline: 2, responsible: 3, result: 4 }],
    [['№', 'Раздел', 'Содержание деятельности', 'Содержание', 'Срок реализации', 'Ответственные'], { number: 0, section: 1, title: 2, details: 3, deadline: 4, responsible: 5 }],
    [['N п/п', 'НАИМЕНОВАНИЕ МЕРОПРИЯТИЙ', 'срок  исполнения', 'Ответственный за исполнение', 'Вид документа'], { number: 0, title: 1, deadline: 2, responsible: 3, result: 4 }],
    [['Этап', 'Мероприятие', 'Содержание мероприятия', 'Срок', 'Ответственный', 'Результат'], { section: 0, title: 1, details: 2, deadline: 3, responsible: 4, result: 5 }],
  ])('%j', (header, expected) => {
    expect(mapHeader(header)?.columns).toEqual(expected);
  });

  test('a row of ordinary text is not a header', () => {
    expect(mapHeader(['1', 'Проведение встречи', 'сентябрь', 'Куратор'])).toBeUndefined();
  });

  // These stems are whole-word tests on Cyrillic; JS \b never matched beside a Cyrillic letter.
  test.each([
    ['Плановый срок', 'deadline'],
    ['Установленные сроки', 'deadline'],
    ['Номер', 'number'],
    ['Номер мероприятия по плану', 'number'],
    ['Этап 1', 'section'],
    ['Раздел программы', 'section'],
  ])('heading %s → %s', (heading, field) => {
    expect(fieldOfHeading(heading)).toBe(field);
  });

  test('a word merely containing a stem is not that heading', () => {
    expect(fieldOfHeading('Номера кабинетов')).toBeUndefined();
  });

  test('a header with a deadline heading of its own words', () => {
    expect(mapHeader(['№', 'Мероприятие', 'Плановый срок', 'Ответственный'])?.columns).toEqual({ number: 0, title: 1, deadline: 2, responsible: 3 });
  });
});

describe('does a cell read like a deadline', () => {
  test.each(['в течение года', 'конец года', 'раз в год', 'раз в полгода', 'на начало года'])('%s: yes', (s) => {
    expect(looksLikeDeadline(s)).toBe(true);
  });
  test.each(['погода', 'годовой отчёт', 'Отчёт о работе'])('%s: no', (s) => {
    expect(looksLikeDeadline(s)).toBe(false);
  });
});

describe('period and targets phrases', () => {
  test.each([
    ['План на 2020-2024 годы', { start: '2020-09-01', end: '2024-06-30' }],
    ['(2020–2024 гг.)', { start: '2020-09-01', end: '2024-06-30' }],
    ['Дорожная карта на 2021-2022 учебный год', { start: '2021-09-01', end: '2022-08-31' }],
    ['на 2022/23 уч. год', { start: '2022-09-01', end: '2023-08-31' }],
    ['учебный год 2022-2023', { start: '2022-09-01', end: '2023-08-31' }],
    ['с 1 сентября 2020 года по 30 июня 2024 года', { start: '2020-09-01', end: '2024-06-30' }],
    ['с 01.09.2020 по 30.06.2024', { start: '2020-09-01', end: '2024-06-30' }],
    ['МБОУ Школа № 26 на 2021 год', { start: '2021-01-01', end: '2021-12-31' }],
    ['Дорожная карта на 2021 г', { start: '2021-01-01', end: '2021-12-31' }],
    ['План работы на 2022 гг', { start: '2022-01-01', end: '2022-12-31' }],
    ['План (на 2023 г) утверждён', { start: '2023-01-01', end: '2023-12-31' }],
  ])('%s', (text, period) => {
    expect(findPeriod(text)).toEqual(period);
  });

  test('no period in dates of orders and targets', () => {
    expect(findPeriod('к приказу от 15.09.2020 № 423; к концу 2020 года не менее 10%')).toBeUndefined();
    expect(findPeriod('выдать на 2021 грамоты')).toBeUndefined();
  });

  test('targets', () => {
    expect(findTargets('к концу 2020 года не менее 10% обучающихся, к концу 2024 года не менее 70% обучающихся')).toEqual([
      { year: 2020, share: 0.1 },
      { year: 2024, share: 0.7 },
    ]);
    expect(findTargets('в 2021 году — 12,5 %; в 2022 году — 30 %')).toEqual([
      { year: 2021, share: 0.125 },
      { year: 2022, share: 0.3 },
    ]);
    expect(findTargets('Приказ от 2021 года')).toEqual([]);
  });
});

describe('flowing text (columns lost) beyond the azov roadmap', () => {
  test('numbering restarted per section, a heading before the restart, cells on one line', () => {
    const text = [
      'План мероприятий на 2022-2023 учебный год',
      '',
      'Мероприятие Срок Ответственный',
      '',
      'I. Подготовка (ежегодно)',
      '',
      '1. Информирование педагогов о программе сентябрь Директор Педсовет',
      '',
      '2. Создание базы наставников октябрь Куратор',
      '',
      'Реестр наставников',
      '',
      '2. Завершение',
      '',
      '1. Итоговая встреча наставников май Куратор Отчет',
      '- 7 -',
      '2. Награждение лучших наставников июнь Директор',
    ].join('\n');
    const r = importRoadmapText(text);
    expect(r.period).toEqual({ start: '2022-09-01', end: '2023-08-31' });
    expect(r.warnings).toEqual([]);
    expect(r.items.map(({ source: _s, ...it }) => it)).toEqual([
      { number: '1', section: 'Подготовка', title: 'Информирование педагогов о программе', deadline: 'сентябрь', responsible: 'Директор', result: 'Педсовет', recurrence: 'yearly' },
      { number: '2', section: 'Подготовка', title: 'Создание базы наставников', deadline: 'октябрь', responsible: 'Куратор', result: 'Реестр наставников', recurrence: 'yearly' },
      { number: '1', section: 'Завершение', title: 'Итоговая встреча наставников', deadline: 'май', responsible: 'Куратор', result: 'Отчет' },
      { number: '2', section: 'Завершение', title: 'Награждение лучших наставников', deadline: 'июнь', responsible: 'Директор' },
    ]);
  });

  test('text before the first item that is not a header is reported, not dropped', () => {
    const r = importRoadmapText('Наименование мероприятий Срок реализации Ответственный\n\nзабытая строка\n\n1.1. Первое до 01.12.2020 Куратор\n');
    expect(r.items).toEqual([{ number: '1.1', title: 'Первое', deadline: 'до 01.12.2020', responsible: 'Куратор', source: { line: 5 } }]);
    expect(r.warnings).toEqual(['строка 3: текст до первого пункта не импортирован: «забытая строка».']);
  });
});
