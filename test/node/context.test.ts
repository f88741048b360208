import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeContext, MAIL_QUOTA } from '../../src/node/context';
import { buildDemoWorkbook } from '../../src/node/demo';
import { XlsxWorkbook } from '../../src/node/xlsxWorkbook';
import { SHEET_NAMES } from '../../src/core/registers/schemas';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nastavnik-ctx-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('nodeContext', () => {
  test('today: fixed when given, Moscow date otherwise', () => {
    const wb = XlsxWorkbook.create();
    expect(nodeContext(wb, { outDir: dir, today: '2026-01-05' }).today()).toBe('2026-01-05');
    expect(nodeContext(wb, { outDir: dir }).today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('mail goes to outbox.jsonl and keeps to the daily quota', () => {
    let day = '2026-03-02';
    const mail = nodeContext(XlsxWorkbook.create(), { outDir: dir, today: day }).mail!;
    expect(mail.remainingQuota()).toBe(MAIL_QUOTA);
    mail.send('a@example.ru', 'Тема', 'Текст');
    const lines = readFileSync(join(dir, 'outbox.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ day, to: 'a@example.ru', subject: 'Тема', body: 'Текст' });
    for (let i = 1; i < MAIL_QUOTA; i++) mail.send('a@example.ru', 'Тема', String(i));
    expect(mail.remainingQuota()).toBe(0);
    expect(() => mail.send('a@example.ru', 'Тема', 'лишнее')).toThrow(/лимит/);
    day = '2026-03-03';
    expect(nodeContext(XlsxWorkbook.create(), { outDir: dir, today: day }).mail!.remainingQuota()).toBe(MAIL_QUOTA);
  });

  test('triggers live in the workbook properties and travel with the file', async () => {
    const wb = XlsxWorkbook.create();
    wb.createSheet('Лист', ['A']);
    const t = nodeContext(wb, { outDir: dir }).triggers!;
    expect(t.dailyId('sendReminders')).toBeNull();
    const id = t.installDaily('sendReminders', 8);
    const back = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const t2 = nodeContext(back, { outDir: dir }).triggers!;
    expect(t2.dailyId('sendReminders')).toBe(id);
    t2.remove('sendReminders');
    expect(t2.dailyId('sendReminders')).toBeNull();
  });
});

describe('demo workbook', () => {
  test('registers of a realistic size, the curator\'s own headings on mentees, settings filled', async () => {
    const wb = await XlsxWorkbook.fromBuffer(await buildDemoWorkbook().toBuffer());
    expect(wb.sheetNames()).toEqual([SHEET_NAMES.mentors, SHEET_NAMES.mentees, SHEET_NAMES.pairs, SHEET_NAMES.roadmap, SHEET_NAMES.settings]);
    expect(wb.readSheet(SHEET_NAMES.mentors)!.values).toHaveLength(13);
    const mentees = wb.readSheet(SHEET_NAMES.mentees)!.values;
    expect(mentees).toHaveLength(26);
    expect(mentees[0]).toEqual(expect.arrayContaining(['Ф.И.О.', 'Класс']));
    expect(wb.readSheet(SHEET_NAMES.pairs)!.values).toHaveLength(7);
    expect(wb.readSheet(SHEET_NAMES.roadmap)!.values.length).toBeGreaterThanOrEqual(13);
    const settings = new Map(wb.readSheet(SHEET_NAMES.settings)!.values.map((r) => [r[0], r[1]]));
    expect(settings.get('Краткое наименование')).toBe('МБОУ "Лицей № 2"');
    expect(settings.get('Начало периода')).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(settings.get('Численность обучающихся')).toBe(800);
    // The deliberate duplicate: two rows with the same name and birth date.
    const keys = mentees.slice(1).map((r) => `${r[1]}|${(r[5] as Date).toISOString()}`);
    expect(new Set(keys).size).toBe(keys.length - 1);
  });
});
