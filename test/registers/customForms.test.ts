/**
 * A school with forms of its own in «Настройки»: every place that uses forms takes them from there
 * (reading, validation, matching, monitoring, orders, the sidebar's forms).
 */
import { loadRegisters } from '../../src/app/registers/load';
import { validateRegisters } from '../../src/core/validation/validate';
import { matchingApi } from '../../src/app/matching/api';
import { loadMonitoring } from '../../src/app/monitoring/indicators';
import { getFormsData } from '../../src/app/registers/forms';
import { buildOrder } from '../../src/core/orders/builders';
import type { AppContext } from '../../src/app/context';
import type { CellValue } from '../../src/app/port';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';

const FORM_ROWS: CellValue[][] = [
  ['Форма: наставник – молодой педагог', 'наставник: педагог; наставляемый: молодой специалист'],
  ['Форма: педагог – обучающийся', 'педагог → обучающийся'],
  ['Форма: студент – студент (СПО)', 'студент / студент'],
];

function book(withForms = true) {
  return new MemoryWorkbook({
    Настройки: [
      ['Параметр', 'Значение'],
      ['Организация', 'ГБПОУ «Колледж № 1»'],
      ['Численность обучающихся', 100],
      ...(withForms ? FORM_ROWS : []),
    ],
    Наставники: [
      ['ID', 'ФИО', 'Категория', 'Формы наставничества', 'Макс. наставляемых', 'Согласие ПДн'],
      ['Н-1', 'Орлова Вера Ильинична', 'педагог', 'Наставник-молодой педагог; педагог — обучающийся', 3, 'да'],
      ['Н-2', 'Быстров Кирилл Олегович', 'студент', 'студент-студент (СПО)', 2, 'да'],
      ['Н-3', 'Сомов Лев Петрович', 'работодатель', 'педагог – обучающийся', 2, 'да'],
    ],
    Наставляемые: [
      ['ID', 'ФИО', 'Категория', 'Дата рождения', 'Стаж, лет', 'Форма наставничества', 'Согласие ПДн', 'Дата вхождения в программу'],
      ['Нв-1', 'Власова Инна Сергеевна', 'молодой специалист', '01.01.1985', 1, 'наставник – молодой педагог', 'да', '01.09.2026'],
      ['Нв-2', 'Акимов Егор Ильич', 'обучающийся', '01.05.2011', '', 'педагог - обучающийся', 'да', '01.09.2026'],
      ['Нв-3', 'Белова Ольга Юрьевна', 'студент', '01.05.2007', '', 'студент – студент (СПО)', 'да', '01.09.2026'],
      ['Нв-4', 'Гусев Павел Андреевич', 'обучающийся', '01.05.2012', '', 'наставник – молодой педагог', 'да', '01.09.2026'],
    ],
    Пары: [
      ['ID', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Письменное согласие участников', 'Статус'],
      ['П-1', 'Н-1', 'Нв-1', 'Наставник — молодой педагог', 'да', 'формируется'],
      ['П-2', 'Н-2', 'Нв-4', 'студент – студент (СПО)', 'да', 'активна'],
    ],
  });
}

const ctxOf = (wb: MemoryWorkbook): AppContext => ({ wb, today: () => '2026-11-22' });
const keyOf = (f: { sheet: string; column: string; row: number; code: string }) => `${f.sheet}!${f.column}${f.row} ${f.code}`;

describe('forms of the curator’s own', () => {
  it('without the «Форма: …» rows they are refused on their cells (what the setting fixes)', () => {
    const reg = loadRegisters(book(false));
    const unknown = reg.findings.filter((f) => f.code === 'form.unknown').map(keyOf);
    expect(unknown).toEqual(expect.arrayContaining(['Наставники!D2 form.unknown', 'Наставляемые!F2 form.unknown', 'Пары!D2 form.unknown']));
    expect(reg.findings.find((f) => f.code === 'form.unknown')!.message).toContain('Свою форму добавляют на листе «Настройки» строкой «Форма: …»');
  });

  it('read in any dash spelling; validation checks categories, ages and the young-specialist rule by them', () => {
    const reg = loadRegisters(book());
    expect(reg.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(reg.mentors[0].record.forms).toEqual(['наставник – молодой педагог', 'педагог – обучающийся']);
    expect(reg.mentees[1].record.form).toBe('педагог – обучающийся');
    expect(reg.pairs[0].record.form).toBe('наставник – молодой педагог');
    const found = validateRegisters(reg, '2026-11-22');
    const keys = found.map(keyOf);
    // A work-placement mentor cannot lead a teachers' form; a pupil does not fit the young teachers' one.
    expect(keys).toContain('Наставники!D4 mentor.form.category');
    expect(found.find((f) => f.code === 'mentor.form.category')!.message).toBe('Наставник категории «работодатель» не может вести форму «педагог – обучающийся»');
    expect(keys).toContain('Наставляемые!F5 mentee.form.category');
    expect(found.find((f) => f.code === 'mentee.form.category')!.message).toBe(
      'Наставляемый категории «обучающийся» не подходит для формы «наставник – молодой педагог» (допустимо: молодой специалист)',
    );
    // A pupil in the students' pair: the pair's form does not fit its mentee.
    expect(keys.filter((k) => k.startsWith('Пары!') && k.includes('3 '))).toEqual(expect.arrayContaining([expect.stringMatching(/^Пары!C3 pair\.mentee\.category/)]));
    // The young-specialist rule comes with the young teachers' form: 41 years old.
    expect(found.find((f) => f.code === 'young.age')?.message).toBe('Молодой специалист должен быть моложе 35 лет, а ему 41 год (форма «наставник – молодой педагог»)');
  });

  it('matching finds candidates by the new forms', () => {
    const s = matchingApi.suggestPairs(ctxOf(book()));
    const pairs = s.assignments.map((a) => [a.mentor, a.mentees.map((m) => m.id), a.form]);
    expect(pairs).toEqual(expect.arrayContaining([['Н-1', ['Нв-2'], 'педагог – обучающийся'], ['Н-2', ['Нв-3'], 'студент – студент (СПО)']]));
    // Нв-1 is served by П-1; Нв-4 (a pupil) cannot take the young teachers' form.
    expect(s.unmatched).toEqual([{ mentee: 'Нв-4', name: 'Гусев Павел Андреевич', reason: 'категория «обучающийся» не подходит для формы «наставник – молодой педагог»' }]);
  });

  it('monitoring counts pairs by the new forms, never as «форма не указана»', () => {
    const m = loadMonitoring(ctxOf(book()), '2026-11-22');
    expect(m.indicators.byForm).toEqual({ 'наставник – молодой педагог': { pairs: 1, mentees: 1 }, 'студент – студент (СПО)': { pairs: 1, mentees: 1 } });
    const before = loadMonitoring(ctxOf(book(false)), '2026-11-22');
    expect(Object.keys(before.indicators.byForm)).toEqual(['форма не указана']);
  });

  it('the pairs order names the form and takes the teachers’ basis from the form’s rule', () => {
    const reg = loadRegisters(book());
    const plan = buildOrder('pairs', { settings: { ...reg.settings, directorName: 'Кудрявцева Т. Н.', place: 'г. Тверь', curatorName: 'Ахремкина Л. М.' }, mentors: reg.mentors, mentees: reg.mentees, pairs: reg.pairs, roadmap: [] }, { number: '1', date: '2026-11-22' });
    expect(plan.problems).toEqual([]);
    const text = JSON.stringify(plan.model);
    expect(text).toContain('наставник – молодой педагог');
    // The teacher system's letter is cited because the form's mentees are young specialists.
    expect(text).toContain('АЗ-1128/08');
  });

  it('the sidebar’s forms offer the configured forms', () => {
    const data = getFormsData(ctxOf(book()));
    expect(data.forms).toEqual([
      'ученик – ученик',
      'учитель – учитель',
      'педагог – педагог',
      'студент – ученик',
      'работодатель – ученик',
      'студент – студент',
      'работодатель – студент',
      'наставник – молодой педагог',
      'педагог – обучающийся',
      'студент – студент (СПО)',
    ]);
  });
});
