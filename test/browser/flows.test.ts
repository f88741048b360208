/**
 * The main flows as a curator walks them on the demo workbook, one after another on one page:
 * set up the spreadsheet, accept a pairing suggestion, highlight deadlines, generate the pairs
 * order, check the registers. Each asserts what the page shows AND what reached the .xlsx file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { api } from '../../src/app/api';
import { PALETTE } from '../../src/app/decorate';
import { NEXT_DUE_HEADING, STATE_HEADING } from '../../src/app/roadmap/highlight';
import { JOURNAL_SHEET } from '../../src/core/orders/journal';
import { columnLetter, type CellValue } from '../../src/app/port';
import { columnsOf, roadmapItemSchema, SHEET_NAMES } from '../../src/core/registers/schemas';
import { buildDemoWorkbook, ROADMAP_CURATOR_MARK } from '../../src/node/demo';
import { nodeContext } from '../../src/node/context';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';
import { describeBrowser, startEnv, XSS, type Env, type PreviewUi, guardEnv } from './helpers';

/** The demo person without consent to personal data processing (Нв-9, already in pair П-4). */
const NO_CONSENT = 'Тихонов Егор Романович';
/** Нв-14, whom the matcher offers to Н-10 on the demo as it is; here her consent is withdrawn. */
const WITHDRAWN = { row: 14, name: 'Ковалёва Ева Максимовна' };
const MENTEE_CONSENT_COL = 12;
/** Н-9's e-mail holds hostile HTML: the check quotes it in its finding. */
const XSS_MENTOR_ROW = 9;
const EMAIL_COL = 10;

/** What the test's mutate changed in the demo (undefined: unchanged). */
function mutated(sheet: string, row: number, col: number): CellValue | undefined {
  if (sheet === SHEET_NAMES.mentors && row === XSS_MENTOR_ROW && col === EMAIL_COL) return XSS;
  if (sheet === SHEET_NAMES.mentees && row === WITHDRAWN.row && col === MENTEE_CONSENT_COL) return null;
  return undefined;
}

const demo = buildDemoWorkbook();
const original = (sheet: string) => demo.readSheet(sheet)!.values;
const roadmapCol = (field: string) => columnsOf(roadmapItemSchema).findIndex((c) => c.field === field);
/** 1-based row of the roadmap item whose title starts so. */
const roadmapRow = (title: string) => original(SHEET_NAMES.roadmap).findIndex((r) => String(r[roadmapCol('title')]).startsWith(title)) + 1;

describeBrowser('curator flows in a real browser', () => {
  let env: Env;
  let ui: PreviewUi;

  beforeAll(async () => {
    env = await startEnv({
      mutate: (wb) => {
        wb.writeValues(SHEET_NAMES.mentors, XSS_MENTOR_ROW, EMAIL_COL, [[XSS]]);
        wb.writeValues(SHEET_NAMES.mentees, WITHDRAWN.row, MENTEE_CONSENT_COL, [[null]]);
      },
    });
    ui = await env.open();
  });

  guardEnv(() => ({ env, ui }));

  test('«Настроить таблицу»: a summary, «Журнал приказов» appears, the curator\'s data is untouched', async () => {
    expect(await ui.tabNames()).not.toContain(JOURNAL_SHEET);
    const before = await ui.stamp();
    await ui.clickMenu('Настроить таблицу');
    const toast = await ui.toastText();
    expect(toast).toMatch(/^Таблица настроена:/);
    expect(toast).toContain(`создан лист «${JOURNAL_SHEET}»`);
    await ui.waitForGridChange(before);
    expect(await ui.tabNames()).toContain(JOURNAL_SHEET);
    await ui.openTab(SHEET_NAMES.mentors);
    expect(await ui.cellText('B2')).toBe('Кузнецова Ольга Викторовна');
    expect(await ui.cellBackground('P13')).toBe('#d9d9d9');

    const saved = await XlsxWorkbook.load(env.file);
    expect(saved.sheetNames()).toContain(JOURNAL_SHEET);
    for (const sheet of [SHEET_NAMES.mentors, SHEET_NAMES.mentees, SHEET_NAMES.pairs, SHEET_NAMES.roadmap]) {
      const was = original(sheet);
      const now = saved.readSheet(sheet)!.values;
      // Data rows as they were (setup may only add headings at the right end).
      expect(now.slice(1).map((r) => r.slice(0, was[0].length))).toEqual(
        was.slice(1).map((r, i) => r.map((v, c) => {
          const m = mutated(sheet, i + 1, c);
          return m === undefined ? v : m;
        })),
      );
      expect(now[0].slice(0, was[0].length)).toEqual(was[0]);
    }
    const note = saved.readDecorations(SHEET_NAMES.mentees, { row: 6, col: 1, rows: 1, cols: 1 });
    expect(note.backgrounds[0][0]).toBe('#fff2cc');
    expect(note.notes[0][0]).toBe('Личное дело запрошено из школы № 14');
  });

  test('«Подобрать пары»: suggestions with reasons; «Принять» adds the pair to «Пары»; nobody without consent is offered', async () => {
    await ui.clickMenu('Подобрать пары');
    const side = ui.sidebar();
    const cards = side.locator('.card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    // With her consent she would be offered (the same matcher on the unchanged demo); without it she is not.
    const withConsent = api.suggestPairs(nodeContext(buildDemoWorkbook(), { outDir: env.dir, today: '2026-11-22' }));
    expect(withConsent.assignments.flatMap((a) => a.mentees.map((m) => m.name))).toContain(WITHDRAWN.name);
    const offered = (await cards.allTextContents()).join('\n');
    expect(offered).not.toContain(WITHDRAWN.name);
    expect(offered).not.toContain(NO_CONSENT);
    // She is listed among those left without a mentor, with the reason.
    expect(await side.locator('details li', { hasText: WITHDRAWN.name }).textContent()).toMatch(/нет согласия на обработку персональных данных/);
    const first = cards.first();
    const reasons = await first.locator('ul.match-reasons li').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join('\n')).toMatch(/совпадает запрос|одна организация|возраст подходит/);
    const heading = (await first.locator('div').first().textContent()) ?? '';
    const mentorId = /\(([^)]+)\)/.exec(heading)?.[1];
    const menteeNames = heading.split('→')[1].split(',').map((s) => s.trim());
    expect(mentorId).toMatch(/^Н-\d+$/);

    const before = await ui.stamp();
    await first.getByRole('button', { name: 'Принять', exact: true }).click();
    expect(await side.locator('.match-message').textContent()).toMatch(/Добавлено в «Пары»: 1/);
    // The list is reloaded without the accepted mentee(s).
    for (const name of menteeNames) await side.locator('.card', { hasText: name }).first().waitFor({ state: 'detached' });
    await cards.first().waitFor();

    const saved = await XlsxWorkbook.load(env.file);
    const pairs = saved.readSheet(SHEET_NAMES.pairs)!.values;
    expect(pairs).toHaveLength(original(SHEET_NAMES.pairs).length + 1);
    const added = pairs[pairs.length - 1];
    expect(added[1]).toBe(mentorId);
    const mentees = saved.readSheet(SHEET_NAMES.mentees)!.values;
    const ids = String(added[2]).split(/[;\n]\s*/);
    expect(ids.map((id) => mentees.find((r) => r[0] === id)?.[1])).toEqual(menteeNames);
    expect(added[9]).toBe('формируется');

    await ui.waitForGridChange(before);
    await ui.openTab(SHEET_NAMES.pairs);
    const row = ui.page.locator('table.grid tr', { hasText: String(added[0]) });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe(mentorId);
  });

  test('«Подсветить сроки»: states and colours on «Дорожная карта», the curator\'s own colour kept', async () => {
    await ui.openTab(SHEET_NAMES.roadmap);
    const before = await ui.stamp();
    await ui.clickMenu('Подсветить сроки');
    const toast = await ui.toastText();
    const counts = /просрочено (\d+), скоро (\d+), идёт (\d+), выполнено (\d+)/.exec(toast);
    expect(counts).not.toBeNull();
    expect(counts!.slice(1).map(Number).every((n) => n > 0)).toBe(true);
    await ui.waitForGridChange(before);

    const width = original(SHEET_NAMES.roadmap)[0].length;
    const nextCol = columnLetter(width);
    const stateCol = columnLetter(width + 1);
    const deadline = columnLetter(roadmapCol('deadline'));
    expect(await ui.cellText(`${nextCol}1`)).toBe(NEXT_DUE_HEADING);
    expect(await ui.cellText(`${stateCol}1`)).toBe(STATE_HEADING);
    // The curator's own item: overdue, her blue and note on the deadline kept; the state cell coloured.
    const own = roadmapRow(ROADMAP_CURATOR_MARK.title);
    expect(await ui.cellText(`${stateCol}${own}`)).toBe('просрочено');
    expect(await ui.cellBackground(`${stateCol}${own}`)).toBe(PALETTE.overdue);
    expect(await ui.cellBackground(`${deadline}${own}`)).toBe(ROADMAP_CURATOR_MARK.background);
    expect(await ui.cellNote(`${deadline}${own}`)).toContain(ROADMAP_CURATOR_MARK.note);
    // Due 30 November: soon, on the state and on the deadline.
    const soon = roadmapRow('Формирование базы наставников');
    expect(await ui.cellText(`${stateCol}${soon}`)).toBe('скоро срок');
    expect(await ui.cellText(`${nextCol}${soon}`)).toBe('30.11.2026');
    expect(await ui.cellBackground(`${deadline}${soon}`)).toBe(PALETTE.soon);
    expect(await ui.cellNote(`${deadline}${soon}`)).toMatch(/Скоро срок: до 30\.11\.2026/);
    // May: nothing to colour yet.
    const later = roadmapRow('Проведение заключительной встречи');
    expect(await ui.cellBackground(`${deadline}${later}`)).toBeNull();
    expect(await ui.cellText(`${nextCol}${later}`)).toBe('31.05.2027');

    const saved = await XlsxWorkbook.load(env.file);
    const values = saved.readSheet(SHEET_NAMES.roadmap)!.values;
    expect(values[0].slice(width, width + 2)).toEqual([NEXT_DUE_HEADING, STATE_HEADING]);
    expect(values[soon - 1][width + 1]).toBe('скоро срок');
    const deco = saved.readDecorations(SHEET_NAMES.roadmap, { row: own - 1, col: roadmapCol('deadline'), rows: 1, cols: width + 2 - roadmapCol('deadline') });
    expect(deco.backgrounds[0][0]).toBe(ROADMAP_CURATOR_MARK.background);
    expect(deco.backgrounds[0][width + 1 - roadmapCol('deadline')]).toBe(PALETTE.overdue);
  });

  test('«Сформировать приказ» → pairs: the .docx lands beside the workbook, opens from the sidebar, the journal gets a row', async () => {
    await ui.clickMenu('Сформировать приказ');
    const side = ui.sidebar();
    await side.locator('.orders-preview', { hasText: 'О закреплении наставнических пар' }).waitFor();
    const before = await ui.stamp();
    await side.locator('.orders-preview button.primary', { hasText: 'Сформировать приказ' }).click();
    const link = side.locator('a.orders-open');
    await link.waitFor();
    const summary = (await side.locator('p.ok').textContent()) ?? '';
    const number = /Приказ № (\S+) от/.exec(summary)?.[1];
    expect(number).toBeTruthy();
    expect(await link.textContent()).toBe(`Открыть приказ № ${number}`);

    const href = (await link.getAttribute('href'))!;
    const res = await fetch(new URL(href, env.preview.url));
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('ПРИКАЗ');
    expect(text).toContain('О закреплении наставнических пар (групп)');
    expect(text).toContain('Григорьева Светлана Юрьевна'); // the mentor in the list of pairs
    expect(text).toContain('Орлова Виктория Олеговна'); // and her mentee
    expect(text).toContain('Куратору внедрения целевой модели наставничества Орловой Марине Сергеевне'); // dative
    expect(text).not.toContain(NO_CONSENT);
    expect(readdirSync(env.dir).filter((n) => n.endsWith('.docx'))).toEqual([decodeURIComponent(href.replace(/^\/files\//, ''))]);

    await ui.waitForGridChange(before);
    await ui.openTab(JOURNAL_SHEET);
    expect(await ui.cellText('A2')).toBe(number);
    const saved = await XlsxWorkbook.load(env.file);
    const journal = saved.readSheet(JOURNAL_SHEET)!.values;
    expect(journal).toHaveLength(2);
    expect(journal[1][0]).toBe(number);
    expect(journal[1]).toContain('О закреплении наставнических пар (групп)');
    // The journal keeps where the file is, not the page's address of it.
    const docx = join(env.dir, decodeURIComponent(href.replace(/^\/files\//, '')));
    expect(journal[1][4]).toBe(docx);
    // The pair in the order got its number in «Приказ».
    const p5 = saved.readSheet(SHEET_NAMES.pairs)!.values.find((r) => r[0] === 'П-5')!;
    expect(String(p5[8])).toContain(number!);

    // The same order again: the view names the earlier one and opens it.
    await ui.sidebarNav('Главная');
    await ui.sidebarNav('Приказы');
    const duplicate = side.locator('.orders-preview p.warn', { hasText: `Такой приказ уже издан: № ${number}` });
    await duplicate.waitFor();
    expect(await duplicate.locator('a').getAttribute('href')).toBe(href);
  });

  test('«Проверка»: findings listed, cells coloured by severity with notes, the curator\'s own kept; a finding opens its cell', async () => {
    if (!(await ui.sidebarVisible())) await ui.clickMenu('Открыть панель');
    await ui.sidebarNav('Проверка');
    const side = ui.sidebar();
    const before = await ui.stamp();
    await side.getByRole('button', { name: 'Проверить и подсветить' }).click();
    await side.locator('.registers-result').waitFor();
    expect(await side.locator('.registers-result p').first().textContent()).toMatch(/^Найдено: \d+ ошиб/);
    await ui.waitForGridChange(before);

    // Н-3's malformed e-mail: an error, red, with the add-on's note.
    await ui.openTab(SHEET_NAMES.mentors);
    expect(await ui.cellBackground('K4')).toBe(PALETTE.error);
    expect(await ui.cellNote('K4')).toMatch(/Неверный адрес электронной почты «morozova\.ti\.licey2-tmb\.ru»/);
    // Н-2 leads 3 with a limit of 2: a warning, yellow.
    expect(await ui.cellBackground('I3')).toBe(PALETTE.warning);
    expect(await ui.cellNote('I3')).toMatch(/наставляемых/);
    // A clean cell stays clean; the curator's grey and note on Н-12 are kept.
    expect(await ui.cellBackground('K2')).toBeNull();
    expect(await ui.cellBackground('P13')).toBe('#d9d9d9');
    expect(await ui.cellNote('P13')).toBe('В отпуске по уходу за ребёнком до сентября 2027 г.');
    // Нв-9 without consent, on the mentees' tab with the curator's own headings.
    await ui.openTab(SHEET_NAMES.mentees);
    const consent = `${columnLetter(MENTEE_CONSENT_COL)}10`;
    expect(await ui.cellBackground(consent)).toBe(PALETTE.error);
    expect(await ui.cellNote(consent)).toMatch(/Нет согласия на обработку персональных данных/);

    // The marks are in the file.
    const saved = await XlsxWorkbook.load(env.file);
    const k4 = saved.readDecorations(SHEET_NAMES.mentors, { row: 3, col: 10, rows: 1, cols: 1 });
    expect(k4.backgrounds[0][0]).toBe(PALETTE.error);

    // A finding on another tab: a click moves the cursor there, the grid follows.
    await side.locator('.registers-result li', { hasText: 'Нет согласия на обработку персональных данных' }).first().click();
    await ui.page.waitForFunction((addr) => document.querySelector('td.sel')?.getAttribute('data-addr') === addr, consent);
    expect(await ui.currentTab()).toBe(SHEET_NAMES.mentees);
    await ui.openTab(SHEET_NAMES.mentors);
    await side.locator('.registers-result li', { hasText: 'morozova.ti.licey2-tmb.ru' }).click();
    await ui.page.waitForFunction(() => document.querySelector('td.sel')?.getAttribute('data-addr') === 'K4');
  });

  test('a register cell holding HTML shows as text in the sidebar\'s findings and in the grid; nothing runs', async () => {
    if (!(await ui.sidebarVisible())) await ui.clickMenu('Открыть панель');
    await ui.sidebarNav('Проверка');
    const side = ui.sidebar();
    await side.getByRole('button', { name: 'Проверить и подсветить' }).click();
    const finding = side.locator('.registers-result li', { hasText: XSS });
    await finding.waitFor();
    expect(await finding.textContent()).toContain(`Неверный адрес электронной почты «${XSS}»`);
    expect(await side.locator('img').count()).toBe(0);
    // The same cell in the grid, as text too, and its note quoting it.
    await ui.openTab(SHEET_NAMES.mentors);
    const cell = `${columnLetter(EMAIL_COL)}${XSS_MENTOR_ROW + 1}`;
    expect(await ui.cellText(cell)).toBe(XSS);
    expect(await ui.cellNote(cell)).toContain(XSS);
    expect(await ui.cellBackground(cell)).toBe(PALETTE.error);
    expect(await ui.page.locator('table.grid img').count()).toBe(0);
    await ui.page.waitForTimeout(300);
    expect(ui.dialogs).toEqual([]);
  });
});
