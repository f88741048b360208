import { nextOrderNumber, readJournal, findNumber, sequenceOf, isOrderReference, orderReference } from '../../src/core/orders/journal';
import { escapeRegex, unknownPlaceholders, findPlaceholders } from '../../src/core/orders/model';

const journal = (rows: unknown[][], header = ['№', 'Дата', 'Вид', 'Заголовок', 'Ссылка']) => readJournal([header, ...rows] as any);

describe('order numbering', () => {
  test('prefix: sequence per year, other series ignored', () => {
    const j = journal([
      ['НМ-1/2026', '10.01.2026'],
      ['НМ-7/2026', '01.03.2026'],
      ['НМ-9/2025', '01.12.2025'],
      ['45-од', '01.03.2026'],
      ['ОД-12/2026', '01.03.2026'],
    ]);
    expect(nextOrderNumber(j, 'НМ', '2026-11-22')).toBe('НМ-8/2026');
    expect(nextOrderNumber(j, 'НМ', '2027-01-09')).toBe('НМ-1/2027');
    expect(nextOrderNumber(j, 'ОД', '2026-11-22')).toBe('ОД-13/2026');
  });

  test('plain numbers count within the year of their date (Date cells too)', () => {
    const j = journal([
      ['3', new Date(Date.UTC(2026, 1, 15))],
      [4, '2026-03-01'],
      ['12', '01.12.2025'],
      ['НМ-5/2026', '01.03.2026'],
    ]);
    expect(nextOrderNumber(j, undefined, '2026-11-22')).toBe('5');
    expect(nextOrderNumber(j, '', '2025-12-30')).toBe('13');
    expect(nextOrderNumber(journal([]), undefined, '2026-01-01')).toBe('1');
    expect(findNumber(j, '3', '2026-05-01')?.row).toBe(1);
    expect(findNumber(j, '3', '2027-05-01')).toBeUndefined();
  });

  test('columns by meaning, in any order', () => {
    const j = journal([['о чём-то', '2026-01-02', 'НМ-2/2026']], ['Заголовок', 'Дата приказа', 'Номер приказа']);
    expect(j.columns).toEqual({ title: 0, date: 1, number: 2 });
    expect(nextOrderNumber(j, 'НМ', '2026-02-01')).toBe('НМ-3/2026');
    expect(sequenceOf('№ НМ - 4 / 2026', 'НМ', 2026)).toBe(4);
  });

  test('«Приказ» cell text', () => {
    expect(orderReference('НМ-3/2026', '2026-11-22')).toBe('№ НМ-3/2026 от 22.11.2026');
    expect(isOrderReference('№ НМ-3/2026 от 22.11.2026')).toBe(true);
    expect(isOrderReference('Приказ директора 12-од')).toBe(false);
  });
});

describe('template placeholders', () => {
  test('unknown ones are found, known ones pass', () => {
    expect(findPlaceholders('{{Заголовок}} и {{ Номер приказа }}')).toEqual(['Заголовок', 'Номер приказа']);
    expect(unknownPlaceholders(['{{Заголовок}}', '{{Фамилия}} {{Текст приказа}} {{Логотип}}'])).toEqual(['Фамилия', 'Логотип']);
  });
  test('escapeRegex makes a literal pattern', () => {
    const s = '{{Номер приказа}} $1 .* \\d (a|b) [x]';
    expect(new RegExp(escapeRegex(s)).exec(`до ${s} после`)?.[0]).toBe(s);
  });
});
