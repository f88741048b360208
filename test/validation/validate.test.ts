import { loadRegisters } from '../../src/app/registers/load';
import { validateRegisters, mergeFindings } from '../../src/core/validation/validate';
import { plural } from '../../src/core/util/text';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { MENTEES, MENTORS, PAIRS, SETTINGS, TODAY } from './fixture';
import type { Finding } from '../../src/core/validation/finding';

function run(tabs: Record<string, unknown[][]>) {
  const wb = new MemoryWorkbook(tabs as any);
  const reg = loadRegisters(wb, { only: ['mentors', 'mentees', 'pairs'] });
  const validation = validateRegisters(reg, TODAY);
  return { reg, validation, all: mergeFindings(reg.findings, validation) };
}

const key = (f: Finding) => `${f.sheet}!${f.column}${f.row} ${f.code}`;

describe('validateRegisters on a small school', () => {
  const { validation, all } = run({ Наставники: MENTORS, Наставляемые: MENTEES, Пары: PAIRS, Настройки: SETTINGS });
  const keys = validation.map(key);

  it('finds each rule’s problem on its cell', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'Наставники!A2 id.duplicate',
        'Наставники!A7 id.duplicate',
        'Наставники!B5 person.duplicate',
        'Наставники!B6 person.duplicate',
        'Наставники!G4 consent.missing',
        'Наставники!D7 mentor.form.category',
        'Наставники!E2 mentor.capacity',
        'Наставляемые!B2 person.duplicate',
        'Наставляемые!B7 person.duplicate',
        'Наставляемые!G5 consent.missing',
        'Наставляемые!G6 consent.missing',
        'Наставляемые!D3 age.range',
        'Наставляемые!D4 young.age',
        'Наставляемые!E4 young.experience',
        'Пары!C2 pair.mentee.twice',
        'Пары!C3 pair.mentee.twice',
        'Пары!F3 pair.dates',
        'Пары!G4 pair.consent.missing',
        'Пары!B5 pair.mentor.ambiguous',
        'Пары!C5 pair.mentee.unknown',
        'Пары!B6 pair.mentor.inactive',
        'Пары!B6 pair.mentor.noConsent',
        'Пары!B6 pair.mentor.category',
        'Пары!C6 pair.mentee.noConsent',
      ]),
    );
  });

  it('does not flag what is fine', () => {
    // Row 8 (Белова, a teacher in a teacher pair) and the pupil of row 2 have nothing wrong.
    expect(keys.filter((k) => k.startsWith('Наставляемые!') && k.includes('8 '))).toEqual([]);
    expect(keys).not.toContain('Наставляемые!D2 age.range');
    // Consent given for the teacher pair of row 5.
    expect(keys).not.toContain('Пары!G5 pair.consent.missing');
    // Н-002 has two pairs with one mentee: within the default capacity.
    expect(keys.filter((k) => k.includes('mentor.capacity'))).toEqual(['Наставники!E2 mentor.capacity']);
  });

  it('names the other row and the reference in messages', () => {
    const dup = validation.find((f) => key(f) === 'Наставники!B5 person.duplicate')!;
    expect(dup.message).toContain('строке 6');
    const twice = validation.find((f) => key(f) === 'Пары!C2 pair.mentee.twice')!;
    expect(twice.message).toContain("строка 3");
    const amb = validation.find((f) => f.code === 'pair.mentor.ambiguous')!;
    expect(amb.message).toMatch(/Кузнецова Мария.*строки 5, 6/);
    expect(validation.find((f) => f.code === 'pair.mentee.unknown')!.message).toContain('Нв-999');
    expect(validation.find((f) => f.code === 'age.range')!.message).toContain('7 лет');
    expect(validation.find((f) => f.code === 'young.experience')!.message).toContain('7 лет');
    expect(validation.find((f) => f.code === 'consent.missing')!).toMatchObject({ severity: 'error', field: 'consentDate', message: 'Нет согласия на обработку персональных данных' });
  });

  it('consent written «нет» is one finding, not two', () => {
    const cell = all.filter((f) => f.sheet === 'Наставляемые' && f.row === 5 && f.field === 'consentDate');
    expect(cell.map((f) => f.code)).toEqual(['consent.missing']);
  });

  it('is sorted by sheet, row and column', () => {
    const order = validation.map((f) => [['Наставники', 'Наставляемые', 'Пары'].indexOf(f.sheet), f.row]);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(order).toEqual(sorted);
  });
});

describe('columns as actually read', () => {
  it('uses the renamed tab and the column where the field really is', () => {
    const mentees = [
      ['Согласие на обработку персональных данных', 'Мои пометки', 'Ф.И.О.', 'Код', 'Роль'],
      ['', 'x', 'Смирнов Кирилл', 'Нв-1', 'ученик'],
    ];
    const { validation } = run({ 'Наставляемые 2026': mentees, Наставники: MENTORS.slice(0, 2) });
    expect(validation.filter((f) => f.code === 'consent.missing').map(key)).toEqual(['Наставляемые 2026!A2 consent.missing']);
  });

  it('falls back to the first column when the field has no column, and says once that consent is not kept', () => {
    const mentors = [
      ['Код', 'ФИО', 'Роль'],
      ['Н-1', 'А', 'педагог'],
      ['Н-1', 'Б', 'педагог'],
    ];
    const { validation } = run({ Наставники: mentors });
    expect(validation.map(key)).toEqual(
      expect.arrayContaining(['Наставники!A2 id.duplicate', 'Наставники!A3 id.duplicate', 'Наставники!1 consent.column.missing']),
    );
    expect(validation.filter((f) => f.code === 'consent.missing')).toEqual([]);
    const capacity = validateRegisters(
      {
        mentors: [{ row: 4, valid: true, record: { id: 'Н-1', fullName: 'А', category: 'педагог', consentDate: 'yes' } }],
        mentees: [1, 2].map((i) => ({ row: i, valid: true, record: { id: `Нв-${i}`, fullName: `Ф${i}`, category: 'обучающийся', consentDate: 'yes' } as any })),
        pairs: [{ row: 1, valid: true, record: { id: 'П-1', mentor: 'Н-1', mentees: ['Нв-1', 'Нв-2'], status: 'активна' } }],
        settings: { ...run({}).reg.settings, defaultCapacity: 1 },
        sheets: { mentors: { name: 'Н', columns: { id: 2, fullName: 3 } } },
      },
      TODAY,
    );
    expect(capacity.map(key)).toEqual(['Н!1 consent.column.missing', 'Н!A5 mentor.capacity']);
  });
});

describe('plural', () => {
  it.each([
    [1, 'ошибка'],
    [2, 'ошибки'],
    [5, 'ошибок'],
    [11, 'ошибок'],
    [12, 'ошибок'],
    [21, 'ошибка'],
    [22, 'ошибки'],
    [111, 'ошибок'],
    [0, 'ошибок'],
  ])('%i %s', (n, word) => expect(plural(n, 'ошибка', 'ошибки', 'ошибок')).toBe(word));
});
