/** «Сведения о реализации целевой модели наставничества»: the department report as a document model. */
import type { DocModel, Block } from '../orders/model';
import type { Indicators, PersonalRecord } from './indicators';
import type { Settings } from '../registers/settings';
import { percent } from '../util/text';
import { ruDate as ru } from '../util/dates';

const pct = (x: number | null) => (x === null ? '—' : percent(x));

export function departmentReport(ind: Indicators, personal: readonly PersonalRecord[], settings: Settings, flags: readonly string[]): DocModel {
  const org = settings.orgName ?? settings.orgShortName ?? 'Организация';
  const blocks: Block[] = [
    { type: 'paragraph', runs: [{ text: org, bold: true }], align: 'center' },
    { type: 'paragraph', runs: [{ text: 'Сведения о реализации целевой модели наставничества', bold: true }], align: 'center' },
    { type: 'paragraph', runs: [{ text: `по состоянию на ${ru(ind.asOf)}` }], align: 'center', spaceAfter: 12 },
    { type: 'paragraph', runs: [{ text: '1. Основные показатели', bold: true }] },
    {
      type: 'table',
      header: ['Показатель', 'Значение'],
      rows: [
        ['Численность обучающихся', String(ind.pupils.total ?? '—')],
        ['Вовлечено обучающихся в наставничество', String(ind.pupils.involved)],
        ['Доля вовлечённых обучающихся', pct(ind.pupils.share)],
        [`Целевой показатель на ${ind.asOf.slice(0, 4)} год`, pct(ind.pupils.target)],
        ['Наставников', String(ind.people.mentors)],
        ['Наставляемых', String(ind.people.mentees)],
        ['Наставнических пар и групп: формируется / активно / завершено', `${ind.pairs.forming} / ${ind.pairs.active} / ${ind.pairs.completed}`],
        ['Наставляемых, ожидающих наставника', String(ind.waiting.length)],
        ['Наставников, не прошедших обучение', String(ind.untrainedMentors.length)],
        ['Мероприятий дорожной карты: выполнено / просрочено / всего', `${ind.roadmap.done} / ${ind.roadmap.overdue} / ${ind.roadmap.total}`],
      ],
      widths: [70, 30],
    },
    { type: 'paragraph', runs: [{ text: '2. Формы наставничества', bold: true }] },
    {
      type: 'table',
      header: ['Форма наставничества', 'Пар и групп', 'Наставляемых'],
      rows: Object.entries(ind.byForm).map(([f, v]) => [f, String(v.pairs), String(v.mentees)]),
      widths: [60, 20, 20],
    },
  ];
  if (flags.length) {
    blocks.push({ type: 'paragraph', runs: [{ text: '3. Требует внимания', bold: true }] });
    blocks.push({ type: 'numbered', items: flags.map((f) => [{ text: f }]) });
  }
  blocks.push({ type: 'pageBreak' });
  blocks.push({ type: 'paragraph', runs: [{ text: 'Приложение. Персонифицированный учёт участников программ наставничества', bold: true }], align: 'center' });
  blocks.push({
    type: 'table',
    header: ['№', 'ФИО', 'Роль', 'Категория', 'Форма наставничества', 'Пара / группа', 'Статус', 'Дата начала'],
    rows: personal.map((p, i) => [String(i + 1), p.fullName, p.role, p.category, p.form, p.pairId, p.status, p.startDate ? ru(p.startDate) : '']),
  });
  if (settings.curatorName) {
    blocks.push({ type: 'signature', position: settings.curatorPosition ?? 'Куратор наставничества', name: settings.curatorName });
  }
  return { title: 'Сведения о реализации целевой модели наставничества', fontFamily: settings.fontFamily, fontSize: Math.min(settings.fontSize, 12), blocks };
}
