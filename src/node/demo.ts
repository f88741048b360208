/**
 * The demo workbook the local preview opens when no --workbook is given: a lyceum's registers as
 * a curator keeps them, with a few deliberate mistakes for «Проверить реестры» to find:
 * - Нв-9 has no consent to personal data processing (and is in pair П-4);
 * - Н-3 has a malformed e-mail;
 * - Нв-18 is Нв-3 entered twice (same name and birth date);
 * - pair П-5 names «Комаров Илья Сергеевич», who is in no register;
 * - Н-2 may lead 2 mentees but has 3 in active pairs (П-2, П-6).
 * The mentees tab uses the curator's own headings (synonyms) to show matching by meaning.
 * The school year is 2026/27 (today's date in the tests is 2026-11-22); the roadmap is a real one,
 * imported through the add-on's importer, with some items done, some overdue, some due soon.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppContext } from '../app/context';
import type { CellValue } from '../app/port';
import { writeImportedRoadmap } from '../app/roadmap/importSheet';
import { importRoadmapText } from '../core/roadmap/import';
import { columnsOf, mentorSchema, pairSchema, roadmapItemSchema, SHEET_NAMES } from '../core/registers/schemas';
import { XlsxWorkbook } from './xlsxWorkbook';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const ORG = 'МБОУ "Лицей № 2"';

const MENTORS: CellValue[][] = [
  // id, ФИО, категория, место, должность/класс, компетенции, интересы, формы, макс, возраст, email, телефон, согласие, обучение, вхождение, статус
  ['Н-1', 'Кузнецова Ольга Викторовна', 'педагог', ORG, 'учитель математики', 'математика; подготовка к олимпиадам', 'шахматы; туризм', 'учитель – учитель', 3, '', 'kuznetsova.ov@licey2-tmb.ru', '+7 (910) 555-12-01', d('2026-09-03'), d('2026-09-20'), d('2026-09-10'), 'активен'],
  ['Н-2', 'Белов Андрей Николаевич', 'педагог', ORG, 'учитель физики', 'физика; робототехника', 'радиоэлектроника', 'учитель – учитель', 2, '', 'belov.an@licey2-tmb.ru', '+7 (910) 555-12-02', d('2026-09-03'), d('2026-09-20'), d('2026-09-10'), 'активен'],
  ['Н-3', 'Морозова Татьяна Ивановна', 'педагог', ORG, 'учитель русского языка и литературы', 'русский язык; литература; ОГЭ', 'театр', 'учитель – учитель', 2, '', 'morozova.ti.licey2-tmb.ru', '+7 (910) 555-12-03', d('2026-09-04'), 'да', d('2026-09-10'), 'активен'],
  ['Н-4', 'Соколов Дмитрий Алексеевич', 'обучающийся', ORG, '11 «А» класс', 'информатика; программирование на Python', 'олимпиадное программирование', 'ученик – ученик', 2, '12–15 лет', '', '+7 (915) 320-44-10', d('2026-09-08'), d('2026-10-02'), d('2026-09-15'), 'активен'],
  ['Н-5', 'Лебедева Анастасия Павловна', 'обучающийся', ORG, '10 «Б» класс', 'английский язык; дебаты', 'волонтёрство; музыка', 'ученик – ученик', 2, '11–14 лет', '', '+7 (915) 320-44-11', d('2026-09-08'), d('2026-10-02'), d('2026-09-15'), 'активен'],
  ['Н-6', 'Новиков Игорь Сергеевич', 'студент', 'ФГБОУ ВО «ТГУ им. Г. Р. Державина»', 'студент 3 курса', 'химия; биология', 'походы', 'студент – ученик', 2, '13–16 лет', 'novikov.is@example.ru', '+7 (920) 231-77-05', d('2026-09-12'), d('2026-10-05'), d('2026-09-20'), 'активен'],
  ['Н-7', 'Григорьева Светлана Юрьевна', 'работодатель', 'ООО «ТехноПарк-Т»', 'ведущий инженер-программист', 'программирование; профориентация', 'фотография', 'работодатель – ученик', 3, '14–17 лет', 'grigoreva.sy@technopark-t.ru', '+7 (4752) 55-01-17', d('2026-09-15'), 'да', d('2026-09-25'), 'активен'],
  ['Н-8', 'Павлова Наталья Геннадьевна', 'педагог', ORG, 'учитель начальных классов', 'методика начального обучения; классное руководство', 'рукоделие', 'учитель – учитель', 3, '', 'pavlova.ng@licey2-tmb.ru', '+7 (910) 555-12-08', d('2026-09-03'), d('2026-09-20'), d('2026-09-10'), 'активен'],
  ['Н-9', 'Зайцев Константин Олегович', 'педагог', ORG, 'учитель истории и обществознания', 'история; обществознание; проектная деятельность', 'краеведение', 'учитель – учитель', 2, '', 'zaitsev.ko@licey2-tmb.ru', '+7 (910) 555-12-09', d('2026-09-05'), '', d('2026-09-10'), 'активен'],
  ['Н-10', 'Волкова Екатерина Андреевна', 'обучающийся', ORG, '11 «Б» класс', 'биология; подготовка к ЕГЭ', 'волонтёрство', 'ученик – ученик', 1, '12–14 лет', '', '+7 (915) 320-44-12', d('2026-09-09'), d('2026-10-02'), d('2026-09-15'), 'активен'],
  ['Н-11', 'Фёдоров Артём Викторович', 'студент', 'ФГБОУ ВО «ТГТУ»', 'студент 2 курса', 'робототехника; 3D-моделирование', 'киберспорт', 'студент – ученик', 2, '12–16 лет', 'fedorov.av@example.ru', '+7 (920) 231-77-06', d('2026-09-18'), '', d('2026-09-25'), 'активен'],
  ['Н-12', 'Ершова Людмила Петровна', 'педагог', ORG, 'педагог-психолог', 'психологическое сопровождение; адаптация', 'йога', 'учитель – учитель', 2, '', 'ershova.lp@licey2-tmb.ru', '+7 (910) 555-12-12', d('2026-09-03'), d('2026-09-20'), d('2026-09-10'), 'неактивен'],
];

/** The curator's own headings for mentees (synonyms of the canonical ones) and a column of her own. */
const MENTEE_HEADER = [
  'ID', 'Ф.И.О.', 'Категория', 'ОО', 'Класс', 'Д.р.', 'Стаж', 'Ключевой запрос', 'Желаемая форма',
  'Предпочитаемый наставник', 'E-mail', 'Телефон', 'Согласие ПДн', 'Дата вступления', 'Статус',
  'Комментарий классного руководителя',
];

const pupil = (id: string, name: string, grade: string, born: string, request: string, form: string, consent: string | null, note = ''): CellValue[] => [
  id, name, 'обучающийся', ORG, grade, d(born), null, request, form, '', '', '', consent ? d(consent) : null, d('2026-09-15'), 'активен', note,
];

const MENTEES: CellValue[][] = [
  pupil('Нв-1', 'Алексеев Максим Игоревич', '7 «А»', '2013-03-14', 'подтянуть математику, олимпиада', 'ученик – ученик', '2026-09-05'),
  pupil('Нв-2', 'Васильева Полина Андреевна', '7 «А»', '2013-06-02', 'программирование, первые проекты', 'ученик – ученик', '2026-09-05'),
  pupil('Нв-3', 'Смирнова Дарья Алексеевна', '6 «Б»', '2014-01-21', 'английский язык', 'ученик – ученик', '2026-09-06'),
  pupil('Нв-4', 'Киселёв Тимофей Денисович', '8 «В»', '2012-11-30', 'профориентация, IT', 'работодатель – ученик', '2026-09-06'),
  pupil('Нв-5', 'Орлова Виктория Олеговна', '9 «А»', '2011-08-17', 'выбор профессии, программирование', 'работодатель – ученик', '2026-09-07'),
  pupil('Нв-6', 'Жуков Арсений Павлович', '5 «Б»', '2015-02-09', 'адаптация в новом классе', 'ученик – ученик', '2026-09-07', 'перешёл из другой школы'),
  pupil('Нв-7', 'Медведева Софья Ильинична', '8 «А»', '2012-04-25', 'химия, исследовательский проект', 'студент – ученик', '2026-09-08'),
  pupil('Нв-8', 'Никитин Глеб Сергеевич', '6 «А»', '2014-09-12', 'робототехника', 'студент – ученик', '2026-09-08'),
  pupil('Нв-9', 'Тихонов Егор Романович', '8 «Б»', '2012-07-03', 'биология, подготовка к олимпиаде', 'студент – ученик', null, 'согласие родители не вернули'),
  pupil('Нв-10', 'Козлова Алиса Викторовна', '7 «Б»', '2013-12-19', 'английский язык, дебаты', 'ученик – ученик', '2026-09-09'),
  pupil('Нв-11', 'Морозов Иван Константинович', '9 «Б»', '2011-05-28', 'подготовка к ОГЭ по информатике', 'ученик – ученик', '2026-09-09'),
  pupil('Нв-12', 'Егорова Мария Дмитриевна', '5 «А»', '2015-03-07', 'чтение, адаптация', 'ученик – ученик', '2026-09-10'),
  pupil('Нв-13', 'Степанов Кирилл Андреевич', '8 «В»', '2012-10-01', '3D-моделирование', 'студент – ученик', '2026-09-10'),
  pupil('Нв-14', 'Ковалёва Ева Максимовна', '6 «В»', '2014-08-15', 'биология, экология', 'ученик – ученик', '2026-09-11'),
  pupil('Нв-15', 'Романов Лев Артёмович', '7 «В»', '2013-01-26', 'шахматы, математика', 'ученик – ученик', '2026-09-11'),
  pupil('Нв-16', 'Андреева Ульяна Сергеевна', '9 «В»', '2011-11-11', 'профориентация', 'работодатель – ученик', '2026-09-12'),
  pupil('Нв-17', 'Макаров Даниил Евгеньевич', '6 «Б»', '2014-05-05', 'низкая мотивация к учёбе', 'ученик – ученик', '2026-09-12'),
  // The same girl as Нв-3, entered twice.
  pupil('Нв-18', 'Смирнова Дарья Алексеевна', '6 «Б»', '2014-01-21', 'английский язык', 'ученик – ученик', '2026-09-13'),
  pupil('Нв-19', 'Белова Анна Романовна', '8 «А»', '2012-02-14', 'химия', 'студент – ученик', '2026-09-13'),
  pupil('Нв-20', 'Захаров Марк Ильич', '5 «В»', '2015-07-22', 'адаптация, режим дня', 'ученик – ученик', '2026-09-14'),
  ['Нв-21', 'Кириллова Алина Дмитриевна', 'молодой специалист', ORG, 'учитель английского языка', d('2001-04-10'), 1, 'дисциплина на уроке, работа с родителями', 'учитель – учитель', 'Кузнецова Ольга Викторовна', 'kirillova.ad@licey2-tmb.ru', '+7 (910) 555-13-21', d('2026-09-02'), d('2026-09-10'), 'активен', ''],
  ['Нв-22', 'Рябов Денис Олегович', 'молодой специалист', ORG, 'учитель физики', d('2000-09-23'), 2, 'лабораторные работы, ОГЭ по физике', 'учитель – учитель', 'Белов Андрей Николаевич', 'ryabov.do@licey2-tmb.ru', '+7 (910) 555-13-22', d('2026-09-02'), d('2026-09-10'), 'активен', ''],
  ['Нв-23', 'Ситникова Вера Павловна', 'молодой специалист', ORG, 'учитель информатики', d('2002-12-01'), 0, 'планирование уроков, электронный журнал', 'учитель – учитель', '', 'sitnikova.vp@licey2-tmb.ru', '+7 (910) 555-13-23', d('2026-09-02'), d('2026-09-10'), 'активен', ''],
  ['Нв-24', 'Полякова Ирина Николаевна', 'педагог', ORG, 'учитель технологии', d('1988-03-30'), 6, 'новая предметная область: робототехника', 'учитель – учитель', 'Белов Андрей Николаевич', 'polyakova.in@licey2-tmb.ru', '+7 (910) 555-13-24', d('2026-09-04'), d('2026-09-10'), 'активен', ''],
  ['Нв-25', 'Гусева Ксения Романовна', 'молодой специалист', ORG, 'учитель химии', d('2001-10-18'), 1, 'подготовка к ЕГЭ по химии', 'учитель – учитель', '', 'guseva.kr@licey2-tmb.ru', '+7 (910) 555-13-25', d('2026-09-04'), d('2026-09-10'), 'активен', ''],
];

const PAIRS: CellValue[][] = [
  // id, наставник, наставляемые, форма, программа, начало, окончание, согласие, приказ, статус, результаты
  ['П-1', 'Кузнецова Ольга Викторовна', 'Кириллова Алина Дмитриевна', 'учитель – учитель', 'Адаптация молодого специалиста', d('2026-10-01'), d('2027-05-31'), d('2026-09-25'), '№ 112-о от 01.10.2026', 'активна', ''],
  ['П-2', 'Н-2', 'Нв-22; Нв-23', 'учитель – учитель', 'Методика преподавания естественных наук', d('2026-10-01'), d('2027-05-31'), d('2026-09-25'), '№ 112-о от 01.10.2026', 'активна', ''],
  ['П-3', 'Соколов Дмитрий Алексеевич', 'Алексеев Максим Игоревич\nВасильева Полина Андреевна', 'ученик – ученик', 'Первые шаги в программировании', d('2026-10-15'), d('2027-05-25'), d('2026-10-10'), '№ 118-о от 15.10.2026', 'активна', ''],
  ['П-4', 'Н-6', 'Нв-9', 'студент – ученик', 'Исследовательский проект по биологии', d('2026-11-01'), d('2027-05-25'), null, '', 'формируется', ''],
  ['П-5', 'Григорьева Светлана Юрьевна', 'Орлова Виктория Олеговна; Комаров Илья Сергеевич', 'работодатель – ученик', 'Профессия программиста изнутри', d('2026-11-01'), d('2027-04-30'), d('2026-10-28'), '', 'формируется', ''],
  ['П-6', 'Белов Андрей Николаевич', 'Полякова Ирина Николаевна', 'учитель – учитель', 'Робототехника на уроках технологии', d('2026-11-10'), d('2027-05-31'), d('2026-11-05'), '', 'активна', ''],
];

const SETTINGS: CellValue[][] = [
  ['Параметр', 'Значение'],
  ['Полное наименование организации', 'Муниципальное бюджетное общеобразовательное учреждение "Лицей № 2"'],
  ['Краткое наименование', ORG],
  ['Место составления', 'г. Тамбов'],
  ['Должность руководителя', 'Директор'],
  ['ФИО руководителя', 'Смирнова Елена Викторовна'],
  ['Куратор', 'Орлова Марина Сергеевна'],
  ['Должность куратора', 'заместитель директора по воспитательной работе'],
  ['Email куратора', 'orlova.ms@licey2-tmb.ru'],
  ['Начало периода', d('2026-09-01')],
  ['Окончание периода', d('2027-08-31')],
  ['Численность обучающихся', 800],
  ['Цель 2026', '40%'],
  ['Цель 2027', '50%'],
  ['Макс. наставляемых по умолчанию', 3],
  ['Горизонт «скоро», дней', 14],
  ['Префикс номера приказа', 'о'],
];

/**
 * The roadmap is not typed here: it is a real lyceum roadmap (a copy of
 * ../shared/fixtures/roadmaps/lyceum-2020-2024.txt, so a fresh clone has it) imported through the
 * add-on's own importer, as a curator would paste it. Its deadlines are months without a year, so
 * they fall into the demo's period (the current school year, «Настройки»).
 * Same file name as the shared fixture.
 */
export const DEMO_ROADMAP_FILE = 'lyceum-2020-2024.txt';

/** src/node/demo/ beside this module, or from dist-node/ the same folder in the package's src/. */
export function demoRoadmapPath(): string {
  const candidates = [join(__dirname, 'demo', DEMO_ROADMAP_FILE), join(__dirname, '..', 'src', 'node', 'demo', DEMO_ROADMAP_FILE)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Нет файла демонстрационной дорожной карты ${DEMO_ROADMAP_FILE} (искали: ${candidates.join(', ')}).`);
  return found;
}

/**
 * What the curator has marked done so far (the start of a title, or the whole title where two
 * start alike). The rest is left as imported: overdue, soon, in progress and future items mixed.
 */
const ROADMAP_PROGRESS: Array<[title: string, status: string, doneDate: string | null]> = [
  ['Информирование педагогического коллектива', 'выполнено', '2026-09-04'],
  ['Информирование родительского сообщества', 'выполнено', '2026-09-18'],
  ['Встреча с сообществом выпускников', 'в работе', null],
  ['Информирование обучающихся лицея', 'выполнено', '2026-09-11'],
  ['Подготовка нормативной базы', 'выполнено', '2026-10-12'],
  ['Создать организационные условия', 'выполнено', '2026-09-30'],
  ['Создание дорожной карты', 'выполнено', '2026-10-05'],
  ['Проведение мониторинга по выявлению', 'выполнено', '2026-10-20'],
  ['Разработка методики анкетирования', 'в работе', null],
  ['Организация информационного освещения', 'выполнено', '2026-10-28'],
  ['Разработка программно-методических', 'выполнено', '2026-10-30'],
  ['Проведение опроса среди педагогов', 'выполнено', '2026-09-25'],
  ['Сбор согласий на сбор и обработку персональных данных', 'выполнено', '2026-10-15'],
  ['Формирование базы наставников', 'в работе', null],
  ['Сбор данных о наставляемых', 'выполнено', '2026-10-16'],
  ['Проведение опроса среди обучающихся', 'выполнено', '2026-10-09'],
  // Нв-9's parents have not returned the consent yet.
  ['Сбор согласий на сбор и обработку персональных данных участников', 'в работе', null],
  ['Проведение анкетирования на предмет', 'выполнено', '2026-10-23'],
  ['Анализ анкет групповой встречи', 'выполнено', '2026-10-30'],
  ['Подготовить методические материалы', 'выполнено', '2026-10-27'],
];

/** The item the curator coloured herself (its deadline cell), to show the add-on keeps it. */
export const ROADMAP_CURATOR_MARK = {
  title: 'Встреча с сообществом выпускников',
  background: '#cfe2f3',
  note: 'Перенесли на декабрь: ждём ответа ООО «ТехноПарк-Т»',
};

/** Rows (0-based, header = 0) of the roadmap tab by the spec's title: exact, else a unique prefix. */
function roadmapRow(titles: string[], spec: string): number {
  const exact = titles.indexOf(spec);
  if (exact >= 0) return exact;
  const starts = titles.flatMap((t, i) => (t.startsWith(spec) ? [i] : []));
  if (starts.length !== 1) throw new Error(`Демонстрационная дорожная карта: «${spec}» найдено строк: ${starts.length}.`);
  return starts[0];
}

/** Imports the lyceum roadmap into the demo workbook and marks the curator's progress. */
function importDemoRoadmap(wb: XlsxWorkbook): void {
  const imported = importRoadmapText(readFileSync(demoRoadmapPath(), 'utf8'));
  // The settings already hold this school year's period and targets; the fixture's 2020–2024
  // targets would only add rows of years outside it.
  const ctx: AppContext = { wb, today: () => '2026-09-01' };
  writeImportedRoadmap(ctx, { ...imported, targets: imported.targets.filter((t) => t.year >= 2026) });
  const cols = columnsOf(roadmapItemSchema).map((c) => c.field);
  const titleCol = cols.indexOf('title');
  const statusCol = cols.indexOf('status');
  const deadlineCol = cols.indexOf('deadline');
  const titles = wb.readSheet(SHEET_NAMES.roadmap)!.values.map((r) => String(r[titleCol] ?? ''));
  const marks = new Map(ROADMAP_PROGRESS.map(([title, status, done]) => [roadmapRow(titles, title), [status, done ? d(done) : null] as CellValue[]]));
  const block: CellValue[][] = titles.slice(1).map((_, i) => marks.get(i + 1) ?? ['', null]);
  wb.writeValues(SHEET_NAMES.roadmap, 1, statusCol, block);
  wb.writeDecorations(SHEET_NAMES.roadmap, { row: roadmapRow(titles, ROADMAP_CURATOR_MARK.title), col: deadlineCol, rows: 1, cols: 1 }, {
    backgrounds: [[ROADMAP_CURATOR_MARK.background]],
    notes: [[ROADMAP_CURATOR_MARK.note]],
  });
}

function headings(schema: Parameters<typeof columnsOf>[0]): string[] {
  return columnsOf(schema).map((c) => c.meta.heading);
}

function widths(schema: Parameters<typeof columnsOf>[0]): Array<{ col: number; width: number }> {
  return columnsOf(schema).map((c, col) => ({ col, width: c.meta.width ?? 140 }));
}

function addTab(wb: XlsxWorkbook, name: string, header: string[], rows: CellValue[][], colWidths: Array<{ col: number; width: number }>): void {
  wb.createSheet(name, header);
  if (rows.length) wb.writeValues(name, 1, 0, rows);
  // Only widths: validation and formats are what «Настроить таблицу» adds.
  wb.setupSheet(name, { columns: colWidths });
}

/** The demo lyceum's workbook, in memory. */
export function buildDemoWorkbook(path: string | null = null): XlsxWorkbook {
  const wb = XlsxWorkbook.create(path);
  addTab(wb, SHEET_NAMES.mentors, headings(mentorSchema), MENTORS, widths(mentorSchema));
  addTab(
    wb,
    SHEET_NAMES.mentees,
    MENTEE_HEADER,
    MENTEES,
    MENTEE_HEADER.map((h, col) => ({ col, width: /Ф\.И\.О|запрос|Комментарий/.test(h) ? 240 : 130 })),
  );
  addTab(wb, SHEET_NAMES.pairs, headings(pairSchema), PAIRS, widths(pairSchema));
  addTab(wb, SHEET_NAMES.roadmap, headings(roadmapItemSchema), [], widths(roadmapItemSchema));
  addTab(wb, SHEET_NAMES.settings, SETTINGS[0] as string[], SETTINGS.slice(1), [
    { col: 0, width: 280 },
    { col: 1, width: 460 },
  ]);
  // The curator's own marks, which the add-on must leave alone.
  wb.writeDecorations(SHEET_NAMES.mentors, { row: 12, col: 15, rows: 1, cols: 1 }, {
    backgrounds: [['#d9d9d9']],
    notes: [['В отпуске по уходу за ребёнком до сентября 2027 г.']],
  });
  wb.writeDecorations(SHEET_NAMES.mentees, { row: 6, col: 1, rows: 1, cols: 1 }, {
    backgrounds: [['#fff2cc']],
    notes: [['Личное дело запрошено из школы № 14']],
  });
  // After «Настройки»: the import keeps the period set there.
  importDemoRoadmap(wb);
  return wb;
}

/** Creates the demo workbook file on first run; returns its path. */
export async function ensureDemoWorkbook(path: string): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  await buildDemoWorkbook(path).save(path);
  return path;
}
