/**
 * The department review on local files: each school's reference in the list is an .xlsx path
 * relative to the consolidation workbook. exceljs loads asynchronously, so the schools' files are
 * loaded first and the (synchronous) service then opens them from memory.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { AppContext } from '../app/context';
import type { WorkbookPort } from '../app/port';
import { collectSummary, readList, type CollectOptions, type CollectResult } from '../app/department/collect';
import { OpenWorkbookError } from '../app/department/open';
import { parseSchoolRef, type ReasonKey } from '../core/monitoring/consolidate';
import { nodeContext } from './context';
import { XlsxWorkbook } from './xlsxWorkbook';

/** Loads every school file the links name; returns the opener the service calls. */
export async function preloadSchools(baseDir: string, links: readonly string[]): Promise<(ref: string) => WorkbookPort> {
  const loaded = new Map<string, WorkbookPort | ReasonKey>();
  for (const link of links) {
    if (!link || loaded.has(link)) continue;
    const ref = parseSchoolRef(link);
    if (!ref) {
      loaded.set(link, 'badRef');
      continue;
    }
    if (ref.kind !== 'file') {
      loaded.set(link, 'localOnly');
      continue;
    }
    const path = isAbsolute(ref.path) ? ref.path : resolve(baseDir, ref.path);
    if (!existsSync(path)) {
      loaded.set(link, 'notFound');
      continue;
    }
    try {
      loaded.set(link, await XlsxWorkbook.load(path));
    } catch {
      loaded.set(link, 'unreadable');
    }
  }
  return (ref: string) => {
    const got = loaded.get(ref) ?? 'notFound';
    if (typeof got === 'string') throw new OpenWorkbookError(got);
    return got;
  };
}

/** «Собрать сводку» over a consolidation .xlsx: writes «Сводка» into it and saves it (or a copy at `out`). */
export async function collectSummaryFile(path: string, opts: CollectOptions & { today?: string; out?: string } = {}): Promise<CollectResult> {
  const wb = await XlsxWorkbook.load(path);
  const base = nodeContext(wb, { outDir: dirname(path), today: opts.today });
  const { schools } = readList(wb);
  const open = await preloadSchools(dirname(path), schools.map((s) => s.link));
  const ctx: AppContext = { wb, today: base.today, log: base.log, openWorkbook: open };
  const result = collectSummary(ctx, opts);
  await wb.save(opts.out);
  return result;
}
