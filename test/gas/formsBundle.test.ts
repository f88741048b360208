/**
 * «Настроить таблицу» from the BUILT bundle (dist/Code.js) over the Apps Script fakes: a form the
 * curator adds in «Настройки» reaches the forms dropdown the add-on made; a dropdown the curator
 * replaced stays; the calls do not grow with the rows.
 */
import * as vm from 'node:vm';
import { buildBundle } from '../helpers/bundle';
import { createGasFakes, FakeDataValidation } from '../fakes/gas';

let code = '';

beforeAll(() => {
  code = buildBundle().code;
});

const DEFAULTS = ['ученик – ученик', 'учитель – учитель', 'педагог – педагог', 'студент – ученик', 'работодатель – ученик', 'студент – студент', 'работодатель – студент'];

describe('dist/Code.js: forms dropdowns follow «Настройки»', () => {
  it('a new form in «Настройки» reaches «Пары»; the curator’s own dropdown on «Наставляемые» stays', () => {
    const fakes = createGasFakes({ sheets: { Лист1: [] } });
    const ctx = fakes.context();
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    expect(ctx.setupSpreadsheet().summary).toMatch(/^Таблица настроена/);

    const ss = fakes.spreadsheet;
    const formCol = (tab: string) => (ss.getSheetByName(tab)!.getRange(1, 1, 1, ss.getSheetByName(tab)!.getLastColumn()).getValues()[0] as string[]).indexOf('Форма наставничества') + 1;
    const list = (tab: string, row: number) => {
      const rule = ss.getSheetByName(tab)!.getRange(row, formCol(tab)).getDataValidation() as FakeDataValidation | null;
      return rule ? (rule.getCriteriaValues()[0] as string[]) : null;
    };
    expect(list('Пары', 2)).toEqual(DEFAULTS);
    // The new tab's forms table is the default one, written out.
    const settings = ss.getSheetByName('Настройки')!;
    expect(settings.getDataRange().getValues().filter((r) => String(r[0]).startsWith('Форма: ')).map((r) => r[0])).toEqual(DEFAULTS.map((f) => `Форма: ${f}`));

    // The curator adds a form and puts a list of her own on the mentees' forms column.
    settings.appendRow(['Форма: педагог – обучающийся', 'педагог → обучающийся']);
    const mine = new FakeDataValidation('VALUE_IN_LIST', [['своя форма'], true], true, '');
    ss.getSheetByName('Наставляемые')!.getRange(2, formCol('Наставляемые'), 1000, 1).setDataValidation(mine);

    fakes.calls.reset();
    const res = ctx.setupSpreadsheet();
    expect(res.summary).toContain('в столбце «Форма наставничества» на листе «Пары» список форм обновлён по «Настройкам»');
    expect(res.summary).toContain('в столбце «Форма наставничества» на листе «Наставляемые» ваш собственный список значений — не изменён');
    expect(list('Пары', 2)).toEqual([...DEFAULTS, 'педагог – обучающийся']);
    expect(list('Пары', 1001)).toEqual([...DEFAULTS, 'педагог – обучающийся']);
    expect(list('Наставляемые', 2)).toEqual(['своя форма']);
    expect(list('Наставляемые', 1001)).toEqual(['своя форма']);
    // At most two cells read per forms column (the curator's first cell already settles it), one
    // rule written: not a call per row.
    expect(fakes.calls.count('Range.getDataValidation')).toBe(3);
    expect(fakes.calls.count('Range.setDataValidations')).toBe(1);

    expect(ctx.setupSpreadsheet().summary).toBe('Таблица уже настроена: все листы и столбцы на месте.');
  });
});
