/**
 * The «Мониторинг» tab: the add-on's own block of figures, rewritten in one batch. A curator's
 * existing «Мониторинг» tab (questionnaires, say) is never written over: the block then goes to
 * «Мониторинг (Наставник)».
 */
import type { AppContext } from '../context';
import type { CellValue } from '../port';
import type { MonitoringResult } from './indicators';
import { percent } from '../../core/util/text';
import { ruDate } from '../../core/util/dates';

export const BLOCK_TITLE = 'Мониторинг реализации целевой модели наставничества («Наставник»)';
const EXTENT_KEY = 'monitoring.extent';

export function monitoringRows(m: MonitoringResult): CellValue[][] {
  const i = m.indicators;
  const pct = (x: number | null) => (x === null ? '—' : percent(x));
  const rows: CellValue[][] = [
    [BLOCK_TITLE, ''],
    ['На дату', ruDate(i.asOf)],
    ['Организация', m.orgName],
    ['', ''],
    ['Показатель', 'Значение'],
    ['Всего обучающихся', i.pupils.total ?? '—'],
    ['Вовлечено обучающихся', i.pupils.involved],
    ['Доля вовлечённых', pct(i.pupils.share)],
    [`Целевой показатель ${i.asOf.slice(0, 4)}`, pct(i.pupils.target)],
    ['Наставников', i.people.mentors],
    ['Наставляемых', i.people.mentees],
    ['Пар и групп формируется', i.pairs.forming],
    ['Пар и групп активно', i.pairs.active],
    ['Пар и групп завершено', i.pairs.completed],
    ['Ждут наставника дольше срока', i.waiting.length],
    ['Наставников без обучения', i.untrainedMentors.length],
    ['Нет согласия на обработку ПДн (наставники / наставляемые)', `${i.missingConsent.mentors.length} / ${i.missingConsent.mentees.length}`],
    ['Мероприятий выполнено', i.roadmap.done],
    ['Мероприятий просрочено', i.roadmap.overdue],
    ['Мероприятий со сроком скоро', i.roadmap.soon],
    ['Мероприятий всего', i.roadmap.total],
    ['', ''],
    ['Форма наставничества', 'Пар и групп / наставляемых'],
  ];
  for (const [form, f] of Object.entries(i.byForm)) rows.push([form, `${f.pairs} / ${f.mentees}`]);
  rows.push(['', '']);
  rows.push(['Внимание', m.flags.length ? m.flags.join('; ') : 'нет замечаний']);
  return rows;
}

/** Writes the block; returns the tab used and the rectangle of the by-form table (for a chart). */
export function writeMonitoringSheet(ctx: AppContext, m: MonitoringResult): { sheet: string; rows: number } {
  const wb = ctx.wb;
  const names = wb.sheetNames();
  let sheet = 'Мониторинг';
  if (names.includes(sheet)) {
    const a1 = wb.readSheet(sheet)?.values[0]?.[0];
    if (a1 && String(a1) !== BLOCK_TITLE) sheet = 'Мониторинг (Наставник)';
  }
  const rows = monitoringRows(m);
  return wb.withLock(() => {
    if (!wb.sheetNames().includes(sheet)) wb.createSheet(sheet, [BLOCK_TITLE, '']);
    const prev = Number(wb.getProperty(`${EXTENT_KEY}:${sheet}`) ?? 0);
    const block = rows.slice();
    // Blank out the rest of the previous, longer block (only cells the add-on wrote).
    while (block.length < prev) block.push(['', '']);
    wb.writeValues(sheet, 0, 0, block);
    wb.setProperty(`${EXTENT_KEY}:${sheet}`, String(rows.length));
    return { sheet, rows: rows.length };
  });
}
