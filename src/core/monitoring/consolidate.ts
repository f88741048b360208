/**
 * Department review («Собрать сводку»): the municipal curator's list of schools and one row of
 * indicators per school. Pure: the list is read from a tab's values, each school arrives as an
 * outcome (indicators, or the reason it could not be read), and the table is returned as values
 * with one mark per row. Opening the schools' files is the application layer's job.
 */
import type { CellValue } from '../port-types';
import type { ColumnSpec } from '../registers/schemas';
import { matchHeaders } from '../registers/headings';
import { isBlank, textOf } from '../registers/cells';
import type { Indicators } from './indicators';
import { percent } from '../util/text';
import { ruDate } from '../util/dates';
import { normalizeKey } from '../util/text';

export const LIST_SHEET = 'Список школ';
export const SUMMARY_SHEET = 'Сводка';
/** Used when the curator already keeps a «Сводка» tab of their own. */
export const SUMMARY_FALLBACK_SHEET = 'Сводка (Наставник)';
/** A1 of the add-on's «Сводка»: tells our tab from the curator's. */
export const SUMMARY_TITLE = 'Сводка по наставничеству в образовательных организациях («Наставник»)';
/** Row (0-based) of the table's header inside the block. */
export const SUMMARY_HEADER_ROW = 3;

export const SUMMARY_COLUMNS = [
  '№',
  'Организация',
  'Ссылка на таблицу',
  'Статус',
  'Всего обучающихся',
  'Вовлечено обучающихся',
  'Доля вовлечённых',
  'Целевой показатель',
  'Пар активно',
  'Пар формируется',
  'Пар завершено',
  'Наставников',
  'Наставляемых',
  'Ждут наставника',
  'Наставников без обучения',
  'Нет согласия на обработку ПДн',
  'Мероприятий выполнено',
  'Мероприятий просрочено',
  'Мероприятий со сроком скоро',
  'Внимание',
] as const;

export const STATUS_OK = 'прочитана';

/** Reasons a school's row carries instead of figures (shown to the curator as they are). */
export const REASONS = {
  access: 'Нет доступа к таблице: попросите школу открыть доступ на просмотр',
  notFound: 'Таблица не найдена: проверьте ссылку (файл удалён или ссылка с ошибкой)',
  badRef: 'Ссылка не похожа на Google Таблицу: нужна ссылка вида https://docs.google.com/spreadsheets/d/… или ID таблицы',
  office: 'Это файл Excel на Google Диске, а не Google Таблица: попросите школу открыть его и выбрать «Файл → Сохранить как Google Таблицу», затем вставьте новую ссылку',
  noRef: 'Не указана ссылка на таблицу',
  noRegisters: 'В таблице не найдены реестры наставничества (листы «Наставники», «Наставляемые», «Пары»)',
  unreadable: 'Не удалось прочитать данные таблицы: откройте её и выполните «Наставничество → Проверить реестры»',
  scope: 'Режиму сводки не выдано разрешение на просмотр таблиц: запустите «Собрать сводку» ещё раз и подтвердите доступ',
  notReached: 'не успели: запустите ещё раз',
  duplicate: 'Эта таблица уже есть в списке выше',
  localOnly: 'Ссылка на Google Таблицу: локально открываются только файлы .xlsx',
} as const;

export type ReasonKey = keyof typeof REASONS;

// ------------------------------------------------------------------ references

export type SchoolRef =
  | { kind: 'google'; url: string; id: string; office?: true }
  | { kind: 'id'; id: string }
  | { kind: 'file'; path: string };

const GOOGLE_SHEET_URL = /^https?:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,})/i;
const BARE_ID = /^[A-Za-z0-9_-]{25,}$/;

/**
 * What a cell of the link column points to: a Google Sheets URL, a bare spreadsheet ID, or a
 * local .xlsx path (the Node backend). Anything else is null (reported as a bad link).
 */
export function parseSchoolRef(text: string): SchoolRef | null {
  const s = text.trim();
  if (!s) return null;
  const m = GOOGLE_SHEET_URL.exec(s);
  // «rtpof=true»: an .xlsx kept on Drive and previewed in Sheets; SpreadsheetApp cannot open it.
  if (m) return /[?&]rtpof=true\b/i.test(s) ? { kind: 'google', url: s, id: m[1], office: true } : { kind: 'google', url: s, id: m[1] };
  if (/^https?:\/\//i.test(s)) return null;
  if (/\.xlsx$/i.test(s)) return { kind: 'file', path: s };
  if (BARE_ID.test(s)) return { kind: 'id', id: s };
  return null;
}

const looksLikeRef = (v: CellValue): boolean => {
  if (isBlank(v)) return false;
  const s = textOf(v).trim();
  return GOOGLE_SHEET_URL.test(s) || /^https?:\/\//i.test(s) || /\.xlsx$/i.test(s) || BARE_ID.test(s);
};

// ------------------------------------------------------------------ the list tab

export interface SchoolEntry {
  /** 0-based row of the list tab. */
  row: number;
  /** As the curator wrote it ('' when the list has no name column or the cell is empty). */
  name: string;
  /** The link cell's text. */
  link: string;
}

const LIST_SPECS: ColumnSpec[] = [
  {
    field: 'name',
    meta: {
      kind: 'text',
      heading: 'Организация',
      synonyms: ['ОО', 'Школа', 'Образовательная организация', 'Наименование ОО', 'Наименование организации', 'Наименование', 'Учреждение'],
    },
  },
  {
    field: 'link',
    meta: {
      kind: 'text',
      heading: 'Ссылка на таблицу',
      synonyms: ['Ссылка', 'URL', 'Адрес таблицы', 'Таблица', 'ID таблицы', 'Файл', 'Ссылка на реестр'],
    },
  },
];

/** Headings of the list template («Шаблон списка школ»). */
export const LIST_HEADER = ['Организация', 'Ссылка на таблицу', 'Примечание'];

export interface SchoolList {
  schools: SchoolEntry[];
  /** Why nothing could be read (no link column, empty list), in Russian; null when fine. */
  problem: string | null;
}

/**
 * Reads the list by meaning: headings such as «Организация»/«ОО»/«Школа» and «Ссылка»/«URL».
 * Without a link heading the column holding links is found by its cells; a list without any
 * header row (links from the first row on) is read too.
 */
export function readSchoolList(values: readonly CellValue[][], sheet: string): SchoolList {
  const header = values[0] ?? [];
  const match = matchHeaders(header, LIST_SPECS);
  let linkCol = match.columns.link;
  let nameCol = match.columns.name;
  let first = 1;
  if (linkCol === undefined) {
    const width = Math.max(0, ...values.map((r) => r.length));
    let best = -1;
    let bestHits = 0;
    for (let c = 0; c < width; c++) {
      const hits = values.filter((r) => looksLikeRef(r[c] ?? null)).length;
      if (hits > bestHits) {
        best = c;
        bestHits = hits;
      }
    }
    if (best < 0) {
      return { schools: [], problem: `На листе «${sheet}» нет столбца «Ссылка на таблицу» (допустимы также: Ссылка, URL, ID таблицы) и ни одной ссылки на таблицу` };
    }
    linkCol = best;
    if (looksLikeRef(header[best] ?? null)) first = 0;
    if (nameCol === undefined) {
      // The nearest column on the left holding text is taken as the school's name.
      for (let c = best - 1; c >= 0 && nameCol === undefined; c--) if (values.some((r, i) => i >= first && !isBlank(r[c] ?? null))) nameCol = c;
    }
  }
  const schools: SchoolEntry[] = [];
  for (let r = first; r < values.length; r++) {
    const row = values[r] ?? [];
    const name = nameCol === undefined || isBlank(row[nameCol] ?? null) ? '' : textOf(row[nameCol]).trim();
    const link = isBlank(row[linkCol] ?? null) ? '' : textOf(row[linkCol]).trim();
    if (!name && !link) continue;
    schools.push({ row: r, name, link });
  }
  return { schools, problem: schools.length ? null : `На листе «${sheet}» нет ни одной школы: впишите организации и ссылки на их таблицы` };
}

/** The list tab: «Список школ», else a tab named like it, else the first tab with a link column. */
export function findListSheet(names: readonly string[], headerOf: (name: string) => readonly CellValue[]): string | null {
  const exact = names.find((n) => normalizeKey(n) === normalizeKey(LIST_SHEET));
  if (exact) return exact;
  const mine = new Set([SUMMARY_SHEET, SUMMARY_FALLBACK_SHEET].map(normalizeKey));
  const pool = names.filter((n) => !mine.has(normalizeKey(n)) && !n.startsWith('_'));
  const byName = pool.find((n) => /школ|организац|список|(?<!\p{L})оо(?!\p{L})/u.test(normalizeKey(n)));
  if (byName) return byName;
  return pool.find((n) => matchHeaders(headerOf(n), LIST_SPECS).columns.link !== undefined) ?? null;
}

// ------------------------------------------------------------------ outcomes and the table

export type SchoolOutcome =
  | { entry: SchoolEntry; kind: 'ok'; orgName: string; indicators: Indicators; flags: string[] }
  | { entry: SchoolEntry; kind: 'failed'; reason: string }
  | { entry: SchoolEntry; kind: 'notReached' };

export type RowMark = 'ok' | 'attention' | 'failed' | 'notReached';

export interface SummaryTable {
  /** The whole block from A1: title, date line, blank, header, one row per school, totals. */
  rows: CellValue[][];
  /** One mark per school row (in order), for the backgrounds. */
  marks: RowMark[];
  counts: { total: number; ok: number; attention: number; failed: number; notReached: number };
}

/** Behind the year's target or with overdue roadmap items: what the department looks at first. */
export function needsAttention(ind: Indicators): boolean {
  const behind = ind.pupils.share !== null && ind.pupils.target !== null && ind.pupils.share < ind.pupils.target;
  return behind || ind.roadmap.overdue > 0;
}

const pct = (x: number | null): string => (x === null ? '—' : percent(x));

function okRow(o: Extract<SchoolOutcome, { kind: 'ok' }>): CellValue[] {
  const i = o.indicators;
  return [
    o.entry.name || o.orgName,
    o.entry.link,
    STATUS_OK,
    i.pupils.total ?? '—',
    i.pupils.involved,
    pct(i.pupils.share),
    pct(i.pupils.target),
    i.pairs.active,
    i.pairs.forming,
    i.pairs.completed,
    i.people.mentors,
    i.people.mentees,
    i.waiting.length,
    i.untrainedMentors.length,
    i.missingConsent.mentors.length + i.missingConsent.mentees.length,
    i.roadmap.done,
    i.roadmap.overdue,
    i.roadmap.soon,
    o.flags.length ? o.flags.join('; ') : 'нет замечаний',
  ];
}

function emptyRow(entry: SchoolEntry, status: string): CellValue[] {
  const row: CellValue[] = [entry.name || 'Организация не указана', entry.link, status];
  while (row.length < SUMMARY_COLUMNS.length - 1) row.push('');
  return row;
}

/**
 * The «Сводка» block. Schools keep the list's order (the curator's own); failed and not reached
 * schools stay at their place with the reason in «Статус». The last row sums the schools read.
 */
export function buildSummaryTable(outcomes: readonly SchoolOutcome[], asOf: string, collectedAt: string): SummaryTable {
  const width = SUMMARY_COLUMNS.length;
  const pad = (r: CellValue[]) => {
    const out = r.slice(0, width);
    while (out.length < width) out.push('');
    return out;
  };
  const rows: CellValue[][] = [
    pad([SUMMARY_TITLE]),
    pad(['На дату', ruDate(asOf), 'Собрано', collectedAt]),
    pad([]),
    [...SUMMARY_COLUMNS],
  ];
  const marks: RowMark[] = [];
  const counts = { total: outcomes.length, ok: 0, attention: 0, failed: 0, notReached: 0 };
  const sum = { total: 0, totalKnown: 0, involvedOfKnown: 0, involved: 0, active: 0, forming: 0, completed: 0, mentors: 0, mentees: 0, waiting: 0, untrained: 0, consent: 0, done: 0, overdue: 0, soon: 0 };
  outcomes.forEach((o, n) => {
    if (o.kind === 'ok') {
      const i = o.indicators;
      const attention = needsAttention(i);
      counts.ok++;
      if (attention) counts.attention++;
      marks.push(attention ? 'attention' : 'ok');
      rows.push(pad([n + 1, ...okRow(o)]));
      if (i.pupils.total) {
        sum.total += i.pupils.total;
        sum.totalKnown++;
        sum.involvedOfKnown += i.pupils.involved;
      }
      sum.involved += i.pupils.involved;
      sum.active += i.pairs.active;
      sum.forming += i.pairs.forming;
      sum.completed += i.pairs.completed;
      sum.mentors += i.people.mentors;
      sum.mentees += i.people.mentees;
      sum.waiting += i.waiting.length;
      sum.untrained += i.untrainedMentors.length;
      sum.consent += i.missingConsent.mentors.length + i.missingConsent.mentees.length;
      sum.done += i.roadmap.done;
      sum.overdue += i.roadmap.overdue;
      sum.soon += i.roadmap.soon;
    } else if (o.kind === 'failed') {
      counts.failed++;
      marks.push('failed');
      rows.push(pad([n + 1, ...emptyRow(o.entry, o.reason)]));
    } else {
      counts.notReached++;
      marks.push('notReached');
      rows.push(pad([n + 1, ...emptyRow(o.entry, REASONS.notReached)]));
    }
  });
  const notes: string[] = [];
  if (counts.failed) notes.push(`не открылись: ${counts.failed}`);
  if (counts.notReached) notes.push(`не успели: ${counts.notReached}`);
  if (counts.attention) notes.push(`требуют внимания: ${counts.attention}`);
  rows.push(
    pad([
      '',
      'Итого',
      '',
      `прочитано ${counts.ok} из ${counts.total}`,
      sum.totalKnown ? sum.total : '—',
      sum.involved,
      // The share is over the schools that gave their number of pupils only.
      sum.total ? percent(Math.round((sum.involvedOfKnown / sum.total) * 10000) / 10000) : '—',
      '',
      sum.active,
      sum.forming,
      sum.completed,
      sum.mentors,
      sum.mentees,
      sum.waiting,
      sum.untrained,
      sum.consent,
      sum.done,
      sum.overdue,
      sum.soon,
      notes.join('; '),
    ]),
  );
  return { rows, marks, counts };
}

/** «Собрано: 12 школ, не открылись: 2» for the toast. */
export function summaryMessage(counts: SummaryTable['counts'], sheet: string): string {
  const parts = [`Собрано: ${counts.ok} из ${counts.total}`];
  if (counts.failed) parts.push(`не открылись: ${counts.failed}`);
  if (counts.notReached) parts.push(`не успели: ${counts.notReached} (запустите ещё раз)`);
  if (counts.attention) parts.push(`требуют внимания: ${counts.attention}`);
  return `${parts.join(', ')}. Лист «${sheet}».`;
}

// ------------------------------------------------------------------ errors → reasons

/**
 * The reason for a school whose file failed to open or read, from the error's message. Apps Script
 * words its errors in English or in the user's language; both are recognised. Unknown errors are
 * «unreadable», never the raw message (it might carry cell contents).
 */
export function reasonKeyOf(message: string): ReasonKey {
  const m = message.toLowerCase();
  if (/specified permissions are not sufficient|недостаточно разрешений|required permissions|auth\/spreadsheets/.test(m)) return 'scope';
  if (/do not have permission|don't have permission|access denied|нет разрешения|нет доступа|доступ запрещ|permission denied/.test(m)) return 'access';
  if (/not found|does not exist|не найден|не существует|requested entity was not found|no item with the given id|unexpected error while getting the method or property openby/.test(m)) return 'notFound';
  if (/invalid argument|bad value|недопустимый аргумент|неверное значение/.test(m)) return 'notFound';
  return 'unreadable';
}
