import { suggestPairs } from '../../src/core/matching/suggest';
import { keysOf, tokenize, matchedPhrases, parseGrade } from '../../src/core/matching/text';
import { greedyTotal } from '../../scripts/bench/matching';
import type { MatchInput } from '../../src/core/matching/types';
import { mentee, mentor, pair, TODAY } from './people';

const run = (over: Partial<MatchInput>) => suggestPairs({ mentors: [], mentees: [], pairs: [], today: TODAY, ...over });
const reasonOf = (r: ReturnType<typeof run>, id: string) => r.unmatched.find((u) => u.mentee === id)?.reason;
const mentorOf = (r: ReturnType<typeof run>, id: string) => r.assignments.find((a) => a.mentees.includes(id))?.mentor;

describe('words', () => {
  test('Russian forms of a word meet («олимпиаде» / «олимпиадам»), stop-words do not', () => {
    expect(keysOf('олимпиаде')).toEqual(keysOf('олимпиадам'));
    expect(keysOf('по к и для').size).toBe(0);
    const text = 'Подготовка к олимпиаде по физике';
    const comp = keysOf(['физика', 'олимпиадная подготовка']);
    expect(matchedPhrases(text, tokenize(text), (k) => comp.has(k))).toEqual(['олимпиаде по физике']);
  });
  test('a generic word alone («подготовка», «развитие навыков») is no common topic', () => {
    const comp = keysOf(['математика', 'подготовка к олимпиадам', 'развитие навыков']);
    expect([...keysOf('Подготовка к ЕГЭ по химии')].filter((k) => comp.has(k))).toEqual([]);
    expect([...keysOf('подготовить к олимпиаде, развить навыки')].filter((k) => comp.has(k))).toEqual([...keysOf('олимпиада')]);
  });
  test('grades', () => {
    expect(parseGrade('10Б')).toBe(10);
    expect(parseGrade('8 класс')).toBe(8);
    expect(parseGrade('учитель физики')).toBeNull();
  });
});

describe('candidates: every exclusion has a reason', () => {
  test('consent, form, capacity, activity, age, young specialist', () => {
    const r = run({
      mentors: [
        mentor('Н-1', { capacity: 1 }),
        mentor('Н-2', { category: 'педагог', forms: ['педагог – педагог'] }),
        mentor('Н-3', { category: 'студент', forms: ['студент – ученик'], consentDate: undefined }),
        mentor('Н-4', { category: 'студент', forms: ['студент – студент'], status: 'выбыл' }),
      ],
      mentees: [
        mentee('Нв-1', { consentDate: undefined }),
        mentee('Нв-2', { form: 'работодатель-ученик' }),
        mentee('Нв-3', { form: 'ученик – ученик' }),
        mentee('Нв-4', { form: 'ученик – ученик', birthDate: '2018-01-01' }),
        mentee('Нв-5', { category: 'молодой специалист', birthDate: undefined, experienceYears: 10 }),
        mentee('Нв-6', { form: 'студент – ученик' }),
        mentee('Нв-7', { category: 'студент', birthDate: undefined, form: 'студент – студент' }),
        mentee('Нв-8', { status: 'выбыл' }),
      ],
      pairs: [pair('П-1', 'Н-1', ['Нв-9'])],
    });
    expect(r.assignments).toEqual([]);
    expect(reasonOf(r, 'Нв-1')).toBe('нет согласия на обработку персональных данных');
    expect(reasonOf(r, 'Нв-2')).toBe('нет наставника с формой «работодатель – ученик»');
    expect(reasonOf(r, 'Нв-3')).toBe('у всех подходящих наставников нет свободных мест');
    expect(reasonOf(r, 'Нв-4')).toBe('возраст 8 лет вне диапазона 10–18 лет для формы «ученик – ученик»');
    expect(reasonOf(r, 'Нв-5')).toMatch(/^не молодой специалист: стаж 10 лет/);
    expect(reasonOf(r, 'Нв-6')).toBe('у наставников с формой «студент – ученик» нет согласия на обработку персональных данных');
    expect(reasonOf(r, 'Нв-7')).toBe('нет активных наставников с формой «студент – студент»');
    expect(reasonOf(r, 'Нв-8')).toMatch(/не участвует в программе/);
  });

  test('served mentees are left out; former pairs and rejected suggestions are never proposed', () => {
    const mentors = [mentor('Н-1'), mentor('Н-2')];
    const mentees = [mentee('Нв-1', { preferredMentor: 'Н-1' }), mentee('Нв-2'), mentee('Нв-3', { form: 'ученик – ученик' })];
    const r = run({
      mentors,
      mentees,
      pairs: [pair('П-1', 'Наставник Н-1', ['Нв-2'], { status: 'завершена' }), pair('П-2', 'Н-2', ['Нв-3'])],
      rejected: [{ mentor: 'Н-1', mentee: 'Нв-1' }],
    });
    expect(mentorOf(r, 'Нв-1')).toBe('Н-2');
    expect(mentorOf(r, 'Нв-2')).toBe('Н-2');
    expect(r.unmatched.map((u) => u.mentee)).toEqual([]);
    expect(r.assignments.flatMap((a) => a.mentees)).not.toContain('Нв-3');
    expect(r.alternatives['Нв-1'] ?? []).toEqual([]);
  });
});

describe('score and reasons', () => {
  test('request, preferred mentor, organisation, grade gap are explained in Russian', () => {
    const r = run({
      mentors: [
        mentor('Н-1', { competencies: ['физика', 'подготовка к олимпиадам'], organization: 'Лицей № 1', position: '10Б' }),
        mentor('Н-2', { competencies: ['литература'], organization: 'Школа № 2', position: '11А' }),
      ],
      mentees: [mentee('Нв-1', { request: 'Олимпиада по физике', organization: 'Лицей №1', grade: '7А', preferredMentor: 'Наставник Н-1' })],
    });
    const a = r.assignments[0];
    expect(a.mentor).toBe('Н-1');
    expect(a.reasons).toEqual(
      expect.arrayContaining(['совпадает запрос: олимпиада по физике', 'желаемый наставник', 'наставник старше на 3 класса', 'свободных мест у наставника: 3 из 3']),
    );
    expect(a.score).toBeGreaterThan(0.8);
    expect(a.score).toBeLessThanOrEqual(1);
    expect(r.alternatives['Нв-1'][0].mentor).toBe('Н-2');
    expect(r.alternatives['Нв-1'][0].score).toBeLessThan(a.score);
  });

  test('weights are settings: only the request counts when the others are 0', () => {
    const r = run({
      weights: { preferred: 0, organization: 0, gap: 0, load: 0 },
      mentors: [mentor('Н-1', { competencies: ['химия'] }), mentor('Н-2', { competencies: ['физика'] })],
      mentees: [mentee('Нв-1', { request: 'физике', preferredMentor: 'Н-1' })],
    });
    expect(r.assignments[0].mentor).toBe('Н-2');
    expect(r.assignments[0].score).toBe(1);
  });
});

describe('assignment', () => {
  test('optimal beats greedy: the best-scoring pair is given up so that both are matched', () => {
    const input: MatchInput = {
      today: TODAY,
      pairs: [],
      mentors: [
        mentor('Н-А', { category: 'студент', forms: ['студент – ученик'], competencies: ['физика', 'олимпиады'], capacity: 1 }),
        mentor('Н-Б', { capacity: 1 }),
      ],
      mentees: [mentee('Нв-x', { request: 'олимпиада по физике' }), mentee('Нв-y', { form: 'студент – ученик' })],
    };
    const greedy = greedyTotal(input);
    expect(greedy.matched).toBe(1);
    const r = suggestPairs(input);
    expect(r.assignments.map((a) => [a.mentor, a.mentees])).toEqual([
      ['Н-А', ['Нв-y']],
      ['Н-Б', ['Нв-x']],
    ]);
    expect(r.stats.certified).toBe(true);
  });

  test('capacity is respected and several mentees of one mentor form a group', () => {
    const r = run({
      mentors: [mentor('Н-1', { competencies: ['шахматы'], capacity: 2 }), mentor('Н-2', { capacity: 1 })],
      mentees: ['Нв-1', 'Нв-2', 'Нв-3', 'Нв-4'].map((id) => mentee(id, { request: 'шахматы' })),
    });
    const group = r.assignments.find((a) => a.mentor === 'Н-1')!;
    expect(group.mentees).toHaveLength(2);
    expect(group.details).toHaveLength(2);
    expect(group.reasons[0]).toBe('группа из 2 наставляемых');
    expect(r.assignments.find((a) => a.mentor === 'Н-2')!.mentees).toHaveLength(1);
    expect(r.unmatched).toHaveLength(1);
    expect(r.unmatched[0].reason).toBe('свободные места подходящих наставников отданы другим наставляемым');
  });

  test('an existing active pair uses up a place', () => {
    const r = run({
      mentors: [mentor('Н-1', { capacity: 2 })],
      mentees: [mentee('Нв-1'), mentee('Нв-2'), mentee('Нв-3')],
      pairs: [pair('П-1', 'Н-1', ['Нв-1'])],
    });
    expect(r.assignments.flatMap((a) => a.mentees)).toHaveLength(1);
  });
});
