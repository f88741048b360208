/**
 * Tests the BUILT Apps Script bundle (dist/Code.js), loaded in a fresh V8 context whose globals
 * are the Apps Script fakes — the closest thing to Apps Script that runs in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as vm from 'node:vm';
import { createGasFakes, type GasFakes, type MenuEntry } from '../fakes/gas';
import { MENU, MENU_TITLE } from '../../src/app/menu';
import { SHEET_NAMES } from '../../src/core/registers/schemas';
import { DIGEST_HANDLER } from '../../src/app/roadmap/digest';
import { NO_SNAPSHOT_SUMMARY } from '../../src/app/roadmap/reminders';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');
let code = '';
/** The same sources built with NASTAVNIK_TARGET=bound (a script bound to one spreadsheet). */
let boundCode = '';
let sidebarHtml = '';
let manifest: any;

/** Newest modification time of the files the bundle is built from. */
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
  for (const f of ['appsscript.json', 'scripts/build.mjs']) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

beforeAll(() => {
  const built = join(dist, 'Code.js');
  // Build when missing or older than its sources (a stale bundle would test yesterday's code).
  if (!existsSync(built) || !existsSync(join(dist, 'Sidebar.html')) || statSync(built).mtimeMs < newestSource()) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  }
  // Read once: other suites may rebuild dist/ while this one runs.
  code = readFileSync(join(dist, 'Code.js'), 'utf8');
  sidebarHtml = readFileSync(join(dist, 'Sidebar.html'), 'utf8');
  manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
  const boundDir = mkdtempSync(join(tmpdir(), 'nastavnik-bound-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe', env: { ...process.env, NASTAVNIK_TARGET: 'bound', NASTAVNIK_DIST: boundDir } });
  boundCode = readFileSync(join(boundDir, 'Code.js'), 'utf8');
});

function load(options: Parameters<typeof createGasFakes>[0] = {}, bundle: 'addon' | 'bound' = 'addon'): { fakes: GasFakes; ctx: any } {
  // Serve Sidebar.html from the snapshot taken in beforeAll.
  const fakes = createGasFakes(options);
  const ctx = fakes.context();
  const realHtml = fakes.globals.HtmlService;
  ctx.HtmlService = new Proxy(realHtml, {
    get(target, prop) {
      if (prop === 'createHtmlOutputFromFile') {
        return (name: string) => {
          if (name !== 'Sidebar') throw new Error(`No HTML file named ${name} was found.`);
          return target.createHtmlOutput(sidebarHtml);
        };
      }
      return Reflect.get(target, prop);
    },
  });
  vm.runInContext(bundle === 'bound' ? boundCode : code, ctx, { filename: 'Code.js' });
  return { fakes, ctx };
}

const flatItems = (items: MenuEntry[]) => items.filter((i): i is { caption: string; functionName: string } => 'functionName' in i);

describe('dist/Code.js', () => {
  it('has no top-level import/export (Apps Script would reject it)', () => {
    expect(code).not.toMatch(/^\s*import\s.*from\s/m);
    expect(code).not.toMatch(/^\s*import\s*\(/m);
    expect(code).not.toMatch(/^export\s/m);
    expect(() => new vm.Script(code)).not.toThrow();
  });

  it('uses no Node or browser global that Apps Script V8 lacks', () => {
    // Apps Script has no timers, no process/Buffer, no fetch, no TextEncoder; import.meta is ESM only.
    const forbidden = ['process', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'structuredClone', 'TextEncoder', 'TextDecoder', 'fetch', 'XMLHttpRequest', '__dirname', '__filename', 'import\\.meta'];
    for (const bundle of [code, boundCode]) {
      const found = forbidden.filter((n) => new RegExp(`(?<![\\w$.])${n}(?![\\w$])`).test(bundle));
      expect(found).toEqual([]);
      // esbuild's own __require shim is the only require.
      expect(bundle.match(/(?<![\w$.])require\(/g) ?? []).toEqual([]);
    }
  });

  it('top-level functions are all callable: none ends with «_» (private in Apps Script), none shadows a service', () => {
    const names = [...code.matchAll(/^function ([\w$]+)\(/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(MENU.length);
    expect(names.filter((n) => n.endsWith('_'))).toEqual([]);
    const services = ['SpreadsheetApp', 'DocumentApp', 'DriveApp', 'Drive', 'Docs', 'MailApp', 'ScriptApp', 'PropertiesService', 'LockService', 'HtmlService', 'Utilities', 'Session', 'Logger', 'Charts'];
    expect(names.filter((n) => services.includes(n))).toEqual([]);
    // The daily reminder's trigger names a top-level function.
    expect(names).toContain(DIGEST_HANDLER);
  });

  it('makes no service call while loading, even in AuthMode.NONE', () => {
    const { fakes } = load({ authMode: 'NONE' });
    expect(fakes.calls.total).toBe(0);
    expect(fakes.logs).toEqual([]);
  });

  it.each([
    ['without an event', undefined],
    ['with AuthMode.FULL', 'FULL'],
    ['with AuthMode.LIMITED (a simple trigger)', 'LIMITED'],
  ])('onOpen in a bound script (%s) adds the «Наставничество» menu with every item', (_label, mode) => {
    const { fakes, ctx } = load({}, 'bound');
    ctx.onOpen(mode ? { authMode: ctx.ScriptApp.AuthMode[mode] } : undefined);
    expect(fakes.ui.menus).toHaveLength(1);
    const menu = fakes.ui.menus[0];
    expect(menu).toMatchObject({ title: MENU_TITLE, addon: false });
    expect(flatItems(menu.items)).toEqual(MENU.map((m) => ({ caption: m.title, functionName: m.id })));
    const separators = menu.items.filter((i) => 'separator' in i).length;
    expect(separators).toBe(MENU.filter((m) => m.separatorBefore).length);
  });

  it('onOpen of the bound build in AuthMode.NONE still uses the add-on menu (the only one allowed)', () => {
    const { fakes, ctx } = load({ authMode: 'NONE' }, 'bound');
    ctx.onOpen({ authMode: ctx.ScriptApp.AuthMode.NONE });
    expect(fakes.ui.menus[0].addon).toBe(true);
  });

  it.each(['NONE', 'LIMITED', 'FULL'])('onOpen as an add-on (AuthMode.%s) uses the add-on menu and touches nothing else', (mode) => {
    const { fakes, ctx } = load({ authMode: mode as 'NONE' | 'LIMITED' });
    ctx.onOpen({ authMode: ctx.ScriptApp.AuthMode[mode] });
    expect(fakes.ui.menus).toHaveLength(1);
    expect(fakes.ui.menus[0].addon).toBe(true);
    expect(flatItems(fakes.ui.menus[0].items).map((i) => i.functionName)).toEqual(MENU.map((m) => m.id));
    expect(Object.keys(fakes.calls.byName).filter((n) => !/^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(n))).toEqual([]);
  });

  it('onInstall builds the same menu', () => {
    const { fakes, ctx } = load({ authMode: 'NONE' });
    ctx.onInstall({ authMode: ctx.ScriptApp.AuthMode.NONE });
    expect(fakes.ui.menus).toHaveLength(1);
  });

  it('every menu item names a top-level function', () => {
    const { ctx } = load();
    for (const item of MENU) expect([item.id, typeof ctx[item.id]]).toEqual([item.id, 'function']);
    expect(typeof ctx.onOpen).toBe('function');
    expect(typeof ctx.showSidebar).toBe('function');
  });

  it('menu items that run a server method never throw: a toast for missing methods, toast or alert otherwise', () => {
    const runItems = MENU.filter((m) => m.run);
    expect(runItems.length).toBeGreaterThan(0);
    for (const item of runItems) {
      const { fakes, ctx } = load({ sheets: { Лист1: [] } });
      expect(() => ctx[item.id]()).not.toThrow();
      if (typeof ctx[item.run!] !== 'function') {
        expect(fakes.ui.toasts).toHaveLength(1);
        expect(fakes.ui.toasts[0].message).toContain(item.title);
        expect(fakes.ui.toasts[0].message).toMatch(/в разработке/);
        expect(fakes.ui.alerts).toHaveLength(0);
      } else {
        expect(fakes.ui.toasts.length + fakes.ui.alerts.length).toBe(1);
      }
    }
  });

  it('sidebar menu items open the sidebar on their view', () => {
    const viewItems = MENU.filter((m) => m.view);
    for (const item of viewItems) {
      const { fakes, ctx } = load();
      ctx[item.id]();
      expect(fakes.ui.sidebars).toHaveLength(1);
      expect(fakes.ui.sidebars[0].content).toContain(`window.__NASTAVNIK_VIEW__ = ${JSON.stringify(item.view)};`);
    }
  });

  it("showSidebar('match') shows the sidebar with the initial view filled in", () => {
    const { fakes, ctx } = load();
    ctx.showSidebar('match');
    expect(fakes.ui.sidebars).toHaveLength(1);
    const { title, content } = fakes.ui.sidebars[0];
    expect(title).toBe('Наставник');
    expect(content).toContain('window.__NASTAVNIK_VIEW__ = "match";');
    expect(content).not.toContain('__INITIAL_VIEW__"');
    expect(content).toContain('<div id="app">');
  });

  it('showSidebar called with an unknown view (it is callable from google.script.run) opens the home view, nothing injected', () => {
    for (const bad of ['</script><script>alert(1)</script>', "$'", 'nope', 42]) {
      const { fakes, ctx } = load();
      ctx.showSidebar(bad);
      const content = fakes.ui.sidebars[0].content;
      expect(content).toContain('window.__NASTAVNIK_VIEW__ = "home";');
      expect(content).not.toContain('alert(1)');
    }
  });

  it('getOverview() returns plain JSON listing the missing register tabs', () => {
    const { ctx } = load({ sheets: { [SHEET_NAMES.mentors]: [['ФИО']], [SHEET_NAMES.pairs]: [['Наставник']], Черновик: [] } });
    const result = ctx.getOverview();
    const json = JSON.parse(JSON.stringify(result));
    expect(json).toEqual(result);
    expect(json.sheets).toEqual([SHEET_NAMES.mentors, SHEET_NAMES.pairs, 'Черновик']);
    // «Черновик» is no register; «Мониторинг» is made by its own menu item, not by set-up.
    expect(json.missing).toEqual([SHEET_NAMES.mentees, SHEET_NAMES.roadmap, SHEET_NAMES.settings, SHEET_NAMES.orders]);
    expect(json.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const moscowToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
    expect(json.today).toBe(moscowToday);
  });

  it('the reminder trigger firing without an active spreadsheet and without a snapshot sends nothing and says why, not a TypeError', () => {
    const { fakes, ctx } = load({ sheets: { Лист1: [] } });
    fakes.state.noDocument = true;
    expect(ctx[DIGEST_HANDLER]({ authMode: 'FULL', triggerUid: '1' })).toEqual({ summary: NO_SNAPSHOT_SUMMARY, sent: 0, skipped: 0 });
    expect(fakes.mail.sent).toEqual([]);
  });

  it('a server function failing inside Apps Script reaches the sidebar as a Russian message', () => {
    const { ctx } = load({ authMode: 'NONE' });
    let message = '';
    try {
      ctx.getOverview();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Не удалось выполнить действие/);
  });
});

describe('dist/Sidebar.html and dist/appsscript.json', () => {
  it('the sidebar is one self-contained file', () => {
    expect(sidebarHtml).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(sidebarHtml).not.toMatch(/<link[^>]*rel\s*=\s*["']?stylesheet/i);
    expect(sidebarHtml).toMatch(/<style>[\s\S]+<\/style>/);
    expect(sidebarHtml).toContain('window.__NASTAVNIK_VIEW__ = "__INITIAL_VIEW__";');
    expect(sidebarHtml).not.toContain('/*__JS__*/');
    expect(sidebarHtml).not.toContain('/*__CSS__*/');
  });

  it('the manifest is V8, Moscow time and lists its OAuth scopes', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(Array.isArray(manifest.oauthScopes)).toBe(true);
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
      ]),
    );
    // Orders are placed with the Drive API (src/gas/docs.ts): the service must be enabled.
    expect(manifest.dependencies?.enabledAdvancedServices).toContainEqual({ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' });
    // A roadmap is read from a Google Doc in one Docs API call (src/gas/docTables.ts).
    expect(manifest.dependencies?.enabledAdvancedServices).toContainEqual({ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' });
  });
});
