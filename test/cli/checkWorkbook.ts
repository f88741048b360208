/** Workbooks for the CLI tests, written with exceljs as a curator's Excel file would be. */
import ExcelJS from 'exceljs';

export const CURATOR_FILL = 'FF00B050'; // the curator's own green
export const CURATOR_NOTE = 'уточнить у классного руководителя';

/** Canonical headings; errors on known cells. Returns the path written. */
export async function canonicalBook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const mentors = wb.addWorksheet('Наставники');
  mentors.addRows([
    ['ID', 'ФИО', 'Категория', 'Формы наставничества', 'Макс. наставляемых', 'Email', 'Согласие на обработку ПДн', 'Статус', 'Мои заметки'],
    ['Н-001', 'Иванова Анна Петровна', 'педагог', 'учитель – учитель', 0, 'anna@school.ru', new Date(Date.UTC(2025, 8, 1)), 'активен', 'опытная'],
    ['Н-002', 'Петров Пётр', 'обучающийся', 'ученик – ученик', null, 'petrov@@school', 'да', 'активен', null], // F3 email
    ['Н-003', 'Сидоров Олег', 'педагог', 'педагог – педагог', null, null, null, 'неактивен', null], // G4 no consent
  ]);
  mentors.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: CURATOR_FILL } };
  mentors.getCell('G4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: CURATOR_FILL } };
  mentors.getCell('G4').note = CURATOR_NOTE;
  mentors.getCell('I2').note = 'моя заметка';

  const mentees = wb.addWorksheet('Наставляемые');
  mentees.addRows([
    ['ID', 'ФИО', 'Категория', 'Дата рождения', 'Стаж, лет', 'Форма наставничества', 'Согласие на обработку ПДн', 'Статус'],
    ['Нв-001', 'Смирнов Кирилл', 'обучающийся', '12.03.2011', null, 'ученик – ученик', 'да', 'активен'],
    ['Нв-002', 'Волкова Дарья', 'обучающийся', '32.01.2012', null, 'ученик – ученик', 'да', 'активен'], // D3 bad date
    ['Нв-003', 'Лебедев Артём', 'молодой специалист', new Date(Date.UTC(1985, 0, 1)), 7, 'учитель – учитель', 'да', 'активен'], // D4 age, E4 experience
    ['Нв-004', 'Морозова Ольга', 'обучающийся', '05.05.2013', null, null, null, 'активен'], // G5 consent
  ]);
  // A formula whose value is the name (the cached result is what counts).
  mentees.getCell('B2').value = { formula: '"Смирнов "&"Кирилл"', result: 'Смирнов Кирилл' } as ExcelJS.CellFormulaValue;

  const pairs = wb.addWorksheet('Пары');
  pairs.addRows([
    ['ID', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Дата начала', 'Дата окончания', 'Письменное согласие участников', 'Статус'],
    ['П-001', 'Н-002', 'Нв-001', 'ученик – ученик', '01.09.2026', '31.05.2027', null, 'активна'],
    ['П-002', 'Иванова Анна Петровна', 'Нв-003', 'учитель – учитель', '01.09.2026', '01.06.2026', null, 'активна'], // F3 dates, G3 consent
    ['П-003', 'Н-404', 'Нв-004', 'ученик – ученик', null, null, null, 'формируется'], // B4 unknown mentor, C4 no consent
  ]);
  const settings = wb.addWorksheet('Настройки');
  settings.addRows([
    ['Параметр', 'Значение'],
    ['Макс. наставляемых по умолчанию', 3],
  ]);
  await wb.xlsx.writeFile(path);
}

/** Synonym headings in another order, a renamed tab, a merged group cell. */
export async function synonymBook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const mentors = wb.addWorksheet('Список наставников');
  mentors.addRows([
    ['Ф.И.О.', 'Код', 'Роль', 'Согласие ПДн', 'E-mail'],
    ['Иванова Анна Петровна', 17, 'учитель', '✓', 'anna@school.ru'],
  ]);
  const mentees = wb.addWorksheet('Наставляемые');
  mentees.addRows([
    ['№', 'Фамилия Имя Отчество', 'Роль', 'Д.р.', 'Согласие на обработку персональных данных'],
    ['Нв-1', 'Белова Нина', 'педагог', '01.01.1990', 'да'],
    ['Нв-2', 'Белов Олег', 'педагог', '01.01.1991', 'да'],
  ]);
  const pairs = wb.addWorksheet('Пары');
  pairs.addRows([
    ['№ пары', 'ФИО наставника', 'ФИО наставляемого', 'Форма', 'Статус', 'Согласие участников'],
    ['П-1', 17, 'Нв-1', 'педагог-педагог', 'активна', 'да'],
    ['П-2', null, 'Нв-2', 'педагог-педагог', 'активна', 'да'],
  ]);
  pairs.mergeCells('B2:B3');
  await wb.xlsx.writeFile(path);
}
