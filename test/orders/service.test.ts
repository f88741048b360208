import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext, DocumentsPort } from '../../src/app/context';
import { UserError } from '../../src/app/port';
import { ordersApi } from '../../src/app/orders/api';
import { docxDocuments } from '../../src/node/docxDocuments';
import { fixtureWorkbook } from './workbook';
import { readDocx } from './docxread';

function context(wb = fixtureWorkbook(), docs?: DocumentsPort): AppContext & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'orders-app-'));
  return { wb, today: () => '2026-11-22', docs: docs ?? docxDocuments(dir), dir };
}

describe('orders application service', () => {
  test('preview: included, excluded by ID, next number', () => {
    const ctx = context();
    const p = ordersApi.previewOrder(ctx, 'pairs', {});
    expect(p.number).toBe('НМ-1/2026');
    expect(p.problems).toEqual([]);
    expect(p.included.map((i) => i.id)).toEqual(['П-001', 'П-002', 'П-005']);
    expect(p.excluded.map((e) => e.id)).toContain('Н-003');
    expect(JSON.stringify(p)).not.toContain('Безсогласия');
    expect(p.choices.find((c) => c.id === 'П-003')).toMatchObject({ consent: false, label: 'П-003: Н-003, учитель – учитель' });
    expect(p.duplicate).toBeNull();
  });

  test('generate: document, journal row, «Приказ» cells of the included pairs only', async () => {
    const ctx = context();
    const writes: Array<[string, number, number, number]> = [];
    const orig = ctx.wb.writeValues.bind(ctx.wb);
    ctx.wb.writeValues = (name, row, col, values) => {
      writes.push([name, row, col, values.length]);
      orig(name, row, col, values);
    };
    const r = ordersApi.generateOrder(ctx, 'pairs', {});
    if (r.needsConfirmation) throw new Error('unexpected');
    expect(r.number).toBe('НМ-1/2026');
    expect(r.url.endsWith('.docx')).toBe(true);
    const doc = await readDocx(readFileSync(r.url));
    expect(doc.text).toContain('№ НМ-1/2026');
    expect(doc.text).not.toContain('Безсогласия');

    const journal = ctx.wb.readSheet('Журнал приказов')!.values;
    expect(journal[0]).toEqual(['№', 'Дата', 'Вид', 'Заголовок', 'Ссылка']);
    expect(journal[1].slice(0, 4)).toEqual(['НМ-1/2026', '22.11.2026', 'Закрепление пар', 'О закреплении наставнических пар (групп)']);

    const pairs = ctx.wb.readSheet('Пары')!.values;
    const orderCol = 6;
    expect(pairs.map((r) => r[orderCol])).toEqual(['Приказ', '№ НМ-1/2026 от 22.11.2026', '№ НМ-1/2026 от 22.11.2026', null, 'Приказ директора 12-од', '№ НМ-1/2026 от 22.11.2026']);
    expect(pairs.map((r) => r[7])).toEqual(['Комментарий', 'к1', 'к2', 'к3', 'к4', 'к5']);
    // Rows 1–2 in one write, row 5 in another; only the «Приказ» column, one cell wide.
    expect(writes.filter((w) => w[0] === 'Пары')).toEqual([
      ['Пары', 1, orderCol, 2],
      ['Пары', 5, orderCol, 1],
    ]);
  });

  test('the same order twice asks for confirmation; the next number follows', () => {
    const ctx = context();
    const first = ordersApi.generateOrder(ctx, 'pairs', {});
    expect(first.needsConfirmation).toBeFalsy();
    const again = ordersApi.generateOrder(ctx, 'pairs', {});
    expect(again).toMatchObject({ needsConfirmation: true, existing: { number: 'НМ-1/2026', date: '2026-11-22' } });
    expect(ctx.wb.readSheet('Журнал приказов')!.values).toHaveLength(2);
    expect(ordersApi.previewOrder(ctx, 'pairs', {}).duplicate).toMatchObject({ number: 'НМ-1/2026' });
    const confirmed = ordersApi.generateOrder(ctx, 'pairs', { confirmDuplicate: true });
    expect(confirmed).toMatchObject({ number: 'НМ-2/2026' });
    // Another set of pairs is not a duplicate.
    const other = ordersApi.generateOrder(ctx, 'pairs', { pairIds: ['П-001'] });
    expect(other).toMatchObject({ number: 'НМ-3/2026' });
    // A new year starts from 1.
    const next = ordersApi.generateOrder(ctx, 'curator', { date: '2027-01-10' });
    expect(next).toMatchObject({ number: 'НМ-1/2027' });
  });

  test('plain numbers without a prefix; an explicit number already used is refused', () => {
    const ctx = context(fixtureWorkbook({ 'Префикс номера приказа': null }));
    expect(ordersApi.generateOrder(ctx, 'curator', {})).toMatchObject({ number: '1' });
    expect(ordersApi.previewOrder(ctx, 'roadmap', {}).number).toBe('2');
    expect(() => ordersApi.generateOrder(ctx, 'roadmap', { number: '1' })).toThrow(/уже есть/);
    expect(ordersApi.generateOrder(ctx, 'roadmap', { number: '45-од' })).toMatchObject({ number: '45-од' });
  });

  test('missing settings: Russian error before anything is written', () => {
    const ctx = context(fixtureWorkbook({ 'Полное наименование организации': null, 'ФИО руководителя': null }));
    let created = 0;
    ctx.docs = { create: () => ((created++, { name: '', url: '' })) };
    expect(() => ordersApi.generateOrder(ctx, 'pairs', {})).toThrow(UserError);
    expect(() => ordersApi.generateOrder(ctx, 'pairs', {})).toThrow(/Заполните на листе «Настройки»: «Полное наименование организации», «ФИО руководителя»/);
    expect(created).toBe(0);
    expect(ctx.wb.sheetNames()).not.toContain('Журнал приказов');
  });

  test('a failing document creation leaves the journal and the pairs untouched', () => {
    const ctx = context();
    ctx.docs = {
      create: () => {
        throw new UserError('В шаблоне неизвестные поля: {{Фамилия}}');
      },
    };
    expect(() => ordersApi.generateOrder(ctx, 'pairs', {})).toThrow(/Фамилия/);
    expect(ctx.wb.sheetNames()).not.toContain('Журнал приказов');
    expect(ctx.wb.readSheet('Пары')!.values[1][6]).toBeNull();
  });

  test('unknown kind and bad date are user errors', () => {
    const ctx = context();
    expect(() => ordersApi.previewOrder(ctx, 'fire', {})).toThrow(/Неизвестный вид приказа/);
    expect(() => ordersApi.generateOrder(ctx, 'pairs', { date: '2026-02-30' })).toThrow(/не распознана/);
  });

  test('listOrderKinds', () => {
    expect(ordersApi.listOrderKinds(context()).map((k) => k.kind)).toEqual(['pairs', 'curator', 'working-group', 'roadmap', 'awards', 'completion']);
  });
});
