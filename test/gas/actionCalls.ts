/**
 * Counts the Apps Script service calls of whole menu actions («Настроить таблицу», «Проверить
 * реестры», «Подсветить сроки») over the fakes, run either from the TypeScript sources (entries of
 * src/gas/main.ts with the fakes on globalThis) or from the built dist/Code.js in a V8 context.
 * Each run is one Apps Script execution: a fresh gasContext(), exactly as a menu click.
 * Used by test/gas/actionCalls.test.ts and by the benchmark (scripts/bench/registers.ts).
 */
import * as vm from 'node:vm';
import type { CellValue } from '../../src/app/port';
import { createGasFakes, type GasFakes } from '../fakes/gas';
import { syntheticRegisters } from '../../scripts/bench/registers';

export type ActionId = 'menuSetup' | 'menuCheck' | 'menuHighlightDeadlines';

export const ACTIONS: Record<ActionId, string> = {
  menuSetup: 'Настроить таблицу',
  menuCheck: 'Проверить реестры',
  menuHighlightDeadlines: 'Подсветить сроки',
};

const DEADLINES = ['до 19.02.2026', 'декабрь 2026 г.', '15-30 октября 2026', 'ежемесячно до 25 числа', 'ежеквартально', 'по отдельному графику', 'III квартал 2027', 'до 01.12.2026', 'весь период'];

/** A roadmap tab of `n` items with mixed deadline phrases, some done. */
export function syntheticRoadmap(n: number): CellValue[][] {
  const rows: CellValue[][] = [['№ п/п', 'Раздел', 'Мероприятие', 'Содержание мероприятия', 'Срок', 'Ответственный', 'Результат', 'Статус', 'Дата выполнения']];
  for (let i = 1; i <= n; i++) {
    const done = i % 6 === 0;
    rows.push([String(i), `Раздел ${1 + (i % 4)}`, `Мероприятие ${i}`, 'Описание', DEADLINES[i % DEADLINES.length], 'Куратор', 'Отчёт', done ? 'выполнено' : '', done ? '01.10.2026' : '']);
  }
  return rows;
}

/** A curator's spreadsheet with every register, `n` rows in the big ones. */
export function workbookOf(n: number): Record<string, CellValue[][]> {
  const regs = syntheticRegisters(n, Math.max(10, Math.round(n / 10)), Math.max(10, Math.round(n / 3)));
  return { ...regs, 'Дорожная карта': syntheticRoadmap(Math.max(10, Math.round(n / 10))) };
}

export interface Runner {
  fakes: GasFakes;
  /** Runs one menu action as one execution; returns the calls it made. */
  run(action: ActionId): { total: number; byName: Record<string, number> };
  dispose(): void;
}

function counted(fakes: GasFakes, fn: () => void): { total: number; byName: Record<string, number> } {
  fakes.calls.reset();
  fn();
  const out = { total: fakes.calls.total, byName: { ...fakes.calls.byName } };
  // A failing action shows an alert; counting it as a success would hide the failure.
  if (fakes.ui.alerts.length) throw new Error(`alert: ${fakes.ui.alerts.map((a) => a.prompt).join(' | ')}`);
  return out;
}

/** Runs the sources: the fakes go on globalThis for the duration of the runner. */
export function sourceRunner(tabs: Record<string, CellValue[][]>): Runner {
  const fakes = createGasFakes({ sheets: tabs as Record<string, unknown[][]>, timeZone: 'Europe/Moscow' });
  const undo = fakes.install();
  // Required lazily so that main.ts sees the installed globals only when called.
  const { entries } = require('../../src/gas/main') as typeof import('../../src/gas/main');
  return {
    fakes,
    run: (action) => counted(fakes, () => entries[action]()),
    dispose: undo,
  };
}

/** Runs the built bundle's top-level menu functions in a fresh V8 context over the fakes. */
export function bundleRunner(code: string, tabs: Record<string, CellValue[][]>): Runner {
  const fakes = createGasFakes({ sheets: tabs as Record<string, unknown[][]>, timeZone: 'Europe/Moscow' });
  const ctx = fakes.context();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return {
    fakes,
    run: (action) => counted(fakes, () => ctx[action]()),
    dispose: () => undefined,
  };
}

export interface ActionCounts {
  action: ActionId;
  first: number;
  repeat: number;
  firstByName: Record<string, number>;
  repeatByName: Record<string, number>;
}

/**
 * The scenario the numbers are reported for, on a curator's spreadsheet of n rows: set up
 * (first run adapts existing tabs, repeat finds nothing to do), then check and highlight twice.
 */
export function measureCurator(make: (tabs: Record<string, CellValue[][]>) => Runner, n: number): ActionCounts[] {
  const runner = make(workbookOf(n));
  try {
    const out: ActionCounts[] = [];
    for (const action of ['menuSetup', 'menuCheck', 'menuHighlightDeadlines'] as const) {
      const a = runner.run(action);
      const b = runner.run(action);
      out.push({ action, first: a.total, repeat: b.total, firstByName: a.byName, repeatByName: b.byName });
    }
    return out;
  } finally {
    runner.dispose();
  }
}

/** «Настроить таблицу» on an empty new spreadsheet: creates every tab; then a repeat. */
export function measureNewSetup(make: (tabs: Record<string, CellValue[][]>) => Runner): ActionCounts {
  const runner = make({ Лист1: [] });
  try {
    const a = runner.run('menuSetup');
    const b = runner.run('menuSetup');
    return { action: 'menuSetup', first: a.total, repeat: b.total, firstByName: a.byName, repeatByName: b.byName };
  } finally {
    runner.dispose();
  }
}
