/**
 * The «Анкеты» and «Настройки» views as a curator uses them: a refused save shows the server's
 * field errors, a good one reaches the grid and the file, and a value starting with «=» stays text.
 */
import { SHEET_NAMES } from '../../src/core/registers/schemas';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';
import { describeBrowser, startEnv, type Env, type PreviewUi, guardEnv } from './helpers';

describeBrowser('sidebar forms and settings in a real browser', () => {
  let env: Env;
  let ui: PreviewUi;

  beforeAll(async () => {
    env = await startEnv();
    ui = await env.open();
  });

  guardEnv(() => ({ env, ui }));

  test('«Анкеты»: an empty mentor is refused beside its fields; a filled one lands in «Наставники» and the file', async () => {
    await ui.clickMenu('Добавить участника или пару');
    const side = ui.sidebar();
    await ui.waitForSidebarText(/Будет присвоен ID/);
    const nextId = ((await side.locator('p.muted', { hasText: 'Будет присвоен ID' }).first().textContent()) ?? '').match(/ID (\S+?)\.?$/)?.[1];
    expect(nextId).toBeTruthy();

    await side.locator('button[type=submit]', { hasText: 'Добавить' }).click();
    await side.locator('.field-error', { hasText: 'ФИО' }).waitFor();
    expect(await side.locator('[role=alert]').textContent()).not.toBe('');

    await side.locator('#forms-fullName').fill('Смирнова Алла Петровна');
    await side.locator('#forms-category').selectOption('педагог');
    // A formula-looking position must reach the cell as text.
    await side.locator('#forms-position').fill('=учитель');
    const before = await ui.stamp();
    await side.locator('button[type=submit]', { hasText: 'Добавить' }).click();
    await side.locator('p.ok').waitFor();
    expect(await side.locator('.field-error').count()).toBe(0);
    expect(await side.locator('[role=alert]').count()).toBe(0);

    await ui.waitForGridChange(before);
    await ui.openTab(SHEET_NAMES.mentors);
    const row = ui.page.locator('table.grid tr', { hasText: 'Смирнова Алла Петровна' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').first().textContent()).toBe(nextId);

    const saved = await XlsxWorkbook.load(env.file);
    const values = saved.readSheet(SHEET_NAMES.mentors)!.values;
    const added = values.find((r) => r[1] === 'Смирнова Алла Петровна');
    expect(added?.[0]).toBe(nextId);
    expect(added).toContain('=учитель');
    // The next ID offered moved on after the save (the view reloaded the registers).
    await side.locator('p.muted', { hasText: 'Будет присвоен ID' }).filter({ hasNotText: `ID ${nextId}.` }).first().waitFor();
  });

  test('«Настройки»: a bad value is named beside its field; a good one is saved to the tab', async () => {
    await ui.clickMenu('Настройки');
    const side = ui.sidebar();
    const start = side.locator('#settings-periodStart');
    await start.waitFor();
    const startBefore = await start.inputValue();
    await start.fill('31.02.2026');
    await side.locator('button[type=submit]', { hasText: 'Сохранить' }).click();
    await side.locator('.field-error').first().waitFor();
    expect(await side.locator('[role=alert]').textContent()).not.toBe('');

    await start.fill(startBefore);
    await side.locator('#settings-waitingDays').fill('21');
    await side.locator('button[type=submit]', { hasText: 'Сохранить' }).click();
    await side.locator('p.ok').waitFor();
    expect(await side.locator('.field-error').count()).toBe(0);
    expect(await side.locator('[role=alert]').count()).toBe(0);

    const saved = await XlsxWorkbook.load(env.file);
    const rows = saved.readSheet(SHEET_NAMES.settings)!.values;
    expect(rows.find((r) => String(r[0]).startsWith('Ожидание наставника'))?.[1]).toBe(21);
  });

  test('«Настройки»: forms of mentoring — one left out, one of the curator’s own added; the tab and the «Анкеты» dropdown follow', async () => {
    await ui.clickMenu('Настройки');
    const side = ui.sidebar();
    const check = (name: string) => side.locator('label.settings-check', { hasText: name }).locator('input[type=checkbox]');
    await check('работодатель – студент').waitFor();
    expect(await check('ученик – ученик').isChecked()).toBe(true);
    expect(await side.getByLabel('Кто наставник и кто наставляемый в форме «учитель – учитель»').inputValue()).toBe('наставник: педагог; наставляемый: педагог, молодой специалист');

    await check('работодатель – студент').uncheck();
    await side.getByLabel('Название новой формы').fill('наставник – молодой педагог');
    await side.locator('button', { hasText: 'Добавить форму' }).click();
    // A name that is no pair of categories needs its rule: refused beside its field.
    await side.locator('button[type=submit]', { hasText: 'Сохранить' }).click();
    await side.locator('.field-error', { hasText: 'Укажите, кто наставник и кто наставляемый' }).waitFor();
    await side.getByLabel('Кто наставник и кто наставляемый в форме «наставник – молодой педагог»').fill('педагог → молодой специалист');
    await side.locator('button[type=submit]', { hasText: 'Сохранить' }).click();
    await side.locator('p.ok').waitFor();
    expect(await side.locator('.field-error').count()).toBe(0);

    const saved = await XlsxWorkbook.load(env.file);
    const rows = saved.readSheet(SHEET_NAMES.settings)!.values;
    expect(rows).toContainEqual(['Форма: наставник – молодой педагог', 'наставник: педагог; наставляемый: молодой специалист']);
    const inUse = rows.find((r) => r[0] === 'Используемые формы')?.[1];
    expect(String(inUse)).toContain('наставник – молодой педагог');
    expect(String(inUse)).not.toContain('работодатель – студент');

    await ui.clickMenu('Добавить участника или пару');
    await side.locator('button[role=tab]', { hasText: 'Наставляемый' }).click();
    const options = await side.locator('#forms-form option').allTextContents();
    expect(options).toContain('наставник – молодой педагог');
    expect(options).not.toContain('работодатель – студент');
  });
});
