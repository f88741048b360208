/** The whole flow in Apps Script fakes: Sheets workbook, Google Docs, journal, «Приказ» column. */
import { createGasFakes, FakeTable, type GasFakes } from '../fakes/gas';
import { gasContext } from '../../src/gas/context';
import { ordersApi } from '../../src/app/orders/api';

let fakes: GasFakes;
let undo: () => void;

const sheets = {
  Настройки: [
    ['Параметр', 'Значение'],
    ['Полное наименование организации', 'МБОУ «Лицей № 3»'],
    ['ФИО руководителя', 'Кудрявцева Татьяна Николаевна'],
    ['Куратор', 'Ахремкина Людмила Михайловна'],
  ],
  Наставники: [
    ['ID', 'ФИО', 'Категория', 'Согласие на обработку ПДн'],
    ['Н-001', 'Иванова Анна Сергеевна', 'педагог', '01.09.2026'],
    ['Н-002', 'Безсогласия Олег Петрович', 'педагог', ''],
  ],
  Наставляемые: [
    ['ID', 'ФИО', 'Категория', 'Согласие на обработку ПДн'],
    ['Нв-001', 'Орлова Дарья Павловна', 'молодой специалист', '03.09.2026'],
  ],
  Пары: [
    ['ID', 'Наставник', 'Наставляемые', 'Форма', 'Письменное согласие участников', 'Статус', 'Приказ'],
    ['П-001', 'Н-001', 'Нв-001', 'учитель – учитель', 'да', 'формируется', ''],
    ['П-002', 'Н-002', 'Нв-001', 'учитель – учитель', 'да', 'формируется', ''],
  ],
};

beforeEach(() => {
  fakes = createGasFakes({ sheets });
  undo = fakes.install();
});
afterEach(() => undo());

test('generateOrder in Apps Script: a Google Doc, a journal row, the pair stamped', () => {
  const ctx = gasContext();
  const preview = ordersApi.previewOrder(ctx, 'pairs', { date: '2026-11-22' });
  expect(preview.number).toBe('1');
  expect(preview.included.map((i) => i.id)).toEqual(['П-001']);
  const r = ordersApi.generateOrder(ctx, 'pairs', { date: '2026-11-22' });
  if (r.needsConfirmation) throw new Error('unexpected');
  expect(r.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  const doc = [...fakes.drive.files.values()].find((f) => f.getUrl() === r.url)!.doc!;
  expect(doc.body.getText()).toContain('ПРИКАЗЫВАЮ:');
  expect(doc.body.getText()).not.toContain('Безсогласия');
  const table = doc.body.children.filter((c): c is FakeTable => c instanceof FakeTable).find((t) => t.getCell(0, 0).getText() === '№')!;
  expect(table.getCell(1, 1).getText()).toBe('Иванова Анна Сергеевна');
  const journal = fakes.spreadsheet.getSheetByName('Журнал приказов')!.getDataRange().getValues();
  expect(journal[0]).toEqual(['№', 'Дата', 'Вид', 'Заголовок', 'Ссылка']);
  expect(journal[1][0]).toBe('1');
  expect(journal[1][4]).toBe(r.url);
  const pairs = fakes.spreadsheet.getSheetByName('Пары')!.getDataRange().getValues();
  expect(pairs[1][6]).toBe('№ 1 от 22.11.2026');
  expect(pairs[2][6]).toBe('');
  // Whole-tab reads and one write per rectangle: journal header, journal row, one «Приказ» block.
  expect(fakes.calls.count('Range.setValues')).toBe(3);
  expect(fakes.calls.count('Range.getValues')).toBeLessThanOrEqual(8);
  // Again: asks first.
  expect(ordersApi.generateOrder(gasContext(), 'pairs', { date: '2026-11-22' })).toMatchObject({ needsConfirmation: true });
});
