/**
 * Benchmark of the registers check (issue «Registers», item 8): synthetic registers of 30 000
 * mentees, 3 000 mentors and 10 000 pairs with some errors; the time to read and validate them in
 * Node. The Apps Script service calls of the menu actions are in scripts/bench/calls.ts.
 */
import type { CellValue } from '../../src/app/port';
import { loadRegisters } from '../../src/app/registers/load';
import { checkAndHighlight } from '../../src/app/registers/check';
import { validateRegisters } from '../../src/core/validation/validate';
import { MemoryWorkbook } from '../../test/helpers/memoryWorkbook';

const TODAY = '2026-11-22';

const MALE = { first: ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил', 'Никита', 'Матвей', 'Роман', 'Егор', 'Иван'], last: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев'] };
const FEMALE_FIRST = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Екатерина', 'Дарья', 'Софья', 'Анастасия', 'Виктория', 'Полина', 'Алиса', 'Ксения', 'Татьяна', 'Ирина'];
const PATRONYMIC = ['Александров', 'Дмитриев', 'Сергеев', 'Андреев', 'Алексеев', 'Михайлов', 'Иванов', 'Петров', 'Николаев', 'Владимиров', 'Юрьев', 'Олегов'];

/** Deterministic pseudo-random numbers (mulberry32), so runs compare. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nameOf(r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const male = r() < 0.5;
  const last = pick(MALE.last);
  const pat = pick(PATRONYMIC);
  return male ? `${last} ${pick(MALE.first)} ${pat}ич` : `${last}а ${pick(FEMALE_FIRST)} ${pat}на`;
}

const pad = (n: number) => String(n).padStart(5, '0');
const ru = (y: number, m: number, d: number) => `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;

/** Registers of the given size; about 1 % of rows carry an error. */
export function syntheticRegisters(mentees: number, mentors: number, pairs: number, seed = 1): Record<string, CellValue[][]> {
  const r = rng(seed);
  const M: CellValue[][] = [['ID', 'ФИО', 'Категория', 'Место работы / учёбы', 'Компетенции', 'Формы наставничества', 'Макс. наставляемых', 'Email', 'Телефон', 'Согласие на обработку ПДн', 'Статус', 'Заметки куратора']];
  for (let i = 1; i <= mentors; i++) {
    const pupil = i % 3 === 0;
    M.push([
      `Н-${pad(i)}`,
      nameOf(r),
      pupil ? 'обучающийся' : 'педагог',
      'МБОУ «СОШ № 5»',
      pupil ? 'олимпиада по математике; шахматы' : 'физика; методика',
      pupil ? 'ученик – ученик' : 'учитель – учитель',
      r() < 0.2 ? 5 : '',
      r() < 0.01 ? 'нет-почты@' : `m${i}@school.ru`,
      `+7 912 ${String(1000000 + i).slice(-7, -4)}-${String(i % 100).padStart(2, '0')}-${String((i * 7) % 100).padStart(2, '0')}`,
      r() < 0.01 ? '' : ru(2025, 9, 1 + (i % 28)),
      r() < 0.02 ? 'неактивен' : 'активен',
      '',
    ]);
  }
  const E: CellValue[][] = [['ID', 'ФИО', 'Категория', 'Класс / должность', 'Дата рождения', 'Стаж, лет', 'Запрос', 'Форма наставничества', 'Email', 'Согласие на обработку ПДн', 'Статус']];
  for (let i = 1; i <= mentees; i++) {
    const teacher = i % 10 === 0;
    const year = teacher ? 1990 + Math.floor(r() * 10) : 2009 + Math.floor(r() * 7);
    E.push([
      `Нв-${pad(i)}`,
      nameOf(r),
      teacher ? 'молодой специалист' : 'обучающийся',
      teacher ? 'учитель' : `${5 + (i % 7)}${'АБВ'[i % 3]}`,
      r() < 0.005 ? '31.02.2012' : ru(year, 1 + (i % 12), 1 + (i % 28)),
      teacher ? Math.floor(r() * 5) : '',
      teacher ? 'классное руководство' : 'подготовка к олимпиаде',
      teacher ? 'учитель – учитель' : 'ученик – ученик',
      '',
      r() < 0.01 ? '' : 'да',
      'активен',
    ]);
  }
  const P: CellValue[][] = [['ID', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Дата начала', 'Дата окончания', 'Письменное согласие участников', 'Статус']];
  for (let i = 1; i <= pairs; i++) {
    const menteeNo = ((i - 1) % mentees) + 1;
    const teacher = menteeNo % 10 === 0;
    // Mentors of the right kind: pupils are every third mentor.
    let mentorNo = ((i * 7) % mentors) + 1;
    if (teacher && mentorNo % 3 === 0) mentorNo = (mentorNo % mentors) + 1;
    if (!teacher) mentorNo = Math.max(3, mentorNo - (mentorNo % 3));
    P.push([
      `П-${pad(i)}`,
      r() < 0.003 ? 'Неизвестный Наставник' : `Н-${pad(mentorNo)}`,
      `Нв-${pad(menteeNo)}`,
      teacher ? 'учитель – учитель' : 'ученик – ученик',
      '01.09.2026',
      r() < 0.003 ? '01.06.2026' : '31.05.2027',
      teacher ? (r() < 0.05 ? '' : 'да') : '',
      i % 5 === 0 ? 'завершена' : 'активна',
    ]);
  }
  return { Наставники: M, Наставляемые: E, Пары: P, Настройки: [['Параметр', 'Значение'], ['Макс. наставляемых по умолчанию', 3]] };
}

export async function benchRegisters(report: (line: string) => void): Promise<void> {
  const full = { mentees: 30000, mentors: 3000, pairs: 10000 };
  const tabs = syntheticRegisters(full.mentees, full.mentors, full.pairs);
  const wb = new MemoryWorkbook(tabs);
  let t = performance.now();
  const loaded = loadRegisters(wb, { only: ['mentors', 'mentees', 'pairs'] });
  const tLoad = performance.now() - t;
  t = performance.now();
  const findings = validateRegisters(loaded, TODAY);
  const tValidate = performance.now() - t;
  report(
    `registers: ${full.mentees} mentees, ${full.mentors} mentors, ${full.pairs} pairs — loadRegisters ${tLoad.toFixed(0)} ms, validateRegisters ${tValidate.toFixed(0)} ms ` +
      `(${loaded.findings.length} reading + ${findings.length} validation findings)`,
  );
  t = performance.now();
  checkAndHighlight({ wb, today: () => TODAY });
  report(`registers: check + highlight over an in-memory port ${(performance.now() - t).toFixed(0)} ms`);

  report('registers: Apps Script service calls per menu action — see «Вызовы Apps Script по пунктам меню» below');
}
