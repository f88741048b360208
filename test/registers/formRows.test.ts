import fc from 'fast-check';
import { readSettings } from '../../src/core/registers/settings';
import { DEFAULT_FORM_RULES, normalizeForm, type FormRule } from '../../src/core/registers/forms';
import { canonicalFormName, formRuleRows, readFormValue } from '../../src/core/registers/formRows';
import { MENTEE_CATEGORIES, MENTOR_CATEGORIES } from '../../src/core/registers/schemas';
import type { CellValue } from '../../src/core/port-types';

const sheet = (...rows: CellValue[][]): CellValue[][] => [['Параметр', 'Значение'], ...rows];

describe('forms of mentoring in «Настройки»', () => {
  it('without form rows the default table is in effect', () => {
    const { settings, findings } = readSettings(sheet(['Организация', 'Школа']));
    expect(settings.forms).toEqual(DEFAULT_FORM_RULES);
    expect(findings).toEqual([]);
  });

  it('a «Форма: …» row adds a form; its value is read leniently', () => {
    const variants = [
      'наставник: педагог; наставляемый: обучающийся',
      'Наставники — педагоги, наставляемые — обучающиеся',
      'наставляемый: ученик\nнаставник: учитель',
      'педагог → обучающийся',
      'педагог / обучающийся',
      'педагог - обучающийся',
      'педагог-обучающийся',
    ];
    for (const v of variants) {
      const { settings, findings } = readSettings(sheet(['Форма: педагог — обучающийся', v]));
      expect(findings).toEqual([]);
      expect(settings.forms.at(-1)).toEqual({ form: 'педагог – обучающийся', mentor: ['педагог'], mentee: ['обучающийся'], menteeAge: { min: 10, max: 18 } });
      expect(settings.forms).toHaveLength(DEFAULT_FORM_RULES.length + 1);
    }
  });

  it('several categories on a side, in the curator’s words', () => {
    expect(readFormValue('педагог / обучающийся, молодой специалист')).toEqual({ mentor: ['педагог'], mentee: ['обучающийся', 'молодой специалист'] });
    expect(readFormValue('наставник: педагоги и работодатели; наставляемый: молодые педагоги')).toEqual({ mentor: ['педагог', 'работодатель'], mentee: ['молодой специалист'] });
  });

  it('a form of the curator’s own name, blank value read from its name, and a replaced default', () => {
    const { settings, findings } = readSettings(
      sheet(
        ['Форма: наставник – молодой педагог', 'наставник: педагог; наставляемый: молодой специалист'],
        ['Форма наставничества: «студент – студент (СПО)»', 'студент → студент'],
        ['Форма: педагог-обучающийся', ''],
        ['Форма: Ученик-ученик', 'наставник: обучающийся, студент; наставляемый: обучающийся'],
      ),
    );
    expect(findings).toEqual([]);
    const byName = Object.fromEntries(settings.forms.map((r) => [r.form, r]));
    expect(byName['наставник – молодой педагог']).toEqual({ form: 'наставник – молодой педагог', mentor: ['педагог'], mentee: ['молодой специалист'], teacherSystem: true });
    expect(byName['студент – студент (СПО)']).toEqual({ form: 'студент – студент (СПО)', mentor: ['студент'], mentee: ['студент'] });
    expect(byName['педагог – обучающийся'].mentee).toEqual(['обучающийся']);
    // The default keeps its place and spelling, with the curator's categories.
    expect(settings.forms[0]).toEqual({ form: 'ученик – ученик', mentor: ['обучающийся', 'студент'], mentee: ['обучающийся'], menteeAge: { min: 10, max: 18 } });
    expect(settings.forms.map((r) => r.form).slice(DEFAULT_FORM_RULES.length)).toEqual(['наставник – молодой педагог', 'студент – студент (СПО)', 'педагог – обучающийся']);
    // Cells name the new forms in any dash spelling.
    expect(normalizeForm('Наставник-молодой педагог', settings.forms)).toBe('наставник – молодой педагог');
    expect(normalizeForm('студент—студент (спо)', settings.forms)).toBe('студент – студент (СПО)');
  });

  it('«Используемые формы» narrows the list, in its order', () => {
    const { settings, findings, rows } = readSettings(
      sheet(['Форма: педагог – обучающийся', 'педагог → обучающийся'], ['Используемые формы', 'педагог-педагог; педагог – обучающийся, ученик — ученик']),
    );
    expect(findings).toEqual([]);
    expect(settings.forms.map((r) => r.form)).toEqual(['педагог – педагог', 'педагог – обучающийся', 'ученик – ученик']);
    expect(rows.formsInUse).toBe(2);
    expect(readSettings(sheet(['Только формы', ''])).settings.forms).toEqual(DEFAULT_FORM_RULES);
  });

  it('bad values are findings on column B of their row, never exceptions; the rest still reads', () => {
    const { settings, findings } = readSettings(
      sheet(
        ['Форма: наставник – молодой педагог', ''],
        ['Форма: робот – ученик', 'наставник: робот; наставляемый: обучающийся'],
        ['Форма: педагог – обучающийся', 'наставник: молодой специалист; наставляемый: обучающийся'],
        ['Форма: А – Б', 'педагог'],
        ['Форма: студент, ученик', 'студент → обучающийся'],
        ['Форма:', 'педагог → педагог'],
        ['Форма: Педагог – Обучающийся', 'педагог → обучающийся'],
        ['Форма: работодатель – студент', 'наставник: работодатель'],
        ['Используемые формы', 'ученик – ученик; космос – ученик'],
        ['Только формы', 'ученик – ученик'],
      ),
    );
    const at = findings.map((f) => [f.sheet, f.row, f.column, f.code, f.severity]);
    expect(at).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((row) => ['Настройки', row, 'B', 'setting.form', 'error']));
    const text = findings.map((f) => f.message);
    expect(text[0]).toBe('Форма «наставник – молодой педагог»: укажите, кто наставник и кто наставляемый, например «наставник: педагог; наставляемый: молодой специалист»');
    expect(text[1]).toContain('«робот» — не категория наставника (допустимо: педагог, обучающийся, студент, работодатель)');
    expect(text[2]).toContain('«молодой специалист» — не категория наставника');
    expect(text[3]).toContain('не понятно, кто наставник и кто наставляемый');
    expect(text[4]).toContain('не должно быть «,» и «;»');
    expect(text[5]).toBe('После «Форма:» не указано название формы');
    expect(text[6]).toBe('Форма «Педагог – Обучающийся» уже задана в строке 4; эта строка не учтена');
    expect(text[7]).toContain('не указано, кто наставляемый');
    expect(text[8]).toContain('«космос – ученик» нет ни среди стандартных');
    expect(text[9]).toContain('уже есть выше (строка 10)');
    // The good row and the known part of the list still count; a bad row leaves the default alone.
    expect(settings.forms.map((r) => r.form)).toEqual(['ученик – ученик']);
    expect(readSettings(sheet(['Форма: работодатель – студент', 'наставник: работодатель'])).settings.forms).toEqual(DEFAULT_FORM_RULES);
  });

  it('no value of any kind throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), (name, value) => {
        const r = readSettings(sheet([`Форма: ${name}`, value as CellValue], ['Используемые формы', typeof value === 'string' ? value : '']));
        expect(r.settings.forms.length).toBeGreaterThan(0);
        for (const f of r.findings) expect(f.column).toBe('B');
      }),
    );
  });
});

describe('the table written out as rows reads back as itself (property)', () => {
  const dash = fc.constantFrom(' – ', '—', ' - ', '-', ' — ', '–');
  /** A rule as the add-on would write it, or spelled by hand: dash, case and value format vary. */
  const written = (r: FormRule, d: string, upper: boolean, style: number): CellValue[] => {
    const name = r.form.replace(' – ', d);
    const label = `${upper ? 'ФОРМА' : 'Форма'}: ${upper ? name.toUpperCase() : name}`;
    const value =
      style === 0
        ? formRuleRows([r])[0][1]
        : style === 1
          ? `${r.mentor.join(', ')} → ${r.mentee.join(', ')}`
          : `наставляемый: ${r.mentee.join(' и ')}; наставник: ${r.mentor.join(', ')}`;
    return [label, value];
  };

  it('default rules, in any subset, order and spelling', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...DEFAULT_FORM_RULES]), fc.array(fc.tuple(dash, fc.boolean(), fc.integer({ min: 0, max: 2 })), { minLength: 7, maxLength: 7 }), (rules, how) => {
        const rows = rules.map((r, i) => written(r, how[i][0], how[i][1], how[i][2]));
        const { settings, findings } = readSettings(sheet(['Организация', 'Школа'], ...rows));
        expect(findings).toEqual([]);
        expect(settings.forms).toEqual(DEFAULT_FORM_RULES);
      }),
    );
  });

  it('the whole default table as the add-on writes it', () => {
    const { settings, findings } = readSettings(sheet(...formRuleRows()));
    expect(findings).toEqual([]);
    expect(settings.forms).toEqual(DEFAULT_FORM_RULES);
  });

  it('custom rules of any categories read back as themselves', () => {
    const name = fc.stringMatching(/^[а-я]{3,10}$/).filter((s) => s !== 'и' && !/^наставл|^настав/.test(s));
    const rule = fc.record({
      a: name,
      b: name,
      mentor: fc.uniqueArray(fc.constantFrom(...MENTOR_CATEGORIES), { minLength: 1, maxLength: 4 }),
      mentee: fc.uniqueArray(fc.constantFrom(...MENTEE_CATEGORIES), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(rule, { selector: (r) => `${r.a} – ${r.b}`, maxLength: 5 }), (custom) => {
        const rules = custom.map((c) => ({
          form: canonicalFormName(`${c.a} – ${c.b} (своя)`),
          mentor: c.mentor,
          mentee: c.mentee,
          ...(c.mentee.includes('обучающийся') ? { menteeAge: { min: 10, max: 18 } } : {}),
          ...(c.mentee.includes('молодой специалист') ? { teacherSystem: true } : {}),
        }));
        const { settings, findings } = readSettings(sheet(...formRuleRows(rules)));
        expect(findings).toEqual([]);
        expect(settings.forms.slice(DEFAULT_FORM_RULES.length)).toEqual(rules);
      }),
    );
  });
});
