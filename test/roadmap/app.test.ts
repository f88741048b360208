import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { roadmapApi } from '../../src/app/roadmap/api';
import { splitNote } from '../../src/app/decorate';
import type { AppContext, MailPort } from '../../src/app/context';
import { describeShared, readRoadmapFixture } from '../helpers/shared';

function ctx(wb: MemoryWorkbook, today = '2026-11-22', mail?: MailPort): AppContext {
  return { wb, today: () => today, mail };
}

const PASTE = [
  '№\tМероприятие\tСрок\tОтветственный',
  '1\tНазначение куратора\tдо 01.10.2026\tДиректор',
  '2\tОтчёт в управление образования\tдо 30.11.2026\tКуратор',
  '3\tАнкетирование наставников\tдекабрь 2026\tЗаместитель директора Орлова В.И.',
  '4\tСовещание\tпо отдельному графику\tКуратор',
  '5\tЧто-то\tкогда-нибудь потом\tКуратор',
].join('\n');

describe('roadmap import into the tab', () => {
  it('creates the tab, adds items once, and keeps the curator’s columns', () => {
    const wb = new MemoryWorkbook({ 'Дорожная карта': [['Срок', '№ п/п', 'Мероприятие', 'Моя пометка'], ['до 01.09.2026', '0', 'Уже было', 'важно']] });
    const first = roadmapApi.importRoadmapFromText(ctx(wb), PASTE);
    expect(first.added).toBe(5);
    const grid = wb.grid('Дорожная карта');
    expect(grid[1]).toEqual(['до 01.09.2026', '0', 'Уже было', 'важно']);
    expect(grid[2]).toEqual(['до 01.10.2026', '1', 'Назначение куратора', '']);
    const again = roadmapApi.importRoadmapFromText(ctx(wb), PASTE);
    expect(again).toMatchObject({ added: 0, skipped: 5 });
    expect(wb.grid('Дорожная карта')).toHaveLength(7);
  });

  it('refuses empty text with a Russian message', () => {
    expect(() => roadmapApi.importRoadmapFromText(ctx(new MemoryWorkbook()), '   ')).toThrow(/Вставьте текст/);
  });
});

describe('deadline highlighting', () => {
  it('adds the computed columns, colours states, notes unreadable phrases, and is idempotent', () => {
    const wb = new MemoryWorkbook({
      Настройки: [['Параметр', 'Значение'], ['Начало периода', '01.09.2026'], ['Окончание периода', '31.08.2027']],
    });
    roadmapApi.importRoadmapFromText(ctx(wb), PASTE);
    const sheet = wb.sheet('Дорожная карта');
    sheet.backgrounds.set('1,0', '#123456'); // the curator's own colour on a cell
    const res = roadmapApi.highlightDeadlines(ctx(wb));
    expect(res.counts).toMatchObject({ overdue: 1, soon: 1, noDate: 2 });
    const grid = wb.grid('Дорожная карта');
    const head = grid[0];
    const next = head.indexOf('Ближайший срок');
    const state = head.indexOf('Состояние');
    expect(state).toBe(next + 1);
    expect(grid.slice(1).map((r) => r[state])).toEqual(['просрочено', 'скоро срок', 'запланировано', 'без даты', 'без даты']);
    expect(grid[2][next]).toBe('30.11.2026');
    expect(sheet.backgrounds.get(`1,${state}`)).toBe('#f4c7c3');
    expect(sheet.backgrounds.get('1,0')).toBe('#123456');
    expect(splitNote(sheet.notes.get(`5,${state}`)!).sources).toEqual(['deadlines']);
    expect(sheet.notes.get(`5,${state}`)).toMatch(/не распознан/);
    const writes = wb.calls.writeValues + (wb.calls.writeDecorations ?? 0);
    roadmapApi.highlightDeadlines(ctx(wb));
    expect(wb.calls.writeValues + (wb.calls.writeDecorations ?? 0)).toBe(writes);
  });

  it('a date serial in «Срок» (a number without a date format) is its date; another number is named by its cell', () => {
    const wb = new MemoryWorkbook({
      Настройки: [['Параметр', 'Значение'], ['Начало периода', '01.09.2025'], ['Окончание периода', '31.08.2026']],
      'Дорожная карта': [
        ['№', 'Мероприятие', 'Срок', 'Ответственный'],
        ['1', 'Отчёт', 46022, 'Куратор'], // 31.12.2025
        ['2', 'Совещание', 123456, 'Куратор'],
        ['3', 'Анкетирование', 2026, 'Куратор'], // a year, not a serial
        ['4', 'Итоги', 46022.5, 'Куратор'], // a date and time
      ],
    });
    const res = roadmapApi.highlightDeadlines(ctx(wb, '2025-12-20'));
    const grid = wb.grid('Дорожная карта');
    const next = grid[0].indexOf('Ближайший срок');
    const state = grid[0].indexOf('Состояние');
    expect([1, 2, 4].map((r) => [grid[r][next], grid[r][state]])).toEqual([
      ['31.12.2025', 'скоро срок'],
      ['', 'без даты'],
      ['31.12.2025', 'скоро срок'],
    ]);
    expect(grid[3][state]).not.toBe('без даты');
    const notes = wb.sheet('Дорожная карта').notes;
    for (const r of [1, 3, 4]) expect(notes.get(`${r},2`) ?? '').not.toMatch(/не распознан/);
    expect(notes.get('2,2')).toMatch(/Срок «123456» не распознан/);
    expect(res.summary).toContain('Не распознано сроков: 1 — лист «Дорожная карта», ячейка C3 (см. примечания)');
    const view = roadmapApi.getDeadlines(ctx(wb, '2025-12-20'));
    expect(view.items.find((i) => i.number === '1')).toMatchObject({ deadline: '2025-12-31', understood: true, nextDue: '2025-12-31' });
  });

  it('a «Состояние» column of the curator keeps its text; the add-on writes its own beside it', () => {
    const wb = new MemoryWorkbook({
      Настройки: [['Параметр', 'Значение'], ['Начало периода', '01.09.2026'], ['Окончание периода', '31.08.2027']],
      'Дорожная карта': [
        ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Состояние', 'Ближайший срок'],
        ['1', 'Приказ', 'до 01.10.2026', 'Директор', 'жду ответа директора', 'спросить'],
        ['2', 'Пары', 'до 01.12.2026', 'Куратор', null, null],
      ],
    });
    roadmapApi.highlightDeadlines(ctx(wb));
    const grid = wb.grid('Дорожная карта');
    expect(grid[0].slice(4)).toEqual(['Состояние', 'Ближайший срок', 'Ближайший срок (Наставник)', 'Состояние (Наставник)']);
    expect(grid[1].slice(4)).toEqual(['жду ответа директора', 'спросить', '', 'просрочено']);
    expect(grid[2].slice(6, 8)).toEqual(['01.12.2026', 'скоро срок']);
    // The next run finds its own columns again and adds none.
    roadmapApi.highlightDeadlines(ctx(wb));
    expect(wb.grid('Дорожная карта')[0]).toHaveLength(8);
  });
});

describe('reminders', () => {
  it('sends one letter per address, within the quota, never twice a day', () => {
    const wb = new MemoryWorkbook({
      Настройки: [['Параметр', 'Значение'], ['Email куратора', 'curator@school.ru'], ['Начало периода', '01.09.2026'], ['Окончание периода', '31.08.2027']],
      Наставники: [['ID', 'ФИО', 'Категория', 'Email'], ['Н-1', 'Орлова Вера Ильинична', 'педагог', 'orlova@school.ru']],
    });
    roadmapApi.importRoadmapFromText(ctx(wb), PASTE.replace('декабрь 2026', 'до 01.12.2026'));
    const sent: Array<{ to: string; subject: string; body: string }> = [];
    let quota = 5;
    const mail: MailPort = { remainingQuota: () => quota, send: (to, subject, body) => { sent.push({ to, subject, body }); quota--; } };
    const r = roadmapApi.sendDeadlineDigest(ctx(wb, '2026-11-22', mail));
    expect(r.sent).toBe(2);
    expect(sent.map((s) => s.to).sort()).toEqual(['curator@school.ru', 'orlova@school.ru']);
    const curator = sent.find((s) => s.to === 'curator@school.ru')!;
    expect(curator.body).toMatch(/Назначение куратора/); // «Директор» has no address: the curator hears of it
    expect(curator.body).toMatch(/Отчёт в управление образования/);
    expect(roadmapApi.sendDeadlineDigest(ctx(wb, '2026-11-22', mail)).sent).toBe(0);
    quota = 0;
    expect(roadmapApi.sendDeadlineDigest(ctx(wb, '2026-11-23', mail))).toMatchObject({ sent: 0, skipped: 2 });
  });
});

describeShared('a real roadmap into the tab', () => {
  it('imports the lyceum roadmap with its period and targets', () => {
    const wb = new MemoryWorkbook();
    const res = roadmapApi.importRoadmapFromText(ctx(wb), readRoadmapFixture('lyceum-2020-2024.txt'));
    expect(res.added).toBeGreaterThan(20);
    const settings = wb.grid('Настройки').map((r) => r[0]);
    expect(settings).toEqual(expect.arrayContaining(['Цель 2020', 'Цель 2024']));
  });
});
