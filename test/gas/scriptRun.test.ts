/**
 * The sidebar's boundary with Apps Script. Every server function is called as google.script.run
 * calls it (test/fakes/scriptRun.ts: a Date anywhere in an answer makes the whole answer null,
 * undefined inside arguments turns into null) over a curator's spreadsheet typed by hand, where
 * date cells hold real Dates and numbers are numbers, as Range.getValues() returns them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import * as vm from 'node:vm';
import { createGasFakes, type GasFakes } from '../fakes/gas';
import { illegalValue, scriptRun, transferArgs, transferResult } from '../fakes/scriptRun';
import { workbookOf } from './actionCalls';
import { api, callApi, type ApiMethod } from '../../src/app/api';
import { gasContext } from '../../src/gas/context';
import { plainArgs } from '../../sidebar/client';

const root = join(__dirname, '..', '..');
let code = '';

beforeAll(() => {
  const built = join(root, 'dist', 'Code.js');
  if (!existsSync(built)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  code = readFileSync(built, 'utf8');
});

/** A lyceum's registers as typed in Sheets, with the settings an order needs. */
function tabs(): Record<string, unknown[][]> {
  const t = workbookOf(40) as Record<string, unknown[][]>;
  t['Настройки'] = [
    ['Параметр', 'Значение'],
    ['Полное наименование организации', 'МБОУ «Лицей № 3»'],
    ['ФИО руководителя', 'Кудрявцева Татьяна Николаевна'],
    ['Куратор', 'Ахремкина Людмила Михайловна'],
    ['Email куратора', 'kurator@school.ru'],
    ['Дата начала учебного года', '01.09.2026'],
  ];
  return t;
}

type Caller = (name: ApiMethod, ...args: unknown[]) => unknown;

/**
 * One pass over every server function in the order a curator would meet them. `call` returns
 * what the sidebar receives; the steps that need it read the previous answers.
 */
function walk(fakes: GasFakes, call: Caller): ApiMethod[] {
  const called: ApiMethod[] = [];
  const run = (name: ApiMethod, ...args: unknown[]) => {
    called.push(name);
    return call(name, ...args) as any;
  };
  const doc = fakes.globals.DocumentApp.create('Дорожная карта 2026');
  doc.getBody().appendTable([
    ['№', 'Мероприятие', 'Срок', 'Ответственный'],
    ['1', 'Педсовет по наставничеству', 'до 01.12.2026', 'Куратор'],
  ]);
  doc.saveAndClose();

  run('getOverview');
  run('setupSpreadsheet');
  run('checkRegistersOnly');
  run('checkAndHighlight');
  run('goToCell', 'Наставляемые', 4, 'B');
  run('getFormsData');
  const cursor = run('getRecordAtCursor');
  run('saveMentee', cursor.values, cursor.rowRef);
  run('saveMentee', { fullName: 'Петров Пётр Петрович', category: 'обучающийся', grade: '7Б', birthDate: '2013-03-04', consentDate: '2026-09-01' });
  run('saveMentor', { fullName: 'Сидорова Ольга Ивановна', category: 'педагог', consentDate: '2026-09-01', forms: ['ученик – ученик'] });
  run('savePair', { mentor: 'Н-00003', mentees: ['Нв-00001'], form: 'ученик – ученик', startDate: '2026-09-01' });
  run('getSettingsForm');
  run('saveSettings', { fields: { orgShortName: 'Лицей № 3' }, targets: { '2026': '40%' } });
  const suggestions = run('suggestPairs');
  const first = suggestions?.assignments?.[0];
  run('acceptPairs', first ? [{ mentor: first.mentor, mentees: first.mentees.map((m: { id: string }) => m.id), form: first.form }] : []);
  run('rejectSuggestion', 'Н-00003', 'Нв-00005');
  run('importRoadmapFromText', '№\tМероприятие\tСрок\tОтветственный\n1\tСовещание\tдо 01.12.2026\tКуратор');
  run('importRoadmapFromDoc', doc.getId());
  run('highlightDeadlines');
  run('getDeadlines');
  run('setDeadlineReminders', true);
  run('sendDeadlineDigest');
  run('setDeadlineReminders', false);
  run('listOrderKinds');
  run('previewOrder', 'pairs', {});
  run('generateOrder', 'pairs', { date: '2026-11-22' });
  run('getMonitoring');
  run('updateMonitoringSheet');
  run('generateDepartmentReport');
  return called;
}

describe('server functions through google.script.run', () => {
  it('return only what google.script.run can carry (no Date, no class instance), on typed cells', () => {
    const fakes = createGasFakes({ sheets: tabs(), typed: true });
    const undo = fakes.install();
    try {
      const bad: string[] = [];
      const called = walk(fakes, (name, ...args) => {
        const raw = callApi(gasContext(), name, transferArgs(args) as never);
        const at = illegalValue(raw);
        if (at) bad.push(`${name}: ${at}`);
        return raw;
      });
      expect(bad).toEqual([]);
      // Every server function was exercised: a new one must join the walk.
      expect([...new Set(called)].sort()).toEqual(Object.keys(api).sort());
    } finally {
      undo();
    }
  });

  it('every answer of the built bundle reaches the sidebar whole (never null, never a failure)', () => {
    const fakes = createGasFakes({ sheets: tabs(), typed: true });
    const ctx = fakes.context();
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    const failed: string[] = [];
    walk(fakes, (name, ...args) => {
      const r = scriptRun(ctx, name, ...args);
      if (!r.ok) failed.push(`${name}: ${r.error.message}`);
      else if (r.value === null) failed.push(`${name}: null`);
      return r.ok ? r.value : null;
    });
    expect(failed).toEqual([]);
  });

  it("a record at the cursor shows the curator's typed dates as dates, not as Date text", () => {
    const fakes = createGasFakes({ sheets: tabs(), typed: true });
    const ctx = fakes.context();
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    fakes.spreadsheet.setActiveRange(fakes.spreadsheet.getSheetByName('Пары')!.getRange(2, 2));
    const r = scriptRun(ctx, 'getRecordAtCursor');
    expect(r).toMatchObject({ ok: true, value: { ok: true, kind: 'pairs', values: { startDate: '2026-09-01', endDate: '2027-05-31' } } });
  });

  it('a Date slipping into an answer arrives as its ISO string instead of blanking the answer', () => {
    // google.script.run itself would deliver null for this answer.
    const slipped = { due: new Date(Date.UTC(2026, 8, 1)), items: [1] };
    expect(transferResult(slipped)).toBeNull();
    const fakes = createGasFakes({ sheets: { Лист1: [] } });
    const undo = fakes.install();
    const spy = jest.spyOn(api, 'getOverview').mockReturnValue(slipped as never);
    try {
      const { entries } = require('../../src/gas/main') as typeof import('../../src/gas/main');
      expect(scriptRun(entries, 'getOverview')).toEqual({ ok: true, value: { due: '2026-09-01T00:00:00.000Z', items: [1] } });
    } finally {
      spy.mockRestore();
      undo();
    }
  });
});

describe('the sidebar client (sidebar/client.ts) before google.script.run', () => {
  it('leaves out fields holding undefined, so an absent option is not read as null', () => {
    const fakes = createGasFakes({ sheets: tabs(), typed: true });
    const ctx = fakes.context();
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    const options = { number: undefined, date: undefined, pairIds: undefined, mentorIds: undefined };
    // What the order view sends when nothing is typed: as such, each field would arrive as null.
    const raw = scriptRun(ctx, 'previewOrder', 'pairs', options);
    expect(raw.ok).toBe(false);
    const sent = scriptRun(ctx, 'previewOrder', ...plainArgs(['pairs', options]));
    expect(sent).toMatchObject({ ok: true, value: { kind: 'pairs', number: '1' } });
  });

  it('drops trailing undefined arguments, turns undefined in arrays into null and Dates into text', () => {
    expect(plainArgs(['a', undefined])).toEqual(['a']);
    expect(plainArgs([undefined])).toEqual([]);
    expect(plainArgs([[1, undefined], { a: undefined, b: 1 }])).toEqual([[1, null], { b: 1 }]);
    expect(plainArgs([new Date(Date.UTC(2026, 0, 2))])).toEqual(['2026-01-02T00:00:00.000Z']);
    expect(() => transferArgs(plainArgs([{ d: new Date() }]))).not.toThrow();
    expect(() => transferArgs([{ d: new Date() }])).toThrow(/illegal argument at args\[0\]\.d \(Date\)/);
  });
});
