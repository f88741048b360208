/**
 * The one-row summary the curator copies from «Мониторинг» and pastes into the department's sheet:
 * a text cell starting with = + - @ must paste as text. The paste is modelled by the Sheets fake's
 * typed-input parsing (a pasted cell is read as if typed: «'…» is text without the apostrophe,
 * «=…» a formula, «+…»/«-…» a formula or a number).
 */
import { createGasFakes } from '../fakes/gas';
import { pasteCell, summaryTsv, SUMMARY_HEADER } from '../../src/core/monitoring/indicators';
import { loadMonitoring } from '../../src/app/monitoring/indicators';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import type { AppContext } from '../../src/app/context';

/** Pastes a tab-separated text into a fresh sheet as typed input; values and formulas back. */
function paste(tsv: string) {
  const sheet = createGasFakes({ sheets: { Лист1: [] } }).spreadsheet.getSheetByName('Лист1')!;
  const rows = tsv.split('\n').map((l) => l.split('\t'));
  const range = sheet.getRange(1, 1, rows.length, rows[0].length);
  range.setValues(rows);
  return { values: range.getValues(), formulas: range.getFormulas() };
}

const NAMES = ['=HYPERLINK("https://example.ru";"Лицей")', '+7 (школа № 7)', '-Лицей № 2-', '@школа', "'Лицей' № 1", 'МБОУ СОШ № 5', '=', '-'];

describe('the summary row pastes text as text', () => {
  it('each awkward name lands as the same text, never a formula (and would not without the care)', () => {
    for (const name of NAMES) {
      const got = paste(pasteCell(name));
      expect({ name, formula: got.formulas[0][0] }).toEqual({ name, formula: '' });
      expect(got.values[0][0]).toBe(name);
    }
    // Pasted as it is, the first name would be a formula: what the apostrophe prevents.
    expect(paste(NAMES[0]).formulas[0][0]).toBe(NAMES[0]);
    expect(paste(NAMES[2]).formulas[0][0]).not.toBe('');
  });

  it('numbers, dates and percentages stay what they are; tabs and line breaks do not split the row', () => {
    expect(pasteCell(-3)).toBe('-3');
    expect(pasteCell('22.11.2026')).toBe('22.11.2026');
    expect(pasteCell('15%')).toBe('15%');
    expect(pasteCell('Лицей\tи\nшкола')).toBe('Лицей и школа');
    expect(pasteCell('\n=1+1')).toBe("'=1+1");
    expect(pasteCell(' -5 ')).toBe("'-5");
  });

  it('the sidebar’s copied text for an organisation named «=ООО …»', () => {
    const wb = new MemoryWorkbook({
      Настройки: [['Параметр', 'Значение'], ['Краткое наименование', '=ООО «Ромашка»'], ['Численность обучающихся', 20], ['Цель 2026', '20%']],
      Наставники: [['ID', 'ФИО', 'Категория', 'Согласие ПДн'], ['Н-1', 'Быстров Кирилл', 'обучающийся', 'да']],
      Наставляемые: [['ID', 'ФИО', 'Категория', 'Согласие ПДн'], ['Нв-1', 'Акимов Егор', 'обучающийся', 'да']],
      Пары: [['ID', 'Наставник', 'Наставляемые', 'Форма', 'Статус'], ['П-1', 'Н-1', 'Нв-1', 'ученик – ученик', 'активна']],
    });
    const ctx: AppContext = { wb, today: () => '2026-11-22' };
    const m = loadMonitoring(ctx, '2026-11-22');
    // The row itself keeps the name as written; only the text to paste is marked.
    expect(m.summaryRow[0]).toBe('=ООО «Ромашка»');
    expect(m.summaryTsv).toBe(summaryTsv(m.summaryRow));
    const got = paste(m.summaryTsv);
    expect(got.values[0]).toEqual([...SUMMARY_HEADER]);
    expect(got.formulas[1].every((f) => f === '')).toBe(true);
    expect(got.values[1].slice(0, 6)).toEqual(['=ООО «Ромашка»', expect.any(Date), 20, 2, 0.1, 0.2]);
  });
});
