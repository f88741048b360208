/**
 * «Сведения о реализации целевой модели наставничества»: the model, the .docx a department
 * receives (read back) and the Google Doc (over the DocumentApp fakes).
 */
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { monitoringApi } from '../../src/app/monitoring/api';
import { loadMonitoring } from '../../src/app/monitoring/indicators';
import { departmentReport, REPORT_TITLE } from '../../src/core/monitoring/report';
import { computeIndicators, type PersonalRecord } from '../../src/core/monitoring/indicators';
import { DEFAULT_SETTINGS } from '../../src/core/registers/settings';
import { modelText, type DocModel } from '../../src/core/orders/model';
import { docxBytes } from '../../src/node/docxDocuments';
import { gasDocuments } from '../../src/gas/docs';
import { createGasFakes, FakeTable } from '../fakes/gas';
import { readDocx } from '../orders/docxread';
import type { AppContext, DocumentsPort } from '../../src/app/context';
import type { CellValue } from '../../src/app/port';
import { HAND_AS_OF, handTabs } from './handBook';

function handModel(tabs: Record<string, CellValue[][]> = handTabs()): DocModel {
  const m = loadMonitoring({ wb: new MemoryWorkbook(tabs), today: () => HAND_AS_OF }, HAND_AS_OF);
  return departmentReport(m.indicators, m.personal, m.reg.settings, m.flags);
}

const withSigners = (): Record<string, CellValue[][]> => {
  const tabs = handTabs();
  tabs['Настройки'].push(
    ['Должность руководителя', 'Директор'],
    ['ФИО руководителя', 'Кудрявцева Татьяна Николаевна'],
    ['Куратор', 'Орлова Вера Ильинична'],
    ['Должность куратора', 'заместитель директора по УВР'],
    ['Email куратора', 'orlova@licey1.ru'],
  );
  return tabs;
};

describe('the report model', () => {
  it('title, organisation, Russian date, the figures, the target with its year', () => {
    const text = modelText(handModel());
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['МБОУ «Лицей № 1»', REPORT_TITLE, 'по состоянию на 1 марта 2021 г.']);
    expect(lines).toContain('Вовлечено обучающихся в наставничество (пары и группы формируются или действуют) | 6');
    expect(lines).toContain('Доля вовлечённых обучающихся | 12%');
    expect(lines).toContain('Целевой показатель (не менее, к концу 2020 года) | 10%');
    expect(lines).toContain('Наставнических пар и групп: формируется / действует / завершено | 2 / 4 / 1');
    expect(lines).toContain('Наставнических пар и групп расторгнуто | 1');
    expect(lines).toContain('Нет согласия на обработку персональных данных: наставников / наставляемых | 0 / 1');
    expect(lines).toContain('Мероприятий дорожной карты: выполнено / просрочено / срок в ближайшие 14 дней / всего | 1 / 1 / 1 / 5');
    expect(lines).toContain('студент – ученик | 3 | 3');
    // Remarks as sentences.
    expect(lines).toContain('Просрочено мероприятий дорожной карты: 1.');
    expect(text).not.toMatch(/undefined|NaN|null|\{\{|\[object/);
  });

  it('the personified list: who, in which form and programme, which pair; the unnamed are accounted for', () => {
    const model = handModel();
    const table = model.blocks.filter((b) => b.type === 'table').at(-1);
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.header).toEqual(['№', 'ФИО', 'Участие', 'Форма наставничества, программа', 'Пара (группа), статус, сроки']);
    expect(table.rows[0]).toEqual(['1', 'Быстров Кирилл Андреевич', 'наставник, обучающийся, 10 А', 'ученик – ученик; Школа лидеров', 'П-1, активна, с 01.10.2020']);
    // Single lines that wrap.
    expect(table.rows.flat().some((c) => c.includes('\n'))).toBe(false);
    expect(table.rows.every((r, i) => r[0] === String(i + 1) && r.length === 5 && r.every((c) => c.trim() !== ''))).toBe(true);
    expect(table.widths?.reduce((a, b) => a + b, 0)).toBe(100);
    expect(modelText(model)).toMatch(/без согласия на обработку персональных данных \(1\) в список не включены/);
    expect(modelText(model)).not.toMatch(/Дьяков/);
  });

  it('a pair cell with both dates reads «с … по …»', () => {
    const ind = computeIndicators({ mentors: [], mentees: [], pairs: [], settings: DEFAULT_SETTINGS, roadmap: [] }, '2026-11-22');
    const rec: PersonalRecord = { id: 'Н-1', fullName: 'Орлова Вера', role: 'наставник', category: 'педагог', pairId: 'П-1', form: 'педагог – педагог', status: 'активна', startDate: '2026-09-01', endDate: '2027-05-31' };
    const list = departmentReport(ind, [rec], DEFAULT_SETTINGS, []).blocks.filter((b) => b.type === 'table').at(-1);
    expect(list?.type === 'table' && list.rows[0]).toEqual(['1', 'Орлова Вера', 'наставник, педагог', 'педагог – педагог', 'П-1, активна, с 01.09.2026 по 31.05.2027']);
  });

  it('signed by the head; the curator as the one who prepared it', () => {
    const text = modelText(handModel(withSigners()));
    expect(text).toContain('Директор\tТ.Н. Кудрявцева');
    expect(text).toContain('Исполнитель: Орлова Вера Ильинична, заместитель директора по УВР, orlova@licey1.ru');
  });

  it('an empty school: words instead of empty tables, no placeholders', () => {
    const text = modelText(handModel({ Наставники: [['ID', 'ФИО', 'Категория']], Пары: [['ID', 'Наставник', 'Наставляемые', 'Статус']] }));
    expect(text).toContain('Численность обучающихся | не указана');
    expect(text).toContain('Целевой показатель | не задан');
    expect(text).toContain('Формирующихся и действующих наставнических пар и групп нет.');
    expect(text).toMatch(/давших согласие на обработку персональных данных, нет\./);
    expect(text).not.toMatch(/undefined|NaN|null/);
  });
});

describe('the report as .docx', () => {
  it('reads back with its tables and Russian text', async () => {
    const doc = await readDocx(docxBytes(handModel(withSigners())));
    expect(doc.paragraphs).toContain('по состоянию на 1 марта 2021 г.');
    expect(doc.tables).toHaveLength(4); // figures, forms, signature, personified list
    const list = doc.tables.find((t) => t[0][0] === '№')!;
    expect(list).toHaveLength(1 + 14);
    expect(list[1][2]).toBe('наставник, обучающийся, 10 А');
    expect(doc.xml).toMatch(/<w:tblHeader\/>/);
    expect(doc.text).not.toMatch(/undefined|NaN/);
  });
});

describe('the report as a Google Doc (fakes)', () => {
  it('generateDepartmentReport creates one document with the list and the column widths', () => {
    const fakes = createGasFakes();
    const undo = fakes.install();
    try {
      const docs: DocumentsPort = gasDocuments();
      const ctx: AppContext = { wb: new MemoryWorkbook(withSigners()), today: () => HAND_AS_OF, docs };
      const res = monitoringApi.generateDepartmentReport(ctx, HAND_AS_OF);
      expect(res.name).toBe('Сведения о реализации ЦМН на 01.03.2021');
      const file = [...fakes.drive.files.values()].find((f) => f.doc)!;
      const body = file.doc!.body;
      const tables = body.children.filter((c): c is FakeTable => c instanceof FakeTable);
      const list = tables.find((t) => t.rows[0].cells[0].getText() === '№')!;
      expect(list.rows).toHaveLength(1 + 14);
      expect(list.rows[1].cells[4].getText()).toBe('П-1, активна, с 01.10.2020');
      expect(list.columnWidths.size).toBe(5);
      const text = body.children.map((c: any) => c.getText?.() ?? '').join('\n');
      expect(text).toContain('Сведения о реализации целевой модели наставничества');
      expect(text).not.toMatch(/undefined|NaN/);
    } finally {
      undo();
    }
  });

  it('a long personified list costs no Google Docs call a row (the Docs service is slow)', () => {
    const calls = (n: number) => {
      const fakes = createGasFakes();
      const undo = fakes.install();
      try {
        const ind = computeIndicators({ mentors: [], mentees: [], pairs: [], settings: DEFAULT_SETTINGS, roadmap: [] }, '2026-11-22');
        const personal: PersonalRecord[] = Array.from({ length: n }, (_, i) => ({
          id: `Нв-${i}`, fullName: `Ученик ${i}`, role: 'наставляемый', category: 'обучающийся', place: '7 А',
          pairId: `П-${i}`, form: 'ученик – ученик', program: 'Первые шаги', status: 'активна', startDate: '2026-09-01',
        }));
        fakes.calls.reset();
        gasDocuments().create(departmentReport(ind, personal, DEFAULT_SETTINGS, []), { name: 'x' });
        return fakes.calls.total;
      } finally {
        undo();
      }
    };
    // The list is filled by insertTable and styled over the whole table (20 calls a participant before).
    expect(calls(600)).toBe(calls(100));
  });
});
