import { deadlineStatus, parseDeadline, type Period } from '../../src/core/roadmap/deadline';

const Y21: Period = { start: '2021-01-01', end: '2021-12-31' };
const at = (phrase: string, asOf: string, options = {}, period = Y21) => deadlineStatus(parseDeadline(phrase, period), asOf, options);

describe('deadlineStatus', () => {
  it.each<[string, string, string]>([
    ['до 19.02.2021г.', '2021-01-10', 'upcoming'],
    ['до 19.02.2021г.', '2021-02-05', 'soon'], // 14 days before
    ['до 19.02.2021г.', '2021-02-04', 'upcoming'], // 15 days before
    ['до 19.02.2021г.', '2021-02-19', 'soon'], // the due day itself is not late
    ['до 19.02.2021г.', '2021-02-20', 'overdue'],
    ['декабрь 2021 г.', '2021-11-01', 'upcoming'],
    ['декабрь 2021 г.', '2021-12-05', 'in-progress'],
    ['декабрь 2021 г.', '2021-12-20', 'soon'],
    ['декабрь 2021 г.', '2022-01-01', 'overdue'],
    ['с 1 января по 31 декабря 2021 г.', '2021-06-01', 'in-progress'],
    ['в течение всего периода реализации ЦМН', '2021-06-01', 'in-progress'],
    ['в течение всего периода реализации ЦМН', '2021-12-20', 'soon'],
    ['по мере поступления из Министерства', '2021-06-01', 'no-date'],
    ['по отдельному графику', '2021-06-01', 'no-date'],
    ['до 31 июня', '2021-06-01', 'no-date'],
    ['до 01.10.2021, до 01.12.2021', '2021-10-05', 'overdue'],
    ['ежеквартально', '2021-02-01', 'upcoming'],
    ['ежеквартально', '2021-03-20', 'soon'],
    ['ежеквартально', '2021-04-01', 'overdue'],
  ])('%j on %s → %s', (phrase, asOf, status) => {
    expect(at(phrase, asOf).status).toBe(status);
  });

  it('done wins over everything', () => {
    expect(at('до 19.02.2021г.', '2021-03-01', { done: true }).status).toBe('done');
    expect(at('ежемесячно до 25 числа', '2021-12-01', { done: true }).status).toBe('done');
    expect(at('по плану', '2021-03-01', { done: true }).status).toBe('done');
  });

  it('a doneDate closes a one-off item', () => {
    expect(at('до 19.02.2021г.', '2021-03-01', { doneDate: '2021-02-25' }).status).toBe('done');
  });

  it('a recurring item is done up to its doneDate', () => {
    // Monthly on the 25th; done on 26 March: January–March are covered, April is due next.
    const r = at('ежемесячно до 25 числа', '2021-04-01', { doneDate: '2021-03-26' });
    expect(r).toEqual({ status: 'upcoming', next: { due: '2021-04-25' } });
    const late = at('ежемесячно до 25 числа', '2021-05-03', { doneDate: '2021-03-26' });
    expect(late.status).toBe('overdue');
    expect(late.overdue).toEqual([{ due: '2021-04-25' }]);
    expect(late.next).toEqual({ due: '2021-05-25' });
  });

  it('a recurring item without doneDate is overdue once a due has passed', () => {
    const r = at('ежеквартально', '2021-07-15');
    expect(r.overdue).toEqual([{ due: '2021-03-31' }, { due: '2021-06-30' }]);
    expect(r.next).toEqual({ due: '2021-09-30' });
  });

  it('a doneDate inside the current window covers it', () => {
    const p = parseDeadline('Ежегодно, ноябрь', { start: '2020-09-01', end: '2022-08-31' });
    expect(deadlineStatus(p, '2021-11-20', { doneDate: '2021-11-10' })).toEqual({ status: 'done' });
    expect(deadlineStatus(p, '2021-11-20', { doneDate: '2020-11-10' }).status).toBe('soon');
  });

  it('soonDays moves the horizon', () => {
    expect(at('до 19.02.2021г.', '2021-01-25', { soonDays: 30 }).status).toBe('soon');
    expect(at('до 19.02.2021г.', '2021-02-15', { soonDays: 0 }).status).toBe('upcoming');
  });

  it('returns the next window', () => {
    expect(at('октябрь 2021, декабрь 2021', '2021-11-02')).toEqual({
      status: 'overdue',
      overdue: [{ from: '2021-10-01', due: '2021-10-31' }],
      next: { from: '2021-12-01', due: '2021-12-31' },
    });
    expect(at('октябрь 2021', '2021-11-02').next).toBeUndefined();
    expect(at('октябрь 2021, декабрь 2021', '2021-09-02')).toEqual({ status: 'upcoming', next: { from: '2021-10-01', due: '2021-10-31' } });
  });

  it('never throws on a bad date', () => {
    expect(at('до 19.02.2021г.', 'вчера').status).toBe('no-date');
  });
});
