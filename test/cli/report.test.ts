/**
 * `nastavnik report` (CLI.md) against figures computed by hand (test/monitoring/handBook.ts): the
 * exact keys of the contract, the year's target on dates around the turn of a year, and the
 * settings tab missing or incomplete.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/app/port';
import { HAND, HAND_AS_OF, handTabs } from '../monitoring/handBook';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nastavnik.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

let dir: string;
async function book(name: string, tabs: Record<string, CellValue[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [tab, rows] of Object.entries(tabs)) wb.addWorksheet(tab).addRows(rows as unknown[][]);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}
const report = (path: string, asOf = HAND_AS_OF) => {
  const r = run(['report', path, '--json', '--as-of', asOf]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

let hand: string;
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  hand = await book('лицей.xlsx', handTabs());
});

describe('nastavnik report --json', () => {
  it('gives the hand-computed figures under exactly the keys of CLI.md', () => {
    const j = report(hand);
    expect(Object.keys(j).slice(0, 6)).toEqual(['asOf', 'pupils', 'byForm', 'pairs', 'roadmap', 'targetYear']);
    // The contract's objects carry its keys and no others, in its order.
    expect(Object.keys(j.pupils)).toEqual(['total', 'involved', 'share', 'target']);
    expect(Object.keys(j.pairs)).toEqual(['active', 'forming', 'completed']);
    expect(Object.keys(j.roadmap)).toEqual(['done', 'overdue', 'soon', 'total']);
    for (const v of Object.values(j.byForm)) expect(Object.keys(v as object)).toEqual(['pairs', 'mentees']);
    expect({ asOf: j.asOf, pupils: j.pupils, byForm: j.byForm, pairs: j.pairs, roadmap: j.roadmap }).toEqual(HAND);
    expect(j.targetYear).toBe(2020);
    expect(j.terminatedPairs).toBe(1);
    expect(j.unclear).toEqual({ pairStatus: 1, participantsWithoutConsent: 1 });
    expect(j.waiting).toEqual([{ id: 'Нв-9', days: 181 }]);
    expect(j.untrainedMentors).toEqual(['Н-2', 'Н-3', 'Н-4']);
    expect(j.missingConsent).toEqual({ mentors: [], mentees: ['Нв-5'] });
  });

  it.each([
    // Before the first target: nothing to compare with yet.
    ['2019-12-31', null, null],
    ['2020-06-01', 0.1, 2020],
    // 2021, no «Цель 2021»: the 2020 target still binds (CLI.md's own example).
    ['2021-03-01', 0.1, 2020],
    ['2023-12-31', 0.1, 2020],
    ['2024-01-01', 0.7, 2024],
    ['2026-05-01', 0.7, 2024],
  ])('as of %s the target is %p (year %p)', (asOf, target, year) => {
    const j = report(hand, asOf);
    expect(j.pupils.target).toBe(target);
    expect(j.targetYear).toBe(year);
  });

  it('the calendar year picks the target, not the school year', async () => {
    const path = await book('цель2021.xlsx', handTabs({ targets: [['Цель 2020', '10%'], ['Цель 2021', '25 %']] }));
    // 2021-03-01 lies in the school year 2020/21: «Цель 2021» applies, and the school is behind.
    const j = report(path, '2021-03-01');
    expect([j.pupils.target, j.targetYear]).toEqual([0.25, 2021]);
    expect(j.flags).toContain('вовлечено 12% при цели 25%');
    expect(report(path, '2020-12-31').pupils.target).toBe(0.1);
  });

  it('without a settings tab: no total, share or target, and the flags say what is missing', async () => {
    const j = report(await book('без-настроек.xlsx', handTabs({ settings: false })));
    expect(j.pupils).toEqual({ total: null, involved: 6, share: null, target: null });
    expect(j.flags).toEqual(expect.arrayContaining(['не указана численность обучающихся', 'не задан целевой показатель на 2021 год («Цель 2021» в «Настройках»)']));
    expect(j.pairs).toEqual(HAND.pairs);
  });

  it('pupilsTotal missing or 0: no share (never a division by zero), flagged', async () => {
    for (const total of [null, 0]) {
      const j = report(await book(`всего-${total}.xlsx`, handTabs({ total })));
      expect(j.pupils).toEqual({ total, involved: 6, share: null, target: 0.1 });
      expect(j.flags).toContain('не указана численность обучающихся');
    }
  });

  it('more pupils involved than the settings give: flagged, the share as computed', async () => {
    const j = report(await book('мало.xlsx', handTabs({ total: 4 })));
    expect(j.pupils.share).toBe(1.5);
    expect(j.flags).toContain('вовлечено обучающихся (6) больше, чем их численность в «Настройках» (4)');
  });

  it('the text form is Russian with Russian dates', () => {
    const r = run(['report', hand, '--as-of', HAND_AS_OF]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Мониторинг на 01\.03\.2021 — МБОУ «Лицей № 1»\n/);
    expect(r.stdout).toContain('Обучающихся: 50, вовлечено 6 (12%), цель 10% (к концу 2020 года)');
    expect(r.stdout).not.toMatch(/undefined|NaN|null/);
  });

  it('bad usage: exit 2 with one Russian line', () => {
    for (const args of [['report'], ['report', hand, '--as-of', '2021-13-01'], ['report', join(dir, 'нет.xlsx')]]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/[а-я]/);
    }
  });
});
