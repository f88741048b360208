/**
 * Google Docs service calls of the documents the add-on writes, run from the BUILT bundle
 * (dist/Code.js) over the Apps Script fakes: the department report («Сведения о реализации целевой
 * модели наставничества»), the pairs order and the awards order with their appendices. The calls must not depend on the
 * rows of the tables (Apps Script bills every call; a school with 400 pairs must not hit the
 * 6-minute limit).
 */
import * as vm from 'node:vm';
import { buildBundle } from '../helpers/bundle';
import { createGasFakes, FakeTable, type GasFakes } from '../fakes/gas';

let code = '';

beforeAll(() => {
  code = buildBundle().code;
});

const pad = (n: number) => String(n).padStart(4, '0');

/**
 * A school with `pairs` pairs (being formed unless `status` says otherwise), everyone with consent.
 * With `groups`, every fourth pair is a group of two mentees (a multi-line cell in the order's appendix).
 */
function school(pairs: number, groups: boolean, status = 'формируется'): Record<string, unknown[][]> {
  const mentors: unknown[][] = [['ID', 'ФИО', 'Категория', 'Место работы / учёбы', 'Согласие на обработку ПДн', 'Статус']];
  const mentees: unknown[][] = [['ID', 'ФИО', 'Категория', 'Класс / должность', 'Согласие на обработку ПДн', 'Статус']];
  const rows: unknown[][] = [['ID', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Дата начала', 'Дата окончания', 'Письменное согласие участников', 'Статус']];
  let m = 0;
  for (let i = 1; i <= pairs; i++) {
    mentors.push([`Н-${pad(i)}`, `Наставникова Анна Сергеевна ${i}`, 'педагог', 'МБОУ «Лицей № 3»', '01.09.2026', 'активен']);
    const ids: string[] = [];
    for (let k = 0; k < (groups && i % 4 === 1 ? 2 : 1); k++) {
      m++;
      mentees.push([`Нв-${pad(m)}`, `Молодова Дарья Павловна ${m}`, 'молодой специалист', 'учитель истории', '03.09.2026', 'активен']);
      ids.push(`Нв-${pad(m)}`);
    }
    rows.push([`П-${pad(i)}`, `Н-${pad(i)}`, ids.join('; '), 'учитель – учитель', '15.09.2026', '31.05.2027', 'да', status]);
  }
  return {
    Настройки: [
      ['Параметр', 'Значение'],
      ['Полное наименование организации', 'МБОУ «Лицей № 3»'],
      ['Должность руководителя', 'Директор'],
      ['ФИО руководителя', 'Кудрявцева Татьяна Николаевна'],
      ['Куратор', 'Ахремкина Людмила Михайловна'],
    ],
    Наставники: mentors,
    Наставляемые: mentees,
    Пары: rows,
  };
}

/** Calls of the Document service (the Sheets and Drive calls around them are tested elsewhere). */
const DOCS = /^(DocumentApp|Document|Body|HeaderSection|Paragraph|ListItem|Table|TableRow|TableCell|Text)\./;

/** Runs one server function of the bundle as one execution; its calls and the document. */
function run(tabs: Record<string, unknown[][]>, fn: (ctx: vm.Context) => { url?: string }) {
  const fakes: GasFakes = createGasFakes({ sheets: tabs });
  const ctx = fakes.context();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  fakes.calls.reset();
  const res = fn(ctx);
  const docs = Object.fromEntries(Object.entries(fakes.calls.byName).filter(([k]) => DOCS.test(k)));
  const doc = [...fakes.drive.files.values()].find((f) => f.getUrl() === res.url)?.doc;
  if (!doc) throw new Error(`no document: ${JSON.stringify(res)} ${fakes.ui.alerts.map((a) => a.prompt).join(' | ')}`);
  return { docs, total: Object.values(docs).reduce((a, b) => a + b, 0), doc };
}

const report = (pairs: number) => run(school(pairs, false), (ctx) => ctx.generateDepartmentReport());
const order = (pairs: number) => run(school(pairs, true), (ctx) => ctx.generateOrder('pairs', { date: '2026-11-22' }));
/** Every mentor awarded; their pairs run, so each row of the appendix says what the mentor led. */
const awards = (people: number) =>
  run(school(people, false, 'активна'), (ctx) =>
    ctx.generateOrder('awards', { date: '2026-11-22', mentorIds: Array.from({ length: people }, (_, i) => `Н-${pad(i + 1)}`) }),
  );
const tables = (doc: { body: { children: unknown[] } }) => doc.body.children.filter((c): c is FakeTable => c instanceof FakeTable);

describe('dist/Code.js: Google Docs calls do not grow with the rows', () => {
  it('the report: the same calls for 10 and 400 participants', () => {
    const small = report(5);
    const big = report(200);
    const list = tables(big.doc).find((t) => t.getCell(0, 0).getText() === '№')!;
    expect(list.rows).toHaveLength(1 + 400);
    process.stdout.write(`report: ${small.total} Google Docs calls for 10 participants, ${big.total} for 400\n`);
    expect(big.docs).toEqual(small.docs);
  });

  it('the pairs order: the same calls for 5 and 300 pairs, groups included', () => {
    const small = order(5);
    const big = order(300);
    const appendix = tables(big.doc).find((t) => t.getCell(0, 0).getText() === '№')!;
    expect(appendix.rows).toHaveLength(1 + 300);
    const signed = tables(big.doc).find((t) => t.getCell(0, 0).getText() === 'ФИО')!;
    expect(signed.rows.length).toBeGreaterThan(600);
    process.stdout.write(`pairs order: ${small.total} Google Docs calls for 5 pairs, ${big.total} for 300\n`);
    expect(big.docs).toEqual(small.docs);
  });

  it('the awards order: the same calls for 5 and 100 awarded mentors', () => {
    const small = awards(5);
    const big = awards(100);
    const appendix = tables(big.doc).find((t) => t.getCell(0, 0).getText() === '№')!;
    expect(appendix.rows).toHaveLength(1 + 100);
    expect(appendix.getCell(100, 1).getText()).toBe('Наставникова Анна Сергеевна 100');
    expect(appendix.getCell(100, 3).getText()).toMatch(/^П-0100 \(учитель – учитель\), /);
    const signed = tables(big.doc).find((t) => t.getCell(0, 0).getText() === 'ФИО')!;
    expect(signed.rows).toHaveLength(1 + 100);
    process.stdout.write(`awards order: ${small.total} Google Docs calls for 5 mentors, ${big.total} for 100\n`);
    expect(big.docs).toEqual(small.docs);
  });
});
