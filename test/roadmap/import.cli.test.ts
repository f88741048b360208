/** `nastavnik roadmap` on the built bundle (CLI.md), as outside tests call it. */
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeShared, ROADMAPS_DIR } from '../helpers/shared';
import { buildRoadmapDocx } from './import.helpers';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nastavnik.js');

function run(...args: string[]) {
  const p = spawnSync(process.execPath, [BIN, 'roadmap', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

/** Windows-1251 bytes for Cyrillic text (the encoding of old Russian exports). */
function cp1251(s: string): Buffer {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c >= 0x410 && c <= 0x44f) bytes.push(c - 0x410 + 0xc0);
    else if (c === 0x401) bytes.push(0xa8);
    else if (c === 0x451) bytes.push(0xb8);
    else if (c === 0xab) bytes.push(0xab);
    else if (c === 0xbb) bytes.push(0xbb);
    else if (c === 0x2116) bytes.push(0xb9);
    else if (c === 0x2013) bytes.push(0x96);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'nastavnik-roadmap-'));
}, 180000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeShared('nastavnik roadmap <fixture> --json', () => {
  test('lyceum: the JSON of CLI.md', () => {
    const { code, stdout, stderr } = run(join(ROADMAPS_DIR, 'lyceum-2020-2024.txt'), '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const j = JSON.parse(stdout);
    expect(Object.keys(j)).toEqual(['period', 'targets', 'items', 'warnings']);
    expect(j.period).toEqual({ start: '2020-09-01', end: '2024-06-30' });
    expect(j.targets).toEqual([{ year: 2020, share: 0.1 }, { year: 2024, share: 0.7 }]);
    expect(j.items).toHaveLength(37);
    expect(j.items[12]).toEqual({
      number: '1',
      section: 'Формирование базы наставников',
      title: 'Проведение опроса среди педагогов, желающих принять участие в программе наставничества',
      deadline: 'сентябрь',
      responsible: 'Директор ОГПОБУ «Многопрофильный лицей», администрация лицея',
      result: 'Сбор данных и формирование базы наставников',
      recurrence: 'yearly',
    });
    for (const it of j.items) for (const k of Object.keys(it)) expect(['number', 'section', 'title', 'details', 'deadline', 'responsible', 'result', 'recurrence']).toContain(k);
  });

  test('targets are left out when not stated; period when not stated', () => {
    const dz = JSON.parse(run(join(ROADMAPS_DIR, 'school-dzerzhinsk-2021.txt'), '--json').stdout);
    expect(Object.keys(dz)).toEqual(['period', 'items', 'warnings']);
    expect(dz.items).toHaveLength(16);
    const azov = JSON.parse(run(join(ROADMAPS_DIR, 'azov-municipal-2020.txt'), '--json').stdout);
    expect(Object.keys(azov)).toEqual(['items', 'warnings']);
    expect(azov.items).toHaveLength(23);
    expect(azov.items[0]).toEqual({
      number: '1.1',
      section: expect.stringMatching(/^Нормативное правовое регулирование/),
      title: 'Разработка дорожных карт внедрения целевой модели наставничества в общеобразовательных организациях',
      deadline: 'до 15.11.2020',
      responsible: 'Руководители ОО',
      result: 'Дорожные карты',
    });
  });

  test('without --json: a Russian summary with counts per section', () => {
    const { code, stdout } = run(join(ROADMAPS_DIR, 'lyceum-2020-2024.txt'));
    expect(code).toBe(0);
    expect(stdout).toContain('Дорожная карта: мероприятий — 37.');
    expect(stdout).toContain('Целевые показатели: 2020 — 10 %; 2024 — 70 %.');
    expect(stdout).toContain('  Формирование базы наставников (ежегодно) — 3');
    expect(stdout).toContain('Предупреждения (1):');
  });
});

describe('nastavnik roadmap: encodings, .docx, bad input', () => {
  test('a cp1251 text file is read', () => {
    const f = join(dir, 'cp1251.txt');
    writeFileSync(f, cp1251('№ п/п\tМероприятие\tСрок\tОтветственный\r\n1.\tВстреча «наставник – наставляемый»\tсентябрь 2021 г.\tКуратор\r\n'));
    const { code, stdout } = run(f, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).items).toEqual([{ number: '1', title: 'Встреча «наставник – наставляемый»', deadline: 'сентябрь 2021 г.', responsible: 'Куратор' }]);
  });

  test('a .docx is read through its tables', async () => {
    const f = join(dir, 'roadmap.docx');
    writeFileSync(f, await buildRoadmapDocx());
    const { code, stdout } = run(f, '--json');
    expect(code).toBe(0);
    const j = JSON.parse(stdout);
    expect(j.period).toEqual({ start: '2021-09-01', end: '2022-08-31' });
    expect(j.items.map((i: { number: string }) => i.number)).toEqual(['1.1', '1.2', '2.1']);
  });

  test.each([
    ['a missing file', () => join(dir, 'нет-такого.txt'), /не найден/],
    ['a broken .docx', () => {
      const f = join(dir, 'broken.docx');
      writeFileSync(f, 'PK\u0003\u0004 not really a zip');
      return f;
    }, /\.docx/],
    ['a folder', () => dir, /папка/],
  ])('%s: exit 2 with one Russian line', (_name, file, message) => {
    const { code, stdout, stderr } = run((file as () => string)(), '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message as RegExp);
  });

  test.each([
    ['an empty file', 'пусто.txt', ''],
    ['blank lines only', 'пробелы.txt', '\n  \r\n\t\n'],
    ['text without a roadmap table', 'письмо.txt', 'Уважаемые коллеги!\nНаправляем информацию о совещании.\n'],
  ])('%s: no items at all is unreadable input, exit 2 with one Russian line', (_name, name, text) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    for (const json of [true, false]) {
      const { code, stdout, stderr } = json ? run(f, '--json') : run(f);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(`В файле «${f}» не найдено ни одного мероприятия дорожной карты`);
    }
  });

  test('a .docx without a roadmap table: exit 2', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const f = join(dir, 'письмо.docx');
    writeFileSync(f, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Уважаемые коллеги!')] }] })));
    const { code, stderr } = run(f, '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/не найдено ни одного мероприятия/);
  });

  test('items with warnings still exit 0 and list the warnings', () => {
    const f = join(dir, 'с-предупреждением.txt');
    writeFileSync(f, '№ п/п\tМероприятие\tСрок\tОтветственный\tПодпись\n1.\tВстреча\tсентябрь 2021 г.\tКуратор\tx\n');
    const { code, stdout } = run(f, '--json');
    expect(code).toBe(0);
    const j = JSON.parse(stdout);
    expect(j.items).toHaveLength(1);
    expect(j.warnings).toEqual(['Столбец «Подпись» не импортирован: для него нет поля в дорожной карте.']);
  });

  test('no file: usage error', () => {
    const { code, stderr } = run();
    expect(code).toBe(2);
    expect(stderr).toMatch(/укажите файл/);
  });
});
