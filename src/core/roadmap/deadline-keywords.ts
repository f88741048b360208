/**
 * Phrases that are not dates: how often an item repeats («ежеквартально»), «постоянно»,
 * «по мере поступления», «по отдельному графику». Matched on normalized text
 * (deadline-text.ts: lower case, ё → е, single spaces, '-' for every dash).
 */
import type { Recurrence } from './deadline-types';
import { weekdayOfWord } from './deadline-words';

const L = 'а-яa-z0-9';

/** A whole-word pattern (JS \b does not know Cyrillic). */
function words(source: string): RegExp {
  return new RegExp(`(?<![${L}])(?:${source})(?![${L}])`);
}

const TIMES = '(?:\\d+|один|одного|два|двух|три|трех|четыре|четырех|двенадцать|двенадцати)';
const TIMES_VALUE: Record<string, number> = {
  один: 1, одного: 1, два: 2, двух: 2, три: 3, трех: 3, четыре: 4, четырех: 4, двенадцать: 12, двенадцати: 12,
};

const WEEKDAY_FORMS = '(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)[а-я]*';

const FREQUENCY: Array<[Recurrence, RegExp]> = [
  ['weekly', words(`еженедельн[а-я]*|кажд(?:ую|ой|ая) недел[а-я]*|(?:не реже )?(?:${TIMES} )?раза? в неделю|по ${WEEKDAY_FORMS}|кажд(?:ый|ую|ое|ого) ${WEEKDAY_FORMS}`)],
  ['monthly', words(`ежемесячн[а-я]*|помесячн[а-я]*|кажд(?:ый|ого|ом) месяц[а-я]*|(?:не реже )?(?:${TIMES} )?раза? в месяц`)],
  ['quarterly', words(`ежеквартальн[а-я]*|поквартальн[а-я]*|кажд(?:ый|ого|ом) квартал[а-я]*|(?:не реже )?(?:${TIMES} )?раза? в квартал`)],
  ['half-yearly', words(`ежеполугодн[а-я]*|полугодов[а-я]*|кажд(?:ое|ого|ом) полугоди[а-я]*|по полугодиям|(?:не реже )?(?:${TIMES} )?раза? в (?:полугодие|полгода)`)],
  ['yearly', words(`ежегодн[а-я]*|кажд(?:ый|ого|ом) (?:год|года|году)|(?:не реже )?(?:${TIMES} )?раза? в год`)],
];

/** «2 раза в год» is half-yearly, «4 раза в год» quarterly, «12 раз в год» monthly. */
function yearlyTimes(match: string): Recurrence {
  const m = /(\d+|[а-я]+) раза? в год/.exec(match);
  const n = m ? (/^\d+$/.test(m[1]) ? +m[1] : TIMES_VALUE[m[1]] ?? 1) : 1;
  if (n === 2) return 'half-yearly';
  if (n === 4) return 'quarterly';
  if (n === 12) return 'monthly';
  return 'yearly';
}

export interface Frequency {
  recurrence?: Recurrence;
  /** ISO weekday for «по пятницам». */
  weekday?: number;
  /** «до 5 числа месяца, следующего за отчетным». */
  nextMonth: boolean;
  /** The text with these phrases removed. */
  rest: string;
}

const NEXT_MONTH = words('(?:месяца,? )?следующ[а-я]* за отчетн[а-я]*(?: (?:кварталом|периодом|месяцем|годом|полугодием))?|после отчетного (?:квартала|периода|месяца|полугодия)');

export function detectFrequency(clean: string): Frequency {
  let rest = clean;
  let nextMonth = false;
  if (NEXT_MONTH.test(rest)) {
    nextMonth = true;
    rest = rest.replace(NEXT_MONTH, ' ');
  }
  for (const [rec, re] of FREQUENCY) {
    const m = re.exec(rest);
    if (!m) continue;
    let recurrence = rec;
    if (rec === 'yearly') recurrence = yearlyTimes(m[0]);
    let weekday: number | undefined;
    if (rec === 'weekly') {
      for (const w of m[0].split(' ')) weekday = weekday ?? weekdayOfWord(w);
    }
    rest = (rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length)).trim();
    return { recurrence, weekday, nextMonth, rest };
  }
  return { nextMonth, rest };
}

const CONTINUOUS = words(
  [
    'постоянн[а-я]*', 'систематическ[а-я]*', 'регулярн[а-я]*', 'ежедневн[а-я]*', 'круглогодичн[а-я]*', 'непрерывн[а-я]*',
    '(?:в течение|на протяжении|в ходе|в период|за|на) (?:всего|весь) (?:периода?|срока?)',
    '(?:в течение|на протяжении|в ходе|в период) (?:периода|срока|реализации|внедрения)',
    '(?:в течение|на протяжении) (?:всего )?(?:календарного )?года',
    'весь (?:период|срок)',
    'в течение всего',
  ].join('|'),
);

/** «в течение учебного года» keeps «учебного года» for the grammar (the academic years). */
const CONTINUOUS_ACADEMIC = words('(?:в течение|на протяжении|в ходе) (?:всего )?(?:учебного года|уч\\.? ?г(?:ода|\\.)?)|весь учебный год');

export interface Continuity {
  continuous: boolean;
  rest: string;
}

export function detectContinuous(text: string): Continuity {
  let rest = text;
  let continuous = false;
  if (CONTINUOUS_ACADEMIC.test(rest)) {
    continuous = true;
    rest = rest.replace(CONTINUOUS_ACADEMIC, ' учебного года ');
  }
  const m = CONTINUOUS.exec(rest);
  if (m) {
    continuous = true;
    rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
  }
  return { continuous, rest: rest.trim() };
}

/** «в течение двух недель», «в течение 10 рабочих дней»: relative to an event, never a date. */
export const DURATION_EVENT = words(
  '(?:в течение|не позднее|не позже|через|в срок не более) (?:[0-9]+|[а-я]+)? ?(?:рабочих |календарных |учебных )?(?:дн|день|недел|месяц|час|суток)[а-я]*(?! \\d)',
);

const EVENT = words(
  [
    'по мере', 'по запросу', 'по запросам', 'по требованию', 'по факту', 'по необходимости', 'при необходимости',
    'при наличии', 'по итогам', 'по окончании', 'по завершении', 'по результатам', 'по поступлении', 'при поступлении',
    'после(?! \\d)', 'с даты', 'с момента', 'со дня', 'в день', 'накануне', 'в случае', 'в период проведения',
    'по приглашению', 'по заявке', 'по заявкам', 'по готовности', 'в ходе',
  ].join('|'),
);

const UNSPECIFIED = words(
  [
    'по (?:отдельному |утвержденному |согласованному |единому |установленному |индивидуальному |своему |графику )?(?:графику|плану|расписанию|планам|графикам)',
    'в соответствии', 'согласно', 'по согласованию', 'в установленные сроки', 'в сроки', 'в установленный срок',
    'по отдельному', 'будет определен[а-я]*', 'определяется', 'устанавливается', 'не определен[а-я]*', 'уточняется',
  ].join('|'),
);

export function isDurationEvent(text: string): boolean {
  return DURATION_EVENT.test(text);
}

export function isEvent(text: string): boolean {
  return EVENT.test(text) || DURATION_EVENT.test(text);
}

export function isUnspecified(text: string): boolean {
  return UNSPECIFIED.test(text);
}
