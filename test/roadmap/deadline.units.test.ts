/** The small pure pieces of the engine, each on its own. */
import {
  academicYearSpan, addDaysIso, clampedDay, daysBetween, halfSpan, intersect, isIsoDate, isoOf, isoWeekday, monthSpan,
  quarterSpan, russianDate, shiftMonth,
} from '../../src/core/roadmap/dates';
import { normalizeDeadlineText, stripMarkup, tokenize } from '../../src/core/roadmap/deadline-text';
import { monthOfWord, ordinalOfWord, romanOfWord, seasonOfWord, weekdayOfWord } from '../../src/core/roadmap/deadline-words';
import { makeCursor, parseExpressions, parseUnit } from '../../src/core/roadmap/deadline-grammar';
import { carryAcrossList, clipWindow, completeRange, exprWindow } from '../../src/core/roadmap/deadline-resolve';
import { detectContinuous, detectFrequency, isEvent, isUnspecified } from '../../src/core/roadmap/deadline-keywords';
import { periodicDues, weeklyDues } from '../../src/core/roadmap/deadline-recurring';

describe('dates', () => {
  it('isoOf rejects days that do not exist', () => {
    expect(isoOf(2024, 2, 29)).toBe('2024-02-29');
    expect(isoOf(2023, 2, 29)).toBeUndefined();
    expect(isoOf(2021, 6, 31)).toBeUndefined();
    expect(isoOf(2021, 13, 1)).toBeUndefined();
    expect(isoOf(2021, 0, 1)).toBeUndefined();
  });
  it('isIsoDate', () => {
    expect(isIsoDate('2021-02-19')).toBe(true);
    expect(isIsoDate('2021-2-19')).toBe(false);
    expect(isIsoDate('2021-02-30')).toBe(false);
    expect(isIsoDate(20210219)).toBe(false);
  });
  it('spans', () => {
    expect(monthSpan(2024, 2)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthSpan(2021, 4)).toEqual({ start: '2021-04-01', end: '2021-04-30' });
    expect(quarterSpan(2021, 3)).toEqual({ start: '2021-07-01', end: '2021-09-30' });
    expect(halfSpan(2021, 2)).toEqual({ start: '2021-07-01', end: '2021-12-31' });
    expect(academicYearSpan(2022)).toEqual({ start: '2022-09-01', end: '2023-08-31' });
  });
  it('arithmetic', () => {
    expect(addDaysIso('2021-01-01', -1)).toBe('2020-12-31');
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2021-02-05', '2021-02-19')).toBe(14);
    expect(clampedDay(2021, 2, 31)).toBe('2021-02-28');
    expect(shiftMonth(2021, 11, 3)).toEqual({ year: 2022, month: 2 });
    expect(shiftMonth(2021, 1, -1)).toEqual({ year: 2020, month: 12 });
    expect(intersect({ start: '2021-01-01', end: '2021-06-30' }, { start: '2021-06-30', end: '2021-12-31' })).toEqual({ start: '2021-06-30', end: '2021-06-30' });
    expect(intersect({ start: '2021-01-01', end: '2021-06-29' }, { start: '2021-06-30', end: '2021-12-31' })).toBeUndefined();
    expect(russianDate('2021-02-09')).toBe('09.02.2021');
    expect(isoWeekday('2021-03-07')).toBe(7);
    expect(isoWeekday('2021-03-01')).toBe(1);
  });
});

describe('text', () => {
  it('strips tags, entities and Markdown', () => {
    expect(stripMarkup('<b>до</b>&nbsp;1.10 \\_ **x**').replace(/\s+/g, ' ').trim()).toBe('до 1.10 x');
  });
  it('normalizes case, ё, dashes and spaces', () => {
    expect(normalizeDeadlineText('Сентябрь\u00a0–\u2014 Декабрь\n\tОтчётный')).toBe('сентябрь -- декабрь отчетный');
  });
  it('tokenizes dates before numbers', () => {
    expect(tokenize('до 19.02.2021г.').map((t) => t.t)).toEqual(['word', 'date', 'word', 'p']);
    expect(tokenize('25.12.24')[0]).toMatchObject({ t: 'date', d: 25, m: 12, y: 2024 });
    expect(tokenize('2021-02-19')[0]).toMatchObject({ t: 'date', d: 19, m: 2, y: 2021 });
    expect(tokenize('09.2021')[0]).toMatchObject({ t: 'date', m: 9, y: 2021 });
    expect(tokenize('01.10')[0]).toMatchObject({ t: 'date', d: 1, m: 10 });
    expect(tokenize('2020-2021').map((t) => t.raw)).toEqual(['2020', '-', '2021']);
  });
});

describe('words', () => {
  it('months in every case, not look-alikes', () => {
    expect(['январь', 'января', 'январе', 'март', 'марте', 'май', 'мая', 'мае', 'авг', 'сент'].map(monthOfWord)).toEqual([1, 1, 1, 3, 3, 5, 5, 5, 8, 9]);
    expect(['мероприятие', 'марк', 'майка', 'ма', 'июнь2'].map(monthOfWord)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
  it('ordinals, Roman numerals, seasons, weekdays', () => {
    expect(['первый', 'второе', 'третьем', 'четвертого', 'пятый'].map(ordinalOfWord)).toEqual([1, 2, 3, 4, undefined]);
    expect(['i', 'ii', 'iii', 'iv', 'x'].map(romanOfWord)).toEqual([1, 2, 3, 4, undefined]);
    expect(['весной', 'летом', 'осенью', 'зима', 'лес'].map(seasonOfWord)).toEqual([3, 6, 9, 12, undefined]);
    expect(['пятницам', 'понедельник', 'среду'].map(weekdayOfWord)).toEqual([5, 1, 3]);
  });
});

describe('grammar', () => {
  const unit = (s: string) => parseUnit(makeCursor(tokenize(normalizeDeadlineText(s))));
  it('units', () => {
    expect(unit('15 октября 2020')).toEqual({ u: 'day', d: 15, m: 10, y: 2020 });
    expect(unit('октября')).toEqual({ u: 'month', m: 10, y: undefined });
    expect(unit('III квартал 2024')).toEqual({ u: 'quarter', q: 3, y: 2024 });
    expect(unit('второе полугодие')).toEqual({ u: 'half', h: 2, y: undefined });
    expect(unit('2022-2023 уч.год')).toEqual({ u: 'academic', y: 2022 });
    expect(unit('2021 г.')).toEqual({ u: 'year', y: 2021 });
    expect(unit('25 числа')).toEqual({ u: 'dom', d: 25 });
    expect(unit('15')).toEqual({ u: 'bare', n: 15 });
    expect(unit('руководители')).toBeUndefined();
  });
  it('expressions and leftovers', () => {
    const r = parseExpressions(tokenize(normalizeDeadlineText('до 15.11.2020 Руководители, с 1 по 5 мая')));
    expect(r.exprs.map((e) => e.mode)).toEqual(['by', 'in']);
    expect(r.leftovers).toEqual(['руководители']);
  });
  it('a document reference is not a deadline', () => {
    expect(parseExpressions(tokenize('от 25.12.2019 № р-145')).exprs).toEqual([]);
  });
});

describe('resolve', () => {
  const exprs = (s: string) => parseExpressions(tokenize(normalizeDeadlineText(s))).exprs;
  it('completes a range from its end', () => {
    expect(completeRange(exprs('15-30 октября 2020')[0]).a).toEqual({ u: 'day', d: 15, m: 10, y: 2020 });
    expect(completeRange(exprs('ноябрь - февраль 2021')[0]).a).toEqual({ u: 'month', m: 11, y: 2020 });
  });
  it('carries years backwards, then forwards', () => {
    const years = (s: string) => carryAcrossList(exprs(s)).map((e) => (e.a as { y?: number }).y);
    expect(years('Январь, март 2023')).toEqual([2023, 2023]);
    expect(years('декабрь, январь 2023')).toEqual([2022, 2023]);
    expect(years('октябрь 2020, май')).toEqual([2020, 2021]);
  });
  it('modes shape the window', () => {
    const w = (s: string) => exprWindow(exprs(s)[0], '2030-12-31');
    expect(w('до 01.10.2021')).toEqual({ window: { due: '2021-10-01' } });
    expect(w('не позднее октября 2021')).toEqual({ window: { due: '2021-10-31' } });
    expect(w('до октября 2021')).toMatchObject({ window: { due: '2021-09-30' } });
    expect(w('с 01.10.2021')).toEqual({ window: { from: '2021-10-01', due: '2030-12-31' } });
    expect(w('31.06.2021')).toEqual({ error: 'несуществующая дата в сроке «31.06.2021»' });
  });
  it('clips windows to a span', () => {
    const span = { start: '2021-01-01', end: '2021-12-31' };
    expect(clipWindow({ from: '2020-12-01', due: '2021-01-31' }, span)).toEqual({ from: '2021-01-01', due: '2021-01-31' });
    expect(clipWindow({ due: '2022-01-05' }, span)).toBeUndefined();
  });
});

describe('keywords and repetitions', () => {
  it('frequency', () => {
    expect(detectFrequency('ежемесячно до 25 числа')).toMatchObject({ recurrence: 'monthly', rest: 'до 25 числа' });
    expect(detectFrequency('до 5 числа месяца, следующего за отчетным кварталом, ежеквартально')).toMatchObject({ recurrence: 'quarterly', nextMonth: true });
    expect(detectFrequency('4 раза в год').recurrence).toBe('quarterly');
    expect(detectFrequency('по пятницам')).toMatchObject({ recurrence: 'weekly', weekday: 5 });
    expect(detectFrequency('до 01.10.2021').recurrence).toBeUndefined();
  });
  it('continuity, events, no date', () => {
    expect(detectContinuous('в течение учебного года')).toEqual({ continuous: true, rest: 'учебного года' });
    expect(detectContinuous('в течение 2021 года').continuous).toBe(false);
    expect(isEvent('в течение двух недель с даты определения модели')).toBe(true);
    expect(isEvent('после 15 октября')).toBe(false);
    expect(isUnspecified('по отдельному графику')).toBe(true);
  });
  it('periodic dues', () => {
    const span = { start: '2021-02-15', end: '2021-05-10' };
    expect(periodicDues('monthly', span)).toEqual([{ due: '2021-02-28' }, { due: '2021-03-31' }, { due: '2021-04-30' }]);
    expect(periodicDues('quarterly', span, 5)).toEqual([{ due: '2021-04-05' }]);
    expect(periodicDues('monthly', span, 10)).toEqual([{ due: '2021-03-10' }, { due: '2021-04-10' }, { due: '2021-05-10' }]);
    expect(weeklyDues({ start: '2021-03-01', end: '2021-03-10' }, 3)).toEqual([{ due: '2021-03-03' }, { due: '2021-03-10' }]);
  });
});
