/** Small school registers for the department review tests (no personal data beyond invented names). */
import type { CellValue } from '../../src/app/port';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface SchoolSpec {
  shortName: string;
  pupils: number | null;
  /** e.g. '10%' */
  target: string;
  /** Active pairs: a pupil mentor and two pupil mentees each (3 pupils involved per pair). */
  pairs: number;
  /** Roadmap deadlines not done ('до 01.10.2026' is overdue on 2026-11-22). */
  overdueItems?: number;
}

/** Tabs of one school: mentors, mentees, pairs, settings, roadmap. */
export function schoolTabs(spec: SchoolSpec): Record<string, CellValue[][]> {
  const mentors: CellValue[][] = [['ID', 'ФИО', 'Категория', 'Согласие на обработку ПДн', 'Обучение наставников']];
  const mentees: CellValue[][] = [['ID', 'ФИО', 'Категория', 'Согласие на обработку ПДн', 'Дата вхождения в программу']];
  const pairs: CellValue[][] = [['ID', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Статус']];
  for (let p = 1; p <= spec.pairs; p++) {
    mentors.push([`Н-${p}`, `Старшеклассник${p} Иван Петрович`, 'обучающийся', d('2026-09-01'), d('2026-09-10')]);
    mentees.push([`Нв-${2 * p - 1}`, `Ученик${2 * p - 1} Пётр Ильич`, 'обучающийся', d('2026-09-01'), d('2026-09-05')]);
    mentees.push([`Нв-${2 * p}`, `Ученик${2 * p} Анна Олеговна`, 'обучающийся', d('2026-09-01'), d('2026-09-05')]);
    pairs.push([`П-${p}`, `Н-${p}`, `Нв-${2 * p - 1}; Нв-${2 * p}`, 'ученик – ученик', 'активна']);
  }
  const settings: CellValue[][] = [
    ['Параметр', 'Значение'],
    ['Краткое наименование', spec.shortName],
    ['Цель 2026', spec.target],
  ];
  if (spec.pupils !== null) settings.push(['Численность обучающихся', spec.pupils]);
  const roadmap: CellValue[][] = [['№ п/п', 'Мероприятие', 'Срок', 'Статус']];
  roadmap.push(['1', 'Назначение куратора', 'до 15.09.2026', 'выполнено']);
  for (let i = 0; i < (spec.overdueItems ?? 0); i++) roadmap.push([String(i + 2), `Мероприятие ${i + 2}`, 'до 01.10.2026', 'в работе']);
  return { Наставники: mentors, Наставляемые: mentees, Пары: pairs, Настройки: settings, 'Дорожная карта': roadmap };
}
