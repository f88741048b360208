/**
 * Showing results on cells (validation findings, deadline states) without ever losing what the
 * curator set. The add-on's note on a cell starts with a marker naming its source; a curator's own
 * note is kept below a separator and restored when the mark goes. A background is the add-on's
 * only when the cell carries its marker and one of its palette colours; a curator's own colour is
 * never painted over. One read and at most one write per sheet; nothing is written when nothing
 * changed, so a second run on unchanged data changes nothing.
 */
import type { Decorations, Rect, WorkbookPort } from './port';

export type MarkSource = 'check' | 'deadlines';

export interface CellMark {
  /** 0-based row and column. */
  row: number;
  col: number;
  background: string | null;
  note: string;
}

export const PALETTE = {
  error: '#f4c7c3',
  warning: '#fce8b2',
  info: '#d2e3fc',
  overdue: '#f4c7c3',
  soon: '#fce8b2',
  inProgress: '#d2e3fc',
  done: '#b7e1cd',
  noDate: '#e8eaed',
} as const;

const OWN_COLOURS = new Set<string>(Object.values(PALETTE));

const MARKERS: Record<MarkSource, string> = {
  check: '⚑ Наставник · проверка:',
  deadlines: '⚑ Наставник · сроки:',
};

/** Separates the add-on's text from the curator's own note kept below it. */
export const NOTE_SEPARATOR = '\n────────\n';

export interface SplitNote {
  /** Sources whose marks the note carries. */
  sources: MarkSource[];
  /** The curator's own note. */
  own: string;
}

export function splitNote(note: string): SplitNote {
  const sources: MarkSource[] = [];
  let rest = note;
  for (;;) {
    const src = (Object.keys(MARKERS) as MarkSource[]).find((s) => rest.startsWith(MARKERS[s]));
    if (!src) break;
    sources.push(src);
    const sep = rest.indexOf(NOTE_SEPARATOR);
    rest = sep >= 0 ? rest.slice(sep + NOTE_SEPARATOR.length) : '';
  }
  return { sources, own: rest };
}

function composeNote(source: MarkSource, message: string, others: string): string {
  const ours = `${MARKERS[source]} ${message}`;
  return others ? ours + NOTE_SEPARATOR + others : ours;
}

/** Rebuilds a note with this source's part replaced (or removed when message is null). */
function renote(current: string, source: MarkSource, message: string | null): string {
  // Keep other sources' parts, in order, above the curator's note.
  const parts: string[] = [];
  let rest = current;
  for (;;) {
    const src = (Object.keys(MARKERS) as MarkSource[]).find((s) => rest.startsWith(MARKERS[s]));
    if (!src) break;
    const sep = rest.indexOf(NOTE_SEPARATOR);
    const part = sep >= 0 ? rest.slice(0, sep) : rest;
    if (src !== source) parts.push(part);
    rest = sep >= 0 ? rest.slice(sep + NOTE_SEPARATOR.length) : '';
  }
  if (rest) parts.push(rest);
  const others = parts.join(NOTE_SEPARATOR);
  return message === null ? others : composeNote(source, message, others);
}

export interface ApplyResult {
  /** Cells whose background or note changed. */
  changed: number;
  /** Marks whose background was not set because the curator's own colour is there. */
  keptCuratorColour: number;
}

/**
 * Sets this source's marks on a sheet and clears its previous ones. `extent` is the area that may
 * hold marks (usually the sheet's data range: rows × columns).
 */
export function applyMarks(wb: WorkbookPort, sheet: string, source: MarkSource, marks: readonly CellMark[], extent: { rows: number; cols: number }): ApplyResult {
  let rows = extent.rows;
  let cols = extent.cols;
  for (const m of marks) {
    rows = Math.max(rows, m.row + 1);
    cols = Math.max(cols, m.col + 1);
  }
  if (rows === 0 || cols === 0) return { changed: 0, keptCuratorColour: 0 };
  const rect: Rect = { row: 0, col: 0, rows, cols };
  const cur = wb.readDecorations(sheet, rect);
  const want = new Map<number, CellMark>();
  for (const m of marks) {
    const k = m.row * cols + m.col;
    const prev = want.get(k);
    // Several findings on one cell: one note listing them all, the first colour (most severe first).
    want.set(k, prev ? { ...prev, note: `${prev.note}\n${m.note}` } : m);
  }

  const next: Decorations = {
    backgrounds: cur.backgrounds.map((r) => r.slice()),
    notes: cur.notes.map((r) => r.slice()),
  };
  let minR = Infinity;
  let maxR = -1;
  let minC = Infinity;
  let maxC = -1;
  let changed = 0;
  let kept = 0;
  for (let r = 0; r < rows; r++) {
    const bgRow = cur.backgrounds[r] ?? [];
    const noteRow = cur.notes[r] ?? [];
    for (let c = 0; c < cols; c++) {
      const note = noteRow[c] ?? '';
      const bg = bgRow[c] ?? null;
      const mark = want.get(r * cols + c);
      const split = note ? splitNote(note) : { sources: [], own: note };
      const ownedBg = bg !== null && OWN_COLOURS.has(bg) && split.sources.length > 0;
      if (!mark && !split.sources.includes(source)) continue;
      let newNote: string;
      let newBg: string | null;
      if (mark) {
        newNote = renote(note, source, mark.note);
        if (bg === null || ownedBg) newBg = mark.background;
        else {
          newBg = bg;
          kept++;
        }
      } else {
        newNote = renote(note, source, null);
        const stillMarked = splitNote(newNote).sources.length > 0;
        newBg = ownedBg && !stillMarked ? null : bg;
      }
      if (newNote !== note || newBg !== bg) {
        next.notes[r][c] = newNote;
        next.backgrounds[r][c] = newBg;
        changed++;
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
        if (c < minC) minC = c;
        if (c > maxC) maxC = c;
      }
    }
  }
  if (changed > 0) {
    const w: Rect = { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
    wb.writeDecorations(sheet, w, {
      backgrounds: next.backgrounds.slice(minR, maxR + 1).map((r) => r.slice(minC, maxC + 1)),
      notes: next.notes.slice(minR, maxR + 1).map((r) => r.slice(minC, maxC + 1)),
    });
  }
  return { changed, keptCuratorColour: kept };
}
