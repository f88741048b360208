import fc from 'fast-check';
import { evaluateRoadmap, type EvaluatedItem } from '../../src/core/roadmap/evaluate';
import { decodeSnapshot, encodeSnapshot, evaluateSnapshot, takeSnapshot, type RoadmapSnapshot } from '../../src/core/roadmap/snapshot';
import { importRoadmapText } from '../../src/core/roadmap/import';
import { addDaysIso } from '../../src/core/roadmap/dates';
import { utf8Length } from '../../src/core/util/text';
import type { RoadmapItem } from '../../src/core/registers/schemas';
import { describeShared, readRoadmapFixture, roadmapFixtures } from '../helpers/shared';

const PERIOD = { start: '2026-09-01', end: '2027-08-31' };
const meta = (taken: string) => ({ taken, name: 'Лицей', url: 'https://docs.google.com/spreadsheets/d/abc/edit', timeZone: 'Europe/Moscow', curatorEmail: 'curator@school.ru', soonDays: 14 });

function live(rows: RoadmapItem[], asOf: string, period = PERIOD): EvaluatedItem[] {
  return evaluateRoadmap(rows.map((record, i) => ({ row: i + 1, record })), { period, asOf, soonDays: 14 });
}

const ITEMS: RoadmapItem[] = [
  { number: '1', title: 'Отчёт', deadline: 'до 01.12.2026', responsible: 'Куратор' },
  { number: '2', title: 'Анкетирование', deadline: 'ежемесячно до 25 числа', doneDate: '2026-11-25' },
  { number: '3', title: 'Назначение', deadline: 'до 01.10.2026', status: 'выполнено' },
  { number: '4', title: 'Совещание', deadline: 'по отдельному графику' },
  { number: '5', title: 'Семинар', deadline: '15-30 октября 2026' },
  { number: '6', title: 'Олимпиада', deadline: 'III квартал 2027' },
];

describe('the reminders snapshot', () => {
  it('keeps only what can still be mailed, with the latest past window and every later one', () => {
    const snap = takeSnapshot(live(ITEMS, '2026-11-20'), () => ['a@b.ru'], meta('2026-11-20'));
    expect(snap.items.map((i) => i.number)).toEqual(['1', '2', '5', '6']); // done and dateless ones left out
    const monthly = snap.items.find((i) => i.number === '2')!;
    expect(monthly.windows[0].due).toBe('2026-12-25'); // September–November are covered by the done date
    expect(monthly.doneDate).toBe('2026-11-25');
    expect(snap.items.find((i) => i.number === '5')!.windows).toEqual([{ from: '2026-10-15', due: '2026-10-30' }]);
  });

  it('round-trips through its compact text and refuses text it did not write', () => {
    const snap = takeSnapshot(live(ITEMS, '2026-11-20'), (e) => (e.item.number === '1' ? ['a@b.ru', 'c@d.ru'] : ['a@b.ru']), meta('2026-11-20'));
    const text = encodeSnapshot(snap);
    expect(decodeSnapshot(text)).toEqual(snap);
    expect(text.match(/\d{4}-\d{2}-\d{2}/g)).toEqual(['2026-11-20']); // only the snapshot's date is not packed
    expect(text.match(/a@b\.ru/g)).toHaveLength(1); // addresses once
    for (const bad of [null, '', '{', '{"v":2}', text.replace('"v":1', '"v":"1"'), text.replace(/"i":\[\[\d+/, '"i":[["x"')]) expect(decodeSnapshot(bad)).toBeNull();
  });

  it('trims long titles and deadline phrases', () => {
    const long = 'Проведение семинара '.repeat(30);
    const [item] = takeSnapshot(live([{ title: long, deadline: 'до 01.12.2026' }], '2026-11-20'), () => [], meta('2026-11-20')).items;
    expect(item.title.length).toBe(160);
    expect(item.title.endsWith('…')).toBe(true);
  });

  it('as of any later day, each item has the status and next due of the live evaluation (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 400 }), (takenOffset, later) => {
        const taken = addDaysIso('2026-09-01', takenOffset);
        const asOf = addDaysIso(taken, later);
        const snap = decodeSnapshot(encodeSnapshot(takeSnapshot(live(ITEMS, taken), () => [], meta(taken))))!;
        sameAsLive(snap, live(ITEMS, asOf), asOf);
      }),
      { numRuns: 200 },
    );
  });

  describeShared('over the real roadmaps', () => {
    it.each(roadmapFixtures())('%s: statuses from the snapshot equal the live ones a month and a year later; the snapshot stays small', (name) => {
      const imported = importRoadmapText(readRoadmapFixture(name));
      const rows: RoadmapItem[] = imported.items.map((i) => ({ number: i.number, title: i.title, deadline: i.deadline, responsible: i.responsible, section: i.recurrence === 'yearly' ? 'Мероприятия (ежегодно)' : i.section }));
      const period = imported.period ?? { start: '2020-01-01', end: '2024-12-31' };
      const taken = addDaysIso(period.start, 200);
      const snap = decodeSnapshot(encodeSnapshot(takeSnapshot(live(rows, taken, period), () => ['curator@school.ru'], meta(taken))))!;
      for (const asOf of [taken, addDaysIso(taken, 31), addDaysIso(taken, 365)]) sameAsLive(snap, live(rows, asOf, period), asOf);
      const bytes = utf8Length(encodeSnapshot(snap));
      expect(bytes).toBeLessThan(16 * 1024);
    });
  });
});

/** Every item of the snapshot as the live evaluation has it; every item left out is done or dateless then too. */
function sameAsLive(snap: RoadmapSnapshot, now: EvaluatedItem[], asOf: string) {
  const fromSnap = new Map(evaluateSnapshot(snap, asOf).map((e) => [e.row, e]));
  for (const e of now) {
    const s = fromSnap.get(e.row);
    if (!s) {
      expect(['done', 'no-date']).toContain(e.status);
      continue;
    }
    expect([s.status, s.next]).toEqual([e.status, e.next]);
  }
}
