import type { AppContext } from './context';
import { SHEET_NAMES } from '../core/registers/schemas';
import { JOURNAL_SHEET } from '../core/orders/journal';
import { locateSheets, type SheetKey } from './registers/load';

export const VERSION = '0.1.0';

const TAB_KEYS: readonly SheetKey[] = ['mentors', 'mentees', 'pairs', 'roadmap', 'settings'];

export const coreApi = {
  /**
   * What the sidebar shows on its home view: the tabs «Настроить таблицу» would create, and the
   * curator's own tabs read as registers (found by name and headings, like every other action).
   * «Мониторинг» is not listed: «Обновить лист «Мониторинг»» makes it.
   */
  getOverview(ctx: AppContext) {
    const names = ctx.wb.sheetNames();
    const { found } = locateSheets(names, (n) => ctx.wb.readSheet(n));
    const missing = TAB_KEYS.filter((k) => !found[k]).map((k) => SHEET_NAMES[k] as string);
    if (!names.includes(JOURNAL_SHEET)) missing.push(JOURNAL_SHEET);
    const adopted = TAB_KEYS.filter((k) => found[k] && found[k] !== SHEET_NAMES[k]).map((k) => ({ register: SHEET_NAMES[k] as string, sheet: found[k]! }));
    return { version: VERSION, today: ctx.today(), sheets: names, missing, adopted };
  },
};
