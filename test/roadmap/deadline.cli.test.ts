/** `nastavnik deadline` through the built bundle (bin/nastavnik.js → dist-node/cli.js). */
import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nastavnik.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'deadline', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}, 120000);

describe('nastavnik deadline', () => {
  it('prints the example of CLI.md', () => {
    const r = run('Январь, март 2023', '--period', '2022-09-01..2023-08-31', '--as-of', '2022-12-25');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      text: 'Январь, март 2023',
      kind: 'dated',
      occurrences: [{ from: '2023-01-01', due: '2023-01-31' }, { from: '2023-03-01', due: '2023-03-31' }],
      understood: true,
      status: 'upcoming',
    });
  });

  it('omits status without --as-of and `from` where no start is stated', () => {
    const out = JSON.parse(run('до 19.02.2021г.', '--period=2021-01-01..2021-12-31').stdout);
    expect(out).toEqual({ text: 'до 19.02.2021г.', kind: 'dated', occurrences: [{ due: '2021-02-19' }], understood: true });
  });

  it('lists recurring dues and empty occurrences for events', () => {
    const rec = JSON.parse(run('ежеквартально', '--period', '2021-01-01..2021-12-31', '--as-of', '2021-04-02').stdout);
    expect(rec.kind).toBe('recurring');
    expect(rec.occurrences).toHaveLength(4);
    expect(rec.status).toBe('overdue');
    const ev = JSON.parse(run('по мере поступления из Министерства', '--period', '2021-01-01..2021-12-31', '--as-of', '2021-04-02').stdout);
    expect(ev).toMatchObject({ kind: 'event', occurrences: [], status: 'no-date' });
  });

  it('reports an unreadable phrase as not understood (exit 0)', () => {
    const r = run('до 31 июня', '--period', '2021-01-01..2021-12-31');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'unspecified', occurrences: [], understood: false });
  });

  it('repeats yearly with --recurrence yearly', () => {
    const out = JSON.parse(run('сентябрь', '--period', '2020-09-01..2022-08-31', '--recurrence', 'yearly').stdout);
    expect(out.kind).toBe('recurring');
    expect(out.occurrences).toEqual([{ from: '2020-09-01', due: '2020-09-30' }, { from: '2021-09-01', due: '2021-09-30' }]);
  });

  it.each([
    [['--period', '2021-01-01..2021-12-31'], /не указан срок/],
    [['до 01.10.2021'], /не указан период/],
    [['до 01.10.2021', '--period', '2021-01-01'], /НАЧАЛО\.\.КОНЕЦ/],
    [['до 01.10.2021', '--period', '2021-02-30..2021-12-31'], /ГГГГ-ММ-ДД/],
    [['до 01.10.2021', '--period', '2021-12-31..2021-01-01'], /позже конца/],
    [['до 01.10.2021', '--period', '2021-01-01..2021-12-31', '--as-of', '01.10.2021'], /--as-of/],
    [['до 01.10.2021', '--period'], /--period/],
  ])('bad usage %j: exit 2 with one Russian line', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
