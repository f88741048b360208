/**
 * Server functions of the department review. Deliberately NOT part of src/app/api.ts: the
 * schools' add-on never carries them (nor the scope to open other spreadsheets).
 */
import type { AppContext } from '../context';
import { collectSummary, createListTemplate, type CollectOptions } from './collect';

export const departmentApi = {
  /** Menu «Собрать сводку». */
  collectDepartmentSummary(ctx: AppContext, opts?: CollectOptions) {
    const r = collectSummary(ctx, opts);
    return { summary: r.summary, sheet: r.sheet, counts: r.counts };
  },
  /** Menu «Шаблон списка школ». */
  createSchoolListTemplate(ctx: AppContext) {
    return createListTemplate(ctx);
  },
};

export type DepartmentMethod = keyof typeof departmentApi;
