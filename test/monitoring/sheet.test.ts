import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { monitoringApi } from '../../src/app/monitoring/api';
import { BLOCK_COLS, BLOCK_TITLE, NO_FORMS, writeMonitoringSheet } from '../../src/app/monitoring/sheet';
import { loadMonitoring } from '../../src/app/monitoring/indicators';
import type { AppContext } from '../../src/app/context';
import type { CellValue, ChartSpec } from '../../src/app/port';
import { UserError } from '../../src/app/port';

/** A MemoryWorkbook that can draw charts: records each upsert and whether the lock was held. */
class ChartingWorkbook extends MemoryWorkbook {
  charts: Array<{ sheet: string; spec: ChartSpec; locked: boolean }> = [];
  private locked = false;
  override withLock<T>(fn: () => T): T {
    return super.withLock(() => {
      this.locked = true;
      try {
        return fn();
      } finally {
        this.locked = false;
      }
    });
  }
  upsertChart(sheet: string, spec: ChartSpec): void {
    this.charts.push({ sheet, spec, locked: this.locked });
  }
}

type Pair = [string, string, string, string, string];

function tabs(pairs: Pair[]): Record<string, CellValue[][]> {
  return {
    Настройки: [
      ['Параметр', 'Значение'],
      ['Организация', 'МБОУ СОШ № 5'],
      ['Численность обучающихся', 20],
      ['Цель 2026', '20%'],
    ],
    Наставники: [
      ['ID', 'ФИО', 'Категория', 'Согласие ПДн', 'Статус'],
      ['Н-1', 'Орлова Вера Ильинична', 'педагог', 'да', 'активен'],
      ['Н-2', 'Быстров Кирилл', 'обучающийся', 'да', 'активен'],
    ],
    Наставляемые: [
      ['ID', 'ФИО', 'Категория', 'Согласие ПДн', 'Дата вхождения в программу'],
      ['Нв-1', 'Акимов Егор', 'обучающийся', 'да', '01.09.2026'],
      ['Нв-2', 'Белова Ольга', 'обучающийся', 'да', '01.09.2026'],
      ['Нв-3', 'Власова Инна', 'молодой специалист', 'да', '01.09.2026'],
      ['Нв-4', 'Гусев Павел', 'обучающийся', 'да', '01.09.2026'],
    ],
    Пары: [['ID', 'Наставник', 'Наставляемые', 'Форма', 'Статус'], ...pairs],
    'Дорожная карта': [
      ['№', 'Мероприятие', 'Срок', 'Статус'],
      ['1', 'Приказ о назначении куратора', 'до 01.10.2026', 'выполнено'],
      ['2', 'Отчёт в управление', 'до 01.11.2026', ''],
      ['3', 'Анкетирование', 'до 30.11.2026', ''],
      ['4', 'Совещание', 'по отдельному графику', ''],
      ['5', 'Итоги года', 'до 25.05.2027', ''],
    ],
  };
}

const THREE_FORMS: Pair[] = [
  ['П-1', 'Н-2', 'Нв-1; Нв-2', 'ученик – ученик', 'активна'],
  ['П-2', 'Н-1', 'Нв-3', 'педагог – педагог', 'формируется'],
  ['П-3', 'Н-1', 'Нв-4', 'учитель – учитель', 'активна'],
];

const ctxOf = (wb: MemoryWorkbook): AppContext => ({ wb, today: () => '2026-11-22' });
const cells = (grid: CellValue[][], r: { row: number; col: number; rows: number; cols: number }) =>
  grid.slice(r.row, r.row + r.rows).map((line) => line.slice(r.col, r.col + r.cols));

describe('the «Мониторинг» block and its charts', () => {
  it('the column chart reads exactly the by-form table: header and one numeric row per form', () => {
    const wb = new ChartingWorkbook(tabs(THREE_FORMS));
    const res = monitoringApi.updateMonitoringSheet(ctxOf(wb));
    expect(res.sheet).toBe('Мониторинг');
    expect(res.summary).toMatch(/Диаграммы на листе обновлены/);
    const grid = wb.grid('Мониторинг');
    const byForm = wb.charts.find((c) => c.spec.type === 'column')!;
    expect(byForm.sheet).toBe('Мониторинг');
    expect(byForm.spec.range).toMatchObject({ col: 0, cols: 3, rows: 4 });
    const table = cells(grid, byForm.spec.range);
    expect(table[0]).toEqual(['Форма наставничества', 'Пар и групп', 'Наставляемых']);
    expect(table.slice(1)).toEqual(
      expect.arrayContaining([
        ['ученик – ученик', 1, 2],
        ['педагог – педагог', 1, 1],
        ['учитель – учитель', 1, 1],
      ]),
    );
    // Nothing of the table lies outside the range: the row below is empty.
    expect(grid[byForm.spec.range.row + byForm.spec.range.rows].every((v) => v === '' || v === null)).toBe(true);
    // The chart stands right of the block, not over it.
    expect(byForm.spec.anchor.col).toBeGreaterThan(BLOCK_COLS - 1);
  });

  it('the pie chart reads the roadmap counts, which add up to the items on the roadmap', () => {
    const wb = new ChartingWorkbook(tabs(THREE_FORMS));
    const m = loadMonitoring(ctxOf(wb), '2026-11-22');
    const res = writeMonitoringSheet(ctxOf(wb), m);
    const pie = res.charts.find((c) => c.type === 'pie')!;
    const table = cells(wb.grid('Мониторинг'), pie.range);
    expect(table.map((r) => r[0])).toEqual(['Мероприятия дорожной карты', 'Выполнено', 'Просрочено', 'Срок скоро', 'Остальные']);
    const counts = table.slice(1).map((r) => r[1]);
    expect(counts.every((n) => typeof n === 'number')).toBe(true);
    expect((counts as number[]).reduce((a, b) => a + b, 0)).toBe(m.indicators.roadmap.total);
    expect(counts.slice(0, 2)).toEqual([m.indicators.roadmap.done, m.indicators.roadmap.overdue]);
    expect(m.indicators.roadmap.total).toBe(5);
    // Two charts with distinct keys, anchored apart so they do not overlap (300 px ≈ 14 rows).
    expect(new Set(res.charts.map((c) => c.key)).size).toBe(2);
    expect(Math.abs(res.charts[0].anchor.row - res.charts[1].anchor.row)).toBeGreaterThanOrEqual(15);
  });

  it('charts are drawn under the lock, after the values they read', () => {
    const wb = new ChartingWorkbook(tabs(THREE_FORMS));
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    expect(wb.charts).toHaveLength(2);
    expect(wb.charts.every((c) => c.locked)).toBe(true);
  });

  it('with no pairs yet the by-form table has one zero row, so the chart still has data', () => {
    const wb = new ChartingWorkbook(tabs([]));
    const res = writeMonitoringSheet(ctxOf(wb), loadMonitoring(ctxOf(wb), '2026-11-22'));
    const col = res.charts.find((c) => c.type === 'column')!;
    expect(cells(wb.grid('Мониторинг'), col.range)).toEqual([
      ['Форма наставничества', 'Пар и групп', 'Наставляемых'],
      [NO_FORMS, 0, 0],
    ]);
  });

  it('a backend without charts still gets the block, and the summary does not promise charts', () => {
    const wb = new MemoryWorkbook(tabs(THREE_FORMS));
    const res = monitoringApi.updateMonitoringSheet(ctxOf(wb));
    expect(res.summary).not.toMatch(/Диаграмм/);
    expect(wb.grid('Мониторинг')[0][0]).toBe(BLOCK_TITLE);
  });

  it('charts go with the block to «Мониторинг (Наставник)» when the curator has her own «Мониторинг»', () => {
    const own: CellValue[][] = [['Анкета удовлетворённости', 'Оценка'], ['Иванов', 9]];
    const wb = new ChartingWorkbook({ ...tabs(THREE_FORMS), Мониторинг: own });
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    expect(wb.sheet('Мониторинг').values).toEqual(own);
    expect(wb.charts.map((c) => c.sheet)).toEqual(['Мониторинг (Наставник)', 'Мониторинг (Наставник)']);
  });
});

describe('the block blanks only what it wrote before', () => {
  it('a shorter block blanks the rows the longer one used, in its columns only', () => {
    const wb = new ChartingWorkbook(tabs(THREE_FORMS));
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    const long = wb.grid('Мониторинг').length;
    // The curator writes beside the block and below it.
    const s = wb.sheet('Мониторинг');
    s.values[2][BLOCK_COLS + 2] = 'заметка справа';
    (s.values[long + 3] ??= [])[0] = 'заметка ниже';
    // Two fewer forms next time.
    wb.sheet('Пары').values.splice(2, 2);
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    const grid = wb.grid('Мониторинг');
    expect(grid[2][BLOCK_COLS + 2]).toBe('заметка справа');
    expect(grid[long + 3][0]).toBe('заметка ниже');
    // The old last rows (the flags line) are gone.
    const flagsRows = grid.filter((r) => r[0] === 'Внимание');
    expect(flagsRows).toHaveLength(1);
    for (let r = long - 2; r < long; r++) expect(grid[r].slice(0, BLOCK_COLS).every((v) => v === '' || v === null)).toBe(true);
    const chart = wb.charts.filter((c) => c.spec.type === 'column').at(-1)!;
    expect(chart.spec.range.rows).toBe(2);
  });

  it('a longer block never writes over what the curator typed just below the previous one', () => {
    const one: Pair[] = [THREE_FORMS[0]];
    const wb = new ChartingWorkbook(tabs(one));
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    const short = wb.grid('Мониторинг').length;
    (wb.sheet('Мониторинг').values[short] ??= [])[0] = 'Подготовила: куратор';
    wb.sheet('Пары').values.push(...THREE_FORMS.slice(1));
    expect(() => monitoringApi.updateMonitoringSheet(ctxOf(wb))).toThrow(UserError);
    expect(() => monitoringApi.updateMonitoringSheet(ctxOf(wb))).toThrow(`A${short + 1}`);
    expect(wb.grid('Мониторинг')[short][0]).toBe('Подготовила: куратор');
  });

  it('an extent from the 2-column version: leftover rows blanked in A:B only, column C kept', () => {
    const wb = new ChartingWorkbook(tabs(THREE_FORMS));
    wb.sheets.push({ name: 'Мониторинг', values: [[BLOCK_TITLE, '']], backgrounds: new Map(), notes: new Map(), setup: [] });
    const s = wb.sheet('Мониторинг');
    for (let r = 1; r < 60; r++) s.values[r] = [`старое ${r}`, r];
    s.values[55][2] = 'куратор в C';
    wb.setProperty('monitoring.extent:Мониторинг', '60');
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    const grid = wb.grid('Мониторинг');
    expect(grid[55].slice(0, 3)).toEqual(['', '', 'куратор в C']);
    expect(grid.slice(40, 60).every((r) => r[0] === '' && r[1] === '')).toBe(true);
    expect(JSON.parse(wb.getProperty('monitoring.extent:Мониторинг')!)).toEqual({ rows: expect.any(Number), cols: BLOCK_COLS });
  });

  it('a wider previous block: the extra columns are blanked over its rows only', () => {
    const wb = new ChartingWorkbook(tabs(THREE_FORMS));
    wb.sheets.push({ name: 'Мониторинг', values: [[BLOCK_TITLE]], backgrounds: new Map(), notes: new Map(), setup: [] });
    const s = wb.sheet('Мониторинг');
    for (let r = 1; r < 5; r++) s.values[r] = ['a', 'b', 'c', 'добавлено', 'надстройкой'];
    s.values[5] = [];
    s.values[6] = ['', '', '', '', 'куратор'];
    wb.setProperty('monitoring.extent:Мониторинг', JSON.stringify({ rows: 5, cols: 5 }));
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    const grid = wb.grid('Мониторинг');
    for (let r = 1; r < 5; r++) expect(grid[r].slice(3, 5)).toEqual(['', '']);
    expect(grid[6][4]).toBe('куратор');
  });
});

describe('whose «Мониторинг» tab it is', () => {
  it('a curator’s tab with A1 blank (a table starting in B1) is still hers: the block goes beside it', () => {
    const own: CellValue[][] = [['', 'Анкета удовлетворённости', 'Оценка'], ['', 'Иванов', 9]];
    const wb = new ChartingWorkbook({ ...tabs(THREE_FORMS), Мониторинг: own });
    const res = monitoringApi.updateMonitoringSheet(ctxOf(wb));
    expect(res.sheet).toBe('Мониторинг (Наставник)');
    expect(wb.grid('Мониторинг')).toEqual(own);
  });

  it('an empty «Мониторинг» tab is taken', () => {
    const wb = new ChartingWorkbook({ ...tabs(THREE_FORMS), Мониторинг: [] });
    expect(monitoringApi.updateMonitoringSheet(ctxOf(wb)).sheet).toBe('Мониторинг');
    expect(wb.grid('Мониторинг')[0][0]).toBe(BLOCK_TITLE);
  });

  it('both names taken by the curator: refused, nothing written', () => {
    const a: CellValue[][] = [['Анкеты']];
    const b: CellValue[][] = [['Мои заметки']];
    const wb = new ChartingWorkbook({ ...tabs(THREE_FORMS), Мониторинг: a, 'Мониторинг (Наставник)': b });
    expect(() => monitoringApi.updateMonitoringSheet(ctxOf(wb))).toThrow(/заняты вашими данными/);
    expect(wb.grid('Мониторинг')).toEqual(a);
    expect(wb.grid('Мониторинг (Наставник)')).toEqual(b);
    expect(wb.charts).toEqual([]);
  });

  it('a copy of the spreadsheet (our tab, no properties): a longer block still never writes over what was typed below', () => {
    const wb = new ChartingWorkbook(tabs([THREE_FORMS[0]]));
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    const short = wb.grid('Мониторинг').length;
    (wb.sheet('Мониторинг').values[short] ??= [])[0] = 'Подготовила: куратор';
    // The copy: same tabs, no document properties.
    const copy = new ChartingWorkbook({});
    copy.sheets = wb.sheets;
    copy.sheet('Пары').values.push(...THREE_FORMS.slice(1));
    expect(() => monitoringApi.updateMonitoringSheet(ctxOf(copy))).toThrow(`A${short + 1}`);
    expect(copy.grid('Мониторинг')[short][0]).toBe('Подготовила: куратор');
  });

  it('the target is named with the year it belongs to', () => {
    const t = tabs(THREE_FORMS);
    t['Настройки'] = t['Настройки'].map((r) => (r[0] === 'Цель 2026' ? ['Цель 2025', '15%'] : r));
    const wb = new ChartingWorkbook(t);
    monitoringApi.updateMonitoringSheet(ctxOf(wb));
    expect(wb.grid('Мониторинг').find((r) => String(r[0]).startsWith('Целевой показатель'))?.slice(0, 2)).toEqual(['Целевой показатель (к концу 2025 года)', '15%']);
  });
});
