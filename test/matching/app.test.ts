import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { matchingApi } from '../../src/app/matching/api';
import type { AppContext } from '../../src/app/context';

const header = {
  mentors: ['ID', 'ФИО', 'Категория', 'Компетенции', 'Формы наставничества', 'Макс. наставляемых', 'Согласие на обработку ПДн'],
  mentees: ['ID', 'ФИО', 'Категория', 'Класс', 'Дата рождения', 'Запрос', 'Согласие на обработку ПДн'],
  // The curator's own order and an extra column of theirs.
  pairs: ['Статус', 'Наставник', 'Заметки куратора', 'Наставляемые', 'ID', 'Форма', 'Дата начала'],
};

function book() {
  return new MemoryWorkbook({
    Наставники: [header.mentors, ['Н-001', 'Иванов Иван', 'обучающийся', 'физика', 'ученик – ученик', 2, '01.09.2026'], ['Н-002', 'Петров Пётр', 'обучающийся', 'химия', 'ученик – ученик', 1, '01.09.2026']],
    Наставляемые: [
      header.mentees,
      ['Нв-001', 'Сидорова Анна', 'обучающийся', '7А', '01.05.2013', 'олимпиада по физике', '01.09.2026'],
      ['Нв-002', 'Козлов Олег', 'обучающийся', '7Б', '01.05.2013', 'физика', '01.09.2026'],
      ['Нв-003', 'Орлова Вера', 'обучающийся', '7В', '01.05.2013', 'химия', '01.09.2026'],
    ],
    Пары: [header.pairs, ['активна', 'Н-002', 'своя заметка', 'Нв-099', 'П-007', 'ученик – ученик', '']],
  });
}
const ctxOf = (wb: MemoryWorkbook): AppContext => ({ wb, today: () => '2026-11-22' });

test('suggest, then accept writes rows aligned to the curator\'s columns', () => {
  const wb = book();
  const ctx = ctxOf(wb);
  const s = matchingApi.suggestPairs(ctx);
  expect(s.assignments.map((a) => [a.mentor, a.mentees.map((m) => m.id)])).toEqual([['Н-001', ['Нв-001', 'Нв-002']]]);
  expect(s.assignments[0].mentorName).toBe('Иванов Иван');
  // Н-002 is full (an active pair); Н-001's two places go to the physics requests, so Нв-003 waits.
  expect(s.unmatched).toEqual([{ mentee: 'Нв-003', name: 'Орлова Вера', reason: 'свободные места подходящих наставников отданы другим наставляемым' }]);
  const out = matchingApi.acceptPairs(ctx, s.assignments.map((a) => ({ mentor: a.mentor, mentees: a.mentees.map((m) => m.id), form: a.form })));
  expect(out.added).toEqual([{ id: 'П-008', mentor: 'Н-001', mentees: ['Нв-001', 'Нв-002'], form: 'ученик – ученик', row: 3 }]);
  const row = wb.grid('Пары')[2];
  expect(row.slice(0, 6)).toEqual(['формируется', 'Н-001', '', 'Нв-001; Нв-002', 'П-008', 'ученик – ученик']);
  expect(row[6]).toEqual(new Date(Date.UTC(2026, 10, 22)));
  // Accepted pairs are respected by the next suggestion.
  expect(matchingApi.suggestPairs(ctx).assignments).toEqual([]);
});

test('accept re-checks on a fresh read: a mentee paired meanwhile is skipped and reported', () => {
  const wb = book();
  const ctx = ctxOf(wb);
  const s = matchingApi.suggestPairs(ctx);
  // Someone else pairs Нв-002 between suggest and accept.
  wb.appendRows('Пары', [['активна', 'Н-002', '', 'Нв-002', 'П-010', 'ученик – ученик', '']]);
  const out = matchingApi.acceptPairs(ctx, s.assignments.map((a) => ({ mentor: a.mentor, mentees: a.mentees.map((m) => m.id), form: a.form })));
  expect(out.added.map((a) => a.mentees)).toEqual([['Нв-001']]);
  expect(out.skipped).toEqual([{ mentor: 'Н-001', mentee: 'Нв-002', reason: 'наставляемый уже в паре' }]);
  expect(out.summary).toMatch(/Пропущено/);
});

test('accept skips a suggestion whose mentor lost the places', () => {
  const wb = book();
  const ctx = ctxOf(wb);
  const s = matchingApi.suggestPairs(ctx);
  wb.appendRows('Пары', [['активна', 'Н-001', '', 'Нв-003', 'П-011', 'ученик – ученик', '']]);
  const out = matchingApi.acceptPairs(ctx, s.assignments.map((a) => ({ mentor: a.mentor, mentees: a.mentees.map((m) => m.id), form: a.form })));
  expect(out.added.map((a) => a.mentees)).toEqual([['Нв-001']]);
  expect(out.skipped[0]).toEqual({ mentor: 'Н-001', mentee: 'Нв-002', reason: 'у наставника нет свободных мест' });
});

test('a rejected suggestion is remembered and never proposed again', () => {
  const wb = book();
  const ctx = ctxOf(wb);
  matchingApi.rejectSuggestion(ctx, 'Н-001', 'Нв-001');
  expect(JSON.parse(wb.getProperty('match.rejected')!)).toEqual([{ mentor: 'Н-001', mentee: 'Нв-001' }]);
  const s = matchingApi.suggestPairs(ctx);
  expect(s.assignments.flatMap((a) => a.mentees.map((m) => m.id))).toEqual(['Нв-002', 'Нв-003']);
  expect(s.unmatched.map((u) => u.mentee)).toContain('Нв-001');
});
