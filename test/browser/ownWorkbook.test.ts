/**
 * A curator's own workbook in the preview (`npm start -- --workbook …`), written by exceljs as
 * other programs write it (no sheet views): a renamed mentors tab with synonym headings, 10 000
 * mentees with blank rows and wrong types, merged cells, formulas, a hostile cell and
 * formula-looking text, the curator's colours and notes. It must open, stay usable, be checked,
 * and come back with nothing of the curator's lost or overwritten.
 */
import ExcelJS from 'exceljs';
import { PALETTE } from '../../src/app/decorate';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';
import type { Response } from 'playwright-core';
import { describeBrowser, startEnv, XSS, type Env, type PreviewUi, guardEnv } from './helpers';

const MENTEES = 10_000;
const MENTORS_TAB = 'Наши наставники';
const HYPERLINK = '=HYPERLINK("http://example.org","нажми")';
const CURATOR_FILL = 'FFB6D7A8';

async function writeOwn(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const m = book.addWorksheet(MENTORS_TAB);
  m.addRow(['Код', 'Фамилия Имя Отчество', 'Роль', 'Организация', 'Предмет', 'Форма наставничества', 'Лимит наставляемых', 'Эл. почта', 'Согласие ПДн', 'Активен', 'Примечание']);
  for (let i = 1; i <= 40; i++) {
    m.addRow([`М-${i}`, `Учитель${i} Анна Петровна`, i % 4 ? 'педагог' : 'обучающийся', 'МБОУ СОШ № 5', ['математика', 'физика', 'химия'][i % 3], i % 4 ? 'учитель – учитель' : 'ученик – ученик', 3, `m${i}@school5.ru`, new Date(Date.UTC(2026, 8, 1)), 'активен', null]);
  }
  m.getCell('H5').value = XSS;
  m.getCell('E6').value = HYPERLINK;
  m.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: CURATOR_FILL } };
  m.getCell('B3').note = 'Куратор: позвонить';
  m.getCell('K2').value = { formula: 'G2*2', result: 6 };
  m.mergeCells('K7:K9');
  m.getCell('K7').value = 'объединено';

  const t = book.addWorksheet('Наставляемые');
  t.addRow(['№', 'ФИО наставляемого', 'Категория', 'ОО', 'Класс', 'Д.р.', 'Запрос наставляемого', 'Желаемая форма', 'Согласие на обработку персональных данных', 'Статус']);
  for (let i = 1; i <= MENTEES; i++) {
    if (i % 997 === 0) {
      t.addRow([]);
      continue;
    }
    t.addRow([`Нв${i}`, `Ученик${i} Иван Сергеевич`, 'обучающийся', 'МБОУ СОШ № 5', `${5 + (i % 6)} класс`, new Date(Date.UTC(2009 + (i % 7), i % 12, 1 + (i % 27))), ['математика', 'физика', 'химия'][i % 3], 'ученик – ученик', new Date(Date.UTC(2026, 8, 1)), 'активен']);
  }
  t.getCell('F6').value = 'не знаю';
  t.getCell('I9500').value = 42;
  t.getCell('G3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  t.getCell('G3').note = 'Куратор: уточнить запрос';
  // The curator's colour on a cell the check marks: hers stays.
  t.getCell('F6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCFE2F3' } };
  await book.xlsx.writeFile(file);
}

describeBrowser('a curator\'s own 10 000-row workbook in the preview', () => {
  let env: Env;
  let ui: PreviewUi;
  let original: XlsxWorkbook;

  beforeAll(async () => {
    env = await startEnv({ write: writeOwn });
    original = await XlsxWorkbook.load(env.file);
    ui = await env.open();
  }, 120_000);

  guardEnv(() => ({ env, ui }));

  test('opens: its tabs, its headings, merged cells, formulas in the formula bar, hostile text as text', async () => {
    expect(await ui.tabNames()).toEqual([MENTORS_TAB, 'Наставляемые']);
    expect(await ui.cellText('B1')).toBe('Фамилия Имя Отчество');
    expect(await ui.cellBackground('B3')).toBe('#b6d7a8');
    expect(await ui.cellNote('B3')).toBe('Куратор: позвонить');
    expect(await ui.cellText('H5')).toBe(XSS);
    expect(await ui.cellText('E6')).toBe(HYPERLINK);
    expect(await ui.cell('K7').getAttribute('rowspan')).toBe('3');
    expect(await ui.cell('K8').count()).toBe(0);
    await ui.cell('K2').click();
    await ui.page.waitForFunction(() => document.getElementById('content')?.textContent === '=G2*2');
    expect(await ui.page.locator('table.grid img').count()).toBe(0);
  });

  test('10 000 rows: only the rows in view are drawn, and scrolling draws the rows there', async () => {
    const started = Date.now();
    await ui.openTab('Наставляемые');
    const opened = Date.now() - started;
    expect(await ui.page.locator('table.grid').getAttribute('data-rows')).toBe(String(MENTEES + 1 + 3));
    expect(await ui.page.locator('table.grid tbody tr').count()).toBeLessThan(200);
    await ui.page.locator('#grid-wrap').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await ui.page.locator('td[data-addr^="B50"]').first().waitFor();
    expect(await ui.page.locator('table.grid tbody tr').count()).toBeLessThan(200);
    process.stdout.write(`10 000-row tab drawn in ${opened} ms\n`);
    // A click moves the cursor: the page learns it without fetching the 10 000 rows again.
    const answers: Array<Promise<{ sheet?: unknown; active?: { row: number } }>> = [];
    const collect = (r: Response) => {
      if (r.url().includes('/api/sheets')) answers.push(r.json());
    };
    ui.page.on('response', collect);
    // The exact address: a prefix locator is resolved again at the click and, while the scroll
    // above is still redrawing rows, may then be another «C50…» cell than the one read here.
    const addr = (await ui.page.locator('td[data-addr^="C50"]').first().getAttribute('data-addr'))!;
    const target = ui.page.locator(`td[data-addr="${addr}"]`);
    // Wait for the answer to the click itself: a redraw from the scroll above may change the
    // grid's stamp first on a loaded machine.
    const moved = ui.page.waitForResponse(async (r) => {
      if (!r.url().includes('/api/sheets')) return false;
      const b = (await r.json().catch(() => null)) as { active?: { row: number } } | null;
      return !!b?.active && `C${b.active.row + 1}` === addr;
    });
    await target.click();
    await moved;
    ui.page.off('response', collect);
    const bodies = await Promise.all(answers);
    expect(bodies.some((b) => b.active && `C${b.active.row + 1}` === addr)).toBe(true);
    expect(bodies.filter((b) => b.sheet)).toEqual([]);
    // The page applies the answer right after it arrives.
    await ui.page.locator(`table.grid td.sel[data-addr="${addr}"]`).waitFor();
    expect(await ui.selectedCell()).toBe(addr);
  });

  test('«Проверить реестры»: findings far down are marked, and a finding brings its row into view', async () => {
    const before = await ui.stamp();
    const started = Date.now();
    await ui.clickMenu('Проверить реестры');
    expect(await ui.toastText()).toMatch(/^Найдено: \d+ ошиб/);
    await ui.waitForGridChange(before);
    process.stdout.write(`check of 10 000 mentees, saved and redrawn in ${Date.now() - started} ms\n`);

    await ui.clickMenu('Открыть панель');
    await ui.sidebarNav('Проверка');
    const side = ui.sidebar();
    await side.getByRole('button', { name: 'Проверить и подсветить' }).click();
    const far = side.locator('.registers-result li', { hasText: '«42»' });
    await far.waitFor();
    expect(await far.locator('.registers-cell').textContent()).toBe('I9500');
    await far.click();
    await ui.page.waitForFunction(() => document.querySelector('td.sel')?.getAttribute('data-addr') === 'I9500');
    expect(await ui.currentTab()).toBe('Наставляемые');
    expect(await ui.cellBackground('I9500')).toBe(PALETTE.error);
    expect(await ui.cellNote('I9500')).toMatch(/«42»/);
    // The curator's colour on a marked cell stays hers; the finding is in the note.
    await side.locator('.registers-result li', { hasText: '«не знаю»' }).click();
    await ui.page.waitForFunction(() => document.querySelector('td.sel')?.getAttribute('data-addr') === 'F6');
    expect(await ui.cellBackground('F6')).toBe('#cfe2f3');
    expect(await ui.cellNote('F6')).toMatch(/«не знаю»/);
    // The mentors' tab, renamed by the curator, is checked too: the hostile e-mail quoted as text.
    expect(await side.locator('.registers-result li', { hasText: XSS }).count()).toBe(1);
    expect(await side.locator('img').count()).toBe(0);
  });

  test('the file keeps every value, formula, merge, colour and note of the curator', async () => {
    const saved = await XlsxWorkbook.load(env.file);
    for (const tab of [MENTORS_TAB, 'Наставляемые']) {
      const was = original.readSheet(tab)!;
      const now = saved.readSheet(tab)!;
      expect(now.values).toEqual(was.values);
      expect(now.formulas).toEqual(was.formulas);
      expect(now.merges).toEqual(was.merges);
    }
    const own = saved.readDecorations(MENTORS_TAB, { row: 2, col: 1, rows: 1, cols: 1 });
    expect(own).toEqual({ backgrounds: [['#b6d7a8']], notes: [['Куратор: позвонить']] });
    const request = saved.readDecorations('Наставляемые', { row: 2, col: 6, rows: 1, cols: 1 });
    expect(request).toEqual({ backgrounds: [['#ffff00']], notes: [['Куратор: уточнить запрос']] });
    // Formula-looking text stays text.
    expect(saved.book.getWorksheet(MENTORS_TAB)!.getCell('E6').type).toBe(ExcelJS.ValueType.String);
  });
});
