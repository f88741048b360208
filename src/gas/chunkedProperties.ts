/**
 * A Properties store (document or user) holding values of any length: Apps Script allows 9 KB a
 * value and 500 KB a store (key and value bytes both count), so a long value is split into
 * chunks `<key>#0…` with the count in `<key>#n`. All properties are read with one call on first
 * use; writes are one setProperties plus a delete per stale chunk. A write that would pass the
 * store's limit is refused before anything is written, with a Russian reason.
 */
import { UserError } from '../app/port';
import { utf8Length } from '../core/util/text';

type Properties = GoogleAppsScript.Properties.Properties;

/** Bytes per stored chunk, below the 9 KB per value. */
export const CHUNK_BYTES = 8000;
/** The store's 500 KB, less a margin for the keys Apps Script adds nothing about. */
export const STORE_BYTES = 500 * 1024 - 2048;

/** Splits on code-point boundaries so that every chunk stays under `limit` UTF-8 bytes. */
export function splitUtf8(s: string, limit: number): string[] {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of s) {
    const b = utf8Length(ch);
    if (bytes + b > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += b;
  }
  if (cur || out.length === 0) out.push(cur);
  return out;
}

const chunkKey = (key: string, i: number) => `${key}#${i}`;
const countKey = (key: string) => `${key}#n`;

export class ChunkedProperties {
  private service: Properties | null = null;
  private cache: Record<string, string> | null = null;

  /** `open` is called once, on first use (it may throw when the store is unavailable). */
  constructor(
    private readonly open: () => Properties,
    private readonly fullMessage: string,
  ) {}

  private props(): Properties {
    return (this.service ??= this.open());
  }

  private all(): Record<string, string> {
    return (this.cache ??= { ...this.props().getProperties() });
  }

  /** Drops what was read: another execution may have written meanwhile. */
  forget(): void {
    this.cache = null;
  }

  get(key: string): string | null {
    const all = this.all();
    const plain = all[key];
    if (plain !== undefined) return plain;
    const count = all[countKey(key)];
    if (count === undefined) return null;
    let out = '';
    for (let i = 0; i < Number(count); i++) {
      const part = all[chunkKey(key, i)];
      if (part === undefined) return null; // torn write: treat as absent rather than corrupt
      out += part;
    }
    return out;
  }

  /** Logical keys (chunked values once, by their own key) that start with `prefix`. */
  keys(prefix: string): string[] {
    const out = new Set<string>();
    for (const k of Object.keys(this.all())) {
      if (!k.startsWith(prefix)) continue;
      const m = /^(.*)#(\d+|n)$/.exec(k);
      if (!m) out.add(k);
      else if (m[2] === 'n') out.add(m[1]);
    }
    return [...out];
  }

  set(key: string, value: string | null): void {
    if (value !== null && this.get(key) === value) return;
    const all = this.all();
    const oldCount = Number(all[countKey(key)] ?? 0);
    const parts = value === null ? [] : splitUtf8(value, CHUNK_BYTES);
    const toWrite: Record<string, string> = {};
    if (parts.length === 1) {
      toWrite[key] = parts[0];
    } else if (parts.length > 1) {
      parts.forEach((p, i) => (toWrite[chunkKey(key, i)] = p));
      toWrite[countKey(key)] = String(parts.length);
    }
    // Remove what the new value no longer uses (only keys that are there: each delete is a call).
    const stale: string[] = [];
    if (parts.length !== 1) stale.push(key);
    if (parts.length <= 1) stale.push(countKey(key));
    const keep = parts.length > 1 ? parts.length : 0;
    for (let i = keep; i < oldCount; i++) stale.push(chunkKey(key, i));
    const removeStale = () => {
      for (const k of stale) {
        if (all[k] === undefined) continue;
        this.props().deleteProperty(k);
        delete all[k];
      }
    };
    if (Object.keys(toWrite).length) {
      const bytes = (entries: Array<[string, string]>) => entries.reduce((n, [k, v]) => n + utf8Length(k) + utf8Length(v), 0);
      const kept = Object.entries(all).filter(([k]) => !(k in toWrite));
      const after = bytes(kept.filter(([k]) => !stale.includes(k))) + bytes(Object.entries(toWrite));
      if (after > STORE_BYTES) throw new UserError(this.fullMessage);
      // Normally write first (a failed write keeps the old value); stale chunks go first only
      // when both together would pass the store's limit.
      if (bytes(kept) + bytes(Object.entries(toWrite)) > STORE_BYTES) removeStale();
      this.props().setProperties(toWrite, false);
      Object.assign(all, toWrite);
    }
    removeStale();
  }
}
