/** Property tests: the importer never throws and never yields dirty fields, whatever the text. */
import fc from 'fast-check';
import { importRoadmapText, importRoadmapTables, type ImportedRoadmap } from '../../src/core/roadmap/import';
import { hasShared, readRoadmapFixture, roadmapFixtures } from '../helpers/shared';

function expectWellFormed(r: ImportedRoadmap): void {
  expect(Array.isArray(r.items)).toBe(true);
  expect(Array.isArray(r.targets)).toBe(true);
  expect(Array.isArray(r.warnings)).toBe(true);
  for (const w of r.warnings) expect(w).not.toMatch(/внутренняя ошибка/);
  for (const it of r.items) {
    expect(typeof it.title).toBe('string');
    expect(it.title.length).toBeGreaterThan(0);
    for (const k of ['number', 'section', 'title', 'details', 'deadline', 'responsible', 'result'] as const) {
      const v = it[k];
      if (v === undefined) continue;
      expect(v).toBe(v.trim());
      expect(v).not.toMatch(/\s{2}|[\t\n\r\f]/);
    }
  }
  for (const t of r.targets) expect(t.share >= 0 && t.share <= 1).toBe(true);
  if (r.period) expect(r.period.start <= r.period.end).toBe(true);
}

const pieces = fc.constantFrom(
  '\t', '\n', '\r\n', '\f', '"', '""', '<b>', '</b>', '<p>', '&nbsp;', '&#99999999;', '&#xD800;', '1.', '1.1.', 'I.',
  '№ п/п', 'Мероприятие', 'Срок', 'Ответственный', 'Результат', '(ежегодно)', '- ', 'до 15.11.2020', 'сентябрь', 'Куратор',
  'Руководители ОО', 'в течение', 'по мере', '2020-2024 гг.', 'к концу 2020 года не менее 10%', '--', ' ', 'Азова', 'г.',
);

describe('importRoadmapText never throws', () => {
  test('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        expectWellFormed(importRoadmapText(s));
      }),
      { numRuns: 300 },
    );
  });

  test('on roadmap-like token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 120 }), (parts) => {
        expectWellFormed(importRoadmapText(parts.join('')));
      }),
      { numRuns: 400 },
    );
  });

  test('on table arrays of any shape', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(fc.oneof(pieces, fc.string({ maxLength: 10 })), { maxLength: 7 }), { maxLength: 8 }), { maxLength: 3 }), (tables) => {
        expectWellFormed(importRoadmapTables(tables, ['на 2021 год']));
      }),
      { numRuns: 200 },
    );
  });
});

(hasShared ? describe : describe.skip)('shuffled and corrupted fixtures', () => {
  for (const name of roadmapFixtures()) {
    const lines = readRoadmapFixture(name).split('\n');
    test(`${name}: shuffled / dropped / duplicated lines`, () => {
      fc.assert(
        fc.property(fc.shuffledSubarray(lines, { minLength: 0, maxLength: lines.length }), fc.array(fc.nat(lines.length), { maxLength: 10 }), (sub, dups) => {
          const extra = dups.map((d) => lines[Math.min(d, lines.length - 1)]);
          expectWellFormed(importRoadmapText([...sub, ...extra].join('\n')));
        }),
        { numRuns: 60 },
      );
    });
    test(`${name}: characters replaced, tabs and quotes injected`, () => {
      const text = lines.join('\n');
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(text.length), pieces), { maxLength: 30 }), (edits) => {
          let t = text;
          for (const [at, p] of edits) t = t.slice(0, at) + p + t.slice(at + 1);
          expectWellFormed(importRoadmapText(t));
        }),
        { numRuns: 60 },
      );
    });
  }
});
