/**
 * The add-on's EmbeddedCharts over the Apps Script fakes: found again by the remembered chart id,
 * updated in place, curator charts untouched, service calls independent of the rows.
 */
import { createGasFakes, FakeEmbeddedChart, type GasFakes } from '../fakes/gas';
import { SheetsWorkbook } from '../../src/gas/sheetsWorkbook';
import { chartIdKey } from '../../src/gas/charts';
import { gasContext } from '../../src/gas/context';
import { monitoringApi } from '../../src/app/monitoring/api';
import type { ChartSpec } from '../../src/app/port';
import { syntheticRegisters } from '../../scripts/bench/registers';

let fakes: GasFakes;
let uninstall: (() => void) | undefined;

function setup(sheets: Record<string, unknown[][]>) {
  fakes = createGasFakes({ sheets });
  uninstall = fakes.install();
}

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

const data = (n: number): unknown[][] => [['Форма', 'Пар', 'Наставляемых'], ...Array.from({ length: n }, (_, i) => [`форма ${i}`, i, 2 * i])];

const spec = (rows: number, title = 'По формам'): ChartSpec => ({
  key: 'monitoring.byForm',
  type: 'column',
  title,
  range: { row: 0, col: 0, rows, cols: 3 },
  anchor: { row: 0, col: 4 },
  width: 480,
  height: 300,
});

/** A chart the curator made herself on the same tab. */
function curatorChart(sheetName: string): FakeEmbeddedChart {
  const sheet = fakes.spreadsheet.getSheetByName(sheetName)!;
  sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B3')).setChartType('LINE').setOption('title', 'Моя диаграмма').setPosition(20, 1, 5, 5).build());
  return sheet.charts.at(-1)!;
}

describe('SheetsWorkbook.upsertChart', () => {
  it('inserts the chart once with its range, type, title, size and anchor, and remembers its id', () => {
    setup({ Мониторинг: data(3) });
    new SheetsWorkbook().upsertChart('Мониторинг', spec(4));
    const [chart] = fakes.spreadsheet.getSheetByName('Мониторинг')!.charts;
    expect(chart._a1()).toEqual(['A1:C4']);
    expect(chart._type()).toBe('COLUMN');
    expect(chart._option('title')).toBe('По формам');
    expect([chart._option('width'), chart._option('height')]).toEqual([480, 300]);
    expect(chart.getNumHeaders()).toBe(1);
    expect(chart.getContainerInfo().getAnchorRow()).toBe(1);
    expect(chart.getContainerInfo().getAnchorColumn()).toBe(5);
    expect(fakes.properties.document.getProperty(chartIdKey('Мониторинг', 'monitoring.byForm'))).toBe(String(chart.getChartId()));
  });

  it('a second run (a new execution) updates the same chart instead of inserting another', () => {
    setup({ Мониторинг: data(6) });
    new SheetsWorkbook().upsertChart('Мониторинг', spec(4));
    const id = fakes.spreadsheet.getSheetByName('Мониторинг')!.charts[0].getChartId();
    fakes.calls.reset();
    new SheetsWorkbook().upsertChart('Мониторинг', { ...spec(7, 'Новое название'), type: 'bar' });
    const charts = fakes.spreadsheet.getSheetByName('Мониторинг')!.charts;
    expect(charts).toHaveLength(1);
    expect(charts[0].getChartId()).toBe(id);
    expect(charts[0]._a1()).toEqual(['A1:C7']);
    expect(charts[0]._type()).toBe('BAR');
    expect(charts[0]._option('title')).toBe('Новое название');
    expect(fakes.calls.count('Sheet.updateChart')).toBe(1);
    expect(fakes.calls.count('Sheet.insertChart')).toBe(0);
    expect(fakes.calls.count('EmbeddedChartBuilder.clearRanges')).toBe(1);
  });

  it('never touches a chart the curator made on that tab, before or after ours', () => {
    setup({ Мониторинг: data(3) });
    const before = curatorChart('Мониторинг');
    new SheetsWorkbook().upsertChart('Мониторинг', spec(4));
    const after = curatorChart('Мониторинг');
    new SheetsWorkbook().upsertChart('Мониторинг', spec(3, 'Снова'));
    new SheetsWorkbook().upsertChart('Мониторинг', spec(4, 'И ещё'));
    const charts = fakes.spreadsheet.getSheetByName('Мониторинг')!.charts;
    expect(charts).toHaveLength(3);
    // The same objects (updateChart replaces a chart object), with their own settings.
    expect(charts).toContain(before);
    expect(charts).toContain(after);
    for (const c of [before, after]) {
      expect(c._a1()).toEqual(['A1:B3']);
      expect(c._option('title')).toBe('Моя диаграмма');
      expect(c._type()).toBe('LINE');
    }
    expect(charts.filter((c) => c._option('title') === 'И ещё')).toHaveLength(1);
  });

  it('if the curator deleted our chart, the next run inserts a new one and adopts none of hers', () => {
    setup({ Мониторинг: data(3) });
    new SheetsWorkbook().upsertChart('Мониторинг', spec(4));
    const sheet = fakes.spreadsheet.getSheetByName('Мониторинг')!;
    sheet.removeChart(sheet.charts[0]);
    const hers = curatorChart('Мониторинг');
    new SheetsWorkbook().upsertChart('Мониторинг', spec(4));
    expect(sheet.charts).toHaveLength(2);
    expect(hers._option('title')).toBe('Моя диаграмма');
    expect(fakes.properties.document.getProperty(chartIdKey('Мониторинг', 'monitoring.byForm'))).toBe(String(sheet.charts[1].getChartId()));
  });

  it('the same key on another tab is another chart', () => {
    setup({ Мониторинг: data(3), 'Мониторинг (Наставник)': data(3) });
    new SheetsWorkbook().upsertChart('Мониторинг', spec(4));
    new SheetsWorkbook().upsertChart('Мониторинг (Наставник)', spec(4));
    new SheetsWorkbook().upsertChart('Мониторинг (Наставник)', spec(4));
    expect(fakes.spreadsheet.getSheetByName('Мониторинг')!.charts).toHaveLength(1);
    expect(fakes.spreadsheet.getSheetByName('Мониторинг (Наставник)')!.charts).toHaveLength(1);
  });

  it('service calls do not depend on the rows charted', () => {
    const count = (rows: number, run: number) => {
      setup({ Мониторинг: data(rows) });
      for (let i = 0; i < run; i++) new SheetsWorkbook().upsertChart('Мониторинг', spec(rows + 1));
      fakes.calls.reset();
      new SheetsWorkbook().upsertChart('Мониторинг', spec(rows + 1));
      const n = fakes.calls.total;
      uninstall!();
      uninstall = undefined;
      return n;
    };
    // Insert (first run) and update (later runs), 3 rows vs 3000.
    expect(count(3, 0)).toBe(count(3000, 0));
    expect(count(3, 1)).toBe(count(3000, 1));
    // Measured: insert 20, update 18 (one getChartId more per chart already on the tab).
    expect(count(3, 0)).toBeLessThanOrEqual(20);
    expect(count(3, 1)).toBeLessThanOrEqual(18);
  });
});

describe('«Мониторинг» menu action over the fakes', () => {
  const run = () => monitoringApi.updateMonitoringSheet(gasContext());

  it('draws two charts, reading the tables the block wrote; a second run keeps two', () => {
    setup(syntheticRegisters(60, 20, 25) as Record<string, unknown[][]>);
    run();
    const sheet = fakes.spreadsheet.getSheetByName('Мониторинг')!;
    expect(sheet.charts.map((c) => c._type()).sort()).toEqual(['COLUMN', 'PIE']);
    const column = sheet.charts.find((c) => c._type() === 'COLUMN')!;
    const [range] = column.getRanges();
    const values = range.getValues();
    expect(values[0]).toEqual(['Форма наставничества', 'Пар и групп', 'Наставляемых']);
    expect(values.slice(1).every((r) => typeof r[0] === 'string' && r[0] !== '' && typeof r[1] === 'number' && typeof r[2] === 'number')).toBe(true);
    // The row under the range is not part of the table.
    expect(sheet.getRange(range.getLastRow() + 1, 1).getValue()).toBe('');
    const ids = sheet.charts.map((c) => c.getChartId());
    run();
    expect(sheet.charts.map((c) => c.getChartId())).toEqual(ids);
  });

  it('the whole action makes the same number of service calls for 100 and 2 000 mentees', () => {
    const measure = (mentees: number) => {
      setup(syntheticRegisters(mentees, Math.ceil(mentees / 3), Math.ceil(mentees / 2)) as Record<string, unknown[][]>);
      fakes.calls.reset();
      run();
      const first = fakes.calls.total;
      fakes.calls.reset();
      run();
      const repeat = fakes.calls.total;
      const chartCalls = Object.entries(fakes.calls.byName).filter(([k]) => /Chart/.test(k));
      uninstall!();
      uninstall = undefined;
      return { first, repeat, chartCalls };
    };
    const small = measure(100);
    const big = measure(2000);
    expect(big).toEqual(small);
  });
});
