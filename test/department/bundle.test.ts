/**
 * The BUILT department bundle (dist-department/Code.js) in a fresh V8 context over the Apps
 * Script fakes: the menu, «Собрать сводку» with one school refusing access (as Apps Script words
 * it) and the rest coming through, service calls per school; and the two manifests' scopes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { createGasFakes, FakeSpreadsheet, GasException, type GasFakes } from '../fakes/gas';
import { REASONS, SUMMARY_COLUMNS, SUMMARY_HEADER_ROW, SUMMARY_TITLE } from '../../src/core/monitoring/consolidate';
import { schoolTabs, type SchoolSpec } from './schools';
import { manifestAdvancedServices, manifestScopes } from '../fakes/scopes';

const root = join(__dirname, '..', '..');
const READONLY = 'https://www.googleapis.com/auth/spreadsheets.readonly';
let code = '';
let addonManifest: any;
let departmentManifest: any;

beforeAll(() => {
  // Built into a temporary folder: other suites may rebuild dist/ while this one runs.
  const tmp = mkdtempSync(join(tmpdir(), 'nastavnik-dep-build-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, NASTAVNIK_DIST: join(tmp, 'dist'), NASTAVNIK_DIST_DEPARTMENT: join(tmp, 'dist-department') },
  });
  code = readFileSync(join(tmp, 'dist-department', 'Code.js'), 'utf8');
  addonManifest = JSON.parse(readFileSync(join(tmp, 'dist', 'appsscript.json'), 'utf8'));
  departmentManifest = JSON.parse(readFileSync(join(tmp, 'dist-department', 'appsscript.json'), 'utf8'));
});

const url = (n: number) => `https://docs.google.com/spreadsheets/d/school${n}${'A'.repeat(30)}/edit#gid=0`;
const ACCESS_DENIED = 'You do not have permission to access the requested document.';

/** Loads the bundle; openByUrl/openById serve the given school spreadsheets (or throw). */
function load(list: unknown[][], schools: Record<string, SchoolSpec | 'denied'>): { fakes: GasFakes; ctx: any } {
  // The department deployment's own scopes and advanced services: a call they do not allow throws, as in Apps Script.
  const fakes = createGasFakes({
    sheets: { 'Список школ': list },
    scopes: manifestScopes('department/appsscript.json'),
    advancedServices: manifestAdvancedServices('department/appsscript.json'),
  });
  const files = new Map<string, FakeSpreadsheet | 'denied'>();
  for (const [u, spec] of Object.entries(schools)) {
    if (spec === 'denied') {
      files.set(u, 'denied');
      continue;
    }
    const ss = new FakeSpreadsheet(fakes.state);
    for (const [name, rows] of Object.entries(schoolTabs(spec))) ss._addSheet(name, rows);
    files.set(u, ss);
  }
  const open = (key: string) => {
    const f = files.get(key);
    if (!f) throw new GasException('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    if (f === 'denied') throw new GasException(ACCESS_DENIED);
    return f;
  };
  // Set through the counting proxy onto the fake service: calls are counted like any other.
  fakes.globals.SpreadsheetApp.openByUrl = (u: string) => open(u);
  fakes.globals.SpreadsheetApp.openById = (id: string) => open(id);
  const ctx = fakes.context();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return { fakes, ctx };
}

const summaryGrid = (fakes: GasFakes, name = 'Сводка') => fakes.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
const col = (name: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(name);
const small: SchoolSpec = { shortName: 'СОШ', pupils: 10, target: '10%', pairs: 1 };

describe('dist-department/Code.js', () => {
  it('loads without touching a service and has the department entries only', () => {
    const { fakes, ctx } = load([['ОО', 'URL']], {});
    expect(fakes.calls.total).toBe(0);
    for (const fn of ['onOpen', 'onInstall', 'menuCollectSummary', 'menuSchoolListTemplate']) expect(typeof ctx[fn]).toBe('function');
    // The schools' add-on functions are not part of this deployment.
    expect(ctx.getOverview).toBeUndefined();
    expect(ctx.showSidebar).toBeUndefined();
    expect(code).not.toMatch(/^export\s/m);
  });

  it('onOpen adds «Сводка по наставничеству» → «Собрать сводку», «Шаблон списка школ»', () => {
    const { fakes, ctx } = load([], {});
    ctx.onOpen();
    expect(fakes.ui.menus).toEqual([
      {
        title: 'Сводка по наставничеству',
        addon: false,
        items: [
          { caption: 'Собрать сводку', functionName: 'menuCollectSummary' },
          { caption: 'Шаблон списка школ', functionName: 'menuSchoolListTemplate' },
        ],
      },
    ]);
  });

  it('«Собрать сводку»: a school refusing access is listed with the reason, the others come through', () => {
    const id = `school9${'B'.repeat(30)}`;
    const { fakes, ctx } = load(
      [
        ['Организация', 'Ссылка на таблицу'],
        ['СОШ № 1', url(1)],
        ['СОШ № 2', url(2)],
        ['СОШ № 3', url(3)],
        ['Гимназия', id],
      ],
      { [url(1)]: small, [url(2)]: 'denied', [url(3)]: { ...small, target: '50%', overdueItems: 1 }, [id]: small },
    );
    ctx.menuCollectSummary();
    expect(fakes.ui.alerts).toEqual([]);
    expect(fakes.ui.toasts).toHaveLength(1);
    expect(fakes.ui.toasts[0].message).toBe('Собрано: 3 из 4, не открылись: 1, требуют внимания: 1. Лист «Сводка».');
    const grid = summaryGrid(fakes);
    expect(grid[0][0]).toBe(SUMMARY_TITLE);
    expect(grid[1][0]).toBe('На дату');
    expect(grid[1][2]).toBe('Собрано');
    expect(String(grid[1][3])).not.toBe('');
    const rows = grid.slice(SUMMARY_HEADER_ROW + 1, SUMMARY_HEADER_ROW + 5);
    expect(rows.map((r: unknown[]) => [r[col('Организация')], r[col('Статус')]])).toEqual([
      ['СОШ № 1', 'прочитана'],
      ['СОШ № 2', REASONS.access],
      ['СОШ № 3', 'прочитана'],
      ['Гимназия', 'прочитана'],
    ]);
    expect(rows[0][col('Вовлечено обучающихся')]).toBe(3);
    expect(fakes.calls.count('SpreadsheetApp.openByUrl')).toBe(3);
    expect(fakes.calls.count('SpreadsheetApp.openById')).toBe(1);
    // Logs: row numbers and codes only.
    expect(fakes.logs.join('\n')).not.toMatch(/СОШ|Гимназия|docs\.google|school/);
    // A second run (the tab exists): one write of values and one of backgrounds for the whole
    // table, under the document lock.
    fakes.calls.reset();
    ctx.menuCollectSummary();
    expect(fakes.ui.toasts).toHaveLength(2);
    expect(fakes.calls.count('Range.setValues')).toBe(1);
    expect(fakes.calls.count('Range.setBackgrounds')).toBe(1);
    expect(fakes.calls.count('LockService.getDocumentLock')).toBe(1);
    // Logs: row numbers and codes only.
    expect(fakes.logs.join('\n')).not.toMatch(/СОШ|Гимназия|docs\.google|school/);
  });

  it('service calls per school stay the same whatever the number of rows', () => {
    const run = (schools: Record<string, SchoolSpec>) => {
      const list = [['ОО', 'URL'], ...Object.keys(schools).map((u, i) => [`Школа ${i + 1}`, u])];
      const { fakes, ctx } = load(list, schools);
      ctx.menuCollectSummary();
      expect(fakes.ui.alerts).toEqual([]);
      // Counting calls of schools that failed to open would measure nothing.
      expect(fakes.ui.toasts[0].message).not.toMatch(/не открылись/);
      return fakes.calls.total;
    };
    const one = run({ [url(1)]: small });
    const twoSmall = run({ [url(1)]: small, [url(2)]: small });
    const twoLarge = run({ [url(1)]: small, [url(2)]: { ...small, pupils: 1000, pairs: 60, overdueItems: 40 } });
    const perSchool = twoSmall - one;
    expect(twoLarge - one).toBe(perSchool);
    // open + tab list + names + per register tab: data range, values, merges.
    expect(perSchool).toBeLessThanOrEqual(25);
    process.stdout.write(`department: ${perSchool} Apps Script calls per school\n`);
  });

  it('a failure outside any school reaches the curator as a Russian alert, never a stack', () => {
    const { fakes, ctx } = load([['Заметки']], {});
    expect(() => ctx.menuCollectSummary()).not.toThrow();
    expect(fakes.ui.alerts).toHaveLength(1);
    expect(fakes.ui.alerts[0].prompt).toMatch(/нет столбца «Ссылка на таблицу»/);
  });

  it('«Шаблон списка школ» creates the list tab', () => {
    const fakes = createGasFakes({ sheets: { Лист1: [] }, scopes: manifestScopes('department/appsscript.json') });
    const ctx = fakes.context();
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    ctx.menuSchoolListTemplate();
    expect(fakes.spreadsheet.getSheetByName('Список школ')!.getDataRange().getValues()[0]).toEqual(['Организация', 'Ссылка на таблицу', 'Примечание']);
    expect(fakes.ui.toasts[0].message).toMatch(/создан/);
  });
});

describe('OAuth scopes: the extra scope is asked only by the department deployment', () => {
  it("the schools' add-on manifest (source and built) never asks to open other spreadsheets", () => {
    const source = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
    for (const m of [source, addonManifest]) {
      expect(m.oauthScopes).not.toContain(READONLY);
      expect(m.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
      expect(m.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    }
  });

  it('the department manifest asks for exactly its two scopes', () => {
    // SpreadsheetApp.openByUrl/openById list only …/auth/spreadsheets under «Authorization»:
    // with spreadsheets.readonly every school would come back «не открылась».
    const source = JSON.parse(readFileSync(join(root, 'department', 'appsscript.json'), 'utf8'));
    for (const m of [source, departmentManifest]) {
      expect([...m.oauthScopes].sort()).toEqual(
        ['https://www.googleapis.com/auth/script.container.ui', 'https://www.googleapis.com/auth/spreadsheets'].sort(),
      );
      expect(m.runtimeVersion).toBe('V8');
      expect(m.timeZone).toBe('Europe/Moscow');
    }
  });
});
