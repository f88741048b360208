/**
 * Counts every Apps Script service call the code under test makes. Fake objects are handed out
 * wrapped in a Proxy; a call through the proxy is counted as `<Type>.<method>` (the type is the
 * fake's `__type`). Calls the fakes make on each other internally use the raw objects and are not
 * counted, so the numbers are what real Apps Script would bill as service round trips.
 */
export class CallLog {
  byName: Record<string, number> = {};
  total = 0;
  /** Every call in order (name only; arguments are not kept to save memory on big tests). */
  sequence: string[] = [];

  record(name: string): void {
    this.byName[name] = (this.byName[name] ?? 0) + 1;
    this.total++;
    this.sequence.push(name);
  }

  count(name: string): number {
    return this.byName[name] ?? 0;
  }

  reset(): void {
    this.byName = {};
    this.total = 0;
    this.sequence = [];
  }
}

export interface Tracker {
  wrap<T>(obj: T, typeName?: string): T;
  unwrap<T>(obj: T): T;
  /**
   * The Date constructor of the code under test. Apps Script hands a script Dates of its own
   * realm (so `v instanceof Date` holds there); code run in a node:vm context would otherwise get
   * the test realm's Dates, for which `instanceof Date` is false.
   */
  setDateRealm(ctor: DateConstructor | null): void;
}

/** Throws as Apps Script does when a call needs a scope the script did not declare. */
export type Authorize = (type: string, method: string) => void;

export function createTracker(log: CallLog, authorize?: Authorize): Tracker {
  const proxies = new WeakMap<object, any>();
  const raws = new WeakMap<object, object>();

  const isFake = (v: unknown): v is { __type: string } =>
    typeof v === 'object' && v !== null && typeof (v as any).__type === 'string';
  const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
  let RealmDate: DateConstructor | null = null;

  /** Dates (alone or in grids) re-made in the realm of the code under test. */
  function inRealm(v: unknown): unknown {
    if (!RealmDate) return v;
    if (isDate(v)) return v instanceof RealmDate ? v : new RealmDate((v as Date).getTime());
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        const y = Array.isArray(x) || isDate(x) ? inRealm(x) : x;
        if (y !== x) (out ??= v.slice())[i] = y;
      }
      return out ?? v;
    }
    return v;
  }

  function wrapResult(v: unknown): unknown {
    if (isFake(v)) return wrap(v);
    if (Array.isArray(v) && v.length > 0 && isFake(v[0])) return v.map((x) => wrapResult(x));
    return inRealm(v);
  }

  function unwrap<T>(v: T): T {
    if (typeof v === 'object' && v !== null && raws.has(v as object)) return raws.get(v as object) as T;
    return v;
  }

  /** Grids of fakes (setDataValidations) reach the fake as raw objects, like single arguments. */
  function unwrapDeep<T>(v: T): T {
    if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row.map((x) => unwrap(x)) : unwrap(row))) as T;
    return unwrap(v);
  }

  function wrap<T>(obj: T, typeName?: string): T {
    if (typeof obj !== 'object' || obj === null) return obj;
    if (raws.has(obj as object)) return obj;
    const existing = proxies.get(obj as object);
    if (existing) return existing;
    const type = typeName ?? (obj as any).__type ?? 'Object';
    const proxy = new Proxy(obj as object, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor') {
          return wrapResult(value);
        }
        return function (this: unknown, ...args: unknown[]) {
          authorize?.(type, prop);
          log.record(`${type}.${prop}`);
          return wrapResult(value.apply(target, args.map((a) => unwrapDeep(a))));
        };
      },
    });
    proxies.set(obj as object, proxy);
    raws.set(proxy, obj as object);
    return proxy as T;
  }

  return {
    wrap,
    unwrap,
    setDateRealm(ctor) {
      RealmDate = ctor;
    },
  };
}
