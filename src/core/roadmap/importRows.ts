/**
 * Table rows (tab-separated text, a TSV paste, .docx or Google Doc tables) → roadmap items.
 *
 * Rows as they come out of Word/PDF: a header row (repeated on each page), a row of column
 * numbers «1 2 3 4 5», section header rows (the text in the first cell of a merged row, or a
 * number and a bold title with the other cells empty), item rows, and continuation rows — the
 * rest of a row split by a page break, with no number, whose cells continue the cells above.
 * Dash sub-items («- встреча-знакомство; - пробная встреча») are written inside one cell in
 * all the real roadmaps, so they stay in that cell's text: no layout seen makes them rows.
 */
import type { ImportedItem } from './importTypes';
import { defaultColumns, mapHeader, type ColumnMap, type ImportField } from './importColumns';
import {
  cleanCell,
  isDebris,
  isLowerStart,
  isPageNumber,
  isRoman,
  isUpperStart,
  joinText,
  looksLikeDeadline,
  looksLikeResponsible,
  parseNumber,
  splitYearly,
  stripHeadingNumber,
  type CleanCell,
} from './importText';

export interface RawRow {
  cells: string[];
  /** 1-based line of a text, when the rows come from text. */
  line?: number;
  /** 1-based table and row, when the rows come from tables. */
  table?: number;
  row?: number;
  /** Blank lines, page debris or a form feed came before this row (a page break). */
  gapBefore?: boolean;
  /** A line of text with no tab stops (not a table row). */
  plain?: boolean;
}

export interface RowsResult {
  items: ImportedItem[];
  warnings: string[];
  /** Text before the header row (title, «Цель: …»), for period and targets. */
  preamble: string[];
  headerFound: boolean;
}

type ItemFields = Record<'title' | 'details' | 'deadline' | 'responsible' | 'result', string>;

interface Work extends ImportedItem {
  yearly?: boolean;
  where: string;
}

export function where(r: RawRow): string {
  if (r.line !== undefined) return `строка ${r.line}`;
  if (r.table !== undefined && r.row !== undefined) return `таблица ${r.table}, строка ${r.row}`;
  if (r.row !== undefined) return `строка ${r.row}`;
  return 'строка ?';
}

const short = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s);

function isNumberingRow(texts: string[]): boolean {
  const ne = texts.filter(Boolean);
  return ne.length >= 3 && ne.every((t, i) => t === String(i + 1));
}

const TEXT_FIELDS = ['title', 'details', 'deadline', 'responsible', 'result'] as const;

export function rowsToItems(rows: RawRow[]): RowsResult {
  const warnings: string[] = [];
  const cleaned: CleanCell[][] = rows.map((r) => r.cells.map(cleanCell));
  const texts = cleaned.map((cs) => cs.map((c) => c.text));

  let h = texts.findIndex((t, i) => !rows[i].plain && mapHeader(t) !== undefined);
  let map: ColumnMap;
  const headerFound = h >= 0;
  if (headerFound) {
    map = mapHeader(texts[h])!;
  } else {
    const tabbed = texts.map((t, i) => ({ t, i })).filter(({ t, i }) => !rows[i].plain && t.filter(Boolean).length >= 2);
    const width = Math.max(0, ...tabbed.map(({ t }) => t.length));
    const numeric = tabbed.filter(({ t }) => parseNumber(t[0]) !== null).length;
    map = defaultColumns(width, numeric * 2 >= tabbed.length && tabbed.length > 0);
    h = tabbed.length ? tabbed[0].i - 1 : rows.length;
    if (tabbed.length) {
      const names: Record<ImportField, string> = {
        number: '№', section: 'раздел', title: 'мероприятие', details: 'содержание', deadline: 'срок',
        responsible: 'ответственный', result: 'результат',
      };
      const order = Object.entries(map.columns).sort((a, b) => a[1]! - b[1]!).map(([f]) => names[f as ImportField]);
      warnings.push(`Строка заголовка таблицы не найдена; столбцы определены по порядку: ${order.join(', ')}.`);
    }
  }
  const preamble = texts.slice(0, Math.max(0, h)).map((t) => t.filter(Boolean).join(' ')).filter(Boolean);
  const cols = map.columns;
  const width = Math.max(...Object.values(cols).map((c) => c! + 1), ...map.unknown.map((u) => u.col + 1));
  const lastCol = Math.max(...Object.values(cols).map((c) => c!));
  const lastField = (Object.keys(cols) as ImportField[]).find((f) => cols[f] === lastCol)!;
  const ignored = new Map<number, string>(map.unknown.map((u) => [u.col, u.heading]));
  const ignoredUsed = new Set<number>();

  const items: Work[] = [];
  let section: { name: string; yearly: boolean } | undefined;
  let sectionOpen = false; // a section row came last: a title-only continuation extends its name
  let gap = false;
  let sectionCol = '';

  const cell = (i: number, f: ImportField): CleanCell => (cols[f] === undefined ? { text: '', bold: false } : cleaned[i][cols[f]!] ?? { text: '', bold: false });
  const numberAt = (i: number): string | null => {
    const raw = cell(i, 'number').text;
    return parseNumber(raw) ?? parseNumber(/^(\d{1,3}(?:\.\d{1,3})*\.?)\s/.exec(raw)?.[1] ?? '');
  };
  const nextNumbered = (i: number): number => {
    for (let j = i + 1; j < rows.length; j++) if (numberAt(j) !== null) return j;
    return -1;
  };

  for (let i = Math.max(0, h + 1); i < rows.length; i++) {
    const r = rows[i];
    const t = texts[i];
    if (r.gapBefore) gap = true;
    const joined = t.filter(Boolean).join(' ');
    if (!joined || t.every((x) => isDebris(x))) {
      gap = true;
      continue;
    }
    if (r.plain && isPageNumber(joined)) {
      gap = true;
      continue;
    }
    if (!r.plain && headerFound && sameHeader(mapHeader(t), map)) {
      gap = true;
      continue;
    }
    if (isNumberingRow(t)) continue;

    // Cells beyond the header (a stray tab) continue the last column.
    const f: ItemFields = { title: '', details: '', deadline: '', responsible: '', result: '' };
    for (const k of TEXT_FIELDS) f[k] = cell(i, k).text;
    for (let c = width; c < t.length; c++) if (t[c] && lastField !== 'number' && lastField !== 'section') f[lastField as keyof ItemFields] = joinText(f[lastField as keyof ItemFields], t[c]);
    for (const c of ignored.keys()) if (t[c]) ignoredUsed.add(c);
    if (cols.section !== undefined && t[cols.section]) sectionCol = t[cols.section];

    let numRaw = cell(i, 'number').text;
    let num = parseNumber(numRaw);
    let fromNumberCol = false;
    if (r.plain) {
      // A line without tab stops: its text is in the first cell whatever that column means.
      numRaw = joined;
      num = null;
      for (const k of TEXT_FIELDS) f[k] = '';
    }
    if (numRaw && num === null && !isRoman(numRaw)) {
      const m = /^(\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]+\.)\s+(\S[^]*)$/u.exec(numRaw);
      if (m && !f.title) {
        num = parseNumber(m[1]);
        f.title = m[2];
        fromNumberCol = true;
      } else if (!f.title) {
        f.title = numRaw;
        fromNumberCol = true;
      } else {
        f.title = joinText(numRaw, f.title);
      }
    }
    const hasOthers = !!(f.details || f.deadline || f.responsible || f.result);
    const titleBold = cell(i, 'title').bold || (fromNumberCol && cell(i, 'number').bold);
    const nextJ = f.title && !hasOthers ? nextNumbered(i) : -1; // only a title-only row needs to look ahead
    const nextNum = nextJ >= 0 ? numberAt(nextJ) : null;
    const last = items[items.length - 1];

    // --- section header row
    let isSection = false;
    if (f.title && !hasOthers) {
      if (r.plain) isSection = isUpperStart(f.title) && (num !== null || /^(?:[IVXLC]+\.|[Рр]аздел|[Ээ]тап)/u.test(numRaw) || /ежегодно/iu.test(f.title) || nextJ === i + 1);
      else if (isRoman(numRaw) || fromNumberCol || titleBold || /\(\s*ежегодно\s*\)/iu.test(f.title)) isSection = !isLowerStart(f.title);
      else if (num !== null && nextNum !== null && nextNum.startsWith(num + '.')) isSection = true;
      else if (num === null && isUpperStart(f.title) && !gap && nextJ === i + 1) isSection = true;
    }
    if (isSection) {
      const s = splitYearly(stripHeadingNumber(f.title));
      section = { name: s.name, yearly: s.yearly };
      sectionOpen = true;
      gap = false;
      continue;
    }

    // --- item row or continuation
    const startsItem =
      num !== null ||
      (!!f.title &&
        isUpperStart(f.title) &&
        (f.deadline || f.responsible) !== '' &&
        (!gap || (!!f.deadline && !!f.responsible && !!last?.deadline && !!last?.responsible)));
    if (startsItem) {
      const sec = sectionCol || section?.name;
      const it: Work = {
        ...(num !== null ? { number: num } : {}),
        ...(sec ? { section: sec } : {}),
        title: f.title,
        yearly: !sectionCol && section?.yearly,
        where: where(r),
        source: r.line !== undefined ? { line: r.line } : { row: r.row },
      };
      for (const k of ['details', 'deadline', 'responsible', 'result'] as const) if (f[k]) it[k] = f[k];
      items.push(it);
      sectionOpen = false;
      gap = false;
      continue;
    }

    if (r.plain && !isLowerStart(joined)) {
      warnings.push(`${where(r)}: текст вне таблицы не импортирован: «${short(joined)}».`);
      gap = false;
      continue;
    }
    if (r.plain) f.title = ''; // handled below as a continuation of the last filled cell
    if (sectionOpen && section && f.title && !hasOthers && isLowerStart(f.title)) {
      section.name = joinText(section.name, f.title);
      continue;
    }
    if (!last) {
      warnings.push(`${where(r)}: строка не относится ни к одному мероприятию: «${short(joined)}».`);
      gap = false;
      continue;
    }
    if (r.plain) {
      const k = (['result', 'responsible', 'deadline', 'details', 'title'] as const).find((x) => last[x]) ?? 'title';
      last[k] = joinText(last[k], joined);
    } else {
      for (const k of TEXT_FIELDS) if (f[k]) last[k] = joinText(last[k], f[k]);
    }
    gap = false;
  }

  for (const c of ignoredUsed) warnings.push(`Столбец «${ignored.get(c)}» не импортирован: для него нет поля в дорожной карте.`);
  return { items: finish(items, warnings), warnings, preamble, headerFound };
}

function sameHeader(m: ColumnMap | undefined, ref: ColumnMap): boolean {
  if (!m) return false;
  const a = Object.entries(m.columns).sort().join();
  const b = Object.entries(ref.columns).sort().join();
  return a === b;
}

/** Final touches shared by every layout: misplaced responsible, empty titles, recurrence. */
export function finish(items: Array<ImportedItem & { yearly?: boolean; where?: string }>, warnings: string[]): ImportedItem[] {
  const out: ImportedItem[] = [];
  for (const it of items) {
    // A responsible written in the deadline column (a row shifted by one cell in the source).
    if (it.deadline && !it.responsible && !looksLikeDeadline(it.deadline) && looksLikeResponsible(it.deadline)) {
      it.responsible = it.deadline;
      delete it.deadline;
      warnings.push(`${it.where ?? 'строка ?'}: в графе срока указан исполнитель («${short(it.responsible)}») — перенесён в «Ответственный».`);
    }
    if (!it.title) {
      const rest = [it.details, it.deadline, it.responsible, it.result].filter(Boolean).join(' ');
      warnings.push(
        `${it.where ?? 'строка ?'}: у пункта${it.number ? ` ${it.number}` : ''} нет наименования мероприятия${rest ? `: «${short(rest)}»` : ''} — пропущен.`,
      );
      continue;
    }
    const clean: ImportedItem = { title: it.title };
    if (it.number) clean.number = it.number;
    if (it.section) clean.section = it.section;
    clean.title = it.title;
    for (const k of ['details', 'deadline', 'responsible', 'result'] as const) if (it[k]) clean[k] = it[k];
    if (it.yearly) clean.recurrence = 'yearly';
    if (it.source) clean.source = it.source;
    out.push(orderKeys(clean));
  }
  return out;
}

/** Keys in the order of CLI.md, so JSON reads the same everywhere. */
export function orderKeys(it: ImportedItem): ImportedItem {
  const o: ImportedItem = {} as ImportedItem;
  for (const k of ['number', 'section', 'title', 'details', 'deadline', 'responsible', 'result', 'recurrence', 'source'] as const) {
    if (it[k] !== undefined) (o as unknown as Record<string, unknown>)[k] = it[k];
  }
  return o;
}
