/** Russian vocabulary of deadlines: months, ordinals, Roman numerals, unit words. */

// Stem → month; a word is a month when it is the stem plus a case ending, or a known abbreviation.
const MONTH_STEMS: Array<[string, number, string[]]> = [
  ['январ', 1, ['ь', 'я', 'е', 'ю', 'ем']],
  ['феврал', 2, ['ь', 'я', 'е', 'ю', 'ем']],
  ['март', 3, ['', 'а', 'е', 'у', 'ом']],
  ['апрел', 4, ['ь', 'я', 'е', 'ю', 'ем']],
  ['ма', 5, ['й', 'я', 'е', 'ю', 'ем']],
  ['июн', 6, ['ь', 'я', 'е', 'ю', 'ем']],
  ['июл', 7, ['ь', 'я', 'е', 'ю', 'ем']],
  ['август', 8, ['', 'а', 'е', 'у', 'ом']],
  ['сентябр', 9, ['ь', 'я', 'е', 'ю', 'ем']],
  ['октябр', 10, ['ь', 'я', 'е', 'ю', 'ем']],
  ['ноябр', 11, ['ь', 'я', 'е', 'ю', 'ем']],
  ['декабр', 12, ['ь', 'я', 'е', 'ю', 'ем']],
];

const MONTH_ABBREVIATIONS: Record<string, number> = {
  янв: 1, фев: 2, февр: 2, мар: 3, апр: 4, июн: 6, июл: 7, авг: 8, сен: 9, сент: 9, окт: 10, ноя: 11, нояб: 11, дек: 12,
};

/** Month 1-12 named by a (lower-case) word in any case form, or undefined. */
export function monthOfWord(word: string): number | undefined {
  for (const [stem, month, endings] of MONTH_STEMS) {
    if (word.startsWith(stem) && endings.includes(word.slice(stem.length))) return month;
  }
  return MONTH_ABBREVIATIONS[word];
}

const ORDINAL_STEMS: Array<[string, number]> = [
  ['перв', 1], ['втор', 2], ['трет', 3], ['четверт', 4],
];
const ORDINAL_ENDINGS = ['ый', 'ой', 'ий', 'ого', 'его', 'ом', 'ем', 'ое', 'ее', 'ье', 'ья', 'ьего', 'ьем', 'ий', 'ая', 'ую', 'ой', 'ым', 'им', 'ьим'];

/** 1-4 for «первый», «второе», «третьем», «четвертого» … */
export function ordinalOfWord(word: string): number | undefined {
  for (const [stem, n] of ORDINAL_STEMS) {
    if (word.startsWith(stem) && ORDINAL_ENDINGS.includes(word.slice(stem.length))) return n;
  }
  return undefined;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };

/** 1-6 for a Roman numeral in Latin letters (already lower-cased). */
export function romanOfWord(word: string): number | undefined {
  return ROMAN[word];
}

/** Suffix of a numeral written with digits: «1-й», «3-го», «2-е». */
export const ORDINAL_SUFFIXES = new Set(['й', 'го', 'е', 'м', 'я', 'ое', 'ый', 'ого', 'ом', 'ой', 'ий', 'му', 'ому']);

/** «г», «гг», «год», «года», «годы» … */
export function isYearWord(word: string): boolean {
  return /^(г|гг|год|года|году|годом|годы|годов|годам|годах)$/.test(word);
}

export function isQuarterWord(word: string): boolean {
  return /^(квартал|квартала|кварталу|квартале|кварталом|кварталы|кварталов|кв)$/.test(word);
}

export function isHalfWord(word: string): boolean {
  return /^(полугодие|полугодия|полугодию|полугодии|полугодье|полугодья|полугодии|полугод|полуг)$/.test(word);
}

/** «учебный», «учебного», «уч» … */
export function isAcademicWord(word: string): boolean {
  return /^(учебн\S*|уч)$/.test(word);
}

const WEEKDAYS: Array<[string, number]> = [
  ['понедельн', 1], ['вторник', 2], ['сред', 3], ['четверг', 4], ['пятниц', 5], ['суббот', 6], ['воскресень', 7],
];

/** ISO weekday (1 Monday .. 7 Sunday) named by a word in any form, or undefined. */
export function weekdayOfWord(word: string): number | undefined {
  for (const [stem, n] of WEEKDAYS) if (word.startsWith(stem)) return n;
  return undefined;
}

/** Words that carry no meaning of their own around a date (never reported as unread). */
export const FILLER_WORDS = new Set([
  'и', 'или', 'а', 'также', 'но', 'в', 'во', 'на', 'до', 'с', 'со', 'по', 'к', 'ко', 'не', 'за', 'от', 'то', 'есть',
  'срок', 'сроки', 'срока', 'сроков', 'включительно', 'числа', 'число', 'текущего', 'текущий', 'текущем', 'года', 'год',
  'году', 'г', 'гг', 'годы', 'годов', 'позднее', 'позже', 'течение', 'период', 'периоде', 'реализации', 'исполнения',
  'выполнения', 'проведения', 'календарного', 'календарный', 'месяц', 'месяца', 'месяце', 'ежегодно', 'дата', 'даты',
  'уч', 'учебный', 'учебного', 'учебном', 'учебном',
]);

/** Season by its first month: весна 3, лето 6, осень 9, зима 12. */
export function seasonOfWord(word: string): number | undefined {
  if (/^весн(а|ы|е|у|ой|ою)$/.test(word)) return 3;
  if (/^лет(о|а|е|ом)$/.test(word)) return 6;
  if (/^осен(ь|и|ью)$/.test(word)) return 9;
  if (/^зим(а|ы|е|у|ой|ою)$/.test(word)) return 12;
  return undefined;
}
