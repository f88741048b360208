import fc from 'fast-check';
import { decimal, foldSpaces, normalizeKey, normalizeName, percent } from '../../src/core/util/text';

/** The plain definition foldSpaces must keep (its fast path skips strings it would not change). */
const reference = (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();

const spacey = fc.string({
  unit: fc.constantFrom('а', 'Б', 'x', '1', '.', '-', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2002', '\u200b', '\u202f', '\u3000', '\ufeff', 'ё'),
  maxLength: 24,
});

describe('foldSpaces', () => {
  it('folds every kind of white space run to one space and trims', () => {
    expect(foldSpaces('  Иванова\u00a0\u00a0Анна\tПетровна\u200b ')).toBe('Иванова Анна Петровна');
    expect(foldSpaces('a\u200bb')).toBe('a b');
    expect(foldSpaces('\u3000')).toBe('');
  });

  it('returns a clean string as it is', () => {
    const s = 'Иванова Анна Петровна';
    expect(foldSpaces(s)).toBe(s);
  });

  it('equals the plain definition on any mix of spaces and letters', () => {
    fc.assert(fc.property(spacey, (s) => foldSpaces(s) === reference(s)), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 16 }), (s) => foldSpaces(s) === reference(s)), { numRuns: 5000 });
  });

  it('keys and names built on it stay the same', () => {
    expect(normalizeKey(' Ф.И.О.\u00a0 наставника ')).toBe('фио наставника');
    expect(normalizeName('Семёнова  А.\u00a0П.')).toBe('семенова а п');
  });

  it('an initialism reads the same with spaces after its dots', () => {
    expect(normalizeKey('  ф. и. о. ')).toBe('фио');
    expect(normalizeKey('Ф. И. О. наставника')).toBe('фио наставника');
    expect(normalizeKey('Д. р.')).toBe(normalizeKey('Д.р.'));
    // Words stay words: only single letters each with its dot are joined.
    expect(normalizeKey('Макс. наставляемых')).toBe('макс наставляемых');
    expect(normalizeKey('Эл. почта')).toBe('эл почта');
    expect(normalizeKey('Период дорожной карты с')).toBe('период дорожной карты с');
  });
});

describe('numbers in Russian text', () => {
  it('write a decimal comma', () => {
    expect(percent(0.006)).toBe('0,6%');
    expect(percent(0.15)).toBe('15%');
    expect(percent(0.125)).toBe('12,5%');
    expect(decimal(4.8361, 2)).toBe('4,84');
    expect(decimal(0.3, 2)).toBe('0,30');
  });
});
