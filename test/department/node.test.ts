/**
 * «Собрать сводку» on local files: three school workbooks (.xlsx), one missing file, one without
 * registers and one Google link, listed in a consolidation workbook; the «Сводка» written and saved.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';
import { buildDemoWorkbook } from '../../src/node/demo';
import { collectSummaryFile } from '../../src/node/department';
import { loadRegisters } from '../../src/app/registers/load';
import { monitoringOf } from '../../src/app/monitoring/indicators';
import { REASONS, SUMMARY_COLUMNS, SUMMARY_HEADER_ROW, SUMMARY_SHEET, SUMMARY_TITLE } from '../../src/core/monitoring/consolidate';
import { ROW_COLOURS } from '../../src/app/department/collect';
import { percent } from '../../src/core/util/text';
import { schoolTabs, type SchoolSpec } from './schools';

const asOf = '2026-11-22';
const col = (name: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(name);

async function saveSchool(path: string, spec: SchoolSpec): Promise<void> {
  const wb = XlsxWorkbook.create(path);
  for (const [name, rows] of Object.entries(schoolTabs(spec))) {
    wb.createSheet(name, rows[0] as string[]);
    if (rows.length > 1) wb.writeValues(name, 1, 0, rows.slice(1));
  }
  await wb.save();
}

describe('department review over .xlsx files', () => {
  let dir = '';
  let listPath = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nastavnik-department-'));
    await buildDemoWorkbook().save(join(dir, 'lyceum.xlsx'));
    await saveSchool(join(dir, 'school2.xlsx'), { shortName: 'СОШ № 2', pupils: 10, target: '10%', pairs: 1 });
    await saveSchool(join(dir, 'school3.xlsx'), { shortName: 'СОШ № 3', pupils: 100, target: '50%', pairs: 2, overdueItems: 1 });
    const empty = XlsxWorkbook.create();
    empty.createSheet('Лист1', ['Заметки']);
    await empty.save(join(dir, 'empty.xlsx'));
    const list = XlsxWorkbook.create();
    list.createSheet('Список школ', ['Организация', 'Ссылка на таблицу', 'Примечание']);
    list.writeValues('Список школ', 1, 0, [
      ['Лицей № 1', 'lyceum.xlsx', ''],
      ['СОШ № 2', 'school2.xlsx', 'новая'],
      ['СОШ № 3', 'school3.xlsx', ''],
      ['СОШ № 4', 'missing.xlsx', ''],
      ['СОШ № 5', 'empty.xlsx', ''],
      ['СОШ № 6', `https://docs.google.com/spreadsheets/d/${'q'.repeat(44)}/edit`, ''],
    ]);
    listPath = join(dir, 'svodka.xlsx');
    await list.save(listPath);
  });

  it('writes one row per school into «Сводка» of the consolidation file', async () => {
    const res = await collectSummaryFile(listPath, { today: asOf, collectedAt: '22.11.2026 09:30' });
    expect(res.counts).toEqual({ total: 6, ok: 3, attention: 2, failed: 3, notReached: 0 });
    expect(res.summary).toBe('Собрано: 3 из 6, не открылись: 3, требуют внимания: 2. Лист «Сводка».');

    const saved = await XlsxWorkbook.load(listPath);
    const grid = saved.readSheet(SUMMARY_SHEET)!.values;
    expect(grid[0][0]).toBe(SUMMARY_TITLE);
    expect(grid[1].slice(0, 4)).toEqual(['На дату', '22.11.2026', 'Собрано', '22.11.2026 09:30']);
    expect(grid[SUMMARY_HEADER_ROW]).toEqual([...SUMMARY_COLUMNS]);
    const rows = grid.slice(SUMMARY_HEADER_ROW + 1, SUMMARY_HEADER_ROW + 7);
    expect(rows.map((r) => [r[0], r[col('Организация')], r[col('Ссылка на таблицу')], r[col('Статус')]])).toEqual([
      [1, 'Лицей № 1', 'lyceum.xlsx', 'прочитана'],
      [2, 'СОШ № 2', 'school2.xlsx', 'прочитана'],
      [3, 'СОШ № 3', 'school3.xlsx', 'прочитана'],
      [4, 'СОШ № 4', 'missing.xlsx', REASONS.notFound],
      [5, 'СОШ № 5', 'empty.xlsx', REASONS.noRegisters],
      [6, 'СОШ № 6', `https://docs.google.com/spreadsheets/d/${'q'.repeat(44)}/edit`, REASONS.localOnly],
    ]);

    // The lyceum's figures are exactly its own monitoring's.
    const m = monitoringOf(loadRegisters(buildDemoWorkbook()), asOf).indicators;
    const ly = rows[0];
    expect([ly[col('Всего обучающихся')], ly[col('Вовлечено обучающихся')], ly[col('Доля вовлечённых')], ly[col('Целевой показатель')]]).toEqual([
      m.pupils.total,
      m.pupils.involved,
      percent(m.pupils.share!),
      percent(m.pupils.target!),
    ]);
    expect([ly[col('Пар активно')], ly[col('Пар формируется')], ly[col('Наставников')], ly[col('Наставляемых')], ly[col('Ждут наставника')]]).toEqual([
      m.pairs.active,
      m.pairs.forming,
      m.people.mentors,
      m.people.mentees,
      m.waiting.length,
    ]);
    expect([ly[col('Мероприятий выполнено')], ly[col('Мероприятий просрочено')], ly[col('Мероприятий со сроком скоро')]]).toEqual([m.roadmap.done, m.roadmap.overdue, m.roadmap.soon]);
    expect(String(ly[col('Внимание')])).toMatch(/при цели 40%/);

    expect(rows[1].slice(col('Всего обучающихся'), col('Целевой показатель') + 1)).toEqual([10, 3, '30%', '10%']);
    expect(rows[1][col('Внимание')]).toBe('нет замечаний');
    expect(rows[2][col('Мероприятий просрочено')]).toBe(1);

    const totals = grid[SUMMARY_HEADER_ROW + 7];
    expect(totals[col('Организация')]).toBe('Итого');
    expect(totals[col('Вовлечено обучающихся')]).toBe(m.pupils.involved + 3 + 6);

    // Backgrounds: the lyceum and СОШ № 3 need attention, СОШ № 2 does not, failures are marked.
    const deco = saved.readDecorations(SUMMARY_SHEET, { row: SUMMARY_HEADER_ROW + 1, col: 0, rows: 6, cols: 1 });
    expect(deco.backgrounds.map((r) => r[0])).toEqual([ROW_COLOURS.attention, null, ROW_COLOURS.attention, ROW_COLOURS.failed, ROW_COLOURS.failed, ROW_COLOURS.failed]);

    // The list and the school files are left as they were.
    expect(saved.readSheet('Список школ')!.values[2]).toEqual(['СОШ № 2', 'school2.xlsx', 'новая']);
    const school2 = await XlsxWorkbook.load(join(dir, 'school2.xlsx'));
    expect(school2.sheetNames()).toEqual(['Наставники', 'Наставляемые', 'Пары', 'Настройки', 'Дорожная карта']);
  });
});
