/**
 * The server functions the sidebar calls (google.script.run targets in Sheets, POST /rpc/<name>
 * in the local preview). Declared once here: the build generates a top-level Apps Script function
 * for each key, and the sidebar's typed client (sidebar/client.ts) derives its types from `Api`.
 * Each method takes the backend's AppContext first; arguments and results are plain JSON.
 */
import type { AppContext } from './context';
import { coreApi } from './coreApi';
import { registersApi } from './registers/api';
import { roadmapApi } from './roadmap/api';
import { matchingApi } from './matching/api';
import { ordersApi } from './orders/api';
import { monitoringApi } from './monitoring/api';

export const api = {
  ...coreApi,
  ...registersApi,
  ...roadmapApi,
  ...matchingApi,
  ...ordersApi,
  ...monitoringApi,
};

export type Api = typeof api;
export type ApiMethod = keyof Api;

type Tail<T extends unknown[]> = T extends [AppContext, ...infer R] ? R : never;
export type ApiArgs<K extends ApiMethod> = Tail<Parameters<Api[K]>>;
export type ApiResult<K extends ApiMethod> = Awaited<ReturnType<Api[K]>>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(api, name) && typeof (api as Record<string, unknown>)[name] === 'function';
}

/** Calls a method by name with a context: the one dispatcher both backends use. */
export function callApi<K extends ApiMethod>(ctx: AppContext, name: K, args: ApiArgs<K>): ApiResult<K> {
  const fn = api[name] as unknown as (ctx: AppContext, ...a: unknown[]) => ApiResult<K>;
  return fn(ctx, ...(args as unknown[]));
}
