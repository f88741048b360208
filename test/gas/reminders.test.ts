/**
 * Daily reminders of the add-on, run from the BUILT bundle (dist/Code.js) over the Apps Script
 * fakes: one user (a UserWorld: their properties, triggers, mail) with several spreadsheets; each
 * execution is a fresh V8 context with its own clock. A clock trigger of an add-on may run with
 * no spreadsheet: the letters then come from the snapshot kept in the user's properties.
 */
import * as vm from 'node:vm';
import { buildBundle } from '../helpers/bundle';
import { clockEvent, createGasFakes, createUserWorld, type GasFakes, type UserWorld } from '../fakes/gas';
import { DIGEST_HANDLER } from '../../src/app/roadmap/digest';
import { NO_SNAPSHOT_SUMMARY, REMIND_PREFIX, SNAPSHOT_PREFIX } from '../../src/app/roadmap/reminders';
import { syntheticRoadmap } from './actionCalls';

let code = '';
let boundCode = '';

beforeAll(() => {
  code = buildBundle('addon').code;
  boundCode = buildBundle('bound').code;
});

const D0 = new Date('2026-11-20T07:00:00Z'); // 10:00 in Moscow: the curator turns reminders on
const D1 = new Date('2026-12-14T05:00:00Z'); // 08:00 in Moscow: the trigger fires

const SETTINGS = [
  ['Параметр', 'Значение'],
  ['Email куратора', 'curator@school.ru'],
  ['Начало периода', '01.09.2026'],
  ['Окончание периода', '31.08.2027'],
];
const MENTORS = [
  ['ID', 'ФИО', 'Категория', 'Email'],
  ['Н-1', 'Орлова Вера Ильинична', 'педагог', 'orlova@school.ru'],
];
const ROADMAP = [
  ['№ п/п', 'Мероприятие', 'Срок', 'Ответственный', 'Статус', 'Дата выполнения'],
  ['1', 'Отчёт в управление образования', 'до 01.12.2026', 'Куратор', '', ''], // soon on D0, overdue on D1
  ['2', 'Анкетирование наставников', 'до 15.12.2026', 'Орлова В.И.', '', ''], // upcoming on D0, soon on D1
  ['3', 'Совещание с директором', 'до 10.11.2026', 'Директор', '', ''], // overdue: nobody with an address → the curator
  ['4', 'Назначение куратора', 'до 01.10.2026', 'Директор', 'выполнено', ''], // done: never mailed
  ['5', 'Мониторинг программы', 'ежемесячно до 25 числа', 'Куратор', '', '25.11.2026'], // done up to Nov 25: Dec 25 soon on D1
  ['6', 'Итоговая конференция', 'май 2027', 'Куратор', '', ''], // upcoming on D1
];

function sheetsOf(name: string, roadmap = ROADMAP): Record<string, unknown[][]> {
  return { Настройки: SETTINGS, Наставники: MENTORS, 'Дорожная карта': roadmap.map((r) => r.map((c) => (c === '' ? '' : c))), [name]: [] };
}

interface Doc {
  fakes: GasFakes;
  /** One execution: a fresh context over the same fakes, at `now`; `detached`: no spreadsheet. */
  run(now: Date, detached?: boolean, bundle?: 'addon' | 'bound', globals?: Record<string, unknown>): any;
}

function spreadsheet(world: UserWorld, name: string, roadmap = ROADMAP, scriptKind: 'addon' | 'bound' = 'addon'): Doc {
  const fakes = createGasFakes({ world, typed: true, sheets: sheetsOf('Лист1', roadmap), scriptKind });
  fakes.spreadsheet.name = name;
  return {
    fakes,
    run(now, detached = false, bundle = 'addon', globals = {}) {
      fakes.state.noDocument = detached;
      const ctx = fakes.context(globals);
      // The execution's clock: `new Date()` is `now`; dates the services hand out stay real Dates.
      ctx.__NOW__ = now.getTime();
      vm.runInContext('Date = new Proxy(Date, { construct: (D, a) => (a.length ? new D(...a) : new D(__NOW__)), get: (D, p) => (p === "now" ? () => __NOW__ : D[p]) });', ctx);
      vm.runInContext(bundle === 'bound' ? boundCode : code, ctx, { filename: 'Code.js' });
      return ctx;
    },
  };
}

const fire = (doc: Doc, now: Date, detached = true) => {
  const trigger = doc.fakes.triggers.find((t) => t.getHandlerFunction() === DIGEST_HANDLER && t.data.docId === doc.fakes.spreadsheet.id);
  if (!trigger) throw new Error('no trigger for this spreadsheet');
  return doc.run(now, detached)[trigger.getHandlerFunction()](clockEvent(trigger, now, 'Europe/Moscow'));
};

const lettersTo = (world: UserWorld) => Object.fromEntries(world.mail.sent.map((m) => [m.to, m.body]));
const itemLines = (body: string) => body.split('\n').filter((l) => l.startsWith('• ')).map((l) => l.slice(2, l.indexOf(' —')));

describe('daily reminders of the add-on (dist/Code.js)', () => {
  it('a clock run with no active spreadsheet sends the right letters from the snapshot, as of its own day', () => {
    const world = createUserWorld();
    const a = spreadsheet(world, 'Наставничество 2026');
    expect(a.run(D0).setDeadlineReminders(true).summary).toMatch(/Напоминания включены: ежедневно около 8:00/);
    const [trigger] = world.triggers;
    expect(trigger.data).toMatchObject({ handler: DIGEST_HANDLER, eventType: 'CLOCK', atHour: 8, docId: a.fakes.spreadsheet.id });
    expect(JSON.parse(world.user.getProperty(REMIND_PREFIX + a.fakes.spreadsheet.id)!)).toEqual({ uid: trigger.getUniqueId(), hour: 8 });

    a.fakes.calls.reset();
    a.fakes.logs.length = 0;
    const result = fire(a, D1);
    expect(result).toEqual({ summary: 'Напоминаний отправлено: 2.', sent: 2, skipped: 0 });
    // No spreadsheet was touched or opened: only the user's properties and MailApp.
    expect(a.fakes.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(Object.keys(a.fakes.calls.byName).filter((n) => /^(Spreadsheet|Sheet|Range)\.|openBy|getDocumentProperties/.test(n))).toEqual([]);
    // The quota is read before the first letter.
    const seq = a.fakes.calls.sequence;
    expect(seq.indexOf('MailApp.getRemainingDailyQuota')).toBeLessThan(seq.indexOf('MailApp.sendEmail'));

    const letters = lettersTo(world);
    expect(Object.keys(letters).sort()).toEqual(['curator@school.ru', 'orlova@school.ru']);
    expect(itemLines(letters['curator@school.ru'])).toEqual(['1. Отчёт в управление образования', '3. Совещание с директором', '5. Мониторинг программы']);
    expect(letters['curator@school.ru']).toMatch(/Просрочено \(2\)[\s\S]*Скоро срок \(1\):\n• 5\. Мониторинг программы — срок: ежемесячно до 25 числа \(ближайший 25\.12\.2026\)/);
    expect(itemLines(letters['orlova@school.ru'])).toEqual(['2. Анкетирование наставников']);
    for (const body of Object.values(letters)) {
      expect(body).toContain('Напоминание о сроках дорожной карты наставничества на 14.12.2026.');
      expect(body).toContain(`По данным таблицы «Наставничество 2026» на 20.11.2026: ${a.fakes.spreadsheet.getUrl()}`);
    }
    // Counts only in the log: no addresses, no titles.
    expect(a.fakes.logs.join('\n')).not.toMatch(/@|Отчёт|Орлова|Наставничество 2026/);

    // The same day again (a second run, the sidebar's «Отправить сейчас» included): nothing twice.
    expect(fire(a, new Date(D1.getTime() + 3600_000)).sent).toBe(0);
    expect(a.run(new Date(D1.getTime() + 7200_000)).sendDeadlineDigest().sent).toBe(0);
    expect(world.mail.sent).toHaveLength(2);
  });

  it('evaluating the roadmap with the spreadsheet at hand refreshes the snapshot the trigger reads', () => {
    const world = createUserWorld();
    const a = spreadsheet(world, 'Лицей');
    a.run(D0).setDeadlineReminders(true);
    // The curator marks item 2 done and highlights the deadlines a week later.
    const sheet = a.fakes.spreadsheet.getSheetByName('Дорожная карта')!;
    sheet.getRange(3, 5).setValue('выполнено');
    const week = new Date('2026-11-27T09:00:00Z');
    expect(a.run(week).highlightDeadlines().summary).toMatch(/^Сроки на 27\.11\.2026/);
    fire(a, D1);
    const letters = lettersTo(world);
    expect(Object.keys(letters)).toEqual(['curator@school.ru']);
    expect(letters['curator@school.ru']).toContain('По данным таблицы «Лицей» на 27.11.2026');
  });

  it('two spreadsheets keep separate triggers; removing reminders in one leaves the other', () => {
    const world = createUserWorld();
    const a = spreadsheet(world, 'Школа № 1');
    const b = spreadsheet(world, 'Школа № 2', [ROADMAP[0], ['1', 'Отчёт школы № 2', 'до 16.12.2026', 'Куратор', '', '']]);
    a.run(D0).setDeadlineReminders(true);
    b.run(D0).setDeadlineReminders(true);
    expect(world.triggers.map((t) => t.data.docId)).toEqual([a.fakes.spreadsheet.id, b.fakes.spreadsheet.id]);
    expect(a.run(D0).getDeadlines().reminders).toBe(true);
    expect(b.run(D0).getDeadlines().reminders).toBe(true);

    expect(a.run(D0).setDeadlineReminders(false)).toEqual({ summary: 'Напоминания выключены.', on: false });
    expect(world.triggers.map((t) => t.data.docId)).toEqual([b.fakes.spreadsheet.id]);
    expect(a.run(D0).getDeadlines().reminders).toBe(false);
    expect(b.run(D0).getDeadlines().reminders).toBe(true);
    expect(world.user.getProperty(SNAPSHOT_PREFIX + a.fakes.spreadsheet.id)).toBeNull();
    expect(world.user.getProperty(SNAPSHOT_PREFIX + b.fakes.spreadsheet.id)).not.toBeNull();

    // B's trigger sends B's letters only.
    fire(b, D1);
    expect(world.mail.sent.map((m) => [m.to, itemLines(m.body)])).toEqual([['curator@school.ru', ['1. Отчёт школы № 2']]]);
    expect(world.mail.sent[0].body).toContain('«Школа № 2»');
  });

  it('a run that waited for the lock sees what another run sent meanwhile', () => {
    const world = createUserWorld();
    const a = spreadsheet(world, 'Лицей');
    a.run(D0).setDeadlineReminders(true);
    fire(a, D1);
    const key = `nastavnik.sent.${a.fakes.spreadsheet.id}`;
    const log = world.user.getProperty(key)!;
    world.user.deleteProperty(key);
    // Another execution records its letters while this one waits for the lock.
    const locks = a.fakes.globals.LockService;
    const LockService = {
      getDocumentLock: () => locks.getDocumentLock(),
      getUserLock: () => {
        const lock = locks.getUserLock();
        return { tryLock: (ms: number) => (world.user.setProperty(key, log), lock.tryLock(ms)), releaseLock: () => lock.releaseLock(), hasLock: () => lock.hasLock() };
      },
    };
    const [trigger] = world.triggers;
    expect(a.run(D1, true, 'addon', { LockService })[DIGEST_HANDLER](clockEvent(trigger, D1, 'Europe/Moscow')).sent).toBe(0);
    expect(world.mail.sent).toHaveLength(2);
  });

  it('a trigger not on record sends from every snapshot of the user, never twice', () => {
    const world = createUserWorld();
    const a = spreadsheet(world, 'Школа № 1');
    const b = spreadsheet(world, 'Школа № 2', [ROADMAP[0], ['1', 'Отчёт школы № 2', 'до 16.12.2026', 'Куратор', '', '']]);
    a.run(D0).setDeadlineReminders(true);
    b.run(D0).setDeadlineReminders(true);
    const event = { ...clockEvent(world.triggers[0], D1, 'Europe/Moscow'), triggerUid: '999' };
    expect(a.run(D1, true)[DIGEST_HANDLER](event).sent).toBe(3); // the curator from each school, Орлова
    expect(world.mail.sent.filter((m) => m.to === 'curator@school.ru')).toHaveLength(2);
    expect(fire(a, D1).sent + fire(b, D1).sent).toBe(0);
  });

  it('saving «Настройки» moves the trigger to the new hour and the new curator address into the snapshot', () => {
    const world = createUserWorld();
    const a = spreadsheet(world, 'Лицей');
    a.run(D0).setDeadlineReminders(true);
    const saved = a.run(D0).saveSettings({ fields: { digestHour: '7', curatorEmail: 'new.curator@school.ru' }, targets: {} });
    expect(saved).toMatchObject({ ok: true, message: expect.stringMatching(/Напоминания теперь приходят ежедневно около 7:00\.$/) });
    expect(world.triggers.map((t) => [t.data.docId, t.data.atHour])).toEqual([[a.fakes.spreadsheet.id, 7]]);
    expect(JSON.parse(world.user.getProperty(REMIND_PREFIX + a.fakes.spreadsheet.id)!)).toEqual({ uid: world.triggers[0].getUniqueId(), hour: 7 });
    fire(a, D1);
    expect(Object.keys(lettersTo(world)).sort()).toEqual(['new.curator@school.ru', 'orlova@school.ru']);
  });

  it('stops at the quota, read once before the first letter', () => {
    const world = createUserWorld({ mailQuota: 1 });
    const a = spreadsheet(world, 'Лицей');
    a.run(D0).setDeadlineReminders(true);
    expect(fire(a, D1)).toEqual({ summary: 'Напоминаний отправлено: 1, не отправлено из-за лимита писем: 1.', sent: 1, skipped: 1 });
  });

  it('without a snapshot (reminders turned on by an earlier version) a clock run sends nothing and says why', () => {
    const world = createUserWorld();
    const a = spreadsheet(world, 'Лицей');
    const t = a.fakes.globals.ScriptApp.newTrigger(DIGEST_HANDLER).timeBased().everyDays(1).atHour(8).create();
    expect(fire(a, D1)).toEqual({ summary: NO_SNAPSHOT_SUMMARY, sent: 0, skipped: 0 });
    expect(world.mail.sent).toEqual([]);
    // Opening the «Сроки» view adopts the trigger and takes the snapshot: the next run sends.
    expect(a.run(D0).getDeadlines()).toMatchObject({ reminders: true, remindersNote: expect.stringMatching(/по данным таблицы на 20\.11\.2026/) });
    expect(JSON.parse(world.user.getProperty(REMIND_PREFIX + a.fakes.spreadsheet.id)!).uid).toBe(t.getUniqueId());
    expect(fire(a, D1).sent).toBe(2);
  });

  it('a roadmap too large for the store is refused with a Russian reason; nothing is installed or half-written', () => {
    const world = createUserWorld();
    const long = 'Проведение методического семинара для наставников и наставляемых по обмену опытом '.repeat(2);
    const rows = [ROADMAP[0], ...Array.from({ length: 400 }, (_, i) => [String(i + 1), `${long}${i}`, 'ежемесячно до 25 числа', 'Куратор', '', ''])];
    const a = spreadsheet(world, 'Лицей', rows);
    let message = '';
    try {
      a.run(D0).setDeadlineReminders(true);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Напоминания не включены\. Данные для напоминаний по расписанию не помещаются в хранилище надстройки: \d+ КБ при пределе 48 КБ/);
    expect(world.triggers).toEqual([]);
    expect(world.user.getKeys()).toEqual([]);
  });

  it('a full user store refuses with a Russian reason and keeps what is there', () => {
    const world = createUserWorld();
    // 509 KB of the 500 KiB (512 000 bytes) store taken by other keys.
    for (let i = 0; i < 63; i++) world.user.setProperty(`other.${i}`, 'x'.repeat(8000));
    world.user.setProperty('other.last', 'x'.repeat(5000));
    const before = world.user.getProperties();
    const a = spreadsheet(world, 'Лицей');
    expect(() => a.run(D0).setDeadlineReminders(true)).toThrow(/Напоминания не включены\. Хранилище надстройки для вашей учётной записи заполнено/);
    expect(world.triggers).toEqual([]);
    expect(world.user.getProperties()).toEqual(before);
    // The curator's own actions still work.
    expect(a.run(D0).highlightDeadlines().summary).toMatch(/^Сроки на 20\.11\.2026/);
  });

  it('with reminders on, keeping the snapshot fresh costs the same service calls on 20 and 250 roadmap rows', () => {
    const calls = (n: number) => {
      const a = spreadsheet(createUserWorld(), 'Лицей', syntheticRoadmap(n) as string[][]);
      a.run(D0).setDeadlineReminders(true);
      a.fakes.calls.reset();
      a.run(new Date(D0.getTime() + 86400_000)).highlightDeadlines();
      return a.fakes.calls.byName;
    };
    const small = calls(20);
    expect(small['Properties.setProperties']).toBe(1); // the next day's snapshot, in one write
    expect(calls(250)).toEqual(small);
  });

  it('a bound script has its spreadsheet in the trigger: the letters come from the sheet', () => {
    const world = createUserWorld();
    const a = spreadsheet(world, 'Лицей', ROADMAP, 'bound');
    a.run(D0, false, 'bound').setDeadlineReminders(true);
    const [trigger] = world.triggers;
    const res = a.run(D1, false, 'bound')[DIGEST_HANDLER](clockEvent(trigger, D1, 'Europe/Moscow'));
    expect(res.sent).toBe(2);
    expect(world.mail.sent.map((m) => m.body).join('\n')).not.toContain('По данным таблицы');
    expect(a.run(D0, false, 'bound').setDeadlineReminders(false).on).toBe(false);
    expect(world.triggers).toEqual([]);
  });
});
