import { nameCase, shortName, surnameInitials, positionCase, personPhrase, detectGender, parseFullName, dateWords, periodText, inOrganisation } from '../../src/core/orders/russian';

describe('names in cases (petrovich)', () => {
  test.each([
    ['Ахремкина Людмила Михайловна', 'accusative', 'Ахремкину Людмилу Михайловну'],
    ['Ахремкина Людмила Михайловна', 'dative', 'Ахремкиной Людмиле Михайловне'],
    ['Ахремкина Людмила Михайловна', 'instrumental', 'Ахремкиной Людмилой Михайловной'],
    ['Иванов Пётр Сергеевич', 'accusative', 'Иванова Петра Сергеевича'],
    ['Иванов Пётр Сергеевич', 'dative', 'Иванову Петру Сергеевичу'],
    ['Римский-Корсаков Николай Андреевич', 'instrumental', 'Римским-Корсаковым Николаем Андреевичем'],
    ['Петрова-Водкина Мария Ивановна', 'accusative', 'Петрову-Водкину Марию Ивановну'],
    // No patronymic: gender from the first name.
    ['Петрова-Водкина Анна', 'dative', 'Петровой-Водкиной Анне'],
    ['Кузнецов Илья', 'dative', 'Кузнецову Илье'],
    ['Ким Никита', 'accusative', 'Кима Никиту'],
    // Surnames that do not decline for women.
    ['Черных Ольга Петровна', 'dative', 'Черных Ольге Петровне'],
    // Initials.
    ['Кудрявцева Т.Н.', 'dative', 'Кудрявцевой Т.Н.'],
    ['Т. Н. Кудрявцева', 'instrumental', 'Т.Н. Кудрявцевой'],
    ['Смирнов А.', 'accusative', 'Смирнова А.'],
    ['Ахремкина Людмила Михайловна', 'nominative', 'Ахремкина Людмила Михайловна'],
  ] as const)('%s → %s', (name, gcase, expected) => {
    expect(nameCase(name, gcase)).toBe(expected);
  });

  test('gender: patronymic, then first name, then surname', () => {
    expect(detectGender(parseFullName('Мамедов Гейдар Алиевич'))).toBe('male');
    expect(detectGender(parseFullName('Алиева Лейла Гейдар кызы'))).toBe('female');
    expect(detectGender(parseFullName('Сидорова Любовь'))).toBe('female');
    expect(detectGender(parseFullName('Сидоров Игорь'))).toBe('male');
    expect(detectGender(parseFullName('Иванова'))).toBe('female');
    expect(detectGender(parseFullName('Петров'))).toBe('male');
    expect(nameCase('Алиева Лейла Гейдар кызы', 'dative')).toBe('Алиевой Лейле Гейдар кызы');
  });

  test('signatures and lists', () => {
    expect(shortName('Кудрявцева Татьяна Николаевна')).toBe('Т.Н. Кудрявцева');
    expect(shortName('Кудрявцева Татьяна Николаевна', 'dative')).toBe('Т.Н. Кудрявцевой');
    expect(shortName('Кудрявцева Т.Н.')).toBe('Т.Н. Кудрявцева');
    expect(shortName('Ким Никита')).toBe('Н. Ким');
    expect(shortName('Петрова Анна-Мария Олеговна')).toBe('А.-М.О. Петрова');
    expect(surnameInitials('Кудрявцева Татьяна Николаевна')).toBe('Кудрявцева Т.Н.');
  });

  test('positions', () => {
    expect(positionCase('заместитель директора по УВР', 'accusative')).toBe('заместителя директора по УВР');
    expect(positionCase('учитель математики', 'dative')).toBe('учителю математики');
    expect(positionCase('педагог-психолог', 'instrumental')).toBe('педагогом-психологом');
    expect(positionCase('социальный педагог', 'dative')).toBe('социальному педагогу');
    expect(positionCase('старший вожатый', 'accusative')).toBe('старшего вожатого');
    expect(positionCase('учительница начальных классов', 'instrumental')).toBe('учительницей начальных классов');
    expect(positionCase('ЗДУВР', 'accusative')).toBeNull();
    expect(personPhrase('Ахремкина Людмила Михайловна', 'Заместитель директора по УВР', 'accusative')).toBe(
      'Ахремкину Людмилу Михайловну, заместителя директора по УВР',
    );
    expect(personPhrase('Ахремкина Людмила Михайловна', 'ЗДУВР', 'accusative')).toBe('Ахремкину Людмилу Михайловну (ЗДУВР)');
  });

  test('dates', () => {
    expect(dateWords('2021-02-15')).toBe('15 февраля 2021 г.');
    expect(dateWords('2026-05-01')).toBe('1 мая 2026 г.');
    expect(periodText('2026-09-01', '2027-05-31')).toBe('с 01.09.2026 по 31.05.2027');
    expect(periodText(undefined, '2027-05-31')).toBe('по 31.05.2027');
  });
});

describe('inOrganisation', () => {
  it('puts a school name after «в» in the prepositional case', () => {
    expect(inOrganisation('Лицей № 1')).toBe('в Лицее № 1');
    expect(inOrganisation('Средняя школа № 5')).toBe('в Средней школе № 5');
    expect(inOrganisation('Гимназия № 2 г. Азова')).toBe('в Гимназии № 2 г. Азова');
    expect(inOrganisation('Детский сад «Солнышко»')).toBe('в Детском саду «Солнышко»');
    expect(inOrganisation('Педагогический колледж')).toBe('в Педагогическом колледже');
    expect(inOrganisation('школа № 7')).toBe('в школе № 7');
  });
  it('leaves abbreviations, quoted and unknown names as written', () => {
    expect(inOrganisation('МБОУ «Лицей № 1»')).toBe('в МБОУ «Лицей № 1»');
    expect(inOrganisation('СОШ № 5')).toBe('в СОШ № 5');
    expect(inOrganisation('«Лицей № 1»')).toBe('в «Лицей № 1»');
    expect(inOrganisation('ЛИЦЕЙ № 1')).toBe('в ЛИЦЕЙ № 1');
    expect(inOrganisation('Кванториум')).toBe('в Кванториум');
  });
});
