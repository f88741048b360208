/**
 * Department review: the pure consolidation (list reading, references, flags, order, failure
 * rows) and the service over in-memory workbooks (opening, reasons, time budget, writing).
 */
import {
  REASONS,
  SUMMARY_COLUMNS,
  SUMMARY_FALLBACK_SHEET,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEET,
  SUMMARY_TITLE,
  buildSummaryTable,
  findListSheet,
  needsAttention,
  parseSchoolRef,
  readSchoolList,
  reasonKeyOf,
  summaryMessage,
  type SchoolEntry,
  type SchoolOutcome,
} from '../../src/core/monitoring/consolidate';
import type { Indicators } from '../../src/core/monitoring/indicators';
import { collectSummary, createListTemplate, ROW_COLOURS } from '../../src/app/department/collect';
import { OpenWorkbookError } from '../../src/app/department/open';
import type { AppContext } from '../../src/app/context';
import type { CellValue, WorkbookPort } from '../../src/app/port';
import { UserError } from '../../src/app/port';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { schoolTabs } from './schools';

const col = (name: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(name);

function indicators(over: { share?: number | null; target?: number | null; total?: number | null; involved?: number; overdue?: number } = {}): Indicators {
  return {
    asOf: '2026-11-22',
    pupils: { total: over.total === undefined ? 100 : over.total, involved: over.involved ?? 20, share: over.share === undefined ? 0.2 : over.share, target: over.target === undefined ? 0.1 : over.target, targetYear: 2026 },
    byForm: {},
    pairs: { active: 3, forming: 1, completed: 2, terminated: 0 },
    people: { mentors: 4, mentees: 7, activeMentors: 4 },
    roadmap: { done: 5, overdue: over.overdue ?? 0, soon: 1, total: 9 },
    waiting: [{ id: 'Нв-1', days: 40 }],
    untrainedMentors: ['Н-2'],
    missingConsent: { mentors: ['Н-3'], mentees: ['Нв-4', 'Нв-5'] },
    unclear: { pairStatus: 0, participantsWithoutConsent: 0 },
  };
}

const entry = (row: number, name: string, link = `https://docs.google.com/spreadsheets/d/${'x'.repeat(30)}${row}/edit`): SchoolEntry => ({ row, name, link });

describe('parseSchoolRef', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab';
  it.each([
    [`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`, { kind: 'google', id }],
    [`https://docs.google.com/spreadsheets/u/1/d/${id}/edit?usp=sharing`, { kind: 'google', id }],
    [`  ${id}  `, { kind: 'id', id }],
    ['школы/лицей.xlsx', { kind: 'file', path: 'школы/лицей.xlsx' }],
  ])('%s', (text, want) => {
    expect(parseSchoolRef(text)).toMatchObject(want);
  });
  it.each(['', 'https://drive.google.com/file/d/abc/view', 'Лицей № 1', 'https://example.org/table'])('rejects %p', (text) => {
    expect(parseSchoolRef(text)).toBeNull();
  });
});

describe('readSchoolList', () => {
  it('reads the columns by meaning in any order, skipping blank rows', () => {
    const list = readSchoolList(
      [
        ['Примечание', 'URL', 'ОО'],
        ['', 'a.xlsx', 'Лицей № 1'],
        [null, null, null],
        ['звонить завучу', 'b.xlsx', 'СОШ № 2'],
        ['', '', 'СОШ № 3'],
      ],
      'Список школ',
    );
    expect(list.problem).toBeNull();
    expect(list.schools).toEqual([
      { row: 1, name: 'Лицей № 1', link: 'a.xlsx' },
      { row: 3, name: 'СОШ № 2', link: 'b.xlsx' },
      { row: 4, name: 'СОШ № 3', link: '' },
    ]);
  });

  it('accepts a bare list of links without a header row', () => {
    const id = 'z'.repeat(40);
    const list = readSchoolList([[`https://docs.google.com/spreadsheets/d/${id}/edit`], [id]], 'Лист1');
    expect(list.schools.map((s) => s.row)).toEqual([0, 1]);
    expect(list.schools[1]).toEqual({ row: 1, name: '', link: id });
  });

  it('finds the link column by its cells when the heading is unknown; the name is the text column on its left', () => {
    const list = readSchoolList([['Учреждение образования', 'Где лежит'], ['Гимназия', 'g.xlsx']], 'Школы');
    expect(list.schools).toEqual([{ row: 1, name: 'Гимназия', link: 'g.xlsx' }]);
  });

  it('says what is missing when there is no link at all', () => {
    expect(readSchoolList([['Организация'], ['Лицей']], 'Список школ').problem).toMatch(/нет столбца «Ссылка на таблицу»/);
    expect(readSchoolList([['Организация', 'Ссылка']], 'Список школ').problem).toMatch(/нет ни одной школы/);
  });

  it('findListSheet prefers «Список школ», then a tab named like a list, then headings', () => {
    expect(findListSheet(['Сводка', 'список  школ', 'Школы'], () => [])).toBe('список  школ');
    expect(findListSheet(['Сводка', 'Лист1', 'Школы района'], () => [])).toBe('Школы района');
    expect(findListSheet(['Сводка', 'Лист1', 'Лист2'], (n) => (n === 'Лист2' ? ['Ссылка на таблицу'] : ['x']))).toBe('Лист2');
    expect(findListSheet(['Сводка', 'Лист1'], () => ['x'])).toBeNull();
    // «ОО» as a word (JS \b never matched beside Cyrillic), not inside one.
    expect(findListSheet(['Сводка', 'Лист1', 'ОО района'], () => ['x'])).toBe('ОО района');
    expect(findListSheet(['Сводка', 'Наши оо'], () => ['x'])).toBe('Наши оо');
    expect(findListSheet(['Сводка', 'Зоопарк'], () => ['x'])).toBeNull();
  });
});

describe('buildSummaryTable', () => {
  const ok = (row: number, name: string, ind: Indicators, flags: string[] = []): SchoolOutcome => ({ entry: entry(row, name), kind: 'ok', orgName: `${name} (из настроек)`, indicators: ind, flags });

  it('keeps the list order; failed and not reached schools stay in place with their reason', () => {
    const t = buildSummaryTable(
      [
        ok(1, 'Лицей № 1', indicators()),
        { entry: entry(2, 'СОШ № 2'), kind: 'failed', reason: REASONS.access },
        ok(3, 'СОШ № 3', indicators({ share: 0.05, target: 0.1 }), ['вовлечено 5% при цели 10%']),
        { entry: entry(4, 'СОШ № 4'), kind: 'notReached' },
      ],
      '2026-11-22',
      '22.11.2026 10:00',
    );
    expect(t.rows[0][0]).toBe(SUMMARY_TITLE);
    expect(t.rows[1].slice(0, 4)).toEqual(['На дату', '22.11.2026', 'Собрано', '22.11.2026 10:00']);
    expect(t.rows[SUMMARY_HEADER_ROW]).toEqual([...SUMMARY_COLUMNS]);
    const body = t.rows.slice(SUMMARY_HEADER_ROW + 1, -1);
    expect(body.map((r) => [r[0], r[col('Организация')], r[col('Статус')]])).toEqual([
      [1, 'Лицей № 1', 'прочитана'],
      [2, 'СОШ № 2', REASONS.access],
      [3, 'СОШ № 3', 'прочитана'],
      [4, 'СОШ № 4', REASONS.notReached],
    ]);
    expect(t.marks).toEqual(['ok', 'failed', 'attention', 'notReached']);
    expect(t.counts).toEqual({ total: 4, ok: 2, attention: 1, failed: 1, notReached: 1 });
    // Every row is as wide as the header (one rectangle).
    for (const r of t.rows) expect(r).toHaveLength(SUMMARY_COLUMNS.length);
    // A failed school's figures are blank, not zero.
    expect(body[1].slice(col('Всего обучающихся'), col('Внимание') + 1).every((v) => v === '')).toBe(true);
  });

  it('writes every indicator of a school read', () => {
    const t = buildSummaryTable([ok(1, '', indicators())], '2026-11-22', 'x');
    const r = t.rows[SUMMARY_HEADER_ROW + 1];
    const get = (c: (typeof SUMMARY_COLUMNS)[number]) => r[col(c)];
    // No name in the list: the school's own short name.
    expect(get('Организация')).toBe(' (из настроек)');
    expect([get('Всего обучающихся'), get('Вовлечено обучающихся'), get('Доля вовлечённых'), get('Целевой показатель')]).toEqual([100, 20, '20%', '10%']);
    expect([get('Пар активно'), get('Пар формируется'), get('Пар завершено'), get('Наставников'), get('Наставляемых')]).toEqual([3, 1, 2, 4, 7]);
    expect([get('Ждут наставника'), get('Наставников без обучения'), get('Нет согласия на обработку ПДн')]).toEqual([1, 1, 3]);
    expect([get('Мероприятий выполнено'), get('Мероприятий просрочено'), get('Мероприятий со сроком скоро')]).toEqual([5, 0, 1]);
    expect(get('Внимание')).toBe('нет замечаний');
  });

  it('flags schools behind the target or with overdue items, and only those', () => {
    expect(needsAttention(indicators())).toBe(false);
    expect(needsAttention(indicators({ share: 0.099, target: 0.1 }))).toBe(true);
    expect(needsAttention(indicators({ overdue: 1 }))).toBe(true);
    // Unknown share or no target for the year: nothing to compare.
    expect(needsAttention(indicators({ share: null, total: null }))).toBe(false);
    expect(needsAttention(indicators({ share: 0.01, target: null }))).toBe(false);
  });

  it('totals the schools read; the share only over schools that gave their number of pupils', () => {
    const t = buildSummaryTable(
      [
        ok(1, 'А', indicators({ total: 100, involved: 30, share: 0.3 })),
        ok(2, 'Б', indicators({ total: null, involved: 10, share: null })),
        ok(3, 'В', indicators({ total: 300, involved: 10, share: 0.0333, overdue: 2 })),
        { entry: entry(4, 'Г'), kind: 'failed', reason: REASONS.notFound },
      ],
      '2026-11-22',
      'x',
    );
    const total = t.rows[t.rows.length - 1];
    expect(total[col('Организация')]).toBe('Итого');
    expect(total[col('Статус')]).toBe('прочитано 3 из 4');
    expect(total[col('Всего обучающихся')]).toBe(400);
    expect(total[col('Вовлечено обучающихся')]).toBe(50);
    expect(total[col('Доля вовлечённых')]).toBe('10%');
    expect(total[col('Мероприятий просрочено')]).toBe(2);
    expect(total[col('Внимание')]).toBe('не открылись: 1; требуют внимания: 1');
  });

  it('summaryMessage names what was collected and what failed', () => {
    expect(summaryMessage({ total: 14, ok: 12, attention: 3, failed: 2, notReached: 0 }, 'Сводка')).toBe('Собрано: 12 из 14, не открылись: 2, требуют внимания: 3. Лист «Сводка».');
    expect(summaryMessage({ total: 5, ok: 3, attention: 0, failed: 0, notReached: 2 }, 'Сводка')).toMatch(/не успели: 2 \(запустите ещё раз\)/);
  });
});

describe('reasonKeyOf: Apps Script errors → reasons', () => {
  it.each([
    ['Exception: You do not have permission to access the requested document.', 'access'],
    ['Exception: У вас нет разрешения на доступ к запрошенному документу.', 'access'],
    ['Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.', 'notFound'],
    ['Exception: Requested entity was not found.', 'notFound'],
    ['Exception: Invalid argument: url', 'notFound'],
    ['Exception: Specified permissions are not sufficient to call SpreadsheetApp.openByUrl. Required permissions: https://www.googleapis.com/auth/spreadsheets', 'scope'],
    ['TypeError: Cannot read properties of undefined', 'unreadable'],
  ])('%s → %s', (message, key) => {
    expect(reasonKeyOf(message)).toBe(key);
  });
});

// ------------------------------------------------------------------ the service

function consolidation(list: CellValue[][], extra: Record<string, CellValue[][]> = {}): MemoryWorkbook {
  return new MemoryWorkbook({ 'Список школ': list, ...extra });
}

function ctxOver(wb: WorkbookPort, files: Record<string, WorkbookPort | Error>, opts: { log?: string[] } = {}): AppContext & { opened: string[] } {
  const opened: string[] = [];
  return {
    wb,
    today: () => '2026-11-22',
    opened,
    log: (m) => opts.log?.push(m),
    openWorkbook(ref: string) {
      opened.push(ref);
      const f = files[ref];
      if (!f) throw new Error('Exception: Requested entity was not found.');
      if (f instanceof Error) throw f;
      return f;
    },
  };
}

const body = (wb: MemoryWorkbook, sheet = SUMMARY_SHEET) => {
  const v = wb.grid(sheet);
  return v.slice(SUMMARY_HEADER_ROW + 1).filter((r) => typeof r[0] === 'number');
};

describe('collectSummary (service)', () => {
  const good = () => new MemoryWorkbook(schoolTabs({ shortName: 'СОШ № 2', pupils: 10, target: '10%', pairs: 1 }));
  const behind = () => new MemoryWorkbook(schoolTabs({ shortName: 'СОШ № 3', pupils: 100, target: '50%', pairs: 2, overdueItems: 2 }));

  it('one row per school; a school that cannot be opened is listed with the reason and the rest come through', () => {
    const wb = consolidation([
      ['Организация', 'Ссылка на таблицу'],
      ['СОШ № 2', 'good.xlsx'],
      ['Школа без доступа', 'denied.xlsx'],
      ['СОШ № 3', 'behind.xlsx'],
      ['Без реестров', 'empty.xlsx'],
      ['Опечатка', 'https://example.org/x'],
      ['Excel на Диске', `https://docs.google.com/spreadsheets/d/${'e'.repeat(33)}/edit?usp=sharing&ouid=1&rtpof=true&sd=true`],
      ['Повтор', 'good.xlsx'],
      ['Без ссылки', ''],
    ]);
    const log: string[] = [];
    const ctx = ctxOver(
      wb,
      {
        'good.xlsx': good(),
        'behind.xlsx': behind(),
        'denied.xlsx': new Error('Exception: You do not have permission to access the requested document.'),
        'empty.xlsx': new MemoryWorkbook({ Лист1: [['Заметки'], ['что-то']] }),
      },
      { log },
    );
    const res = collectSummary(ctx, { collectedAt: '22.11.2026 12:00' });
    expect(res.sheet).toBe(SUMMARY_SHEET);
    expect(res.counts).toEqual({ total: 8, ok: 2, attention: 1, failed: 6, notReached: 0 });
    expect(res.summary).toBe('Собрано: 2 из 8, не открылись: 6, требуют внимания: 1. Лист «Сводка».');
    const rows = body(wb);
    expect(rows.map((r) => [r[col('Организация')], r[col('Статус')]])).toEqual([
      ['СОШ № 2', 'прочитана'],
      ['Школа без доступа', REASONS.access],
      ['СОШ № 3', 'прочитана'],
      ['Без реестров', REASONS.noRegisters],
      ['Опечатка', REASONS.badRef],
      ['Excel на Диске', REASONS.office],
      ['Повтор', REASONS.duplicate],
      ['Без ссылки', REASONS.noRef],
    ]);
    // Indicators computed as the school's own monitoring does.
    expect(rows[0].slice(col('Всего обучающихся'), col('Целевой показатель') + 1)).toEqual([10, 3, '30%', '10%']);
    expect(rows[0][col('Внимание')]).toBe('нет замечаний');
    expect(rows[2].slice(col('Всего обучающихся'), col('Целевой показатель') + 1)).toEqual([100, 6, '6%', '50%']);
    expect(rows[2][col('Мероприятий просрочено')]).toBe(2);
    expect(rows[2][col('Внимание')]).toBe('вовлечено 6% при цели 50%; просрочено мероприятий дорожной карты: 2');
    // Bad or duplicate links are never opened.
    expect(ctx.opened).toEqual(['good.xlsx', 'denied.xlsx', 'behind.xlsx', 'empty.xlsx']);
    // Logs carry row numbers and codes, no school names or links.
    expect(log.join('\n')).not.toMatch(/СОШ|Школа|xlsx|Ученик/);
    expect(log.some((l) => /row 3 not opened \(access\)/.test(l))).toBe(true);
  });

  it('never writes into a school file', () => {
    const school = good();
    const before = JSON.stringify(school.sheets);
    const wb = consolidation([['ОО', 'URL'], ['СОШ № 2', 'good.xlsx']]);
    collectSummary(ctxOver(wb, { 'good.xlsx': school }));
    expect(JSON.stringify(school.sheets)).toBe(before);
    expect(school.calls.writeValues ?? 0).toBe(0);
    expect(school.calls.writeDecorations ?? 0).toBe(0);
    expect(school.calls.setProperty ?? 0).toBe(0);
  });

  it('writes in one batch under the lock and colours only the rows needing attention or failing', () => {
    const wb = consolidation([['ОО', 'URL'], ['СОШ № 2', 'good.xlsx'], ['СОШ № 3', 'behind.xlsx'], ['Нет файла', 'gone.xlsx']]);
    const lockSpy = jest.spyOn(wb, 'withLock');
    collectSummary(ctxOver(wb, { 'good.xlsx': good(), 'behind.xlsx': behind() }));
    expect(wb.calls.writeValues).toBe(1);
    expect(wb.calls.writeDecorations).toBe(1);
    expect(lockSpy).toHaveBeenCalledTimes(1);
    const first = SUMMARY_HEADER_ROW + 1;
    const deco = wb.readDecorations(SUMMARY_SHEET, { row: first, col: 0, rows: 4, cols: SUMMARY_COLUMNS.length });
    expect(deco.backgrounds.map((r) => r[0])).toEqual([null, ROW_COLOURS.attention, ROW_COLOURS.failed, null]);
    expect(deco.backgrounds.every((r) => new Set(r).size === 1)).toBe(true);
    expect(wb.grid(SUMMARY_SHEET)[3 + 3][col('Статус')]).toBe(REASONS.notFound);
  });

  it('a second run over a shorter list blanks the old rows and keeps the curator\'s own colours and notes', () => {
    const wb = consolidation([['ОО', 'URL'], ['А', 'a.xlsx'], ['Б', 'b.xlsx'], ['В', 'c.xlsx']]);
    const files = { 'a.xlsx': good(), 'b.xlsx': behind(), 'c.xlsx': good() };
    collectSummary(ctxOver(wb, files));
    const first = SUMMARY_HEADER_ROW + 1;
    // The curator marks a cell of the second school's row with their own colour and a note.
    wb.writeDecorations(SUMMARY_SHEET, { row: first + 1, col: 1, rows: 1, cols: 1 }, { backgrounds: [['#00ff00']], notes: [['позвонить']] });
    wb.writeValues('Список школ', 2, 0, [['', '']]);
    wb.writeValues('Список школ', 3, 0, [['', '']]);
    collectSummary(ctxOver(wb, files));
    const grid = wb.grid(SUMMARY_SHEET);
    expect(body(wb)).toHaveLength(1);
    expect(grid[first + 1][1]).toBe('Итого');
    expect(grid.slice(first + 2).every((r) => r.every((v) => v === '' || v === null))).toBe(true);
    const deco = wb.readDecorations(SUMMARY_SHEET, { row: first, col: 0, rows: 4, cols: 3 });
    expect(deco.backgrounds[1][1]).toBe('#00ff00');
    expect(deco.notes[1][1]).toBe('позвонить');
    // The add-on's own colour of the old «behind» row is gone.
    expect(deco.backgrounds[1][0]).toBeNull();
  });

  it("a longer list never writes over what the curator typed below the previous table: refused before any school is opened", () => {
    const wb = consolidation([['ОО', 'URL'], ['А', 'a.xlsx']]);
    const files = { 'a.xlsx': good(), 'b.xlsx': good(), 'c.xlsx': good() };
    collectSummary(ctxOver(wb, files));
    const after = SUMMARY_HEADER_ROW + 3; // header, one school, totals
    // The curator signs below the table and, further right, keeps a figure of her own.
    wb.writeValues(SUMMARY_SHEET, after + 1, 0, [['Подготовила: методист']]);
    wb.writeValues(SUMMARY_SHEET, 0, SUMMARY_COLUMNS.length + 1, [['моё']]);
    const before = JSON.stringify(wb.grid(SUMMARY_SHEET));
    wb.writeValues('Список школ', 2, 0, [['Б', 'b.xlsx'], ['В', 'c.xlsx']]);
    const ctx = ctxOver(wb, files);
    expect(() => collectSummary(ctx)).toThrow(UserError);
    expect(() => collectSummary(ctx)).toThrow(`ячейке A${after + 2}`);
    expect(ctx.opened).toEqual([]);
    expect(JSON.stringify(wb.grid(SUMMARY_SHEET))).toBe(before);
    // Moved out of the way, the next run goes through and the figure beside the table stays.
    wb.writeValues(SUMMARY_SHEET, after + 1, 0, [['']]);
    collectSummary(ctxOver(wb, files));
    expect(body(wb)).toHaveLength(3);
    expect(wb.grid(SUMMARY_SHEET)[0][SUMMARY_COLUMNS.length + 1]).toBe('моё');
  });

  it('rows left from a longer table are blanked only where the curator has not changed them since', () => {
    const wb = consolidation([['ОО', 'URL'], ['А', 'a.xlsx'], ['Б', 'b.xlsx'], ['В', 'c.xlsx']]);
    const files = { 'a.xlsx': good(), 'b.xlsx': good(), 'c.xlsx': good() };
    collectSummary(ctxOver(wb, files));
    const first = SUMMARY_HEADER_ROW + 1;
    // The curator writes over a cell of the last school's row.
    wb.writeValues(SUMMARY_SHEET, first + 2, col('Внимание'), [['звонили 20.11']]);
    wb.writeValues('Список школ', 2, 0, [['', ''], ['', '']]);
    collectSummary(ctxOver(wb, files));
    const grid = wb.grid(SUMMARY_SHEET);
    expect(grid[first][col('Организация')]).toBe('А');
    expect(grid[first + 1][1]).toBe('Итого');
    // The old second row (and the old totals) were the add-on's: blanked. The edited row is kept.
    expect((grid[first + 2] ?? []).some((v) => v === 'звонили 20.11')).toBe(true);
    expect((grid[first + 3] ?? []).every((v) => v === '' || v === null)).toBe(true);
  });

  it("writes to «Сводка (Наставник)» when the curator's own «Сводка» tab exists, leaving it untouched", () => {
    const own: CellValue[][] = [['Моя сводка', 'за октябрь'], ['Лицей', 12]];
    const wb = consolidation([['ОО', 'URL'], ['СОШ № 2', 'good.xlsx']], { Сводка: own });
    const res = collectSummary(ctxOver(wb, { 'good.xlsx': good() }));
    expect(res.sheet).toBe(SUMMARY_FALLBACK_SHEET);
    expect(wb.grid('Сводка')).toEqual(own);
    expect(body(wb, SUMMARY_FALLBACK_SHEET)).toHaveLength(1);
    // Our own «Сводка» is rewritten in place on the next run.
    const wb2 = consolidation([['ОО', 'URL'], ['СОШ № 2', 'good.xlsx']]);
    collectSummary(ctxOver(wb2, { 'good.xlsx': good() }));
    expect(collectSummary(ctxOver(wb2, { 'good.xlsx': good() })).sheet).toBe(SUMMARY_SHEET);
  });

  it('stops opening schools when the time budget is spent and lists the rest as not reached, keeping those collected', () => {
    const wb = consolidation([['ОО', 'URL'], ['А', 'a.xlsx'], ['Б', 'b.xlsx'], ['В', 'c.xlsx'], ['Г', 'd.xlsx']]);
    let t = 0;
    const files = { 'a.xlsx': good(), 'b.xlsx': good(), 'c.xlsx': good(), 'd.xlsx': good() };
    const ctx = ctxOver(wb, files);
    const open = ctx.openWorkbook!.bind(ctx);
    // Each school takes two minutes.
    ctx.openWorkbook = (ref) => {
      t += 120_000;
      return open(ref);
    };
    const res = collectSummary(ctx, { now: () => t, budgetMs: 270_000 });
    // At 4:00 a third two-minute school would end at 6:00, where Apps Script kills the run and
    // nothing is written: it is not opened.
    expect(ctx.opened).toEqual(['a.xlsx', 'b.xlsx']);
    expect(res.counts).toMatchObject({ ok: 2, notReached: 2 });
    expect(body(wb).map((r) => r[col('Статус')])).toEqual(['прочитана', 'прочитана', REASONS.notReached, REASONS.notReached]);
    expect(res.summary).toMatch(/не успели: 2/);
  });

  it('the slowest school so far decides whether another fits; the rest of the list keeps its order', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const wb = consolidation([['ОО', 'URL'], ...names.map((n) => [n.toUpperCase(), `${n}.xlsx`])]);
    const cost: Record<string, number> = { 'a.xlsx': 10_000, 'b.xlsx': 90_000, 'c.xlsx': 10_000, 'd.xlsx': 10_000, 'e.xlsx': 10_000 };
    let t = 0;
    const ctx = ctxOver(wb, Object.fromEntries(names.map((n) => [`${n}.xlsx`, good()])));
    const open = ctx.openWorkbook!.bind(ctx);
    ctx.openWorkbook = (ref) => {
      t += cost[ref];
      return open(ref);
    };
    const res = collectSummary(ctx, { now: () => t, budgetMs: 200_000 });
    // a (0→10 s), b (10→100 s), c at 100 s (100 + 90 ≤ 200), d at 110 s (= 200 fits), e at 120 s: 210 > 200.
    expect(ctx.opened).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']);
    expect(res.counts).toMatchObject({ ok: 4, notReached: 1 });
    expect(body(wb).map((r) => r[col('Статус')]).at(-1)).toBe(REASONS.notReached);
  });

  it('a school that renamed its tabs is read by names and headings, with the same figures', () => {
    const tabs = schoolTabs({ shortName: 'СОШ № 7', pupils: 10, target: '10%', pairs: 1 });
    const renamed = new MemoryWorkbook({
      'Реестр наставников 2026': tabs['Наставники'],
      'Наставляемые (2026-27)': tabs['Наставляемые'],
      'Пары и группы': tabs['Пары'],
      'Параметры': tabs['Настройки'],
      'Дорожная карта ЦМН': tabs['Дорожная карта'],
    });
    const wb = consolidation([['ОО', 'URL'], ['Как есть', 'good.xlsx'], ['Переименовала', 'renamed.xlsx']]);
    collectSummary(ctxOver(wb, { 'good.xlsx': new MemoryWorkbook(tabs), 'renamed.xlsx': renamed }));
    const [asIs, other] = body(wb);
    expect(other[col('Статус')]).toBe('прочитана');
    expect(other.slice(col('Всего обучающихся'))).toEqual(asIs.slice(col('Всего обучающихся')));
    expect(other.slice(col('Всего обучающихся'), col('Целевой показатель') + 1)).toEqual([10, 3, '30%', '10%']);
  });

  it('a school of 10 000 rows: each tab read once, within seconds', () => {
    const pairs = 5000; // 10 000 mentees, 5 000 mentors and pairs
    const big = new MemoryWorkbook(schoolTabs({ shortName: 'Большая', pupils: 20_000, target: '10%', pairs }));
    const wb = consolidation([['ОО', 'URL'], ['Большая', 'big.xlsx']]);
    const started = Date.now();
    collectSummary(ctxOver(wb, { 'big.xlsx': big }));
    const ms = Date.now() - started;
    const [row] = body(wb);
    expect(row[col('Статус')]).toBe('прочитана');
    expect(row[col('Вовлечено обучающихся')]).toBe(3 * pairs);
    expect(big.calls.readSheet).toBe(5);
    process.stdout.write(`department: a school of ${2 * pairs} mentees read in ${ms} ms\n`);
    expect(ms).toBeLessThan(20_000);
  });

  it('a reading failure inside one school is that school\'s reason, not the run\'s', () => {
    const broken = good();
    broken.readSheet = () => {
      throw new Error('boom');
    };
    const wb = consolidation([['ОО', 'URL'], ['Сломанная', 'x.xlsx'], ['СОШ № 2', 'good.xlsx']]);
    const res = collectSummary(ctxOver(wb, { 'x.xlsx': broken, 'good.xlsx': good() }));
    expect(body(wb).map((r) => r[col('Статус')])).toEqual([REASONS.unreadable, 'прочитана']);
    expect(res.counts.ok).toBe(1);
  });

  it('OpenWorkbookError carries its own reason', () => {
    const wb = consolidation([['ОО', 'URL'], ['А', 'a.xlsx']]);
    collectSummary(ctxOver(wb, { 'a.xlsx': new OpenWorkbookError('localOnly') }));
    expect(body(wb)[0][col('Статус')]).toBe(REASONS.localOnly);
  });

  it('asks for the list when there is none, and refuses to run without the department opener', () => {
    const wb = new MemoryWorkbook({ Лист1: [['что-то']] });
    expect(() => collectSummary(ctxOver(wb, {}))).toThrow(UserError);
    expect(() => collectSummary(ctxOver(wb, {}))).toThrow(/Шаблон списка школ/);
    expect(() => collectSummary({ wb, today: () => '2026-11-22' })).toThrow(/режиме управления образования/);
  });

  it('«Шаблон списка школ» creates the list tab once', () => {
    const wb = new MemoryWorkbook({ Лист1: [] });
    const ctx = ctxOver(wb, {});
    expect(createListTemplate(ctx).summary).toMatch(/создан/);
    expect(wb.grid('Список школ')[0]).toEqual(['Организация', 'Ссылка на таблицу', 'Примечание']);
    expect(createListTemplate(ctx).summary).toMatch(/уже есть/);
  });
});
