import { describeBrowser, startEnv, XSS, type Env, type PreviewUi } from '../browser/helpers';

describeBrowser('sidebar «Проверка реестров»', () => {
  let env: Env;
  let ui: PreviewUi;

  beforeAll(async () => {
    env = await startEnv({
      // A pair naming a hostile, unknown mentor: its message must show as text.
      mutate: (wb) => {
        wb.appendRows('Пары', [['П-999', XSS, 'Нв-999', 'ученик – ученик']]);
      },
    });
    ui = await env.open();
  }, 120000);

  afterAll(async () => {
    await env?.close();
  });

  test('checks, lists findings by tab, and a click goes to the cell', async () => {
    await ui.clickMenu('Открыть панель');
    await ui.sidebarNav('Проверка');
    const sb = ui.sidebar();
    await sb.getByRole('button', { name: 'Проверить и подсветить' }).click();
    await ui.waitForSidebarText(/Найдено: \d+/);
    await expect(sb.locator('h3', { hasText: 'Пары' }).count()).resolves.toBeGreaterThan(0);
    const hostile = sb.locator('li', { hasText: `Наставник «${XSS}» не найден` });
    await expect(hostile.count()).resolves.toBe(1);
    await expect(sb.locator('img').count()).resolves.toBe(0);
    const cell = (await hostile.locator('.registers-cell').textContent())!;
    await hostile.click();
    await ui.page.waitForFunction(() => !!document.querySelector('table.grid[data-sheet="Пары"] td.sel'));
    expect(await ui.selectedCell()).toBe(cell);
    expect(ui.dialogs).toEqual([]);
    expect(env.serverErrors).toEqual([]);
  });
});
