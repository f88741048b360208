/** Bad usage of `nastavnik` (CLI.md): exit 2, stdout empty, one Russian line on stderr; a typo never runs silently. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { canonicalBook } from './checkWorkbook';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nastavnik.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

let dir: string;
let book: string;
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'usage-cli-'));
  book = join(dir, 'книга.xlsx');
  await canonicalBook(book);
});

function expectBadUsage(args: string[], message: RegExp): void {
  const r = run(args);
  expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 2, stdout: '' });
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^nastavnik: [А-ЯЁа-яё-]/);
  expect(lines[0]).toMatch(message);
}

describe('bad usage', () => {
  it('an unknown option is refused by every command before anything is read', () => {
    const P = ['--period', '2021-01-01..2021-12-31'];
    expectBadUsage(['deadline', 'до 19.02.2021', ...P, '--asof', '2021-02-01'], /неизвестный параметр --asof/);
    expectBadUsage(['roadmap', join(ROOT, '..', 'shared', 'fixtures', 'roadmaps', 'lyceum-2020-2024.txt'), '--jsn'], /неизвестный параметр --jsn/);
    expectBadUsage(['check', book, '--jsn'], /неизвестный параметр --jsn/);
    expectBadUsage(['check', book, '--json', '--as-off', '2026-11-22'], /неизвестный параметр --as-off/);
    expectBadUsage(['highlight', book, '--out', join(dir, 'o.xlsx'), '--asof', '2026-11-22'], /неизвестный параметр --asof/);
    expectBadUsage(['match', book, '--verbose'], /неизвестный параметр --verbose/);
    expectBadUsage(['order', 'pairs', book, '--out', join(dir, 'o.docx'), '--num', '5'], /неизвестный параметр --num/);
    expectBadUsage(['report', book, '--as_of', '2026-11-22'], /неизвестный параметр --as_of/);
  });

  it('extra arguments and values given to flags are refused', () => {
    expectBadUsage(['check', book, book], /лишние аргументы/);
    expectBadUsage(['report', book, 'ещё'], /лишние аргументы/);
    expectBadUsage(['order', 'pairs', book, book, '--out', join(dir, 'o.docx')], /лишние аргументы/);
    expectBadUsage(['check', book, '--json=false'], /--json пишется без значения/);
  });

  it('no command is one line on stderr; --help prints the list on stdout and exits 0', () => {
    expectBadUsage([], /не указана команда/);
    expectBadUsage(['chek', book], /неизвестная команда «chek»/);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    for (const c of ['deadline', 'roadmap', 'check', 'highlight', 'match', 'order', 'report']) expect(help.stdout).toContain(`  ${c} `);
    const one = run(['check', '--help']);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/^Использование: nastavnik check /);
  });
});

describe('stderr carries messages for the user only', () => {
  it('no internal log lines from match, highlight or check', () => {
    const match = run(['match', book, '--json', '--as-of', '2026-11-22']);
    expect(match.status).toBe(0);
    expect(match.stderr).toBe('');
    const hl = run(['highlight', book, '--out', join(dir, 'hl.xlsx'), '--as-of', '2026-11-22']);
    expect(hl.status).toBe(0);
    expect(hl.stderr).not.toContain('[наставник]');
    expect(hl.stderr).toMatch(/^Найдено: /);
  });
});
