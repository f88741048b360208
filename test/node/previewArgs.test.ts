/**
 * `npm start` options: a mistake is a one-line Russian message (exit 2), never the demo opened in
 * place of the curator's file, an empty workbook created at a mistyped path, or a stack trace.
 * The spawned checks run the built dist-node/preview.js, as `npm start` does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CliError } from '../../src/node/cli/common';
import { parsePreviewArgs } from '../../src/node/preview/args';

const ROOT = resolve(__dirname, '..', '..');
const PREVIEW = join(ROOT, 'dist-node', 'preview.js');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nastavnik-start-'));
  writeFileSync(join(dir, 'моя.xlsx'), 'x');
  mkdirSync(join(dir, 'папка.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parsePreviewArgs', () => {
  const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parsePreviewArgs(argv, env, dir);

  test('defaults: the demo on 8080; PORT honoured; --port wins over PORT', () => {
    expect(parse([])).toEqual({ help: false, workbook: null, port: 8080, host: undefined, today: undefined });
    expect(parse([], { PORT: '8090' }).port).toBe(8090);
    expect(parse(['--port', '8111'], { PORT: '8090' }).port).toBe(8111);
  });

  test('the workbook: --workbook or the one argument, resolved against the current folder', () => {
    expect(parse(['--workbook', 'моя.xlsx']).workbook).toBe(join(dir, 'моя.xlsx'));
    expect(parse(['моя.xlsx']).workbook).toBe(join(dir, 'моя.xlsx'));
    expect(parse(['--workbook=моя.xlsx', '--today', '2026-11-22'])).toMatchObject({ workbook: join(dir, 'моя.xlsx'), today: '2026-11-22' });
  });

  test.each([
    [['--workbook', 'нет.xlsx'], /^Файл «нет\.xlsx» не найден .*без --workbook откроется демонстрационная книга\.$/],
    [['--workbook'], /нет значения/],
    [['--workbook', 'папка.xlsx'], /это папка/],
    [['моя.xlsx', 'ещё.xlsx'], /Лишние аргументы/],
    [['--wokrbook', 'моя.xlsx'], /^Неизвестный параметр --wokrbook/],
    [['--port', 'abc'], /^Неверный порт «abc»/],
    [['--port', '70000'], /^Неверный порт/],
    [['--port', '-1'], /^Неверный порт/],
    [['--today', '2026-13-45'], /--today: дата должна быть в виде ГГГГ-ММ-ДД/],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parse(argv)).toThrow(CliError);
    expect(() => parse(argv)).toThrow(message);
  });

  test('PORT that is not a number is refused too', () => {
    expect(() => parse([], { PORT: 'eighty' })).toThrow(/^Неверный порт «eighty»/);
  });
});

describe('dist-node/preview.js (npm start)', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [PREVIEW, ...args], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30000 });

  beforeAll(() => {
    if (!existsSync(PREVIEW)) throw new Error('dist-node/preview.js is missing: run npm run build first (npm test does).');
  });

  test('a missing workbook: exit 2, one Russian line, no file created, no stack', () => {
    const r = run(['--workbook', 'опечатка.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^Файл «опечатка\.xlsx» не найден/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(readdirSync(dir).sort()).toEqual(['моя.xlsx', 'папка.xlsx']);
  });

  test('a file that is not a workbook: exit 2 with the reader\'s Russian message', () => {
    const r = run(['моя.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Не удалось открыть файл «моя\.xlsx»: это не книга Excel/);
  });

  test('no arguments: creates the demo, serves on PORT and prints the URL', async () => {
    const child = spawn(process.execPath, [PREVIEW], { cwd: dir, env: { ...process.env, PORT: '0' } });
    try {
      const out = await new Promise<string>((ok, fail) => {
        let text = '';
        const timer = setTimeout(() => fail(new Error(`no URL printed: ${text}`)), 30000);
        child.stdout.on('data', (b: Buffer) => {
          text += b.toString();
          if (/Откройте http:\/\/\S+/.test(text)) {
            clearTimeout(timer);
            ok(text);
          }
        });
        child.on('exit', (code) => fail(new Error(`exited ${code}: ${text}`)));
      });
      expect(out).toContain(`книги ${join(dir, '.demo', 'demo.xlsx')}`);
      expect(out).toMatch(/«сегодня» — 22\.11\.2026/);
      const url = /Откройте (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1];
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Наставничество');
      expect(existsSync(join(dir, '.demo', 'demo.xlsx'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
