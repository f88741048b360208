import type { AppContext } from './context';
import { SHEET_NAMES } from '../core/registers/schemas';

export const VERSION = '0.1.0';

export const coreApi = {
  /** What the sidebar shows on its home view. */
  getOverview(ctx: AppContext) {
    const names = ctx.wb.sheetNames();
    const known = Object.values(SHEET_NAMES);
    return {
      version: VERSION,
      today: ctx.today(),
      sheets: names,
      missing: known.filter((n) => !names.includes(n)),
    };
  },
};
