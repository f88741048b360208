import { getSettingsForm, saveSettings } from '../../src/app/registers/forms';
import { setupSpreadsheet } from '../../src/app/registers/setup';
import { readSettings, SETTING_SPECS } from '../../src/core/registers/settings';
import type { AppContext } from '../../src/app/context';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';

const ctxOf = (wb: MemoryWorkbook): AppContext => ({ wb, today: () => '2026-11-22' });

describe('settings form', () => {
  it('round-trips through the sheet and readSettings', () => {
    const wb = new MemoryWorkbook();
    setupSpreadsheet(ctxOf(wb));
    const form = getSettingsForm(ctxOf(wb));
    expect(form.fields.map((f) => f.label)).toEqual(SETTING_SPECS.map((s) => s.label));
    expect(form.fields.find((f) => f.field === 'soonDays')!.value).toBe('14');
    expect(form.targets).toEqual([{ year: 2026, value: '' }]);

    const res = saveSettings(ctxOf(wb), {
      fields: { orgName: 'МБОУ «Лицей № 1»', soonDays: '10', periodStart: '01.09.2026', periodEnd: '31.08.2027', curatorEmail: 'cur@school.ru' },
      targets: { '2026': '40%', '2027': '0,7' },
    });
    expect(res).toMatchObject({ ok: true });
    const { settings, findings } = readSettings(wb.grid('Настройки'));
    expect(findings).toEqual([]);
    expect(settings).toMatchObject({ orgName: 'МБОУ «Лицей № 1»', soonDays: 10, periodStart: '2026-09-01', periodEnd: '2027-08-31', curatorEmail: 'cur@school.ru', defaultCapacity: 3 });
    expect(settings.targets).toEqual({ 2026: 0.4, 2027: 0.7 });
    // The 2027 target had no row: added at the end; nothing else moved.
    const grid = wb.grid('Настройки');
    expect(grid[grid.length - 1]).toEqual(['Цель 2027', '0,7']);
    expect(grid.filter((r) => r[0] === 'Горизонт «скоро», дней')).toHaveLength(1);

    const again = getSettingsForm(ctxOf(wb));
    expect(again.fields.find((f) => f.field === 'periodStart')!.value).toBe('01.09.2026');
    expect(again.targets).toEqual([
      { year: 2026, value: '40%' },
      { year: 2027, value: '70%' },
    ]);
    // Saving the same values again writes nothing.
    const writes = wb.calls.writeValues ?? 0;
    const same = saveSettings(ctxOf(wb), {
      fields: Object.fromEntries(again.fields.map((f) => [f.field, f.value])),
      targets: Object.fromEntries(again.targets.map((t) => [String(t.year), t.value])),
    });
    expect(same).toMatchObject({ ok: true, message: 'Настройки не изменились.' });
    expect(wb.calls.writeValues ?? 0).toBe(writes);
  });

  it('writes only the «Значение» cells of a curator’s own labels and adds missing ones', () => {
    const wb = new MemoryWorkbook({
      Параметры: [
        ['Параметр', 'Значение', 'Комментарий'],
        ['Наименование ОО', 'Школа № 5', 'из устава'],
        ['Директор', 'Иванов И. И.', ''],
      ],
    });
    const res = saveSettings(ctxOf(wb), { fields: { directorName: 'Петрова П. П.', place: 'г. Тверь' }, targets: {} });
    expect(res.ok).toBe(true);
    expect(wb.grid('Параметры')).toEqual([
      ['Параметр', 'Значение', 'Комментарий'],
      ['Наименование ОО', 'Школа № 5', 'из устава'],
      ['Директор', 'Петрова П. П.', ''],
      ['Место составления', 'г. Тверь', ''],
    ]);
    expect(wb.sheetNames()).toEqual(['Параметры']);
  });

  it('returns validation messages per field and writes nothing', () => {
    const wb = new MemoryWorkbook();
    setupSpreadsheet(ctxOf(wb));
    const before = JSON.stringify(wb.grid('Настройки'));
    const res = saveSettings(ctxOf(wb), {
      fields: { soonDays: '-3', curatorEmail: 'нет', periodStart: '2026-13-01', fontSize: '40', periodEnd: '01.01.2020' },
      targets: { '2026': '140%', '20x6': '10%' },
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.errors).sort()).toEqual(['curatorEmail', 'fontSize', 'periodStart', 'soonDays', 'target2026', 'target20x6'].sort());
    expect(res.errors.soonDays).toMatch(/целое число/);
    expect(JSON.stringify(wb.grid('Настройки'))).toBe(before);
  });
});
