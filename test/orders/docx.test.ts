import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Packer } from 'docx';
import { buildOrder } from '../../src/core/orders/builders';
import { docxBytes, docxDocuments } from '../../src/node/docxDocuments';
import { continuedNumbering, data, settings } from './fixtures';
import { readDocx } from './docxread';

const opts = { number: 'НМ-3/2026', date: '2026-11-22' };

function which(cmd: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

describe('.docx renderer', () => {
  test('docx still exposes the synchronous compiler the port relies on', () => {
    expect(typeof (Packer as any).compiler?.compile).toBe('function');
  });

  test('curator order: title, ПРИКАЗЫВАЮ, accusative name, signature, 14 pt Times New Roman', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orders-'));
    const plan = buildOrder('curator', data(), opts);
    const saved = docxDocuments(dir).create(plan.model!, { name: 'Приказ: о кураторе/2026' });
    expect(saved.url).toBe(join(dir, 'Приказ_ о кураторе_2026.docx'));
    const doc = await readDocx(readFileSync(saved.url));
    expect(doc.paragraphs).toContain('ПРИКАЗ');
    expect(doc.paragraphs).toContain('О назначении куратора внедрения целевой модели наставничества');
    expect(doc.paragraphs).toContain('ПРИКАЗЫВАЮ:');
    expect(doc.text).toContain('Назначить Ахремкину Людмилу Михайловну');
    expect(doc.text).toContain('Контроль за исполнением настоящего приказа оставляю за собой.');
    // Date and number on one line (a borderless two-column table), signature likewise.
    expect(doc.tables[0]).toEqual([['22 ноября 2026 г.', '№ НМ-3/2026']]);
    expect(doc.tables).toContainEqual([['Директор', 'Т.Н. Кудрявцева']]);
    expect(doc.xml).toContain('<w:sz w:val="28"/>');
    expect(doc.xml).not.toContain('<w:sz w:val="24"/>');
    expect(doc.xml).toContain('w:ascii="Times New Roman"');
    // Points are a real numbered list.
    expect(doc.xml).toMatch(/<w:numPr>/);
  });

  test('pairs order: the appendix table rows, multi-line cells, bold header', async () => {
    const plan = buildOrder('pairs', data(), opts);
    const doc = await readDocx(docxBytes(plan.model!));
    expect(doc.text).toContain('Приложение № 1 к приказу от 22 ноября 2026 г. № НМ-3/2026');
    const table = doc.tables.find((t) => t[0][0] === '№')!;
    expect(table[0]).toEqual(['№', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Срок']);
    expect(table[1]).toEqual([
      '1',
      'Иванова Анна Сергеевна, учитель математики',
      'Петрова-Водкина Мария Ивановна, учитель истории',
      'учитель – учитель',
      'с 15.09.2026 по 31.05.2027',
    ]);
    expect(table[2][2]).toBe('Кузнецов Илья, 7Б');
    expect(table).toHaveLength(3);
    expect(doc.text).not.toContain('Тайный');
    expect(doc.text).not.toContain('Безсогласия');
    expect(doc.xml).toContain('<w:br w:type="page"/>');
    expect(doc.xml).toContain('<w:tblHeader/>');
    // Acquaintance list.
    const acq = doc.tables.find((t) => t[0][0] === 'ФИО')!;
    expect(acq.map((r) => r[0])).toEqual(['ФИО', 'Ахремкина Людмила Михайловна', 'Иванова Анна Сергеевна', 'Петрова-Водкина Мария Ивановна']);
  });

  test('font size from settings: 12 pt → 24 half-points', async () => {
    const plan = buildOrder('roadmap', data({ settings: settings({ fontSize: 12 }) }), opts);
    const doc = await readDocx(docxBytes(plan.model!));
    expect(doc.xml).toContain('<w:sz w:val="24"/>');
    expect(doc.xml).not.toContain('<w:sz w:val="28"/>');
  });

  test('awards: one numbered list, the mentors in the appendix table', async () => {
    const plan = buildOrder('awards', data(), { ...opts, mentorIds: ['Н-001', 'Н-002'] });
    const doc = await readDocx(docxBytes(plan.model!));
    const nums = [...doc.xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(nums).toHaveLength(3);
    expect(new Set(nums).size).toBe(1);
    expect(doc.paragraphs).toContain('Объявить благодарность наставникам за высокие результаты наставнической деятельности согласно приложению № 1 к настоящему приказу.');
    expect(doc.paragraphs).toContain('Приложение № 1 к приказу от 22 ноября 2026 г. № НМ-3/2026');
    const table = doc.tables.find((t) => t[0][0] === '№')!;
    expect(table.map((r) => r.slice(0, 3))).toEqual([
      ['№', 'Фамилия, имя, отчество', 'Должность (класс)'],
      ['1', 'Иванова Анна Сергеевна', 'учитель математики'],
      ['2', 'Римский-Корсаков Николай Андреевич', 'учитель музыки'],
    ]);
    expect(table[1][3]).toMatch(/^П-005 \(учитель – учитель\), /);
  });

  test('a numbered block that continues carries on the numbering across the paragraphs between', async () => {
    const model = continuedNumbering();
    const doc = await readDocx(docxBytes(model));
    const nums = [...doc.xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(nums).toHaveLength(4);
    expect(new Set(nums.slice(0, 3)).size).toBe(1);
    expect(nums[3]).not.toBe(nums[0]);
  });

  const soffice = which('soffice') ?? which('libreoffice');
  (soffice ? test : test.skip)('LibreOffice converts the .docx to PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orders-pdf-'));
    const file = join(dir, 'order.docx');
    writeFileSync(file, docxBytes(buildOrder('pairs', data(), opts).model!));
    execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120000 });
    const pdf = join(dir, 'order.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
  }, 180000);
  if (!soffice) console.warn('soffice/libreoffice не найден в PATH: проверка преобразования .docx → PDF пропущена.');
});
