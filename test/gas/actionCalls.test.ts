/**
 * Apps Script service calls of whole menu actions, from the sources and from the built
 * dist/Code.js: exact upper bounds, the same on 100 and 10 000 rows. Plus the behaviour the batched
 * set-up must keep: every column gets exactly the width, dropdown and format the per-column
 * set-up asked for, and nothing else is touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleRunner, measureCurator, measureNewSetup, sourceRunner, type ActionCounts, type ActionId, type Runner } from './actionCalls';
import type { CellValue, SheetSetup } from '../../src/app/port';
import { setupSpreadsheet } from '../../src/app/registers/setup';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { createGasFakes, FakeDataValidation, type FakeSheet } from '../fakes/gas';
import { SheetsWorkbook } from '../../src/gas/sheetsWorkbook';

/**
 * Upper bounds per menu action (first run / repeat), incl. the menu's own getActiveSpreadsheet +
 * toast. Check and deadlines read the user's properties once (2 calls) to know whether this
 * user's reminders want a fresh snapshot of the roadmap.
 */
const BUDGET: Record<ActionId, { first: number; repeat: number }> = {
  menuSetup: { first: 76, repeat: 21 },
  menuCheck: { first: 42, repeat: 28 },
  menuHighlightDeadlines: { first: 25, repeat: 16 },
};
/** «Настроить таблицу» on a new empty spreadsheet: six tabs created and prepared. */
const NEW_SETUP_BUDGET = { first: 149, repeat: 21 };

const root = join(__dirname, '..', '..');

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['src', 'sidebar']) walk(join(root, d));
  return Math.max(newest, statSync(join(root, 'scripts', 'build.mjs')).mtimeMs);
}

function builtCode(): string {
  const built = join(root, 'dist', 'Code.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newestSource()) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  }
  return readFileSync(built, 'utf8');
}

let logSpy: jest.SpyInstance;
beforeAll(() => {
  // The context logs counts per action; keep the test output quiet.
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(() => logSpy.mockRestore());

function expectWithinBudget(counts: ActionCounts[]) {
  for (const c of counts) {
    expect({ action: c.action, first: c.first }).toEqual({ action: c.action, first: expect.any(Number) });
    expect(c.first).toBeLessThanOrEqual(BUDGET[c.action].first);
    expect(c.repeat).toBeLessThanOrEqual(BUDGET[c.action].repeat);
  }
}

describe.each([
  ['sources', (tabs: Record<string, CellValue[][]>): Runner => sourceRunner(tabs)],
  ['dist/Code.js', (tabs: Record<string, CellValue[][]>): Runner => bundleRunner(builtCode(), tabs)],
])('menu actions over the Apps Script fakes (%s)', (_label, make) => {
  it('set-up, check and deadlines stay within their budget and cost the same on 100 and 10 000 rows', () => {
    const small = measureCurator(make, 100);
    const big = measureCurator(make, 10000);
    expectWithinBudget(small);
    expectWithinBudget(big);
    const strip = (cs: ActionCounts[]) => cs.map((c) => ({ action: c.action, first: c.firstByName, repeat: c.repeatByName }));
    expect(strip(big)).toEqual(strip(small));
  }, 120000);

  it('a repeat writes nothing: no set-up, no marks, no values, no flush', () => {
    const counts = measureCurator(make, 100);
    for (const c of counts) {
      const writes = Object.keys(c.repeatByName).filter((n) => /\.(set|insert|delete|protect|flush|append)/.test(n) && n !== 'Spreadsheet.toast');
      expect({ action: c.action, writes }).toEqual({ action: c.action, writes: [] });
    }
  }, 60000);

  it('«Настроить таблицу» on a new spreadsheet stays within its budget; a repeat only reads', () => {
    const c = measureNewSetup(make);
    expect(c.first).toBeLessThanOrEqual(NEW_SETUP_BUDGET.first);
    expect(c.repeat).toBeLessThanOrEqual(NEW_SETUP_BUDGET.repeat);
    expect(Object.keys(c.repeatByName).filter((n) => /\.(set|insert|protect|flush)/.test(n))).toEqual([]);
  });
});

/** Widths, dropdowns and formats a sheet has in the columns a SheetSetup lists, and in the others. */
function expectSetupApplied(sheet: FakeSheet, setup: SheetSetup, rows: number, skip: readonly number[] = []) {
  const listed = new Map((setup.columns ?? []).map((c) => [c.col, c]));
  const width = Math.max(...[...listed.keys()].map((c) => c + 1), sheet.getLastColumn()) + 1;
  for (let col = 0; col < width; col++) {
    if (skip.includes(col)) continue;
    const c = listed.get(col);
    expect({ col, width: sheet.getColumnWidth(col + 1) }).toEqual({ col, width: c?.width ?? 100 });
    for (const row of [2, 1 + rows]) {
      const cell = sheet.getRange(row, col + 1);
      const rule = cell.getDataValidation() as FakeDataValidation | null;
      const got = rule ? { type: rule.getCriteriaType(), values: rule.getCriteriaValues(), allowInvalid: rule.getAllowInvalid() } : null;
      const want = !c?.validation
        ? null
        : c.validation.kind === 'list'
          ? { type: 'VALUE_IN_LIST', values: [[...c.validation.values], true], allowInvalid: !c.validation.strict }
          : { type: 'DATE_IS_VALID_DATE', values: [], allowInvalid: true };
      expect({ col, row, rule: got }).toEqual({ col, row, rule: want });
      expect({ col, row, format: cell.getNumberFormat() }).toEqual({ col, row, format: c?.numberFormat ?? 'General' });
    }
    // Nothing below the covered rows.
    if (sheet.getMaxRows() > 1 + rows) expect(sheet.getRange(2 + rows, col + 1).getDataValidation()).toBeNull();
  }
}

describe('batched set-up does what the per-column set-up asked for', () => {
  it('on a new spreadsheet: every tab, every column', () => {
    const reference = new MemoryWorkbook();
    setupSpreadsheet({ wb: reference, today: () => '2026-11-22' });
    const fakes = createGasFakes({ sheets: { Лист1: [] } });
    const undo = fakes.install();
    try {
      setupSpreadsheet({ wb: new SheetsWorkbook(), today: () => '2026-11-22' });
    } finally {
      undo();
    }
    for (const name of reference.sheetNames()) {
      const setups = reference.sheet(name).setup;
      expect(setups.length).toBeGreaterThan(0);
      const sheet = fakes.spreadsheet.getSheetByName(name)!;
      for (const s of setups) {
        const rows = s.rows ?? sheet.getMaxRows() - 1;
        expectSetupApplied(sheet, s, rows);
        expect(sheet.getFrozenRows()).toBe(s.frozenRows ?? 0);
      }
      const protections = sheet.getProtections('RANGE');
      expect(protections.map((p) => [p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()])).toEqual(
        setups.some((s) => s.protectHeader) ? [['Заголовки реестра (Наставник)', true, `A1:${sheet.getRange(1, Math.max(sheet.getLastColumn(), 1)).getA1Notation().replace(/\d+$/, '')}1`]] : [],
      );
    }
  });

  it('on a curator tab: only the columns it prepares; a curator dropdown on a prepared column without a rule stays', () => {
    // Категория (dropdown), Согласие (date format only), Дата рождения (date rule): adjacent and
    // empty, so all three are prepared; the curator's own dropdown on «Согласие» must stay, and so
    // must her column F.
    const tabs = { Наставляемые: [['ID', 'ФИО', 'Категория', 'Согласие на обработку ПДн', 'Дата рождения', 'Мой столбец'], ['Нв-1', 'Петров Пётр', '', '', '', 'x']] };
    const reference = new MemoryWorkbook(tabs);
    setupSpreadsheet({ wb: reference, today: () => '2026-11-22' });
    const fakes = createGasFakes({ sheets: tabs });
    const own = fakes.spreadsheet.getSheetByName('Наставляемые')!;
    const mine = new FakeDataValidation('VALUE_IN_LIST', [['да', 'нет'], true], false, '');
    own.getRange(2, 4, 999, 1).setDataValidation(mine);
    own.getRange(2, 6, 999, 1).setDataValidation(mine);
    own.getRange(2, 6, 999, 1).setNumberFormat('0.00');
    const undo = fakes.install();
    try {
      setupSpreadsheet({ wb: new SheetsWorkbook(), today: () => '2026-11-22' });
    } finally {
      undo();
    }
    const [s] = reference.sheet('Наставляемые').setup;
    expect(s.columns!.map((c) => c.col)).toEqual(expect.arrayContaining([2, 3, 4]));
    expect(s.columns!.find((c) => c.col === 3)?.validation).toBeUndefined();
    for (const row of [2, 500, 1000]) {
      expect(own.getRange(row, 4).getDataValidation()).toBe(mine);
      expect(own.getRange(row, 6).getDataValidation()).toBe(mine);
      expect(own.getRange(row, 6).getNumberFormat()).toBe('0.00');
    }
    expect(own.getRange(2, 4).getNumberFormat()).toBe(s.columns!.find((c) => c.col === 3)?.numberFormat);
    expectSetupApplied(own, s, s.rows!, [3, 5]);
  });
});
