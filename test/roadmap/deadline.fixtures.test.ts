/**
 * The real roadmaps of ../shared: every deadline cell must be understood. The two tabular
 * roadmaps are read column by column; the Azov one (PDF text, no columns) through the phrases
 * listed in deadline.test.ts, whose presence in the file is checked here.
 */
import { parseDeadline, type Period } from '../../src/core/roadmap/deadline';
import { describeShared, readRoadmapFixture } from '../helpers/shared';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The third column of tab-separated rows: «Сроки» / «Срок реализации». */
function deadlineColumn(file: string): string[] {
  return readRoadmapFixture(file)
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 4)
    .map((cols) => fold(cols[2]))
    .filter((cell) => cell && !/^\d+$/.test(cell) && !/^(Сроки|Срок реализации)$/.test(cell) && cell !== '--');
}

describeShared('deadline phrases of the real roadmaps', () => {
  it.each<[string, Period, string[]]>([
    // Lyceum row 4.4 has no deadline: its «Ответственный» slid into the deadline column.
    ['lyceum-2020-2024.txt', { start: '2020-09-01', end: '2024-06-30' }, ['рабочая группа по внедрению целевой программы наставничества']],
    // Row 4.1 is split by a page break: «с 1 января по 31» | «декабря 2021 г.» — the importer joins
    // it; the truncated half alone must not be guessed (it is not 31 January).
    ['school-dzerzhinsk-2021.txt', { start: '2021-01-01', end: '2021-12-31' }, ['с 1 января по 31']],
  ])('%s: every deadline cell is understood', (file, period, notDeadlines) => {
    const cells = deadlineColumn(file);
    expect(cells.length).toBeGreaterThan(10);
    const unread = cells.filter((c) => !parseDeadline(c, period).understood);
    expect(unread).toEqual(notDeadlines);
    const yearly = cells.filter((c) => !notDeadlines.includes(c)).filter((c) => !parseDeadline(c, period, { recurrence: 'yearly' }).understood);
    expect(yearly).toEqual([]);
  });

  it('the Azov phrases of the table are in the file', () => {
    const text = fold(readRoadmapFixture('azov-municipal-2020.txt'));
    for (const phrase of [
      'до 15.11.2020', 'до 20.11.2020', 'до 2021', 'до 01.12.2020', 'По мере поступления из Министерства образования Ростовской области',
      'в течение периода реализации ЦМН', 'Октябрь-декабрь 2020', '15-30 октября 2020 .', 'по отдельному графику',
      'до 15.11.2020г.', 'в соответствии со сроками реализации программ наставничества', 'Декабрь 2020',
      'с 1 ноября по 31 декабря 2020г.', 'с 1 декабря по 31 декабря 2020г.', 'в течение всего периода внедрения ЦМН',
    ]) {
      expect(text).toContain(phrase);
      expect(parseDeadline(phrase, { start: '2020-09-01', end: '2021-08-31' }).understood).toBe(true);
    }
  });
});
