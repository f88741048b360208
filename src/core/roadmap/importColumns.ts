/**
 * Header row of a roadmap table → fields, by meaning (DOMAIN.md «Дорожная карта»): case, ё/е,
 * punctuation and spaces do not matter; the register's synonyms plus a few more seen in real
 * roadmaps are accepted.
 */
import { columnsOf, roadmapItemSchema } from '../registers/schemas';

export type ImportField = 'number' | 'section' | 'title' | 'details' | 'deadline' | 'responsible' | 'result';

export const IMPORT_FIELDS: readonly ImportField[] = ['number', 'section', 'title', 'details', 'deadline', 'responsible', 'result'];

/** Headings seen in real roadmaps beyond the register's synonyms. */
const EXTRA: Record<ImportField, string[]> = {
  number: ['№ пп', 'N п/п', 'No', 'Пункт'],
  section: ['Направление', 'Направление деятельности', 'Раздел плана', 'Блок'],
  title: [
    'Наименование мероприятия', 'Наименование', 'Мероприятия', 'Содержание работы', 'Наименование работ',
    'Название мероприятия', 'Вид деятельности', 'Мероприятие (действие)',
  ],
  details: ['Содержание мероприятий', 'Краткое содержание', 'Описание мероприятия', 'Формы работы'],
  deadline: ['Сроки реализации', 'Сроки исполнения', 'Сроки выполнения', 'Срок выполнения', 'Дата', 'Дата проведения', 'Период', 'Сроки проведения'],
  responsible: ['Ответственные лица', 'Исполнители', 'Исполнитель', 'Ответственные за исполнение', 'Ответственное лицо', 'Ответственный исполнитель'],
  result: [
    'Результаты', 'Ожидаемый результат', 'Планируемый результат', 'Результат вид документа', 'Форма отчетности',
    'Отчетный документ', 'Итоговый документ', 'Показатели', 'Форма представления результата', 'Выход',
  ],
};

/** A heading as compared: lower case, ё→е, «№ п/п» → «номер», punctuation dropped, spaces folded. */
export function headingKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/№\s*(?:п\s*[./]?\s*п\.?)?|^n\s*п\s*[./]\s*п\.?|^no\.?$/g, ' номер ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Candidate {
  key: string;
  field: ImportField;
}

let candidatesCache: Candidate[] | undefined;

function candidates(): Candidate[] {
  if (candidatesCache) return candidatesCache;
  const out: Candidate[] = [];
  for (const spec of columnsOf(roadmapItemSchema)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(spec.field)) continue;
    const field = spec.field as ImportField;
    for (const h of [spec.meta.heading, ...spec.meta.synonyms, ...EXTRA[field]]) out.push({ key: headingKey(h), field });
  }
  // «Содержание деятельности» is a title, «Содержание» alone is details: longest first.
  candidatesCache = out.filter((c) => c.key).sort((a, b) => b.key.length - a.key.length);
  return candidatesCache;
}

/** The field one heading means, or undefined. Exact match, then a heading that begins with a synonym, then a stem. */
export function fieldOfHeading(heading: string): ImportField | undefined {
  const k = headingKey(heading);
  if (!k || k.length > 80) return undefined;
  const cs = candidates();
  const exact = cs.find((c) => c.key === k);
  if (exact) return exact.field;
  const prefix = cs.find((c) => c.key.length >= 3 && k.startsWith(c.key + ' '));
  if (prefix) return prefix.field;
  if (k.split(' ').length > 6) return undefined;
  if (/^номер(?!\p{L})/u.test(k)) return 'number';
  if (/(?<!\p{L})срок/u.test(k)) return 'deadline';
  if (/ответствен|исполнител/.test(k)) return 'responsible';
  if (/результат|примечани|вид документа|отчетн/.test(k)) return 'result';
  if (/мероприяти|наименовани/.test(k)) return 'title';
  if (/^(?:раздел|этап)(?!\p{L})/u.test(k)) return 'section';
  if (/содержани|описани/.test(k)) return 'details';
  return undefined;
}

export interface ColumnMap {
  /** field → 0-based column. */
  columns: Partial<Record<ImportField, number>>;
  /** 0-based columns no field claimed, with their headings (their text is not imported). */
  unknown: Array<{ col: number; heading: string }>;
}

/**
 * Maps a header row; undefined when the row is not a roadmap header (it needs a title column and
 * at least one of deadline / responsible / result / number).
 */
export function mapHeader(cells: readonly string[]): ColumnMap | undefined {
  const columns: Partial<Record<ImportField, number>> = {};
  const unknown: Array<{ col: number; heading: string }> = [];
  cells.forEach((cell, col) => {
    if (!cell) return;
    let field = fieldOfHeading(cell);
    // «Содержание» next to a title column is details; without one it is the title.
    if (field === 'details' && columns.details !== undefined) field = undefined;
    if (field && columns[field] === undefined) columns[field] = col;
    else if (field === 'result' || field === 'details') unknown.push({ col, heading: cell });
    else unknown.push({ col, heading: cell });
  });
  if (columns.title === undefined && columns.details !== undefined) {
    columns.title = columns.details;
    delete columns.details;
  }
  if (columns.title === undefined) return undefined;
  const others = (['deadline', 'responsible', 'result', 'number'] as const).filter((f) => columns[f] !== undefined).length;
  if (others < 1) return undefined;
  if (others + 1 < 2) return undefined;
  return { columns, unknown };
}

/** Columns by position when a table has no recognisable header. */
export function defaultColumns(width: number, firstColNumeric: boolean): ColumnMap {
  const order: ImportField[] = firstColNumeric
    ? ['number', 'title', 'deadline', 'responsible', 'result']
    : ['title', 'deadline', 'responsible', 'result'];
  const columns: Partial<Record<ImportField, number>> = {};
  order.slice(0, Math.max(1, width)).forEach((f, i) => (columns[f] = i));
  return { columns, unknown: [] };
}
