/** «Сведения о реализации целевой модели наставничества»: the department report as a document model. */
import type { DocModel, Block, TextRun } from '../orders/model';
import type { Indicators, PersonalRecord } from './indicators';
import type { Settings } from '../registers/settings';
import { percent, plural } from '../util/text';
import { ruDate as ru } from '../util/dates';
import { dateWords, shortName } from '../orders/russian';

export const REPORT_TITLE = 'Сведения о реализации целевой модели наставничества';

const pct = (x: number | null) => (x === null ? '—' : percent(x));
const bold = (text: string): TextRun[] => [{ text, bold: true }];
/** A remark as a list item: capital first letter, full stop (the flags are lower-case phrases). */
const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

// Cells are single lines that wrap. (A line break would cost no Google Docs call a row: the
// renderer fills a table in one call and keeps "\n" as a line break inside the cell's paragraph.)

/** «наставляемый, обучающийся, 7 Б»: role first, then who the person is. */
function participation(p: PersonalRecord): string {
  return [p.role, p.category, p.place].filter((x) => x && x.trim()).join(', ');
}

/** «ученик – ученик; Школа лидеров». */
function programCell(p: PersonalRecord): string {
  return [p.form || 'форма не указана', p.program?.trim()].filter(Boolean).join('; ');
}

/** «П-1, активна, с 01.10.2020 по 31.05.2021». */
function pairCell(p: PersonalRecord): string {
  const dates = [p.startDate && `с ${ru(p.startDate)}`, p.endDate && `по ${ru(p.endDate)}`].filter(Boolean).join(' ');
  return [p.pairId, p.status, dates].filter(Boolean).join(', ');
}

export function departmentReport(ind: Indicators, personal: readonly PersonalRecord[], settings: Settings, flags: readonly string[]): DocModel {
  const org = settings.orgName ?? settings.orgShortName ?? 'Наименование организации не указано в «Настройках»';
  const { pupils, pairs, roadmap } = ind;
  const goal =
    pupils.targetYear === null
      ? ['Целевой показатель', 'не задан']
      : [`Целевой показатель (не менее, к концу ${pupils.targetYear} года)`, pct(pupils.target)];
  const rows: string[][] = [
    ['Численность обучающихся', pupils.total ? String(pupils.total) : 'не указана'],
    ['Вовлечено обучающихся в наставничество (пары и группы формируются или действуют)', String(pupils.involved)],
    ['Доля вовлечённых обучающихся', pct(pupils.share)],
    goal,
    ['Наставников', String(ind.people.mentors)],
    ['Наставляемых', String(ind.people.mentees)],
    ['Наставнических пар и групп: формируется / действует / завершено', `${pairs.forming} / ${pairs.active} / ${pairs.completed}`],
  ];
  if (pairs.terminated) rows.push(['Наставнических пар и групп расторгнуто', String(pairs.terminated)]);
  rows.push(
    [`Наставляемых, ожидающих наставника более ${settings.waitingDays} ${plural(settings.waitingDays, 'дня', 'дней', 'дней')}`, String(ind.waiting.length)],
    ['Наставников, не прошедших обучение', String(ind.untrainedMentors.length)],
    ['Нет согласия на обработку персональных данных: наставников / наставляемых', `${ind.missingConsent.mentors.length} / ${ind.missingConsent.mentees.length}`],
    [
      `Мероприятий дорожной карты: выполнено / просрочено / срок в ближайшие ${settings.soonDays} ${plural(settings.soonDays, 'день', 'дня', 'дней')} / всего`,
      `${roadmap.done} / ${roadmap.overdue} / ${roadmap.soon} / ${roadmap.total}`,
    ],
  );
  const forms = Object.entries(ind.byForm);
  const blocks: Block[] = [
    { type: 'paragraph', runs: bold(org), align: 'center' },
    { type: 'paragraph', runs: bold(REPORT_TITLE), align: 'center' },
    { type: 'paragraph', runs: [{ text: `по состоянию на ${dateWords(ind.asOf)}` }], align: 'center', spaceAfter: 12 },
    { type: 'paragraph', runs: bold('1. Основные показатели'), spaceAfter: 6 },
    { type: 'table', header: ['Показатель', 'Значение'], rows, widths: [75, 25] },
    { type: 'paragraph', runs: [{ text: '' }] },
    { type: 'paragraph', runs: bold('2. Формы наставничества'), spaceAfter: 6 },
  ];
  if (forms.length) {
    blocks.push({
      type: 'table',
      header: ['Форма наставничества', 'Пар и групп', 'Наставляемых'],
      rows: forms.map(([f, v]) => [f, String(v.pairs), String(v.mentees)]),
      widths: [60, 20, 20],
    });
  } else {
    blocks.push({ type: 'paragraph', runs: [{ text: 'Формирующихся и действующих наставнических пар и групп нет.' }], indentFirstLine: true });
  }
  if (flags.length) {
    blocks.push({ type: 'paragraph', runs: [{ text: '' }] });
    blocks.push({ type: 'paragraph', runs: bold('3. Требует внимания'), spaceAfter: 6 });
    blocks.push({ type: 'numbered', items: flags.map((f) => [{ text: sentence(f) }]) });
  }
  blocks.push(...signatures(settings));

  blocks.push({ type: 'pageBreak' });
  blocks.push({ type: 'paragraph', runs: [{ text: `Приложение к сведениям на ${ru(ind.asOf)}` }], align: 'right', spaceAfter: 12 });
  blocks.push({ type: 'paragraph', runs: bold('Персонифицированный учёт участников программ наставничества'), align: 'center', spaceAfter: 12 });
  if (personal.length) {
    blocks.push({
      type: 'table',
      // Five columns: six do not fit Russian words («наставляемый», «Персонализированная») at 12 pt on A4.
      header: ['№', 'ФИО', 'Участие', 'Форма наставничества, программа', 'Пара (группа), статус, сроки'],
      rows: personal.map((p, i) => [String(i + 1), p.fullName, participation(p), programCell(p), pairCell(p)]),
      widths: [6, 26, 20, 30, 18],
    });
  } else {
    blocks.push({ type: 'paragraph', runs: [{ text: 'Участников наставнических пар и групп, давших согласие на обработку персональных данных, нет.' }], indentFirstLine: true });
  }
  const unnamed = ind.unclear.participantsWithoutConsent;
  if (unnamed) {
    blocks.push({
      type: 'paragraph',
      runs: [{ text: `Участники наставнических пар и групп без согласия на обработку персональных данных (${unnamed}) в список не включены и учтены только в показателях.`, italic: true }],
      indentFirstLine: true,
    });
  }
  return { title: REPORT_TITLE, fontFamily: settings.fontFamily, fontSize: Math.min(settings.fontSize, 12), blocks };
}

/** Signed by the head of the organisation; the curator as the one who prepared it. */
function signatures(s: Settings): Block[] {
  const out: Block[] = [];
  const director = s.directorName?.trim();
  const curator = s.curatorName?.trim();
  if (director) {
    out.push({ type: 'paragraph', runs: [{ text: '' }] }, { type: 'signature', position: s.directorPosition?.trim() || 'Руководитель', name: shortName(director) });
  } else if (curator) {
    out.push({ type: 'paragraph', runs: [{ text: '' }] }, { type: 'signature', position: s.curatorPosition?.trim() || 'Куратор наставничества', name: shortName(curator) });
  }
  if (director && curator) {
    const contact = [curator, s.curatorPosition?.trim(), s.curatorEmail?.trim()].filter(Boolean).join(', ');
    out.push({ type: 'paragraph', runs: [{ text: '' }] }, { type: 'paragraph', runs: [{ text: `Исполнитель: ${contact}` }] });
  }
  return out;
}
