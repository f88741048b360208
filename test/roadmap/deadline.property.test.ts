/** Properties of the engine on input it has never seen: it never throws and never lies about dates. */
import fc from 'fast-check';
import { deadlineStatus, parseDeadline, type ParsedDeadline, type Period } from '../../src/core/roadmap/deadline';
import { isIsoDate } from '../../src/core/roadmap/dates';

const VOCABULARY = [
  'до', 'с', 'по', 'к', 'не позднее', 'в течение', 'начиная с', 'после', 'в', 'ежегодно', 'ежемесячно', 'ежеквартально',
  'еженедельно', 'раз в', 'числа', 'каждого месяца', 'следующего за отчетным', 'январь', 'февраля', 'марте', 'мая', 'Июнь',
  'сентябрь', 'октября', 'декабрь', 'квартал', 'кв.', 'полугодие', 'I', 'II', 'III', 'IV', 'первое', 'второе', 'года', 'г.',
  'гг.', 'уч.год', 'учебный год', 'учебного года', '2020', '2021', '2024', '1999', '2199', '0', '1', '15', '29', '30', '31',
  '32', '99', '19.02.2021г.', '31.06.2021', '29.02.2024', '25.12.24', '2021-02-19', '01.10', '09.2021', '-', '–', '—', ',',
  ';', '/', '.', '(', ')', '\n', '\u00a0', '<b>', '</b>', '&nbsp;', 'постоянно', 'по мере', 'по плану', 'конца', 'начала',
  'середины', 'весной', 'зимой', 'по пятницам', 'от', '№', 'и', 'ё', 'Ё', 'всего периода',
];

const phrase = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }).map((ws) => ws.join(' '));
const isoDay = fc.date({ min: new Date(2015, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true }).map((d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
);
const period: fc.Arbitrary<Period> = fc.tuple(isoDay, isoDay).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

function wellFormed(p: ParsedDeadline): void {
  expect(['dated', 'recurring', 'continuous', 'event', 'unspecified']).toContain(p.kind);
  for (const w of p.occurrences) {
    expect(isIsoDate(w.due)).toBe(true);
    if (w.from !== undefined) {
      expect(isIsoDate(w.from)).toBe(true);
      expect(w.from <= w.due).toBe(true);
    }
  }
  for (let i = 1; i < p.occurrences.length; i++) expect(p.occurrences[i - 1].due <= p.occurrences[i].due).toBe(true);
  if (!p.understood) expect([p.kind, p.occurrences.length]).toEqual(['unspecified', 0]);
  if (p.kind === 'event' || p.kind === 'unspecified') expect(p.occurrences).toEqual([]);
  for (const n of p.notes ?? []) expect(typeof n).toBe('string');
}

const RUNS = { numRuns: 400 };

describe('parseDeadline properties', () => {
  it('arbitrary strings never throw and give well-formed results', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), period, (text, p) => {
        wellFormed(parseDeadline(text, p));
      }),
      RUNS,
    );
  });

  it('arbitrary unicode never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), period, (text, p) => {
        wellFormed(parseDeadline(text, p));
      }),
      { numRuns: 200 },
    );
  });

  it('mixes of the deadline vocabulary never throw and give well-formed results', () => {
    fc.assert(
      fc.property(phrase, period, fc.boolean(), (text, p, yearly) => {
        wellFormed(parseDeadline(text, p, yearly ? { recurrence: 'yearly' } : {}));
      }),
      { numRuns: 1500 },
    );
  });

  it('status never throws and is one of the six', () => {
    fc.assert(
      fc.property(phrase, period, isoDay, fc.option(isoDay, { nil: undefined }), (text, p, asOf, doneDate) => {
        const r = deadlineStatus(parseDeadline(text, p), asOf, { doneDate });
        expect(['done', 'overdue', 'soon', 'in-progress', 'upcoming', 'no-date']).toContain(r.status);
      }),
      RUNS,
    );
  });

  it('recurring windows and year-less dates stay inside the period', () => {
    fc.assert(
      fc.property(fc.constantFrom('ежеквартально', 'ежемесячно до 25 числа', 'Ежегодно, до 1 октября', 'ежегодно в мае', 'постоянно', 'в течение учебного года'), period, (text, p) => {
        for (const w of parseDeadline(text, p).occurrences) {
          expect((w.from ?? w.due) >= p.start && w.due <= p.end).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a repetition reads the same whatever stands between its frequency and its day', () => {
    const frequencies = ['ежемесячно', 'ежеквартально', 'ежегодно', 'каждый месяц', '1 раз в квартал', 'раз в полугодие'];
    const days = ['до 25 числа', 'до 5-го числа', 'не позднее 10 числа', 'до 1 октября', 'в мае', 'ноябрь', 'до 20 числа месяца, следующего за отчетным'];
    const joins = [' ', ', ', ',', ' — ', ' - ', ': ', '; ', '. ', ' / ', '\n'];
    fc.assert(
      fc.property(fc.constantFrom(...frequencies), fc.constantFrom(...days), fc.constantFrom(...joins), fc.boolean(), period, (f, d, join, paren, p) => {
        const plain = parseDeadline(`${f} ${d}`, p);
        const variant = parseDeadline(paren ? `${f} (${d})` : `${f}${join}${d}`, p);
        expect([variant.kind, variant.occurrences, variant.notes]).toEqual([plain.kind, plain.occurrences, plain.notes]);
        // «числа» may be left out or the day written «25-го»: the same day
        const bare = d.replace(/(\d+)(?:-го)? числа/, '$1');
        const ordinal = d.replace(/(\d+)(?:-го)? числа/, '$1-го');
        expect(parseDeadline(`${f}, ${bare}`, p).occurrences).toEqual(plain.occurrences);
        expect(parseDeadline(`${f}, ${ordinal}`, p).occurrences).toEqual(plain.occurrences);
      }),
      RUNS,
    );
  });

  it('a full date is read the same in any spelling', () => {
    fc.assert(
      fc.property(isoDay, period, (iso, p) => {
        const [y, m, d] = iso.split('-');
        const spellings = [`до ${d}.${m}.${y}г.`, `до ${+d}.${m}.${y}`, `до ${iso}`, `ДО\u00a0${d}.${m}.${y} г.`, `<b>до ${d}.${m}.${y.slice(2)}</b>`];
        for (const s of spellings) expect(parseDeadline(s, p).occurrences).toEqual([{ due: iso }]);
      }),
      RUNS,
    );
  });

  it('a month with its year is the whole month', () => {
    const months = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 2015, max: 2030 }), period, (mi, year, p) => {
        const [w] = parseDeadline(`${months[mi]} ${year} г.`, p).occurrences;
        const mm = String(mi + 1).padStart(2, '0');
        expect(w.from).toBe(`${year}-${mm}-01`);
        expect(w.due.slice(0, 7)).toBe(`${year}-${mm}`);
      }),
      RUNS,
    );
  });
});
