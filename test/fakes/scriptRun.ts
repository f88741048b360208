/**
 * What google.script.run does to values crossing between the sidebar and the server, modelled
 * strictly (https://developers.google.com/apps-script/guides/html/reference/run, «Parameters»):
 *
 * - Arguments: primitives, null, plain objects and arrays of them are legal. A Date, a function,
 *   a class instance (Map, Set, RegExp…) or a circular object anywhere makes the request fail
 *   (the failure handler runs, the server function never does). `undefined` inside an array
 *   becomes null. What happens to an object field holding `undefined` is not documented: here it
 *   becomes null, the harder case for the server (the sidebar's client drops such fields first).
 * - Return values: the same types travel. A Date anywhere in the answer makes the whole answer
 *   arrive as null (enuchi/React-Google-Apps-Script#28: Range.getValues() returned to the client
 *   came out null); so does any other illegal value here. Non-finite numbers are not JSON and are
 *   refused the same way.
 *
 * The server side runs synchronously in the tests, so success and failure are returned, not
 * called back.
 */

export class ScriptRunRequestError extends Error {}

type Path = string;

/** The first illegal value inside `v`, as a path, or null when all of it may travel. */
export function illegalValue(v: unknown, path: Path = '$', seen = new Set<object>()): Path | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'boolean') return null;
  if (t === 'number') return Number.isFinite(v) ? null : `${path} (${String(v)})`;
  if (t !== 'object') return `${path} (${t})`;
  const o = v as object;
  if (seen.has(o)) return `${path} (circular)`;
  if (Object.prototype.toString.call(o) === '[object Date]') return `${path} (Date)`;
  const proto = Object.getPrototypeOf(o);
  const isArray = Array.isArray(o);
  // Objects of another V8 context (the bundle runs in node:vm) have that context's prototypes.
  const plain = isArray || proto === null || proto === Object.prototype || proto?.constructor?.name === 'Object';
  if (!plain) return `${path} (${proto?.constructor?.name ?? 'object'})`;
  seen.add(o);
  try {
    if (isArray) {
      const a = o as unknown[];
      for (let i = 0; i < a.length; i++) {
        const bad = illegalValue(a[i], `${path}[${i}]`, seen);
        if (bad) return bad;
      }
      return null;
    }
    for (const [k, x] of Object.entries(o)) {
      const bad = illegalValue(x, `${path}.${k}`, seen);
      if (bad) return bad;
    }
    return null;
  } finally {
    seen.delete(o);
  }
}

/** A copy as the other side receives it (illegal values already ruled out). */
function copy(v: unknown, undefinedField: 'null' | 'drop'): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : copy(x, undefinedField)));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) {
      if (undefinedField === 'null') out[k] = null;
      continue;
    }
    out[k] = copy(x, undefinedField);
  }
  return out;
}

/** Arguments as the server function receives them; throws as the client's request would fail. */
export function transferArgs(args: readonly unknown[]): unknown[] {
  const bad = illegalValue([...args]);
  if (bad) throw new ScriptRunRequestError(`google.script.run: illegal argument at ${bad.replace(/^\$/, 'args')}`);
  return args.map((a) => copy(a, 'null'));
}

/** The server's answer as the success handler receives it. */
export function transferResult(result: unknown): unknown {
  if (result === undefined) return null;
  if (illegalValue(result)) return null;
  return copy(result, 'drop');
}

export type ScriptRunOutcome = { ok: true; value: unknown } | { ok: false; error: Error };

/**
 * Calls a top-level server function of the bundle as google.script.run would: arguments and the
 * answer cross the boundary; a thrown error reaches the failure handler.
 */
export function scriptRun(globalScope: Record<string, unknown>, name: string, ...args: unknown[]): ScriptRunOutcome {
  const fn = globalScope[name];
  if (typeof fn !== 'function') return { ok: false, error: new Error(`Script function not found: ${name}`) };
  if (name.endsWith('_')) return { ok: false, error: new Error(`Script function not found: ${name}`) };
  let sent: unknown[];
  try {
    sent = transferArgs(args);
  } catch (e) {
    return { ok: false, error: e as Error };
  }
  try {
    return { ok: true, value: transferResult((fn as (...a: unknown[]) => unknown)(...sent)) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: new Error(err.message) };
  }
}
