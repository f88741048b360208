/**
 * The one typed client of the server (after enuchi/React-Google-Apps-Script): method names and
 * argument/result types come from src/app/api.ts, so no server function is named by a loose
 * string. In Sheets it goes through google.script.run; the local preview provides a
 * google.script.run shim over HTTP, so this file is the same in both.
 */
import type { ApiArgs, ApiMethod, ApiResult } from '../src/app/api';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (err: unknown) => void): Runner;
  [method: string]: unknown;
}

declare const google: { script: { run: Runner; host?: { close(): void } } } | undefined;

function runner(): Runner {
  if (typeof google === 'undefined' || !google?.script?.run) {
    throw new Error('Панель открыта вне Google Таблиц: сервер недоступен.');
  }
  return google.script.run;
}

/**
 * Arguments as plain JSON before they cross google.script.run: a field holding undefined is left
 * out (Apps Script documents only that undefined inside arrays becomes null; a null where the
 * server expects an absent option would be read as a value), trailing undefined arguments are
 * dropped, and a Date (which would fail the request) travels as its ISO string. The local
 * preview sends the same JSON, so both backends receive the same thing.
 */
export function plainArgs(args: readonly unknown[]): unknown[] {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  return n === 0 ? [] : (JSON.parse(JSON.stringify(args.slice(0, n))) as unknown[]);
}

export function call<K extends ApiMethod>(name: K, ...args: ApiArgs<K>): Promise<ApiResult<K>> {
  return new Promise<ApiResult<K>>((resolve, reject) => {
    let r: Runner;
    try {
      r = runner();
    } catch (e) {
      reject(e);
      return;
    }
    const target = r
      .withSuccessHandler((v) => resolve(v as ApiResult<K>))
      .withFailureHandler((e) => {
        const message = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
        reject(new Error(message.replace(/^Error:\s*/, '') || 'Ошибка сервера'));
      });
    const fn = target[name] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      reject(new Error(`Функция сервера «${String(name)}» недоступна.`));
      return;
    }
    fn.apply(target, plainArgs(args as unknown[]));
  });
}
