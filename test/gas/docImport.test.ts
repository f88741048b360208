/**
 * A roadmap imported from a Google Doc gives what `nastavnik roadmap` gives for the same document
 * as a .docx: the same items, period and targets. The lyceum's roadmap (../shared/fixtures) is
 * laid out as the Word document it came from (title, period and target paragraphs above a table
 * with equal deadlines and responsibles merged down), built once as a .docx for the CLI and once
 * as a Google Doc in the Apps Script fakes, imported through the built dist/Code.js both through
 * the Docs API and through the DocumentApp fallback.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { createGasFakes, FakeTable, type GasFakes } from '../fakes/gas';
import { describeShared, readRoadmapFixture } from '../helpers/shared';
import { buildDocxOf, roadmapDocFromText, specGrid, type RoadmapDocSpec } from '../roadmap/import.helpers';
import { readDocxTables } from '../../src/node/docxTables';
import { columnsOf, roadmapItemSchema } from '../../src/core/registers/schemas';

const root = join(__dirname, '..', '..');
let code = '';
let dir = '';

function build() {
  dir = mkdtempSync(join(tmpdir(), 'nastavnik-docimport-'));
  // The CLI runs from dist-node (a full build); Code.js from a folder of this suite's own, as
  // other suites rebuild dist/ while this one runs.
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe', env: { ...process.env, NASTAVNIK_DIST: join(dir, 'dist') } });
  code = readFileSync(join(dir, 'dist', 'Code.js'), 'utf8');
}

interface CliRoadmap {
  period?: { start: string; end: string };
  targets?: Array<{ year: number; share: number }>;
  items: Array<Record<string, string>>;
  warnings: string[];
}

/** `nastavnik roadmap <file.docx> --json` (CLI.md). */
async function cliOf(spec: RoadmapDocSpec): Promise<CliRoadmap> {
  const file = join(dir, 'roadmap.docx');
  writeFileSync(file, await buildDocxOf(spec));
  const p = spawnSync(process.execPath, [join(root, 'bin', 'nastavnik.js'), 'roadmap', file, '--json'], { cwd: root, encoding: 'utf8' });
  expect(p.stderr).toBe('');
  expect(p.status).toBe(0);
  return JSON.parse(p.stdout) as CliRoadmap;
}

/** The spec as a Google Doc, merged as a curator merges cells in the Docs editor. */
function googleDoc(fakes: GasFakes, spec: RoadmapDocSpec): string {
  const doc = fakes.globals.DocumentApp.create('Дорожная карта');
  const body = doc.getBody();
  body.getChild(0).asParagraph().setText(spec.before[0]);
  for (const p of spec.before.slice(1)) body.appendParagraph(p);
  body.appendTable(spec.rows);
  for (const p of spec.after) body.appendParagraph(p);
  const raw = fakes.drive.files.get(doc.getId())!.doc!;
  const table = raw.body.children.find((c): c is FakeTable => c instanceof FakeTable)!;
  for (const m of spec.merges) table._merge(m.row, m.col, m.rows, 1);
  raw.saveAndClose();
  return raw.getId();
}

const DOC_CALLS = /^(Docs|DocsDocuments|DocumentApp|Document|Body|Paragraph|ListItem|Table|TableRow|TableCell|Text)\./;

/** «Импорт из Google Документа» through the bundle; what it wrote, in the CLI's terms. */
function importFromDoc(spec: RoadmapDocSpec, advancedServices?: string[]) {
  const fakes = createGasFakes({ advancedServices });
  const ctx = fakes.context();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  const id = googleDoc(fakes, spec);
  fakes.calls.reset();
  const res = ctx.importRoadmapFromDoc(id) as { added: number; period?: CliRoadmap['period']; warnings: string[] };
  const calls = { ...fakes.calls.byName };
  const docCalls = Object.fromEntries(Object.entries(calls).filter(([k]) => DOC_CALLS.test(k)));
  const values = (name: string) => (fakes.spreadsheet.getSheetByName(name)?.getDataRange().getValues() ?? []) as unknown[][];
  const [head, ...rows] = values('Дорожная карта');
  const fields = columnsOf(roadmapItemSchema)
    .filter((c) => !['status', 'doneDate'].includes(c.field))
    .map((c) => ({ field: c.field, col: (head as string[]).indexOf(c.meta.heading) }));
  // The sheet marks a yearly section «(ежегодно)»; the CLI says recurrence: 'yearly'.
  const items = rows.map((r) => {
    const o: Record<string, string> = {};
    for (const { field, col } of fields) if (String(r[col] ?? '') !== '') o[field] = String(r[col]);
    if (o.section?.endsWith(' (ежегодно)')) {
      o.section = o.section.slice(0, -' (ежегодно)'.length);
      o.recurrence = 'yearly';
    }
    return o;
  });
  const targets = values('Настройки')
    .map(([k, v]) => [/^Цель (\d{4})$/.exec(String(k)), String(v)] as const)
    .filter(([m]) => m)
    .map(([m, v]) => ({ year: Number(m![1]), share: parseFloat(v.replace(',', '.')) / 100 }));
  return { res, items, targets, docCalls, total: fakes.calls.total };
}

describeShared('lyceum-2020-2024 as a Google Doc: the same import as the .docx through `nastavnik roadmap`', () => {
  const spec = roadmapDocFromText(readRoadmapFixture('lyceum-2020-2024.txt'), [2, 3]);
  let cli: CliRoadmap;
  beforeAll(async () => {
    build();
    cli = await cliOf(spec);
  }, 180000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the document is the lyceum roadmap: its period, targets and 37 items from the .docx, merged cells on the grid', async () => {
    expect(spec.before).toHaveLength(3);
    expect(spec.merges.length).toBeGreaterThan(5);
    expect((await readDocxTables(await buildDocxOf(spec))).tables).toEqual([specGrid(spec)]);
    expect(cli.period).toEqual({ start: '2020-09-01', end: '2024-06-30' });
    expect(cli.targets).toEqual([{ year: 2020, share: 0.1 }, { year: 2024, share: 0.7 }]);
    expect(cli.items).toHaveLength(37);
    // Items 1–3 share a responsible merged down: each keeps it.
    expect(cli.items.slice(0, 3).map((i) => i.responsible)).toEqual(new Array(3).fill('Директор ОГПОБУ «Многопрофильный лицей»'));
  });

  it.each([
    ['the Docs API', undefined],
    ['DocumentApp (no Docs service)', ['Drive']],
  ])('through %s: period, targets, items and warnings equal the CLI\'s', (_label, advancedServices) => {
    const got = importFromDoc(spec, advancedServices);
    expect(got.res.period).toEqual(cli.period);
    expect(got.targets).toEqual(cli.targets);
    expect(got.items).toEqual(cli.items);
    expect(got.res.warnings).toEqual(cli.warnings);
    expect(got.res.added).toBe(37);
  });

  it('Apps Script calls do not grow with the rows: the lyceum costs what its first section does', () => {
    const excerpt: RoadmapDocSpec = { ...spec, rows: spec.rows.slice(0, 6), merges: spec.merges.filter((m) => m.row + m.rows <= 6) };
    const full = importFromDoc(spec);
    const small = importFromDoc(excerpt);
    expect(full.docCalls).toEqual({ 'DocsDocuments.get': 1 });
    expect(full.total).toBe(small.total);
    // Without the Docs service the cells cost calls each; the paragraphs still do not.
    const fallback = importFromDoc(spec, ['Drive']);
    const fallbackSmall = importFromDoc(excerpt, ['Drive']);
    for (const c of [fallback.docCalls, fallbackSmall.docCalls]) {
      expect(c['Body.getText']).toBe(1);
      expect(c['Table.getText']).toBe(1);
      expect(c['Body.getChild']).toBeUndefined();
    }
  });
});
