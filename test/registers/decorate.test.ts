import { applyMarks, PALETTE, splitNote } from '../../src/app/decorate';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';

function wb() {
  const w = new MemoryWorkbook({ S: [['a', 'b', 'c'], [1, 2, 3], [4, 5, 6]] });
  const s = w.sheet('S');
  s.backgrounds.set('1,1', '#00ff00'); // the curator's own colour
  s.notes.set('1,1', 'моя заметка');
  s.notes.set('2,2', 'ещё заметка');
  return w;
}

describe('applyMarks', () => {
  it('marks cells, keeps the curator’s colour and note, and clears only its own marks', () => {
    const w = wb();
    const s = w.sheet('S');
    const r1 = applyMarks(w, 'S', 'check', [
      { row: 1, col: 1, background: PALETTE.error, note: 'ошибка 1' },
      { row: 2, col: 0, background: PALETTE.warning, note: 'внимание' },
    ], { rows: 3, cols: 3 });
    expect(r1).toEqual({ changed: 2, keptCuratorColour: 1 });
    expect(s.backgrounds.get('1,1')).toBe('#00ff00');
    expect(splitNote(s.notes.get('1,1')!)).toEqual({ sources: ['check'], own: 'моя заметка' });
    expect(s.backgrounds.get('2,0')).toBe(PALETTE.warning);

    // The same run again changes nothing (no write at all).
    const writes = w.calls.writeDecorations;
    expect(applyMarks(w, 'S', 'check', [
      { row: 1, col: 1, background: PALETTE.error, note: 'ошибка 1' },
      { row: 2, col: 0, background: PALETTE.warning, note: 'внимание' },
    ], { rows: 3, cols: 3 }).changed).toBe(0);
    expect(w.calls.writeDecorations).toBe(writes);

    // Everything fixed: the add-on's marks go, the curator's stay.
    applyMarks(w, 'S', 'check', [], { rows: 3, cols: 3 });
    expect(s.notes.get('1,1')).toBe('моя заметка');
    expect(s.backgrounds.get('1,1')).toBe('#00ff00');
    expect(s.notes.has('2,0')).toBe(false);
    expect(s.backgrounds.has('2,0')).toBe(false);
    expect(s.notes.get('2,2')).toBe('ещё заметка');
  });

  it('keeps another source’s marks on the same cell', () => {
    const w = wb();
    const s = w.sheet('S');
    applyMarks(w, 'S', 'deadlines', [{ row: 2, col: 2, background: PALETTE.overdue, note: 'просрочено' }], { rows: 3, cols: 3 });
    applyMarks(w, 'S', 'check', [{ row: 2, col: 2, background: PALETTE.error, note: 'ошибка' }], { rows: 3, cols: 3 });
    expect(splitNote(s.notes.get('2,2')!)).toEqual({ sources: ['check', 'deadlines'], own: 'ещё заметка' });
    applyMarks(w, 'S', 'check', [], { rows: 3, cols: 3 });
    expect(splitNote(s.notes.get('2,2')!)).toEqual({ sources: ['deadlines'], own: 'ещё заметка' });
    expect(s.backgrounds.get('2,2')).toBe(PALETTE.error); // still marked by «сроки»: colour stays
    applyMarks(w, 'S', 'deadlines', [], { rows: 3, cols: 3 });
    expect(s.notes.get('2,2')).toBe('ещё заметка');
    expect(s.backgrounds.has('2,2')).toBe(false);
  });
});
