/** Benchmark of the roadmap importer, the deadline engine and monitoring on synthetic data. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importRoadmapText } from '../../src/core/roadmap/import';
import { parseDeadline } from '../../src/core/roadmap/deadline';
import { evaluateRoadmap } from '../../src/core/roadmap/evaluate';
import type { RoadmapItem } from '../../src/core/registers/schemas';

const PHRASES = [
  'до 19.02.2021г.',
  'декабрь 2021 г.',
  '15-30 октября 2020',
  'Январь, март 2023',
  'сентябрь-октябрь',
  'с 1 января по 31 декабря 2021 г.',
  'ежемесячно до 25 числа',
  'ежеквартально',
  'Ежегодно, до 1 октября',
  'в течение всего периода реализации ЦМН',
  'по мере поступления из Министерства',
  'по отдельному графику',
  'III квартал 2024',
  '2022-2023 уч.год',
];

export async function benchRoadmap(report: (line: string) => void): Promise<void> {
  const period = { start: '2020-09-01', end: '2024-08-31' };
  const n = 20000;
  let t = performance.now();
  for (let i = 0; i < n; i++) parseDeadline(PHRASES[i % PHRASES.length], period);
  report(`deadline engine: ${n} phrases in ${(performance.now() - t).toFixed(0)} ms (${(((performance.now() - t) / n) * 1000).toFixed(1)} µs each)`);

  const rows = Array.from({ length: 5000 }, (_, i) => ({ row: i + 1, record: { title: `Мероприятие ${i}`, deadline: PHRASES[i % PHRASES.length], status: i % 5 === 0 ? 'выполнено' : undefined } as RoadmapItem }));
  t = performance.now();
  evaluateRoadmap(rows, { period, asOf: '2022-03-01', soonDays: 14 });
  report(`roadmap evaluation: ${rows.length} items in ${(performance.now() - t).toFixed(0)} ms`);

  const dir = resolve(__dirname, '..', '..', 'shared', 'fixtures', 'roadmaps');
  const fixtures = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')) : [];
  if (!fixtures.length) {
    report(`roadmap import: ../shared/fixtures/roadmaps not found (${dir}), skipped`);
    return;
  }
  for (const f of fixtures) {
    const text = readFileSync(join(dir, f), 'utf8');
    t = performance.now();
    const r = importRoadmapText(text);
    report(`roadmap import ${f}: ${r.items.length} items, ${r.warnings.length} warnings in ${(performance.now() - t).toFixed(0)} ms`);
  }
}
