import { createGasFakes, FakeParagraph, FakeListItem, FakeTable, type GasFakes } from '../fakes/gas';
import { buildOrder } from '../../src/core/orders/builders';
import { gasDocuments, ORDERS_FOLDER_NAME } from '../../src/gas/docs';
import { UserError } from '../../src/app/port';
import { continuedNumbering, data, settings } from './fixtures';

const opts = { number: 'НМ-3/2026', date: '2026-11-22' };
let fakes: GasFakes;
let undo: () => void;

beforeEach(() => {
  fakes = createGasFakes();
  undo = fakes.install();
});
afterEach(() => undo());

function docOf(id: string) {
  return fakes.drive.files.get(id)!.doc!;
}

function bodyLines(id: string): string[] {
  return docOf(id).body.children.map((c: any) => (c instanceof FakeTable ? c.rows.map((r) => r.cells.map((x) => x.getText()).join(' | ')).join('\n') : c.getText?.() ?? ''));
}

/** A template the curator made: letterhead in the header, placeholders in the body. */
function template(lines: string[], header: string[] = ['{{Название организации}}']): string {
  const doc = fakes.globals.DocumentApp.create('Шаблон');
  const raw = fakes.drive.files.get(doc.getId())!.doc!;
  raw.body.children = [];
  for (const l of lines) raw.body.appendParagraph(l);
  const h = raw.addHeader();
  for (const l of header) h.appendParagraph(l);
  return doc.getId();
}

describe('Google Docs renderer', () => {
  test('pairs order: paragraphs, numbered points, tables with bold header, page break, fonts', () => {
    const model = buildOrder('pairs', data(), opts).model!;
    const saved = gasDocuments().create(model, { name: 'Приказ № НМ-3/2026' });
    expect(saved.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    const doc = docOf(saved.id!);
    expect(doc.closed).toBe(true);
    const lines = bodyLines(saved.id!);
    expect(lines).toContain('ПРИКАЗ');
    expect(lines).toContain('О закреплении наставнических пар (групп)');
    expect(lines).toContain('ПРИКАЗЫВАЮ:');
    expect(lines).toContain('22 ноября 2026 г. | № НМ-3/2026');
    expect(lines).toContain('Директор | Т.Н. Кудрявцева');
    const items = doc.body.children.filter((c): c is FakeListItem => c instanceof FakeListItem);
    expect(items.map((i) => i.getText())).toHaveLength(4);
    expect(items.every((i) => i.getGlyphType() === 'NUMBER' && i.getListId() === items[0].getListId())).toBe(true);
    expect(items[3].getText()).toBe('Контроль за исполнением настоящего приказа оставляю за собой.');
    const tables = doc.body.children.filter((c): c is FakeTable => c instanceof FakeTable);
    const pairs = tables.find((t) => t.getCell(0, 0).getText() === '№')!;
    expect(pairs.rows.map((r) => r.cells.map((c) => c.getText()))).toEqual([
      ['№', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Срок'],
      ['1', 'Иванова Анна Сергеевна, учитель математики', 'Петрова-Водкина Мария Ивановна, учитель истории', 'учитель – учитель', 'с 15.09.2026 по 31.05.2027'],
      ['2', 'Смирнов Глеб Игоревич, 10А', 'Кузнецов Илья, 7Б', 'ученик – ученик', 'с 01.10.2026 по 25.05.2027'],
    ]);
    expect(pairs.getCell(0, 1).editAsText().isBold()).toBe(true);
    expect(pairs.getCell(1, 1).editAsText().isBold()).toBeNull();
    const sig = tables.find((t) => t.getCell(0, 0).getText() === 'Директор')!;
    expect(sig.getAttributes().BORDER_WIDTH).toBe(0);
    expect((sig.getCell(0, 1).getChild(0) as FakeParagraph).getAlignment()).toBe('RIGHT');
    expect(doc.body.children.some((c) => c instanceof FakeParagraph && c.pageBreakAfter)).toBe(true);
    const title = doc.body.children.find((c) => c instanceof FakeParagraph && c.getText() === 'ПРИКАЗ') as FakeParagraph;
    expect(title.getAlignment()).toBe('CENTER');
    expect(title.textEl.styleAt(0, 'BOLD')).toBe(true);
    expect(title.textEl.styleAt(0, 'FONT_SIZE')).toBe(14);
    expect(title.textEl.styleAt(0, 'FONT_FAMILY')).toBe('Times New Roman');
    expect(lines.join('\n')).not.toContain('Безсогласия');
    expect(lines.join('\n')).not.toContain('Тайный');
  });

  test('tables: a group’s mentees on lines of one paragraph, font over every cell, header bold and centred', () => {
    const d = data();
    d.mentees[1].record.consentDate = '2026-09-03'; // Тайный: the group П-002 keeps both mentees
    const model = buildOrder('pairs', d, opts).model!;
    const doc = docOf(gasDocuments().create(model, { name: 'Группы' }).id!);
    const tables = doc.body.children.filter((c): c is FakeTable => c instanceof FakeTable);
    const pairs = tables.find((t) => t.getCell(0, 0).getText() === '№')!;
    const group = pairs.getCell(2, 2);
    // One paragraph, the names separated by line breaks (Shift+Enter), not paragraphs.
    expect(group.getNumChildren()).toBe(1);
    expect(group.getText()).toBe('Тайный Семён Семёнович, 7Б\rКузнецов Илья, 7Б');
    // Font and size on every character of every cell, the header row bold, the rest not.
    for (const t of tables) {
      expect(t.editAsText().getFontFamily()).toBe('Times New Roman');
      expect(t.editAsText().getFontSize()).toBe(model.fontSize);
    }
    expect(pairs.getRow(0).editAsText().isBold()).toBe(true);
    for (const r of pairs.rows.slice(1)) expect(r.editAsText().isBold()).toBeNull();
    const align = (t: FakeTable, r: number) => t.rows[r].cells.map((c) => (c.getChild(0) as FakeParagraph).getAlignment());
    expect(align(pairs, 0)).toEqual(Array(5).fill('CENTER'));
    expect(align(pairs, 2)).toEqual(Array(5).fill(null));
    expect([...pairs.columnWidths.values()].map((w) => Math.round(w))).toEqual([28, 126, 140, 80, 94]);
    // «С приказом ознакомлены»: borderless, header bold but not centred.
    const signed = tables.find((t) => t.getCell(0, 0).getText() === 'ФИО')!;
    expect(signed.getAttributes().BORDER_WIDTH).toBe(0);
    expect(signed.getRow(0).editAsText().isBold()).toBe(true);
    expect(align(signed, 0)).toEqual([null, null, null]);
    // «Дата | № …» and the signature: borderless, the right cell flush right.
    const split = tables.find((t) => t.getCell(0, 1).getText() === '№ НМ-3/2026')!;
    expect(split.getAttributes().BORDER_WIDTH).toBe(0);
    expect(align(split, 0)).toEqual([null, 'RIGHT']);
  });

  test('under drive.file the document is made in the add-on folder (Drive API), the folder once', () => {
    const model = buildOrder('curator', data(), opts).model!;
    const a = gasDocuments().create(model, { name: 'A' });
    const b = gasDocuments().create(model, { name: 'B', folderId: 'no-such-folder' });
    // A folder the curator made by hand is invisible under drive.file: the add-on's own is used.
    const curators = fakes.drive.root.createFolder('Мои приказы');
    const c = gasDocuments().create(model, { name: 'C', folderId: curators.getId() });
    const folders = [...fakes.drive.folders.values()].filter((f) => f.name === ORDERS_FOLDER_NAME);
    expect(folders).toHaveLength(1);
    for (const d of [a, b, c]) expect(fakes.drive.files.get(d.id!)!.parentId).toBe(folders[0].id);
    // The add-on's folder pasted into «Папка для приказов» is visible, so it is used.
    const d = gasDocuments().create(model, { name: 'D', folderId: folders[0].id });
    expect(fakes.drive.files.get(d.id!)!.parentId).toBe(folders[0].id);
    expect(docOf(a.id!).body.getText()).toContain('ПРИКАЗЫВАЮ');
    expect(a.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    // No DriveApp call: its methods need drive/drive.readonly, which the add-on does not ask for.
    expect(Object.keys(fakes.calls.byName).filter((n) => n.startsWith('DriveApp.') || n.startsWith('File.'))).toEqual([]);
  });

  test('a folder the add-on may see (drive scope) is used as the curator set it', () => {
    undo();
    fakes = createGasFakes({ scopes: ['https://www.googleapis.com/auth/documents', 'https://www.googleapis.com/auth/drive'] });
    undo = fakes.install();
    const own = fakes.drive.root.createFolder('Мои приказы');
    const saved = gasDocuments().create(buildOrder('curator', data(), opts).model!, { name: 'A', folderId: own.getId() });
    expect(fakes.drive.files.get(saved.id!)!.parentId).toBe(own.getId());
  });

  test('without the Drive service, or when Drive refuses, the document is still made, in «Мой диск»', () => {
    const model = buildOrder('curator', data(), opts).model!;
    const g = globalThis as Record<string, unknown>;
    const drive = g.Drive;
    delete g.Drive;
    try {
      const a = gasDocuments().create(model, { name: 'A' });
      expect(fakes.drive.files.get(a.id!)!.parentId).toBe(fakes.drive.root.id);
      expect(docOf(a.id!).body.getText()).toContain('ПРИКАЗЫВАЮ');
    } finally {
      g.Drive = drive;
    }
    undo();
    // A deployment without drive.file: every Drive API call throws.
    fakes = createGasFakes({ scopes: ['https://www.googleapis.com/auth/documents'] });
    undo = fakes.install();
    const b = gasDocuments().create(model, { name: 'B' });
    expect(fakes.drive.files.get(b.id!)!.parentId).toBe(fakes.drive.root.id);
  });

  test('template: letterhead kept, placeholders replaced literally ($1, .*, \\)', () => {
    const s = settings({ orgName: 'Школа $1 .* \\d+ $ {{x}} «Знание»' });
    const model = buildOrder('pairs', data({ settings: s }), { number: '$2/.*\\', date: '2026-11-22' }).model!;
    const tpl = template(
      ['ПРИКАЗ № {{Номер приказа}} от {{Дата приказа}}', '{{Заголовок}}', '{{Текст приказа}}', '{{Подпись}}', 'Приложение:', '{{Таблица пар}}'],
      ['{{Название организации}}', 'ИНН 1234567890'],
    );
    const saved = gasDocuments().create(model, { name: 'T', templateId: tpl });
    const doc = docOf(saved.id!);
    expect(doc.header!.children.map((c: any) => c.getText())).toEqual(['Школа $1 .* \\d+ $ {{x}} «Знание»', 'ИНН 1234567890']);
    const lines = bodyLines(saved.id!);
    expect(lines[0]).toBe('ПРИКАЗ № $2/.*\\ от 22 ноября 2026 г.');
    expect(lines[1]).toBe('О закреплении наставнических пар (групп)');
    expect(lines[2]).toMatch(/^В соответствии с распоряжением/);
    expect(lines).toContain('ПРИКАЗЫВАЮ:');
    expect(lines.join('\n')).not.toMatch(/\{\{(Текст приказа|Подпись|Таблица пар|Заголовок)\}\}/);
    const sign = lines.indexOf('Директор | Т.Н. Кудрявцева');
    const appendixLabel = lines.indexOf('Приложение:');
    expect(sign).toBeGreaterThan(lines.indexOf('ПРИКАЗЫВАЮ:'));
    expect(appendixLabel).toBeGreaterThan(sign);
    expect(lines[appendixLabel + 1]).toBe('Приложение № 1 к приказу от 22 ноября 2026 г. № $2/.*\\');
    expect(lines.some((l) => l.startsWith('№ | Наставник | Наставляемые'))).toBe(true);
    // Only the orders' own numbering, no page break before the placed appendix.
    expect(doc.body.children.some((c) => c instanceof FakeParagraph && c.pageBreakAfter)).toBe(false);
  });

  test('template without {{Подпись}}/{{Таблица пар}}: signature after the text, appendix at the end', () => {
    const model = buildOrder('pairs', data(), opts).model!;
    const tpl = template(['{{Заголовок}}', '{{Текст приказа}}', 'Исп.: куратор']);
    const lines = bodyLines(gasDocuments().create(model, { name: 'T', templateId: tpl }).id!);
    const sign = lines.indexOf('Директор | Т.Н. Кудрявцева');
    expect(sign).toBeGreaterThan(0);
    expect(lines.indexOf('Исп.: куратор')).toBeGreaterThan(sign);
    expect(lines.findIndex((l) => l.startsWith('Приложение № 1'))).toBeGreaterThan(lines.indexOf('Исп.: куратор'));
  });

  test('unknown placeholders are refused before any document is created', () => {
    const model = buildOrder('curator', data(), opts).model!;
    const tpl = template(['{{Текст приказа}}', '{{Фамилия директора}}'], ['{{Логотип}}']);
    const before = fakes.drive.files.size;
    let err: unknown;
    try {
      gasDocuments().create(model, { name: 'T', templateId: tpl });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('{{Фамилия директора}}');
    expect((err as Error).message).toContain('{{Логотип}}');
    expect(fakes.drive.files.size).toBe(before);
  });

  test('a template without {{Текст приказа}} or an inaccessible one is a user error', () => {
    const model = buildOrder('curator', data(), opts).model!;
    expect(() => gasDocuments().create(model, { name: 'T', templateId: template(['{{Заголовок}}']) })).toThrow(/нет метки \{\{Текст приказа\}\}/);
    expect(() => gasDocuments().create(model, { name: 'T', templateId: 'missing' })).toThrow(/Шаблон приказа недоступен/);
  });

  test('awards: one numbered list, the mentors in the appendix table', () => {
    const model = buildOrder('awards', data(), { ...opts, mentorIds: ['Н-001', 'Н-002'] }).model!;
    const doc = docOf(gasDocuments().create(model, { name: 'A' }).id!);
    const items = doc.body.children.filter((c): c is FakeListItem => c instanceof FakeListItem);
    expect(items.map((i) => i.getText())[0]).toBe('Объявить благодарность наставникам за высокие результаты наставнической деятельности согласно приложению № 1 к настоящему приказу.');
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.getListId())).size).toBe(1);
    expect(doc.body.getText()).toContain('Приложение № 1 к приказу от 22 ноября 2026 г. № НМ-3/2026');
    const table = doc.body.children.filter((c): c is FakeTable => c instanceof FakeTable).find((t) => t.getCell(0, 0).getText() === '№')!;
    expect(table.rows.map((r) => r.cells.slice(0, 3).map((c) => c.getText()))).toEqual([
      ['№', 'Фамилия, имя, отчество', 'Должность (класс)'],
      ['1', 'Иванова Анна Сергеевна', 'учитель математики'],
      ['2', 'Римский-Корсаков Николай Андреевич', 'учитель музыки'],
    ]);
    expect(table.getCell(0, 1).editAsText().isBold()).toBe(true);
  });

  test('a numbered block that continues shares the list of the one before, across a paragraph', () => {
    const model = continuedNumbering();
    fakes.calls.reset();
    const doc = docOf(gasDocuments().create(model, { name: 'N' }).id!);
    const items = doc.body.children.filter((c): c is FakeListItem => c instanceof FakeListItem);
    expect(items).toHaveLength(4);
    // «Второй» and «Третий» join the first item's list; «Новый список» starts its own.
    expect(fakes.calls.byName['ListItem.setListId']).toBe(2);
    expect(new Set(items.slice(0, 3).map((i) => i.getListId())).size).toBe(1);
  });
});
