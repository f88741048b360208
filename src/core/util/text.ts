/** Small text helpers shared by the registers, the roadmap and the orders. */

const SPACE_RUN = /[\s\u200b]+/g;
/** Anything foldSpaces would change: an edge space, two in a row, or one that is not ' '. */
const NEEDS_FOLD = /^[\s\u200b]|[\s\u200b]$|[\s\u200b]{2}|[^\S ]|\u200b/;

/** Folds runs of white space (incl. non-breaking and zero-width) to one space and trims. */
export function foldSpaces(s: string): string {
  // Most cells are already clean: testing is cheaper than building a new string for each.
  return NEEDS_FOLD.test(s) ? s.replace(SPACE_RUN, ' ').trim() : s;
}

/** «ф. и. о.», «Д. р.»: the space inside an initialism of single letters, before the next letter. */
const INITIALISM_GAP = /(?<![\p{L}\p{N}])(\p{L})\.\s+(?=\p{L}\.)/gu;

/**
 * A heading or label as compared by meaning: lower case, ё→е, punctuation and dashes dropped,
 * spaces folded. «Ф.И.О.» and «ф. и. о.» → «фио», «E-mail» → «email», «Место работы / учёбы» →
 * «место работы учебы».
 */
export function normalizeKey(s: string): string {
  return foldSpaces(
    s
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(INITIALISM_GAP, '$1.')
      .replace(/[.\-‐‑–—_]/g, '')
      .replace(/№/g, ' № ')
      .replace(/[^\p{L}\p{N}\s№]/gu, ' '),
  );
}

/** A person's name as compared: lower case, ё→е, single spaces, no dots or stray punctuation. */
export function normalizeName(s: string): string {
  return foldSpaces(s.toLowerCase().replace(/ё/g, 'е').replace(/[.,]/g, ' '));
}

/** Text as written into a cell by the add-on; formula-like text is kept as text by the adapters. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return foldSpaces(String(v));
}

/** Russian plural form: plural(1, 'ошибка', 'ошибки', 'ошибок') → 'ошибка'; 3 → 'ошибки'; 5 → 'ошибок'. */
export function plural(n: number, one: string, few: string, many: string): string {
  const a = Math.abs(Math.trunc(n));
  const d = a % 10;
  const dd = a % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

/** A share as a percentage with at most one decimal, Russian decimal comma: 0.15 → «15%», 0.125 → «12,5%». */
export function percent(share: number): string {
  return `${String(Math.round(share * 1000) / 10).replace('.', ',')}%`;
}

/** Length in UTF-8 bytes (Apps Script's property limits count bytes; a Cyrillic letter is two). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** A number with a decimal comma, as Russian text writes it: 4.84 → «4,84». */
export function decimal(x: number, digits: number): string {
  return x.toFixed(digits).replace('.', ',');
}
