// Server functions of the orders capability (src/app/orders/service.ts does the work).
import type { AppContext } from '../context';
import { generateOrder, listOrderKinds, previewOrder, type OrderRequest } from './service';

export const ordersApi = {
  /** The kinds of orders, their titles and what the user picks for each. */
  listOrderKinds(_ctx: AppContext) {
    return listOrderKinds();
  },
  /** Who is included and left out, warnings, the next number; changes nothing. */
  previewOrder(ctx: AppContext, kind: string, options: OrderRequest = {}) {
    return previewOrder(ctx, kind, options);
  },
  /** Creates the document, writes the journal row and the pairs' «Приказ» cells. */
  generateOrder(ctx: AppContext, kind: string, options: OrderRequest = {}) {
    return generateOrder(ctx, kind, options);
  },
};
