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

  describe('forms of mentoring', () => {
    const DEFAULTS = ['ученик – ученик', 'учитель – учитель', 'педагог – педагог', 'студент – ученик', 'работодатель – ученик', 'студент – студент', 'работодатель – студент'];
    const sent = (form: ReturnType<typeof getSettingsForm>) => form.forms.map((f) => ({ name: f.name, value: f.value, used: f.used }));
    const fieldsOf = (form: ReturnType<typeof getSettingsForm>) => Object.fromEntries(form.fields.map((f) => [f.field, f.value]));
    const targetsOf = (form: ReturnType<typeof getSettingsForm>) => Object.fromEntries(form.targets.map((t) => [String(t.year), t.value]));

    it('shows the table, adds a form and narrows the list; the sheet reads back the same; unchanged saves write nothing', () => {
      const wb = new MemoryWorkbook();
      setupSpreadsheet(ctxOf(wb));
      const form = getSettingsForm(ctxOf(wb));
      expect(form.forms.map((f) => [f.name, f.used, f.standard])).toEqual(DEFAULTS.map((f) => [f, true, true]));
      expect(form.forms[1].value).toBe('наставник: педагог; наставляемый: педагог, молодой специалист');

      const forms = sent(form).map((f) => (['ученик – ученик', 'педагог – педагог'].includes(f.name) ? f : { ...f, used: false }));
      forms.push({ name: 'педагог-обучающийся', value: 'педагоги → обучающиеся', used: true });
      const rows = wb.grid('Настройки').length;
      const res = saveSettings(ctxOf(wb), { fields: fieldsOf(form), targets: targetsOf(form), forms });
      expect(res).toEqual({
        ok: true,
        message:
          'Настройки сохранены на листе «Настройки»: изменено 0, добавлено 2. В столбце «Форма наставничества» на листе «Наставляемые» список форм обновлён по «Настройкам». В столбце «Форма наставничества» на листе «Пары» список форм обновлён по «Настройкам».',
      });
      // The dropdowns the add-on made list the forms now in use.
      const pairsForm = (wb.grid('Пары')[0] as string[]).indexOf('Форма наставничества');
      expect(wb.readListValidation('Пары', 1, pairsForm)).toEqual(['ученик – ученик', 'педагог – педагог', 'педагог – обучающийся']);
      const grid = wb.grid('Настройки');
      expect(grid.slice(rows)).toEqual([
        ['Форма: педагог – обучающийся', 'наставник: педагог; наставляемый: обучающийся'],
        ['Используемые формы', 'ученик – ученик; педагог – педагог; педагог – обучающийся'],
      ]);
      const { settings, findings } = readSettings(grid);
      expect(findings).toEqual([]);
      expect(settings.forms.map((r) => r.form)).toEqual(['ученик – ученик', 'педагог – педагог', 'педагог – обучающийся']);

      // Shown in use first, then the others; saved again as shown: nothing written.
      const again = getSettingsForm(ctxOf(wb));
      expect(again.forms.map((f) => [f.name, f.used])).toEqual([
        ['ученик – ученик', true],
        ['педагог – педагог', true],
        ['педагог – обучающийся', true],
        ...DEFAULTS.filter((f) => !['ученик – ученик', 'педагог – педагог'].includes(f)).map((f) => [f, false]),
      ]);
      const writes = (wb.calls.writeValues ?? 0) + (wb.calls.appendRows ?? 0);
      expect(saveSettings(ctxOf(wb), { fields: fieldsOf(again), targets: targetsOf(again), forms: sent(again) })).toMatchObject({ message: 'Настройки не изменились.' });
      expect((wb.calls.writeValues ?? 0) + (wb.calls.appendRows ?? 0)).toBe(writes);

      // Everything in use again: the list is emptied (a blank list means all), nothing else changes.
      const all = sent(again).map((f) => ({ ...f, used: true }));
      expect(saveSettings(ctxOf(wb), { fields: fieldsOf(again), targets: targetsOf(again), forms: all })).toMatchObject({ ok: true, message: expect.stringContaining('изменено 1, добавлено 0') });
      expect(wb.grid('Настройки').at(-1)).toEqual(['Используемые формы', '']);
      expect(readSettings(wb.grid('Настройки')).settings.forms).toHaveLength(8);
    });

    it('a form row written by hand is shown as written and kept when other settings are saved', () => {
      const wb = new MemoryWorkbook({
        Настройки: [
          ['Параметр', 'Значение'],
          ['Организация', 'Колледж'],
          ['Форма: студент – студент (СПО)', 'студенты / студенты'],
          ['Форма: ученик – ученик', ''],
        ],
      });
      const form = getSettingsForm(ctxOf(wb));
      expect(form.forms.find((f) => f.name === 'студент – студент (СПО)')).toEqual({ name: 'студент – студент (СПО)', value: 'студенты / студенты', used: true, standard: false });
      expect(form.forms.find((f) => f.name === 'ученик – ученик')!.value).toBe('наставник: обучающийся; наставляемый: обучающийся');
      const res = saveSettings(ctxOf(wb), { fields: { ...fieldsOf(form), orgName: 'ГБПОУ Колледж' }, targets: {}, forms: sent(form) });
      expect(res).toMatchObject({ ok: true });
      expect(wb.grid('Настройки').slice(0, 4)).toEqual([
        ['Параметр', 'Значение'],
        ['Организация', 'ГБПОУ Колледж'],
        ['Форма: студент – студент (СПО)', 'студенты / студенты'],
        ['Форма: ученик – ученик', ''],
      ]);
      // A client that sends no forms leaves them alone too.
      expect(saveSettings(ctxOf(wb), { fields: { orgName: 'Колледж № 2' }, targets: {} })).toMatchObject({ ok: true });
      expect(wb.grid('Настройки')[2]).toEqual(['Форма: студент – студент (СПО)', 'студенты / студенты']);
    });

    it('a changed rule is written over its own row, in the add-on’s wording', () => {
      const wb = new MemoryWorkbook({ Настройки: [['Параметр', 'Значение'], ['Форма: студент – студент (СПО)', 'студенты / студенты']] });
      const forms = sent(getSettingsForm(ctxOf(wb))).map((f) => (f.name === 'студент – студент (СПО)' ? { ...f, value: 'работодатель, студент → студент' } : f));
      expect(saveSettings(ctxOf(wb), { fields: {}, targets: {}, forms })).toMatchObject({ ok: true, message: expect.stringContaining('изменено 1, добавлено 0') });
      expect(wb.grid('Настройки')[1]).toEqual(['Форма: студент – студент (СПО)', 'наставник: работодатель, студент; наставляемый: студент']);
    });

    it('refuses bad forms per field, with the fields’ own mistakes, and writes nothing', () => {
      const wb = new MemoryWorkbook();
      setupSpreadsheet(ctxOf(wb));
      const before = JSON.stringify(wb.grid('Настройки'));
      const forms = sent(getSettingsForm(ctxOf(wb)));
      forms[0] = { ...forms[0], value: 'наставник: робот; наставляемый: обучающийся' };
      forms.push({ name: 'наставник – молодой педагог', value: '', used: true }, { name: 'a, b', value: 'педагог → педагог', used: true });
      const res = saveSettings(ctxOf(wb), { fields: { soonDays: 'x' }, targets: {}, forms });
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.errors).toEqual({
        soonDays: 'Нужно целое число не меньше 0',
        'form:ученик – ученик': '«робот» — не категория наставника (допустимо: педагог, обучающийся, студент, работодатель); например, «наставник: педагог; наставляемый: молодой специалист»',
        'form:наставник – молодой педагог': 'Укажите, кто наставник и кто наставляемый, например «наставник: педагог; наставляемый: молодой специалист»',
        'form:a, b': 'В названии формы не должно быть «,» и «;»',
      });
      const none = sent(getSettingsForm(ctxOf(wb))).map((f) => ({ ...f, used: false }));
      expect(saveSettings(ctxOf(wb), { fields: {}, targets: {}, forms: none })).toMatchObject({ ok: false, errors: { forms: 'Отметьте хотя бы одну используемую форму' } });
      expect(JSON.stringify(wb.grid('Настройки'))).toBe(before);
    });
  });
});
