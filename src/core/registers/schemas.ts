/**
 * The registers' fields: the single source of truth (DOMAIN.md «The spreadsheet»).
 * Each field is a zod type carrying its column metadata (canonical heading, synonyms, how a cell
 * is read). Column specs, parsers, setup, forms and validation are all derived from here.
 */
// zod/mini (functional checks, z.optional(t) instead of t.optional()) imported as a namespace:
// esbuild keeps only what is used. Apps Script parses the whole bundle on every execution, and
// `import { z } from 'zod'` would put 790 KB of it there, classic zod's methods ~190 KB, mini ~45 KB.
// Messages shown to the curator are ours (read.ts, forms.ts), made from the issue codes.
import * as z from 'zod/mini';

/** How a raw cell is turned into the field's value. */
export type FieldKind =
  | 'text' // free text, folded spaces
  | 'deadline' // a deadline phrase as text; a date cell or a date serial without a date format reads as its ISO date
  | 'id' // register ID, text
  | 'date' // ISO YYYY-MM-DD
  | 'dateOrYes' // a date or a yes/no mark (consent, training): ISO date, 'yes' or absent
  | 'email'
  | 'phone'
  | 'int'
  | 'list' // several values separated by «;», «,» or new lines
  | 'refs' // references to people: ID or full name, separated by «;» or new lines
  | 'form' // a mentoring form, normalised (see forms.ts)
  | 'enum'; // one of a fixed list (categories, statuses)

export interface FieldMeta {
  kind: FieldKind;
  heading: string;
  synonyms: readonly string[];
  required?: boolean;
  /** Allowed values for 'enum' fields, as written in the sheet (lowercase). */
  options?: readonly string[];
  /** Column width hint for set-up, in pixels. */
  width?: number;
}

/** Registry holding each field's column metadata. */
export const fieldRegistry = z.registry<FieldMeta>();

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

function field<T extends z.ZodMiniType>(type: T, meta: FieldMeta): T {
  fieldRegistry.add(type, meta);
  return type;
}

const text = (meta: Omit<FieldMeta, 'kind'>) => field(z.optional(z.string()), { kind: 'text', ...meta });
const reqText = (meta: Omit<FieldMeta, 'kind'>) =>
  field(z.string().check(z.minLength(1)), { kind: 'text', required: true, ...meta });

export const MENTOR_CATEGORIES = ['педагог', 'обучающийся', 'студент', 'работодатель'] as const;
export const MENTEE_CATEGORIES = ['обучающийся', 'молодой специалист', 'педагог', 'студент'] as const;
export const PERSON_STATUSES = ['активен', 'неактивен', 'выбыл'] as const;
export const PAIR_STATUSES = ['формируется', 'активна', 'завершена', 'расторгнута'] as const;
export const ROADMAP_STATUSES = ['не начато', 'в работе', 'выполнено'] as const;

export type MentorCategory = (typeof MENTOR_CATEGORIES)[number];
export type MenteeCategory = (typeof MENTEE_CATEGORIES)[number];
export type PairStatus = (typeof PAIR_STATUSES)[number];
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

const common = {
  email: field(z.optional(z.string()), {
    kind: 'email',
    heading: 'Email',
    synonyms: ['E-mail', 'Эл. почта', 'Электронная почта', 'Почта'],
  }),
  phone: field(z.optional(z.string()), {
    kind: 'phone',
    heading: 'Телефон',
    synonyms: ['Контактный телефон'],
  }),
  consentDate: field(z.optional(z.union([isoDate, z.literal('yes')])), {
    kind: 'dateOrYes',
    heading: 'Согласие на обработку ПДн',
    synonyms: ['Согласие на обработку персональных данных', 'Согласие ПДн', 'Согласие на обработку ПД'],
  }),
  joinedDate: field(z.optional(isoDate), {
    kind: 'date',
    heading: 'Дата вхождения в программу',
    synonyms: ['Дата вступления', 'Дата включения'],
  }),
  status: field(z.optional(z.enum(PERSON_STATUSES)), {
    kind: 'enum',
    heading: 'Статус',
    synonyms: ['Активен'],
    options: PERSON_STATUSES,
  }),
};

export const mentorSchema = z.object({
  id: field(z.string().check(z.minLength(1)), { kind: 'id', heading: 'ID', synonyms: ['Код', '№'], required: true }),
  fullName: reqText({
    heading: 'ФИО',
    synonyms: ['Ф.И.О.', 'Фамилия Имя Отчество', 'ФИО наставника'],
    width: 240,
  }),
  category: field(z.enum(MENTOR_CATEGORIES), {
    kind: 'enum',
    heading: 'Категория',
    synonyms: ['Роль', 'Статус участника'],
    required: true,
    options: MENTOR_CATEGORIES,
  }),
  organization: text({ heading: 'Место работы / учёбы', synonyms: ['Место работы', 'Организация', 'ОО'] }),
  position: text({ heading: 'Должность / класс', synonyms: ['Должность', 'Класс'] }),
  competencies: field(z.optional(z.array(z.string())), {
    kind: 'list',
    heading: 'Компетенции',
    synonyms: ['Основные компетенции', 'Компетенции наставника', 'Специализация', 'Предмет'],
    width: 260,
  }),
  interests: field(z.optional(z.array(z.string())), {
    kind: 'list',
    heading: 'Интересы',
    synonyms: ['Интересы наставника', 'Хобби'],
  }),
  forms: field(z.optional(z.array(z.string())), {
    kind: 'form',
    heading: 'Формы наставничества',
    synonyms: ['Форма наставничества', 'Формы'],
    width: 200,
  }),
  capacity: field(z.optional(z.number().check(z.int(), z.minimum(0))), {
    kind: 'int',
    heading: 'Макс. наставляемых',
    synonyms: ['Максимум наставляемых', 'Лимит наставляемых'],
  }),
  preferredAge: text({ heading: 'Желаемый возраст наставляемых', synonyms: ['Возраст наставляемых'] }),
  email: common.email,
  phone: common.phone,
  consentDate: common.consentDate,
  trainedDate: field(z.optional(z.union([isoDate, z.literal('yes')])), {
    kind: 'dateOrYes',
    heading: 'Обучение наставников',
    synonyms: ['Прошёл обучение', 'Школа наставника', 'Обучение'],
  }),
  joinedDate: common.joinedDate,
  status: common.status,
});

export const menteeSchema = z.object({
  id: field(z.string().check(z.minLength(1)), { kind: 'id', heading: 'ID', synonyms: ['Код', '№'], required: true }),
  fullName: reqText({
    heading: 'ФИО',
    synonyms: ['Ф.И.О.', 'Фамилия Имя Отчество', 'ФИО наставляемого'],
    width: 240,
  }),
  category: field(z.enum(MENTEE_CATEGORIES), {
    kind: 'enum',
    heading: 'Категория',
    synonyms: ['Роль', 'Статус участника'],
    required: true,
    options: MENTEE_CATEGORIES,
  }),
  organization: text({ heading: 'Место работы / учёбы', synonyms: ['Место работы', 'Организация', 'ОО'] }),
  grade: text({ heading: 'Класс / должность', synonyms: ['Класс', 'Группа', 'Должность'] }),
  birthDate: field(z.optional(isoDate), { kind: 'date', heading: 'Дата рождения', synonyms: ['Д.р.', 'ДР'] }),
  experienceYears: field(z.optional(z.number().check(z.int(), z.minimum(0))), {
    kind: 'int',
    heading: 'Стаж, лет',
    synonyms: ['Педагогический стаж', 'Стаж'],
  }),
  request: field(z.optional(z.string()), {
    kind: 'text',
    heading: 'Запрос',
    synonyms: ['Ключевой запрос', 'Запрос наставляемого', 'Ожидания'],
    width: 260,
  }),
  form: field(z.optional(z.string()), {
    kind: 'form',
    heading: 'Форма наставничества',
    synonyms: ['Желаемая форма', 'Форма'],
    width: 200,
  }),
  preferredMentor: field(z.optional(z.string()), {
    kind: 'text',
    heading: 'Желаемый наставник',
    synonyms: ['Предпочитаемый наставник'],
  }),
  email: common.email,
  phone: common.phone,
  consentDate: common.consentDate,
  joinedDate: common.joinedDate,
  status: common.status,
});

export const pairSchema = z.object({
  id: field(z.string().check(z.minLength(1)), { kind: 'id', heading: 'ID', synonyms: ['№ пары', 'Код пары'], required: true }),
  mentor: field(z.string().check(z.minLength(1)), {
    kind: 'refs',
    heading: 'Наставник',
    synonyms: ['ФИО наставника', 'ID наставника'],
    required: true,
    width: 220,
  }),
  mentees: field(z.array(z.string()).check(z.minLength(1)), {
    kind: 'refs',
    heading: 'Наставляемые',
    synonyms: ['Наставляемый', 'ФИО наставляемого', 'ID наставляемых', 'ФИО наставляемых'],
    required: true,
    width: 260,
  }),
  form: field(z.optional(z.string()), {
    kind: 'form',
    heading: 'Форма наставничества',
    synonyms: ['Форма'],
    width: 200,
  }),
  program: text({ heading: 'Программа', synonyms: ['Персонализированная программа'] }),
  startDate: field(z.optional(isoDate), { kind: 'date', heading: 'Дата начала', synonyms: ['Начало'] }),
  endDate: field(z.optional(isoDate), {
    kind: 'date',
    heading: 'Дата окончания',
    synonyms: ['Окончание', 'Дата завершения'],
  }),
  consent: field(z.optional(z.union([isoDate, z.literal('yes'), z.literal('no')])), {
    kind: 'dateOrYes',
    heading: 'Письменное согласие участников',
    synonyms: ['Согласие участников'],
  }),
  order: text({ heading: 'Приказ', synonyms: ['Приказ №', 'Реквизиты приказа'] }),
  status: field(z.optional(z.enum(PAIR_STATUSES)), {
    kind: 'enum',
    heading: 'Статус',
    synonyms: [],
    options: PAIR_STATUSES,
  }),
  result: text({ heading: 'Результаты', synonyms: ['Итоги', 'Ссылка на кейс / отзыв', 'Ссылка на кейс'] }),
});

export const roadmapItemSchema = z.object({
  number: text({ heading: '№ п/п', synonyms: ['№', 'Номер'] }),
  section: text({ heading: 'Раздел', synonyms: ['Этап'] }),
  title: reqText({
    heading: 'Мероприятие',
    synonyms: ['Наименование мероприятий', 'Наименование мероприятия', 'Наименование этапа', 'Содержание деятельности'],
    width: 320,
  }),
  details: text({ heading: 'Содержание мероприятия', synonyms: ['Содержание', 'Описание'], width: 320 }),
  deadline: field(z.optional(z.string()), {
    kind: 'deadline',
    heading: 'Срок',
    synonyms: ['Сроки', 'Срок реализации', 'Срок исполнения', 'Сроки проведения'],
    width: 180,
  }),
  responsible: text({
    heading: 'Ответственный',
    synonyms: ['Ответственные исполнители', 'Ответственный за исполнение', 'Ответственный исполнитель', 'Ответственные'],
    width: 200,
  }),
  result: text({ heading: 'Результат', synonyms: ['Результат. Вид документа', 'Примечание', 'Вид документа'], width: 220 }),
  status: field(z.optional(z.enum(ROADMAP_STATUSES)), {
    kind: 'enum',
    heading: 'Статус',
    synonyms: ['Отметка о выполнении'],
    options: ROADMAP_STATUSES,
  }),
  doneDate: field(z.optional(isoDate), { kind: 'date', heading: 'Дата выполнения', synonyms: ['Выполнено'] }),
});

export type Mentor = z.infer<typeof mentorSchema>;
export type Mentee = z.infer<typeof menteeSchema>;
export type Pair = z.infer<typeof pairSchema>;
export type RoadmapItem = z.infer<typeof roadmapItemSchema>;

/** The register tabs and their schemas, by canonical tab name. */
export const REGISTERS = {
  mentors: { sheet: 'Наставники', schema: mentorSchema, idPrefix: 'Н-' },
  mentees: { sheet: 'Наставляемые', schema: menteeSchema, idPrefix: 'Нв-' },
  pairs: { sheet: 'Пары', schema: pairSchema, idPrefix: 'П-' },
  roadmap: { sheet: 'Дорожная карта', schema: roadmapItemSchema, idPrefix: '' },
} as const;

export type RegisterKey = keyof typeof REGISTERS;

export const SHEET_NAMES = {
  mentors: 'Наставники',
  mentees: 'Наставляемые',
  pairs: 'Пары',
  roadmap: 'Дорожная карта',
  settings: 'Настройки',
  orders: 'Журнал приказов',
  monitoring: 'Мониторинг',
} as const;

export interface ColumnSpec {
  field: string;
  meta: FieldMeta;
}

/** The columns of a register in canonical order, derived from its schema. */
export function columnsOf(schema: z.ZodMiniObject): ColumnSpec[] {
  return Object.entries(schema.shape).map(([name, type]) => {
    const meta = fieldRegistry.get(type as z.ZodMiniType);
    if (!meta) throw new Error(`field ${name} has no column metadata`);
    return { field: name, meta };
  });
}
