/**
 * Reading one raw cell as a field of a given kind. Curators type dates as «15.02.2021»,
 * «15.02.21» or «2021-02-15» (or real date cells), yes/no as да/нет/✓/галочка, and several values
 * in one cell separated by «;», «,» or new lines.
 */
import type { CellValue } from '../port-types';
import type { FieldMeta } from './schemas';
import { foldSpaces } from '../util/text';
import { isoFromDateCell, isoFromSerial, parseDateText } from '../util/dates';
import { DEFAULT_FORM_RULES, normalizeForm, parseForms, type FormRule } from './forms';

export type CellResult = { value: unknown } | { error: { code: string; message: string } };

const YES = new Set(['да', 'yes', 'true', 'истина', '✓', '✔', '☑', '+', 'v', 'галочка', 'есть', 'имеется', 'получено', 'получено да']);
const NO = new Set(['нет', 'no', 'false', 'ложь', '✗', '✘', '☐', '-', '—', 'отсутствует', 'не получено']);

const ENUM_ALIASES: Record<string, string> = {
  учитель: 'педагог',
  учителя: 'педагог',
  преподаватели: 'педагог',
  'педагогические работники': 'педагог',
  'педагогический работник': 'педагог',
  преподаватель: 'педагог',
  ученик: 'обучающийся',
  ученики: 'обучающийся',
  учащийся: 'обучающийся',
  учащиеся: 'обучающийся',
  школьник: 'обучающийся',
  школьники: 'обучающийся',
  'молодой педагог': 'молодой специалист',
  'молодой учитель': 'молодой специалист',
  'молодые педагоги': 'молодой специалист',
  'молодые учителя': 'молодой специалист',
  работник: 'работодатель',
  'представитель работодателя': 'работодатель',
  'представители работодателя': 'работодатель',
  активный: 'активен',
  'не активен': 'неактивен',
  'в процессе': 'в работе',
  'не выполнено': 'не начато',
};

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Plain text of any cell. Numbers keep their digits; booleans read as да/нет. */
export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (v instanceof Date) return isoFromDateCell(v) ?? '';
  return foldSpaces(String(v));
}

function yesNo(v: CellValue): 'yes' | 'no' | null {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const t = textOf(v).toLowerCase().replace(/ё/g, 'е').replace(/[.!]$/, '');
  if (YES.has(t)) return 'yes';
  if (NO.has(t)) return 'no';
  return null;
}

/**
 * A number that is a date typed into a cell without a date format (.xlsx keeps the serial):
 * 20000..80000 is 1954..2119, so a year (2021) or a day (15) is never taken for one.
 */
function serialDateOf(n: number): string | null {
  return n > 20000 && n < 80000 ? isoFromSerial(n) : null;
}

function dateOf(v: CellValue): string | null {
  if (v instanceof Date) return isoFromDateCell(v);
  if (typeof v === 'number') return serialDateOf(v);
  return parseDateText(textOf(v));
}

function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((s) => foldSpaces(s))
    .filter(Boolean);
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]{2,}$/;

/** One of `options` as written: exact, a synonym, or the only option of the same stem. */
export function enumOf(text: string, options: readonly string[]): string | null {
  const t = text.toLowerCase().replace(/ё/g, 'е').replace(/[.]/g, '').trim();
  const opts = options.map((o) => o.replace(/ё/g, 'е'));
  const exact = opts.indexOf(t);
  if (exact >= 0) return options[exact];
  const alias = ENUM_ALIASES[t];
  if (alias && options.includes(alias)) return alias;
  // Same stem (first five letters), when it points at one option only: «активный» → «активен».
  const stem = t.slice(0, 5);
  if (stem.length >= 4) {
    const hits = opts.filter((o) => o.slice(0, 5) === stem);
    if (hits.length === 1) return options[opts.indexOf(hits[0])];
  }
  return null;
}

/** The list the curator can pick from, and where a form of their own is added. */
function unknownForm(text: string, rules: readonly FormRule[]): string {
  return `Неизвестная форма наставничества «${text}». Допустимо: ${rules.map((r) => r.form).join(', ')}. Свою форму добавляют на листе «Настройки» строкой «Форма: …»`;
}

export interface ReadCellOptions {
  rules?: readonly FormRule[];
  /** The zod type is an array (list of values) rather than one value. */
  many?: boolean;
}

/** Reads a non-blank cell as a field of the given kind. */
/** What a spreadsheet shows for a formula that failed (Excel and Google Sheets). */
const FORMULA_ERROR = /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/;

export function readCell(v: CellValue, meta: FieldMeta, opts: ReadCellOptions = {}): CellResult {
  // «#REF!» is no ID, name or date: read as text it would even match a pair's broken «#REF!».
  if (typeof v === 'string' && FORMULA_ERROR.test(v.trim())) {
    return { error: { code: 'cell.formulaError', message: `В ячейке ошибка формулы «${v.trim()}»: исправьте формулу или впишите значение` } };
  }
  const text = textOf(v);
  switch (meta.kind) {
    case 'text':
    case 'id':
      return { value: text };
    case 'deadline':
      // A date as a Date cell would read (textOf: ISO); any other number stays its digits, which
      // the deadline engine then reports as not understood on its cell.
      return { value: (typeof v === 'number' ? serialDateOf(v) : null) ?? text };
    case 'date': {
      const d = dateOf(v);
      return d ? { value: d } : { error: { code: 'date.invalid', message: `Дата «${text}» не распознана: введите в виде ДД.ММ.ГГГГ` } };
    }
    case 'dateOrYes': {
      const yn = yesNo(v);
      if (yn === 'yes') return { value: 'yes' };
      if (yn === 'no') return { value: 'no' };
      const d = dateOf(v) ?? (/(\d{1,2}[./]\d{1,2}[./]\d{2,4})/.exec(text)?.[1] ? parseDateText(/(\d{1,2}[./]\d{1,2}[./]\d{2,4})/.exec(text)![1]) : null);
      return d ? { value: d } : { error: { code: 'date.invalid', message: `Ожидается дата или «да»/«нет», а записано «${text}»` } };
    }
    case 'email': {
      const e = text.replace(/^mailto:/i, '');
      return EMAIL.test(e) ? { value: e } : { error: { code: 'email.invalid', message: `Неверный адрес электронной почты «${text}»` } };
    }
    case 'phone': {
      const digits = text.replace(/\D/g, '');
      const ok = /^[\d\s()+\-–.]+$/.test(text) && (digits.length === 11 || digits.length === 10 || digits.length === 6);
      return ok ? { value: text } : { error: { code: 'phone.invalid', message: `Неверный номер телефона «${text}»: нужно 10–11 цифр, например +7 912 345-67-89` } };
    }
    case 'int': {
      const n = typeof v === 'number' ? v : Number(text.replace(',', '.').replace(/\s*(лет|год|года|чел\.?)$/i, ''));
      return Number.isFinite(n) && n >= 0 && Number.isInteger(n)
        ? { value: n }
        : { error: { code: 'number.invalid', message: `Ожидается целое число, а записано «${text}»` } };
    }
    case 'list':
      return { value: splitList(text, /[;\n,]+/) };
    case 'refs': {
      const refs = splitList(typeof v === 'string' ? v : text, /[;\n]+/);
      if (opts.many) return { value: refs };
      if (refs.length > 1) return { error: { code: 'ref.multiple', message: `Указано несколько человек («${text}»), а ожидается один` } };
      return { value: refs[0] ?? '' };
    }
    case 'form': {
      const rules = opts.rules ?? DEFAULT_FORM_RULES;
      if (opts.many) {
        const { forms, unknown } = parseForms(typeof v === 'string' ? v : text, rules);
        if (unknown.length)
          return { error: { code: 'form.unknown', message: unknownForm(unknown.join('; '), rules) } };
        return { value: forms };
      }
      const f = normalizeForm(text, rules);
      return f ? { value: f } : { error: { code: 'form.unknown', message: unknownForm(text, rules) } };
    }
    case 'enum': {
      const options = meta.options ?? [];
      if (typeof v === 'boolean' && options.includes('активен')) return { value: v ? 'активен' : 'неактивен' };
      const yn = yesNo(v);
      if (yn && options.includes('активен')) return { value: yn === 'yes' ? 'активен' : 'неактивен' };
      const e = enumOf(text, options);
      return e ? { value: e } : { error: { code: 'enum.invalid', message: `Значение «${text}» не из списка: ${options.join(', ')}` } };
    }
  }
}
