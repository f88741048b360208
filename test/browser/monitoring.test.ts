/**
 * The sidebar's «Мониторинг» walked as a curator on the demo workbook: the figures (worked out
 * here from the workbook's cells, not taken from the page), the by-form chart, the attention list,
 * the one-row summary, the «Мониторинг» tab, the department report (.docx read back), and the
 * view's fit in Sheets' 300 px sidebar with nothing English and no ISO date in it.
 */
import JSZip from 'jszip';
import type { Frame } from 'playwright-core';
import type { CellValue } from '../../src/app/port';
import { readTable } from '../../src/core/registers/read';
import { readSettings } from '../../src/core/registers/settings';
import { roadmapItemSchema, SHEET_NAMES } from '../../src/core/registers/schemas';
import { countStatuses, evaluateRoadmap, roadmapPeriod } from '../../src/core/roadmap/evaluate';
import { buildDemoWorkbook } from '../../src/node/demo';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';
import { describeBrowser, guardEnv, startEnv, type Env, type PreviewUi } from './helpers';

const TODAY = '2026-11-22';
const TODAY_RU = '22.11.2026';

// ---- the expectations, from the demo workbook's cells
const demo = buildDemoWorkbook();
const values = (sheet: string) => demo.readSheet(sheet)!.values;
const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());
/** A register as objects by heading (the demo's mentees tab has the curator's own headings). */
function register(sheet: string): Array<Record<string, CellValue>> {
  const [head, ...rows] = values(sheet);
  return rows.filter((r) => text(r[0])).map((r) => Object.fromEntries(head.map((h, c) => [text(h), r[c] ?? null])));
}
const mentors = register(SHEET_NAMES.mentors);
const mentees = register(SHEET_NAMES.mentees);
const pairs = register(SHEET_NAMES.pairs);
const settingsRows = values(SHEET_NAMES.settings);
const setting = (label: string) => settingsRows.find((r) => r[0] === label)?.[1];
const nameOf = (p: Record<string, CellValue>) => text(p['ФИО'] ?? p['Ф.И.О.']);
const consentOf = (p: Record<string, CellValue>) => p['Согласие на обработку ПДн'] ?? p['Согласие ПДн'];
/** A pair refers to people by ID or full name. */
const find = (people: typeof mentors, ref: string) => people.find((p) => text(p['ID']) === ref || nameOf(p) === ref);
const refs = (cell: CellValue) => text(cell).split(/[;\n]/).map((s) => s.trim()).filter(Boolean);

const live = pairs.filter((p) => ['формируется', 'активна'].includes(text(p['Статус'])));
const involvedPupils = new Set<string>();
const byForm = new Map<string, number>();
const withoutConsentInPairs = new Set<string>();
for (const p of live) {
  const mentor = find(mentors, text(p['Наставник']));
  if (mentor?.['Категория'] === 'обучающийся') involvedPupils.add(nameOf(mentor));
  if (mentor && !consentOf(mentor)) withoutConsentInPairs.add(nameOf(mentor));
  const form = text(p['Форма наставничества']);
  byForm.set(form, byForm.get(form) ?? 0);
  for (const ref of refs(p['Наставляемые'])) {
    const m = find(mentees, ref);
    if (!m) continue; // an unknown person counts nowhere
    byForm.set(form, byForm.get(form)! + 1);
    if (m['Категория'] === 'обучающийся') involvedPupils.add(nameOf(m));
    if (!consentOf(m)) withoutConsentInPairs.add(nameOf(m));
  }
}
const TOTAL = Number(setting('Численность обучающихся'));
const TARGET = text(setting(`Цель ${TODAY.slice(0, 4)}`));
const INVOLVED = involvedPupils.size;
/** «0,6%»: one decimal, Russian comma. */
const SHARE = `${Number(((INVOLVED / TOTAL) * 100).toFixed(1))}`.replace('.', ',') + '%';
const FORMING = pairs.filter((p) => p['Статус'] === 'формируется').length;
const ACTIVE = pairs.filter((p) => p['Статус'] === 'активна').length;
const COMPLETED = pairs.filter((p) => p['Статус'] === 'завершена').length;

const paired = new Set(pairs.filter((p) => p['Статус'] !== 'расторгнута').flatMap((p) => refs(p['Наставляемые']).map((r) => find(mentees, r)).filter(Boolean)));
const dayMs = 86400000;
const joinedDays = (p: Record<string, CellValue>) => (Date.parse(TODAY) - (p['Дата вступления'] as Date).getTime()) / dayMs;
/** Mentees with consent, in no pair, who joined over 30 days ago (the default in «Настройки»). */
const WAITING = mentees.filter((m) => !paired.has(m) && consentOf(m) && m['Статус'] === 'активен' && joinedDays(m) > 30).map((m) => text(m['ID']));
const UNTRAINED = mentors.filter((m) => m['Статус'] === 'активен' && !m['Обучение наставников']).map((m) => text(m['ID']));
const NO_CONSENT = { mentors: mentors.filter((m) => !consentOf(m)), mentees: mentees.filter((m) => !consentOf(m)) };

// The roadmap's figures through the core reader and evaluator (deadline phrases are its job).
const { settings } = readSettings(values(SHEET_NAMES.settings));
const roadmapRows = readTable(SHEET_NAMES.roadmap, values(SHEET_NAMES.roadmap), roadmapItemSchema).rows;
const ROADMAP = countStatuses(
  evaluateRoadmap(roadmapRows, {
    period: roadmapPeriod(settings, roadmapRows.map((r) => r.record.deadline ?? ''), TODAY),
    asOf: TODAY,
    soonDays: settings.soonDays,
  }),
);

/** The sidebar's frame (for what a locator cannot say: sizes, selection, clipboard). */
async function sidebarFrame(ui: PreviewUi): Promise<Frame> {
  await ui.sidebar().locator('body').waitFor();
  const frame = ui.page.frame({ url: /\/sidebar/ });
  if (!frame) throw new Error('sidebar frame not loaded');
  return frame;
}

/** What overflows the sidebar: elements past its right edge, SVG texts past their chart. */
async function overflow(frame: Frame): Promise<{ width: number; scrollWidth: number; outside: string[] }> {
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > width + 0.5) outside.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(r.right)}`);
    }
    for (const svg of Array.from(document.querySelectorAll('svg'))) {
      const w = svg.width.baseVal.value;
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        const box = t.getBBox();
        const shift = (t.parentNode as SVGGElement).transform?.baseVal.consolidate()?.matrix.e ?? 0;
        if (box.x + shift < 0 || box.x + shift + box.width > w + 0.5) outside.push(`svg text «${t.textContent}» ${Math.round(box.x + box.width)} > ${w}`);
      }
    }
    return { width, scrollWidth: document.documentElement.scrollWidth, outside };
  });
}

/** Rows of the by-form chart as drawn: label, count, bar width, and whether a label meets a bar. */
async function chartRows(frame: Frame) {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll('.monitoring-forms svg g')).map((g) => {
      const label = g.querySelector('text.label') as SVGTextElement;
      const count = g.querySelector('text.count') as SVGTextElement;
      const bar = g.querySelector('rect') as SVGRectElement;
      const lb = label.getBBox();
      const bb = bar.getBBox();
      return {
        form: g.getAttribute('data-form'),
        label: label.textContent,
        title: g.querySelector('title')?.textContent ?? '',
        count: count.textContent,
        bar: bb.width,
        // The label's box and the bar's box share no vertical band.
        apart: lb.y + lb.height <= bb.y || bb.y + bb.height <= lb.y,
      };
    }),
  );
}

/** Visible text and the texts a screen reader or a tooltip shows, of the whole sidebar. */
async function sidebarTexts(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], title, textarea, input'))) {
      for (const a of ['aria-label', 'title', 'placeholder']) parts.push(el.getAttribute(a) ?? '');
      if (el.tagName.toLowerCase() === 'title') parts.push(el.textContent ?? '');
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) parts.push(el.value);
    }
    return parts.join('\n');
  });
}

const docxText = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describeBrowser('«Мониторинг» in the sidebar, as a curator walks it', () => {
  let env: Env;
  let ui: PreviewUi;

  beforeAll(async () => {
    env = await startEnv({ today: TODAY });
    ui = await env.open();
  });

  guardEnv(() => ({ env, ui }));

  test('the demo gives figures worth checking', () => {
    // Guards the expectations above against an empty or reshaped demo.
    expect(INVOLVED).toBeGreaterThan(1);
    expect(TOTAL).toBeGreaterThan(INVOLVED);
    expect(TARGET).toMatch(/^\d+%$/);
    expect(byForm.size).toBeGreaterThan(1);
    expect(WAITING.length).toBeGreaterThan(5);
    expect(withoutConsentInPairs.size).toBeGreaterThan(0);
    expect(ROADMAP.overdue).toBeGreaterThan(0);
  });

  test('opened from the menu: pupils involved and the share against the year’s target', async () => {
    await ui.clickMenu('Мониторинг');
    const side = ui.sidebar();
    const pupils = side.locator('.monitoring-pupils');
    await pupils.waitFor();
    expect(await side.locator('nav.nav button[aria-current="page"]').textContent()).toBe('Мониторинг');
    expect(await pupils.textContent()).toBe(
      `На ${TODAY_RU}: вовлечено ${INVOLVED} из ${TOTAL} обучающихся (${SHARE}), цель ${TARGET} к концу ${TODAY.slice(0, 4)} года.`,
    );
    // The bar: the share filled, the target's line at its place, behind target in orange.
    const bar = side.locator('svg[aria-label^="Вовлечено"]');
    expect(await bar.getAttribute('aria-label')).toBe(`Вовлечено ${SHARE}, цель ${TARGET}`);
    const width = Number(await bar.getAttribute('width'));
    const fill = bar.locator('rect').nth(1);
    expect(Number(await fill.getAttribute('width'))).toBeCloseTo((INVOLVED / TOTAL) * width, 1);
    expect(await fill.getAttribute('fill')).toBe('#f29900');
    expect(Number(await bar.locator('line').getAttribute('x1'))).toBeCloseTo((parseFloat(TARGET) / 100) * width, 5);
  });

  test('pairs by status, the by-form chart labelled with forms and counts, the roadmap figures', async () => {
    const side = ui.sidebar();
    expect(await side.locator('.monitoring-pairs').textContent()).toBe(`формируется ${FORMING}, активно ${ACTIVE}, завершено ${COMPLETED}`);
    const rows = await chartRows(await sidebarFrame(ui));
    expect(rows.map((r) => [r.form, r.label, r.count])).toEqual([...byForm].map(([f, n]) => [f, f, String(n)]));
    const max = Math.max(...byForm.values());
    const longest = rows.find((r) => r.count === String(max))!;
    for (const r of rows) {
      expect(r.bar).toBeCloseTo((Number(r.count) / max) * longest.bar, 5);
      expect(r.apart).toBe(true);
      expect(r.title).toMatch(new RegExp(`^${r.form}: наставляемых ${r.count}, пар и групп \\d+$`));
    }
    expect(await side.locator('.monitoring-roadmap').textContent()).toBe(
      `выполнено ${ROADMAP.done}, просрочено ${ROADMAP.overdue}, скоро срок ${ROADMAP.soon}, всего ${ROADMAP.total}`,
    );
  });

  test('«Требует внимания»: waiting mentees, untrained mentors, missing consents by ID, then the flags', async () => {
    const items = await ui.sidebar().locator('.monitoring-attention li').allTextContents();
    const shown = (list: string[]) => `${list.slice(0, 5).join(', ')}${list.length > 5 ? '…' : ''}`;
    const waiting = /^Ждут наставника дольше 30 дней: (\d+) \((.+)\)$/.exec(items[0]);
    expect(waiting?.[1]).toBe(String(WAITING.length));
    const ids = waiting![2].replace(/…$/, '').split(', ');
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(WAITING).toContain(id);
    expect(items[1]).toBe(`Наставников без обучения: ${UNTRAINED.length} (${shown(UNTRAINED)})`);
    const noConsentIds = [...NO_CONSENT.mentors, ...NO_CONSENT.mentees].map((p) => text(p['ID']));
    expect(items[2]).toBe(`Нет согласия на обработку ПДн: наставников ${NO_CONSENT.mentors.length}, наставляемых ${NO_CONSENT.mentees.length} (${shown(noConsentIds)})`);
    expect(items.slice(3)).toEqual([
      `Вовлечено ${SHARE} при цели ${TARGET}`,
      `Просрочено мероприятий дорожной карты: ${ROADMAP.overdue}`,
      `Участников пар без согласия на обработку ПДн: ${withoutConsentInPairs.size}`,
    ]);
    // People are named by ID only: no name from the registers shows in the view.
    const all = await ui.sidebar().locator('main').innerText();
    for (const p of [...mentors, ...mentees]) expect(all).not.toContain(nameOf(p));
  });

  test('«Скопировать строку»: the summary, tab-separated with Russian headings, reaches the clipboard', async () => {
    const side = ui.sidebar();
    const area = side.locator('textarea');
    const [head, row, ...rest] = (await area.inputValue()).split('\n');
    expect(rest).toEqual([]);
    const heads = head.split('\t');
    const cells = row.split('\t');
    expect(cells).toHaveLength(heads.length);
    for (const h of heads) expect(h).toMatch(/^[А-ЯЁ][а-яё ]+$/);
    const cell = (h: string) => cells[heads.indexOf(h)];
    expect(cell('Организация')).toBe(setting('Краткое наименование'));
    expect(cell('Дата')).toBe(TODAY_RU);
    expect(cell('Всего обучающихся')).toBe(String(TOTAL));
    expect(cell('Вовлечено обучающихся')).toBe(String(INVOLVED));
    expect(cell('Доля вовлечённых')).toBe(SHARE);
    expect(cell('Целевой показатель')).toBe(TARGET);
    expect(cell('Пар активно')).toBe(String(ACTIVE));
    expect(cell('Мероприятий просрочено')).toBe(String(ROADMAP.overdue));

    await ui.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.preview.url });
    const frame = await sidebarFrame(ui);
    await side.getByRole('button', { name: 'Скопировать строку' }).click();
    await side.getByRole('button', { name: 'Скопировано' }).waitFor();
    expect(await frame.evaluate(() => navigator.clipboard.readText())).toBe(`${head}\n${row}`);
  });

  test('«Скопировать строку» where the frame may not copy: the row is selected and the curator told how to copy it', async () => {
    const side = ui.sidebar();
    const frame = await sidebarFrame(ui);
    // As a sidebar frame without the clipboard permission: the API refuses, so does execCommand.
    await frame.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new DOMException('blocked', 'NotAllowedError')) } });
      document.execCommand = () => false;
    });
    await side.getByRole('button', { name: /Скопировано|Скопировать строку/ }).click();
    expect(await side.locator('p.warn', { hasText: 'Копировать' }).textContent()).toBe('Браузер не дал скопировать: строка выделена — скопируйте её правой кнопкой мыши → «Копировать».');
    const selection = await frame.evaluate(() => {
      const t = document.querySelector('textarea')!;
      return { active: document.activeElement === t, start: t.selectionStart, end: t.selectionEnd, length: t.value.length };
    });
    expect(selection).toEqual({ active: true, start: 0, end: selection.length, length: selection.length });
    expect(selection.length).toBeGreaterThan(100);
  });

  test('«Обновить лист «Мониторинг»»: the tab appears in the grid with the figures, and in the file', async () => {
    const side = ui.sidebar();
    expect(await ui.tabNames()).not.toContain('Мониторинг');
    await side.getByRole('button', { name: 'Обновить лист «Мониторинг»' }).click();
    expect(await side.locator('p.ok', { hasText: 'обновлён' }).textContent()).toBe(`Лист «Мониторинг» обновлён: вовлечено ${INVOLVED} обучающихся, ${SHARE}.`);
    await ui.page.locator('#tabs button', { hasText: 'Мониторинг' }).waitFor();
    await ui.openTab('Мониторинг');
    const labels = await ui.columnTexts('A', 20);
    const value = async (label: string) => ui.cellText(`B${labels.indexOf(label) + 1}`);
    expect(labels[0]).toMatch(/^Мониторинг реализации целевой модели наставничества/);
    expect(await value('На дату')).toBe(TODAY_RU);
    expect(await value('Всего обучающихся')).toBe(String(TOTAL));
    expect(await value('Вовлечено обучающихся')).toBe(String(INVOLVED));
    expect(await value('Доля вовлечённых')).toBe(SHARE);
    expect(await value(`Целевой показатель (к концу ${TODAY.slice(0, 4)} года)`)).toBe(TARGET);
    expect(await value('Пар и групп активно')).toBe(String(ACTIVE));

    const saved = (await XlsxWorkbook.load(env.file)).readSheet('Мониторинг')!.values;
    expect(saved.find((r) => r[0] === 'Вовлечено обучающихся')?.[1]).toBe(INVOLVED);
    // The registers are untouched.
    expect((await XlsxWorkbook.load(env.file)).readSheet(SHEET_NAMES.pairs)!.values).toEqual(values(SHEET_NAMES.pairs));
  });

  test('«Сформировать сведения»: a .docx that opens, with the organisation, the title and the personified list, nobody without consent', async () => {
    const side = ui.sidebar();
    await side.getByRole('button', { name: 'Сформировать сведения' }).click();
    const link = side.getByRole('link', { name: 'Открыть' });
    await link.waitFor();
    expect(await side.locator('p.ok', { hasText: 'Сведения сформированы' }).textContent()).toBe(
      `Сведения сформированы: Сведения о реализации ЦМН на ${TODAY_RU}. Открыть`,
    );
    const href = (await link.getAttribute('href'))!;
    expect(decodeURIComponent(href)).toMatch(/\.docx$/);
    const res = await fetch(new URL(href, env.preview.url));
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const doc = docxText(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
    expect(doc).toContain(text(setting('Полное наименование организации')));
    expect(doc).toContain('Сведения о реализации целевой модели наставничества');
    expect(doc).toContain(`по состоянию на 22 ноября 2026 г.`);
    expect(doc).toContain('Персонифицированный учёт участников программ наставничества');
    // A pupil of a live pair, with consent, is in the list; nobody without consent is.
    const named = [...involvedPupils].filter((n) => !withoutConsentInPairs.has(n));
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(doc).toContain(n);
    for (const p of [...NO_CONSENT.mentors, ...NO_CONSENT.mentees]) expect(doc).not.toContain(nameOf(p));
    expect(doc).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('the view fits the 300 px sidebar, with nothing English and no ISO date in it', async () => {
    const frame = await sidebarFrame(ui);
    const o = await overflow(frame);
    expect(o.width).toBe(300);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.width);
    expect(o.outside).toEqual([]);
    const all = await sidebarTexts(frame);
    expect(all).toContain('Сводка для управления образования');
    expect(all.match(/[A-Za-z]{2,}/g)).toBeNull();
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
