/**
 * Helpers for browser tests of the local preview: Debian's chromium driven by playwright-core,
 * a preview server started in-process on a free port over a temp copy of the demo workbook, and
 * a page object for the grid, the menu, the toast and the sidebar.
 *
 * A new flow is a few lines:
 *   const env = await startEnv({ mutate: (wb) => ... });
 *   const ui = await env.open();
 *   await ui.clickMenu('Проверить реестры');
 *   expect(await ui.toastText()).toMatch(/…/);
 *   await ui.openTab('Наставники');
 *   expect(await ui.cellBackground('K4')).toBe('#f4cccc');
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Dialog, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { buildDemoWorkbook } from '../../src/node/demo';
import { startPreview, type Preview } from '../../src/node/preview/app';
import type { XlsxWorkbook } from '../../src/node/xlsxWorkbook';
import { MENU, type MenuItem } from '../../src/app/menu';

export const ROOT = resolve(__dirname, '..', '..');
export const OUTPUT = join(ROOT, 'test-output');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** describe() when chromium is there; a loud failure when not, unless NASTAVNIK_SKIP_BROWSER is set. */
export function describeBrowser(name: string, fn: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, fn);
  } else if (process.env.NASTAVNIK_SKIP_BROWSER) {
    describe.skip(`${name} (NASTAVNIK_SKIP_BROWSER: chromium not found at ${CHROMIUM})`, fn);
  } else {
    describe(name, () => {
      test('chromium is installed', () => {
        throw new Error(
          `Браузерные тесты требуют chromium по пути ${CHROMIUM}: установите его (apt-get install -y chromium), ` +
            'укажите путь в CHROMIUM_PATH или задайте NASTAVNIK_SKIP_BROWSER=1, чтобы пропустить их.',
        );
      });
    });
  }
}

/** The sidebar bundle the preview serves; built once if a test runs before `npm run build`. */
function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'Sidebar.html'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

export interface EnvOptions {
  /** Changes to the demo workbook before the server opens it. */
  mutate?: (wb: XlsxWorkbook) => void;
  /** Writes the curator's own workbook to this path instead of the demo. */
  write?: (file: string) => Promise<void>;
  today?: string;
  /** Menu items after MENU (e.g. one whose server function has not landed). */
  extraMenu?: MenuItem[];
}

export interface Env {
  preview: Preview;
  dir: string;
  file: string;
  browser: Browser;
  /** Unexpected server errors (stacks) logged during the test. */
  serverErrors: string[];
  open(): Promise<PreviewUi>;
  close(): Promise<void>;
}

/** A temp copy of the demo workbook, a preview server on a free port and a browser. */
export async function startEnv(opts: EnvOptions = {}): Promise<Env> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-preview-'));
  const file = join(dir, opts.write ? 'реестры.xlsx' : 'demo.xlsx');
  if (opts.write) {
    await opts.write(file);
  } else {
    const wb = buildDemoWorkbook(file);
    opts.mutate?.(wb);
    await wb.save(file);
  }
  const serverErrors: string[] = [];
  const preview = await startPreview({
    workbook: file,
    port: 0,
    today: opts.today ?? '2026-11-22',
    sidebarHtml: join(ROOT, 'dist', 'Sidebar.html'),
    errorLog: (t) => serverErrors.push(t),
    menu: [...MENU, ...(opts.extraMenu ?? [])],
  });
  const browser = await launchBrowser();
  const pages: PreviewUi[] = [];
  return {
    preview,
    dir,
    file,
    browser,
    serverErrors,
    async open() {
      const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, locale: 'ru-RU' });
      const ui = new PreviewUi(page, preview.url);
      pages.push(ui);
      await ui.goto();
      return ui;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await preview.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Closes the environment after the suite and, after each test, demands that nothing surprised
 * the curator: no unexpected server error, no native dialog, no error in the page.
 */
export function guardEnv(current: () => { env?: Env; ui?: PreviewUi }): void {
  afterAll(async () => {
    await current().env?.close();
  });
  afterEach(() => {
    const { env, ui } = current();
    expect(env?.serverErrors).toEqual([]);
    expect(ui?.dialogs).toEqual([]);
    expect(ui?.errors).toEqual([]);
  });
}

/** Page object of the preview: grid, tabs, menu, toast, sidebar. */
export class PreviewUi {
  /** Every dialog (alert/confirm/prompt) the page or the sidebar opened: should stay empty. */
  readonly dialogs: string[] = [];
  /** Uncaught page errors and console errors. */
  readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    readonly url: string,
  ) {
    page.on('dialog', (d: Dialog) => {
      this.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
  }

  async goto(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.locator('table.grid').waitFor();
  }

  // ---- tabs and grid
  async tabNames(): Promise<string[]> {
    return this.page.locator('#tabs button').allTextContents();
  }

  async currentTab(): Promise<string> {
    return (await this.page.locator('#tabs button.active').textContent()) ?? '';
  }

  async openTab(name: string): Promise<void> {
    await this.page.locator('#tabs button', { hasText: name }).first().click();
    await this.page.locator(`table.grid[data-sheet="${name}"]`).waitFor();
  }

  /** A cell of the current tab by its A1 address. */
  cell(addr: string): Locator {
    return this.page.locator(`table.grid td[data-addr="${addr}"]`);
  }

  async cellText(addr: string): Promise<string> {
    return (await this.cell(addr).textContent()) ?? '';
  }

  /** The cell's background as '#rrggbb', or null for none. */
  async cellBackground(addr: string): Promise<string | null> {
    const rgb = await this.cell(addr).evaluate((el) => (el as HTMLElement).style.backgroundColor);
    const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(rgb);
    return m ? '#' + m.slice(1).map((n) => Number(n).toString(16).padStart(2, '0')).join('') : null;
  }

  async cellNote(addr: string): Promise<string> {
    return (await this.cell(addr).getAttribute('title')) ?? '';
  }

  /** A1 address of the highlighted (selected) cell of the current tab, or null. */
  async selectedCell(): Promise<string | null> {
    const sel = this.page.locator('table.grid td.sel');
    return (await sel.count()) ? sel.first().getAttribute('data-addr') : null;
  }

  /** Texts of one column (row 1 first) of the current tab. */
  async columnTexts(letter: string, rows: number): Promise<string[]> {
    const out: string[] = [];
    for (let r = 1; r <= rows; r++) out.push(await this.cellText(`${letter}${r}`));
    return out;
  }

  /** Waits until the grid has redrawn after a change on the server. */
  async waitForGridChange(since: string | null): Promise<void> {
    await this.page.waitForFunction((s) => document.body.getAttribute('data-stamp') !== s, since);
  }

  async stamp(): Promise<string | null> {
    return this.page.locator('body').getAttribute('data-stamp');
  }

  // ---- menu and toast
  async menuItems(): Promise<string[]> {
    await this.page.locator('#menu-button').click();
    const items = await this.page.locator('#menu button').allTextContents();
    await this.page.keyboard.press('Escape');
    await this.page.locator('body').click({ position: { x: 5, y: 5 } });
    return items;
  }

  async clickMenu(title: string): Promise<void> {
    await this.page.locator('#menu-button').click();
    await this.page.locator('#menu button', { hasText: title }).first().click();
  }

  /** The toast's text once it says more than «Выполняется…». */
  async toastText(): Promise<string> {
    const toast = this.page.locator('#toast-text');
    await this.page.waitForFunction(() => {
      const t = document.getElementById('toast');
      const text = document.getElementById('toast-text')?.textContent ?? '';
      return t && !t.hidden && !text.startsWith('Выполняется');
    });
    return (await toast.textContent()) ?? '';
  }

  /** The in-page alert (errors of menu items), or null if none is shown. */
  async alertText(): Promise<string | null> {
    const modal = this.page.locator('#modal');
    return (await modal.isVisible()) ? this.page.locator('#modal-text').textContent() : null;
  }

  // ---- sidebar
  sidebar(): FrameLocator {
    return this.page.frameLocator('#sidebar-frame');
  }

  async sidebarVisible(): Promise<boolean> {
    return this.page.locator('#sidebar').isVisible();
  }

  /** Waits for text in the sidebar (views load asynchronously through the shim). */
  async waitForSidebarText(text: string | RegExp): Promise<void> {
    await this.sidebar().locator('body').getByText(text).first().waitFor();
  }

  /** Opens a sidebar section by its navigation label («Проверка», «Пары», «Приказы», …). */
  async sidebarNav(label: string): Promise<void> {
    await this.sidebar().locator('nav.nav button', { hasText: label }).click();
  }

  /**
   * Calls a server function from inside the sidebar frame through google.script.run (the shim),
   * exactly as a view does. Resolves with the result or rejects with the Russian message.
   */
  async sidebarCall(method: string, ...args: unknown[]): Promise<unknown> {
    if (!(await this.sidebarVisible())) {
      await this.clickMenu('Открыть панель');
    }
    const frame = this.page.frame({ url: /\/sidebar/ });
    if (!frame) throw new Error('sidebar frame not loaded');
    await frame.waitForFunction(() => !!(window as unknown as { google?: unknown }).google);
    return frame.evaluate(
      ([m, a]) =>
        new Promise((resolve, reject) => {
          const run = (window as any).google.script.run.withSuccessHandler(resolve).withFailureHandler((e: Error) => reject(new Error(e.message)));
          run[m as string](...(a as unknown[]));
        }),
      [method, args] as const,
    );
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(OUTPUT, { recursive: true });
    const path = join(OUTPUT, name);
    await this.page.screenshot({ path, fullPage: false });
    return path;
  }
}

/** Calls a server function through the preview's HTTP API, as the sidebar shim does. */
export async function rpc(env: Env, method: string, ...args: unknown[]): Promise<{ status: number; failed: boolean; body: unknown }> {
  const res = await fetch(`${env.preview.url}api/rpc/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nastavnik': '1' },
    body: JSON.stringify(args),
  });
  return { status: res.status, failed: !res.ok || !!res.headers.get('X-Nastavnik-Error'), body: await res.json() };
}

export const XSS = '<img src=x onerror=alert(1)>';
