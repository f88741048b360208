/**
 * What the daily reminders need from the roadmap, kept compact so that it fits the user's
 * property store: taken while the spreadsheet is at hand, read by a clock trigger of the add-on,
 * which may run with no spreadsheet (and whose `spreadsheets.currentonly` scope cannot open one
 * by ID). The windows are the ones resolved when the snapshot was taken; statuses are decided
 * again on the day of sending by evaluateParsed — the code the live evaluation uses.
 *
 * Left out, because their status can no longer change with time: items done (marked, or every
 * window covered by «Дата выполнения») and items with no date. Of the windows already past when
 * the snapshot was taken only the latest is kept: any of them makes the item overdue, and the
 * letters name the next due, not the past ones.
 */
import { coveredBy } from './deadline-status';
import type { DeadlineKind, DeadlineWindow, ParsedDeadline } from './deadline-types';
import { evaluateParsed, type EvaluatedItem } from './evaluate';
import { isIsoDate } from './dates';

export const SNAPSHOT_VERSION = 1;
/** Trimmed lengths (characters): the letters quote them, nothing else needs more. */
const MAX = { number: 12, title: 160, deadline: 120, name: 120, url: 300 } as const;

export interface SnapshotItem {
  /** 0-based sheet row: the same key the live digest uses for «never twice a day». */
  row: number;
  number: string;
  title: string;
  deadline: string;
  kind: DeadlineKind;
  windows: DeadlineWindow[];
  /** «Дата выполнения» of a recurring item (done up to that day). */
  doneDate?: string;
  /** Addresses resolved from «Ответственный» when the snapshot was taken (may be empty). */
  to: string[];
}

export interface RoadmapSnapshot {
  /** The spreadsheet's date when the snapshot was taken. */
  taken: string;
  name: string;
  url: string;
  timeZone: string;
  curatorEmail?: string;
  soonDays: number;
  items: SnapshotItem[];
}

const trim = (s: string | undefined, max: number) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Builds the snapshot from the live evaluation of the same day (`meta.taken`). */
export function takeSnapshot(
  items: readonly EvaluatedItem[],
  recipients: (e: EvaluatedItem) => string[],
  meta: Omit<RoadmapSnapshot, 'items'>,
): RoadmapSnapshot {
  const out: SnapshotItem[] = [];
  for (const e of items) {
    if (e.status === 'done' || e.status === 'no-date') continue;
    const doneDate = isIsoDate(e.item.doneDate) ? e.item.doneDate : undefined;
    const open = e.parsed.occurrences.filter((w) => !coveredBy(w, doneDate));
    const past = open.filter((w) => w.due < meta.taken);
    const windows = [...past.slice(-1), ...open.filter((w) => w.due >= meta.taken)].map((w) => (w.from === undefined ? { due: w.due } : { from: w.from, due: w.due }));
    if (!windows.length) continue;
    const item: SnapshotItem = {
      row: e.row,
      number: trim(e.item.number, MAX.number),
      title: trim(e.item.title, MAX.title),
      deadline: trim(e.item.deadline, MAX.deadline),
      kind: e.parsed.kind,
      windows,
      to: recipients(e),
    };
    if (doneDate) item.doneDate = doneDate;
    out.push(item);
  }
  return { ...meta, name: trim(meta.name, MAX.name), url: trim(meta.url, MAX.url), items: out };
}

/** The snapshot's items as of `asOf`, through the same status code as the live roadmap. */
export function evaluateSnapshot(snapshot: RoadmapSnapshot, asOf: string): EvaluatedItem[] {
  return snapshot.items.map((it) => {
    const parsed: ParsedDeadline = { text: it.deadline, kind: it.kind, occurrences: it.windows, understood: true };
    const record = { number: it.number || undefined, title: it.title, deadline: it.deadline, doneDate: it.doneDate };
    return evaluateParsed(it.row, record, parsed, { asOf, soonDays: snapshot.soonDays });
  });
}

// ---------------------------------------------------------------- compact text form

const EPOCH = Date.UTC(2000, 0, 1);
const DAY = 86400000;

/** A date as base-36 days since 2000-01-01 («2026-11-22» → «7l2»). */
function packDate(iso: string): string {
  return Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - EPOCH) / DAY).toString(36);
}

function unpackDate(s: string): string | null {
  const n = parseInt(s, 36);
  if (!/^-?[0-9a-z]+$/.test(s) || !Number.isFinite(n)) return null;
  const iso = new Date(EPOCH + n * DAY).toISOString().slice(0, 10);
  return isIsoDate(iso) ? iso : null;
}

/** Windows as «due» or «from:due», comma-separated. */
function packWindows(ws: readonly DeadlineWindow[]): string {
  return ws.map((w) => (w.from === undefined ? packDate(w.due) : `${packDate(w.from)}:${packDate(w.due)}`)).join(',');
}

function unpackWindows(s: string): DeadlineWindow[] | null {
  const out: DeadlineWindow[] = [];
  for (const part of s.split(',')) {
    const [a, b] = part.split(':');
    const due = unpackDate(b ?? a);
    const from = b === undefined ? undefined : unpackDate(a);
    if (!due || from === null || (from !== undefined && from > due)) return null;
    out.push(from === undefined ? { due } : { from, due });
  }
  return out;
}

const KINDS: readonly DeadlineKind[] = ['dated', 'recurring', 'continuous', 'event', 'unspecified'];

/** One line of JSON: short keys, items as arrays, addresses listed once and referred to by index. */
export function encodeSnapshot(s: RoadmapSnapshot): string {
  const emails: string[] = [];
  const idx = new Map<string, number>();
  const ref = (e: string) => {
    if (!idx.has(e)) {
      idx.set(e, emails.length);
      emails.push(e);
    }
    return idx.get(e)!;
  };
  const items = s.items.map((it) => [it.row, it.number, it.title, it.deadline, KINDS.indexOf(it.kind), packWindows(it.windows), it.doneDate ? packDate(it.doneDate) : '', it.to.map(ref)]);
  return JSON.stringify({ v: SNAPSHOT_VERSION, t: s.taken, n: s.name, u: s.url, z: s.timeZone, c: s.curatorEmail ?? '', s: s.soonDays, e: emails, i: items });
}

/** The snapshot, or null when the text is not one this version wrote (never throws). */
export function decodeSnapshot(text: string | null): RoadmapSnapshot | null {
  if (!text) return null;
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    if (!o || o.v !== SNAPSHOT_VERSION || !isIsoDate(o.t) || typeof o.z !== 'string' || typeof o.s !== 'number') return null;
    if (!Array.isArray(o.e) || !Array.isArray(o.i) || !o.e.every((x) => typeof x === 'string')) return null;
    const emails = o.e as string[];
    const items: SnapshotItem[] = [];
    for (const raw of o.i as unknown[]) {
      if (!Array.isArray(raw) || raw.length !== 8) return null;
      const [row, number, title, deadline, kind, windows, doneDate, to] = raw as [unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown];
      if (!Number.isInteger(row) || typeof number !== 'string' || typeof title !== 'string' || typeof deadline !== 'string') return null;
      if (typeof kind !== 'number' || !KINDS[kind] || typeof windows !== 'string' || typeof doneDate !== 'string') return null;
      if (!Array.isArray(to) || !to.every((n) => Number.isInteger(n) && emails[n as number] !== undefined)) return null;
      const ws = unpackWindows(windows);
      if (!ws) return null;
      const item: SnapshotItem = { row: row as number, number, title, deadline, kind: KINDS[kind], windows: ws, to: (to as number[]).map((n) => emails[n]) };
      if (doneDate) {
        const d = unpackDate(doneDate);
        if (!d) return null;
        item.doneDate = d;
      }
      items.push(item);
    }
    const out: RoadmapSnapshot = { taken: o.t, name: String(o.n ?? ''), url: String(o.u ?? ''), timeZone: o.z, soonDays: o.s, items };
    if (typeof o.c === 'string' && o.c) out.curatorEmail = o.c;
    return out;
  } catch {
    return null;
  }
}
