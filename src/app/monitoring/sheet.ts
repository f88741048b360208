/**
 * The «Мониторинг» tab: the add-on's own block of figures, rewritten in one batch, with two
 * charts beside it (where the backend can draw them). A curator's existing «Мониторинг» tab
 * (questionnaires, say) is never written over: the block then goes to «Мониторинг (Наставник)».
 */
import type { AppContext } from '../context';
import { UserError, columnLetter, type CellValue, type ChartSpec, type Rect } from '../port';
import type { MonitoringResult } from './indicators';
import { percent } from '../../core/util/text';
import { ruDate } from '../../core/util/dates';

export const BLOCK_TITLE = 'Мониторинг реализации целевой модели наставничества («Наставник»)';
const EXTENT_KEY = 'monitoring.extent';
/** Columns of the block: label, value, second value (by-form table). */
export const BLOCK_COLS = 3;
/** Charts stand right of the block, past one empty column. */
const CHART_COL = BLOCK_COLS + 1;
const CHART_WIDTH = 480;
const CHART_HEIGHT = 300;
/** Rows between the two stacked charts' anchors (300 px at the default 21 px a row, plus a gap). */
const CHART_ROW_STEP = 16;
export const NO_FORMS = 'Пар пока нет';

export interface MonitoringBlock {
  rows: CellValue[][];
  /** Form | Пар и групп | Наставляемых, header row included. */
  byForm: Rect;
  /** Мероприятия дорожной карты | Количество: done, overdue, due soon, the rest. */
  roadmap: Rect;
}

export function monitoringBlock(m: MonitoringResult): MonitoringBlock {
  const i = m.indicators;
  const pct = (x: number | null) => (x === null ? '—' : percent(x));
  const rows: CellValue[][] = [
    [BLOCK_TITLE],
    ['На дату', ruDate(i.asOf)],
    ['Организация', m.orgName],
    [],
    ['Показатель', 'Значение'],
    ['Всего обучающихся', i.pupils.total ?? '—'],
    ['Вовлечено обучающихся', i.pupils.involved],
    ['Доля вовлечённых', pct(i.pupils.share)],
    [i.pupils.targetYear === null ? 'Целевой показатель' : `Целевой показатель (к концу ${i.pupils.targetYear} года)`, i.pupils.targetYear === null ? 'не задан' : pct(i.pupils.target)],
    ['Наставников', i.people.mentors],
    ['Наставляемых', i.people.mentees],
    ['Пар и групп формируется', i.pairs.forming],
    ['Пар и групп активно', i.pairs.active],
    ['Пар и групп завершено', i.pairs.completed],
    ['Ждут наставника дольше срока', i.waiting.length],
    ['Наставников без обучения', i.untrainedMentors.length],
    ['Нет согласия на обработку ПДн (наставники / наставляемые)', `${i.missingConsent.mentors.length} / ${i.missingConsent.mentees.length}`],
    ['Мероприятий дорожной карты всего', i.roadmap.total],
    [],
  ];
  // Numeric tables the charts read: one value per cell, header row first.
  const rm = i.roadmap;
  const roadmap: Rect = { row: rows.length, col: 0, rows: 5, cols: 2 };
  rows.push(
    ['Мероприятия дорожной карты', 'Количество'],
    ['Выполнено', rm.done],
    ['Просрочено', rm.overdue],
    ['Срок скоро', rm.soon],
    ['Остальные', Math.max(0, rm.total - rm.done - rm.overdue - rm.soon)],
    [],
  );
  const forms = Object.entries(i.byForm);
  const byForm: Rect = { row: rows.length, col: 0, rows: 1 + Math.max(1, forms.length), cols: 3 };
  rows.push(['Форма наставничества', 'Пар и групп', 'Наставляемых']);
  // A chart over a header alone shows nothing useful; a zero row keeps it readable.
  if (forms.length === 0) rows.push([NO_FORMS, 0, 0]);
  for (const [form, f] of forms) rows.push([form, f.pairs, f.mentees]);
  rows.push([]);
  rows.push(['Внимание', m.flags.length ? m.flags.join('; ') : 'нет замечаний']);
  const padded = rows.map((r) => {
    const out = r.slice();
    while (out.length < BLOCK_COLS) out.push('');
    return out;
  });
  return { rows: padded, byForm, roadmap };
}

/** The block as rows (kept for callers that only need the figures). */
export function monitoringRows(m: MonitoringResult): CellValue[][] {
  return monitoringBlock(m).rows;
}

export function monitoringCharts(block: MonitoringBlock): ChartSpec[] {
  return [
    {
      key: 'monitoring.byForm',
      type: 'column',
      title: 'Пары и группы, наставляемые по формам наставничества',
      range: block.byForm,
      anchor: { row: 0, col: CHART_COL },
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    },
    {
      key: 'monitoring.roadmap',
      type: 'pie',
      title: 'Мероприятия дорожной карты',
      range: block.roadmap,
      anchor: { row: CHART_ROW_STEP, col: CHART_COL },
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    },
  ];
}

interface Extent {
  rows: number;
  cols: number;
}

/** The last row label of the block: a copied file (no properties) finds its block's end by it. */
const LAST_LABEL = 'Внимание';

/**
 * The previous block's size: from the property (older versions stored only a row count for a
 * 2-column block); without it — a copy of the spreadsheet keeps the tab but not the properties —
 * from the tab, down to the block's last row.
 */
function parseExtent(raw: string | null, tab: () => readonly CellValue[][]): Extent {
  if (raw && /^\d+$/.test(raw)) return { rows: Number(raw), cols: 2 };
  if (raw) {
    try {
      const e = JSON.parse(raw) as Partial<Extent>;
      const n = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : 0);
      if (n(e.rows)) return { rows: n(e.rows), cols: n(e.cols) };
    } catch {
      // Unreadable: judged by the tab below.
    }
  }
  const values = tab();
  if (String(values[0]?.[0] ?? '') !== BLOCK_TITLE) return { rows: 0, cols: 0 };
  const last = values.findIndex((r) => r?.[0] === LAST_LABEL);
  return { rows: last < 0 ? 1 : last + 1, cols: BLOCK_COLS };
}

const isBlankCell = (v: CellValue | undefined) => v === null || v === undefined || v === '';

/**
 * The tab for the block: «Мониторинг» when it is ours (our title in A1) or empty; a curator's
 * own «Мониторинг» (questionnaires, say — anything in it, even with A1 blank) is never written
 * over: then «Мониторинг (Наставник)», under the same rule.
 */
function monitoringSheet(ctx: AppContext): string {
  const wb = ctx.wb;
  const names = wb.sheetNames();
  for (const name of ['Мониторинг', 'Мониторинг (Наставник)']) {
    if (!names.includes(name)) return name;
    const values = wb.readSheet(name)?.values ?? [];
    if (String(values[0]?.[0] ?? '') === BLOCK_TITLE) return name;
    if (values.every((r) => (r ?? []).every(isBlankCell))) return name;
  }
  throw new UserError('Листы «Мониторинг» и «Мониторинг (Наставник)» заняты вашими данными: переименуйте один из них, и показатели будут записаны туда.');
}

const blank = (rows: number, cols: number): CellValue[][] => Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(''));

/** Writes the block and its charts; returns the tab used, the block's height and the charts. */
export function writeMonitoringSheet(ctx: AppContext, m: MonitoringResult): { sheet: string; rows: number; charts: ChartSpec[] } {
  const wb = ctx.wb;
  const sheet = monitoringSheet(ctx);
  const block = monitoringBlock(m);
  const charts = monitoringCharts(block);
  const rows = block.rows.length;
  return wb.withLock(() => {
    if (!wb.sheetNames().includes(sheet)) wb.createSheet(sheet, [BLOCK_TITLE]);
    const key = `${EXTENT_KEY}:${sheet}`;
    // Read under the lock, and only when needed: what the new block is about to cover.
    let values: CellValue[][] | null = null;
    const tab = () => (values ??= wb.readSheet(sheet)?.values ?? []);
    const prev = parseExtent(wb.getProperty(key), tab);
    if (rows > prev.rows) {
      const below = tab();
      // Rows the previous block did not use may hold what the curator typed since: never written over.
      for (let r = prev.rows; r < Math.min(rows, below.length); r++) {
        const c = (below[r] ?? []).slice(0, BLOCK_COLS).findIndex((v) => v !== null && v !== '');
        if (c < 0) continue;
        throw new UserError(
          `На листе «${sheet}» в ячейке ${columnLetter(c)}${r + 1} есть данные, которые записала не надстройка, а блок мониторинга займёт строки 1–${rows}. ` +
            `Перенесите их ниже строки ${rows} или на другой лист и выберите «Наставничество → Обновить лист «Мониторинг»» ещё раз.`,
        );
      }
    }
    wb.writeValues(sheet, 0, 0, block.rows);
    // Blank only what the previous, larger block wrote and this one does not cover (an L shape).
    if (prev.cols > BLOCK_COLS && prev.rows > 0) wb.writeValues(sheet, 0, BLOCK_COLS, blank(prev.rows, prev.cols - BLOCK_COLS));
    const under = Math.min(prev.cols, BLOCK_COLS);
    if (prev.rows > rows && under > 0) wb.writeValues(sheet, rows, 0, blank(prev.rows - rows, under));
    wb.setProperty(key, JSON.stringify({ rows, cols: BLOCK_COLS }));
    if (wb.upsertChart) for (const c of charts) wb.upsertChart(sheet, c);
    return { sheet, rows, charts: wb.upsertChart ? charts : [] };
  });
}
