/** Bad usage of `nastavnik` (CLI.md): exit 2, stdout empty, one Russian line on stderr; a typo never runs silently. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { canonicalBook } from './checkWorkbook';
import { fixtureWorkbook } from '../orders/workbook';

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
  expect(lines[0]).toMatch(/^nastavnik: [«А-ЯЁа-яё-]/);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|ENOENT|EISDIR|ENOTDIR|EEXIST/);
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

describe('unreadable input', () => {
  it('a Word document or a plain zip named .xlsx is refused, not read as an empty book', async () => {
    const word = new JSZip();
    word.file('[Content_Types].xml', '<Types/>');
    word.file('word/document.xml', '<w:document/>');
    const docx = join(dir, 'приказ.xlsx');
    writeFileSync(docx, await word.generateAsync({ type: 'nodebuffer' }));
    const archive = new JSZip();
    archive.file('readme.txt', 'привет');
    const zip = join(dir, 'архив.xlsx');
    writeFileSync(zip, await archive.generateAsync({ type: 'nodebuffer' }));
    for (const cmd of [['check'], ['report'], ['match'], ['highlight', '--out', join(dir, 'x.xlsx')]]) {
      expectBadUsage([cmd[0], docx, ...cmd.slice(1)], /«приказ\.xlsx».*документ Word/);
      expectBadUsage([cmd[0], zip, ...cmd.slice(1)], /«архив\.xlsx».*архив, а не книга Excel/);
    }
    expectBadUsage(['order', 'curator', docx, '--out', join(dir, 'o.docx')], /документ Word/);
    const xls = join(dir, 'старая.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    expectBadUsage(['check', xls, '--json'], /«старая\.xlsx».*старого формата \(\.xls\) или книга, защищённая паролем/);
  });

  it('order checks the workbook like the other commands', () => {
    expectBadUsage(['order', 'curator', join(dir, 'книга.docx'), '--out', join(dir, 'o.docx')], /не найден/);
    const docx = join(dir, 'настоящий.docx');
    writeFileSync(docx, 'x');
    expectBadUsage(['order', 'curator', docx, '--out', join(dir, 'o.docx')], /ожидается книга Excel \(\.xlsx\)/);
  });

  it('an output that cannot be written is one Russian line, not the system error', async () => {
    mkdirSync(join(dir, 'папка.docx'));
    mkdirSync(join(dir, 'папка.xlsx'));
    const orders = join(dir, 'приказы.xlsx');
    await fixtureWorkbook().save(orders);
    expectBadUsage(['order', 'curator', orders, '--out', join(dir, 'папка.docx')], /Не удалось записать файл .*папка\.docx: на этом месте папка/);
    expectBadUsage(['order', 'curator', orders, '--out', join(orders, 'o.docx')], /Не удалось записать файл .*: часть пути — это файл/);
    expectBadUsage(['highlight', book, '--out', join(dir, 'папка.xlsx')], /Не удалось сохранить файл .*папка\.xlsx.*: на этом месте папка/);
    expectBadUsage(['highlight', book, '--out', join(book, 'o.xlsx')], /Не удалось сохранить файл .*: часть пути — это файл/);
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

  it('a reader that stops early gets no stack trace', () => {
    // Far more than a pipe holds (64 KB), so the writes go on after `head` has left.
    for (const args of [`deadline еженедельно --period 1900-01-01..2099-12-31`, `check '${book}' --json`]) {
      const r = spawnSync('sh', ['-c', `'${process.execPath}' '${BIN}' ${args} | head -c 1 >/dev/null`], { encoding: 'utf8' });
      expect({ args, stderr: r.stderr }).toEqual({ args, stderr: '' });
    }
  });
});
