import { createGasFakes } from '../fakes/gas';
import { readDocTables } from '../../src/gas/docTables';

describe('reading a roadmap from a Google Doc', () => {
  it('returns every table as rows of cell texts, multi-line cells kept', () => {
    const fakes = createGasFakes();
    const undo = fakes.install();
    try {
      const doc = (globalThis as any).DocumentApp.create('Дорожная карта');
      doc.getBody().appendParagraph('Дорожная карта на 2025-2026 учебный год');
      doc.getBody().appendTable([
        ['№', 'Мероприятие', 'Срок'],
        ['1', 'Приказ о назначении куратора\nи рабочей группы', 'до 01.10.2025'],
      ]);
      const tables = readDocTables(doc.getId());
      expect(tables).toEqual([
        [
          ['№', 'Мероприятие', 'Срок'],
          ['1', 'Приказ о назначении куратора\nи рабочей группы', 'до 01.10.2025'],
        ],
      ]);
      expect(() => readDocTables('не ссылка')).toThrow(/ссылку на Google Документ/);
      expect(() => readDocTables('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).toThrow(/Документ не открылся/);
    } finally {
      undo();
    }
  });
});
