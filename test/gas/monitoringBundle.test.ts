/**
 * «Обновить лист «Мониторинг»» run from the BUILT bundle (dist/Code.js) over the Apps Script
 * fakes: the block and its two EmbeddedCharts, updated in place on the next run.
 */
import * as vm from 'node:vm';
import { buildBundle } from '../helpers/bundle';
import { createGasFakes } from '../fakes/gas';
import { syntheticRegisters } from '../../scripts/bench/registers';

let code = '';

beforeAll(() => {
  code = buildBundle().code;
});

function load(mentees: number) {
  const fakes = createGasFakes({ sheets: syntheticRegisters(mentees, Math.ceil(mentees / 3), Math.ceil(mentees / 2)) as Record<string, unknown[][]> });
  const ctx = fakes.context();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return { fakes, ctx };
}

describe('dist/Code.js: the «Мониторинг» tab with charts', () => {
  it('the menu item writes the block and one chart per key; a second run updates them', () => {
    const { fakes, ctx } = load(60);
    ctx.menuUpdateMonitoring();
    expect(fakes.ui.alerts).toEqual([]);
    expect(fakes.ui.toasts.at(-1)?.message).toMatch(/Диаграммы на листе обновлены/);
    const sheet = fakes.spreadsheet.getSheetByName('Мониторинг')!;
    expect(sheet.charts.map((c) => c._type()).sort()).toEqual(['COLUMN', 'PIE']);
    const ids = sheet.charts.map((c) => c.getChartId());
    fakes.calls.reset();
    const res = ctx.updateMonitoringSheet();
    expect(res.sheet).toBe('Мониторинг');
    expect(sheet.charts.map((c) => c.getChartId())).toEqual(ids);
    expect(fakes.calls.count('Sheet.insertChart')).toBe(0);
    expect(fakes.calls.count('Sheet.updateChart')).toBe(2);
    const column = sheet.charts.find((c) => c._type() === 'COLUMN')!;
    expect(column.getRanges()[0].getValues()[0]).toEqual(['Форма наставничества', 'Пар и групп', 'Наставляемых']);
  });

  it('service calls of a refresh are the same for 60 and 1 500 mentees', () => {
    const calls = (mentees: number) => {
      const { fakes, ctx } = load(mentees);
      ctx.updateMonitoringSheet();
      fakes.calls.reset();
      ctx.updateMonitoringSheet();
      return fakes.calls.byName;
    };
    expect(calls(1500)).toEqual(calls(60));
  });
});
