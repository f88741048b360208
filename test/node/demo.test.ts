import { readFileSync } from 'node:fs';
import { buildDemoWorkbook, demoRoadmapPath, DEMO_ROADMAP_FILE, ROADMAP_CURATOR_MARK } from '../../src/node/demo';
import { highlightDeadlines } from '../../src/app/roadmap/highlight';
import { importRoadmapText } from '../../src/core/roadmap/import';
import { loadRegisters } from '../../src/app/registers/load';
import { columnsOf, roadmapItemSchema, SHEET_NAMES } from '../../src/core/registers/schemas';
import { describeShared, readRoadmapFixture } from '../helpers/shared';

describeShared('demo roadmap fixture copy', () => {
  test('src/node/demo keeps the shared fixture byte for byte', () => {
    expect(readFileSync(demoRoadmapPath(), 'utf8')).toBe(readRoadmapFixture(DEMO_ROADMAP_FILE));
  });
});

describe('demo roadmap', () => {
  const wb = buildDemoWorkbook();
  const rows = wb.readSheet(SHEET_NAMES.roadmap)!.values;
  const col = (f: string) => columnsOf(roadmapItemSchema).findIndex((c) => c.field === f);

  test('is the fixture as the importer reads it: every item, in order, none typed by hand', () => {
    const imported = importRoadmapText(readFileSync(demoRoadmapPath(), 'utf8'));
    expect(imported.items.length).toBeGreaterThan(30);
    expect(rows.slice(1).map((r) => r[col('title')])).toEqual(imported.items.map((it) => it.title));
    expect(rows.slice(1).map((r) => r[col('deadline')] ?? '')).toEqual(imported.items.map((it) => it.deadline ?? ''));
    // A «(ежегодно)» section as the importer marks it.
    expect(rows.some((r) => /\(ежегодно\)$/.test(String(r[col('section')])))).toBe(true);
  });

  test('the period is the current school year, so deadlines are a mix around 2026-11-22', () => {
    const reg = loadRegisters(wb, { only: [] });
    expect(reg.settings.periodStart).toBe('2026-09-01');
    expect(reg.settings.periodEnd).toBe('2027-08-31');
    // The fixture's 2020/2024 targets are not added to this year's settings.
    expect(Object.keys(reg.settings.targets).sort()).toEqual(['2026', '2027']);
    const { counts } = highlightDeadlines({ wb: buildDemoWorkbook(), today: () => '2026-11-22' });
    expect(counts.overdue).toBeGreaterThanOrEqual(2);
    expect(counts.soon).toBeGreaterThanOrEqual(2);
    expect(counts.done).toBeGreaterThanOrEqual(10);
    expect(counts.upcoming).toBeGreaterThanOrEqual(5);
    expect(counts.overdue).toBeLessThan(counts.done);
  });

  test('the curator coloured one deadline cell herself', () => {
    const r = rows.findIndex((x) => String(x[col('title')]).startsWith(ROADMAP_CURATOR_MARK.title));
    const deco = wb.readDecorations(SHEET_NAMES.roadmap, { row: r, col: col('deadline'), rows: 1, cols: 1 });
    expect(deco.backgrounds[0][0]).toBe(ROADMAP_CURATOR_MARK.background);
    expect(deco.notes[0][0]).toBe(ROADMAP_CURATOR_MARK.note);
  });
});
