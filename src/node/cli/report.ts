import { printJson, type Command } from './common';
import { openWorkbook } from './workbook';
import { loadMonitoring } from '../../app/monitoring/indicators';
import { percent } from '../../core/util/text';
import { ruDate } from '../../core/util/dates';

const USAGE = 'Использование: nastavnik report <книга.xlsx> [--json] [--as-of ДАТА]';

/** `nastavnik report`: monitoring indicators (CLI.md). */
export const reportCommand: Command = async (args) => {
  const { ctx, asOf } = await openWorkbook(args, USAGE);
  const m = loadMonitoring(ctx, asOf);
  const i = m.indicators;
  if (args.options.json) {
    // The objects CLI.md names carry exactly its keys (callers may compare them whole); what this
    // version adds stands beside them at the top level.
    printJson({
      asOf: i.asOf,
      pupils: { total: i.pupils.total, involved: i.pupils.involved, share: i.pupils.share, target: i.pupils.target },
      byForm: i.byForm,
      pairs: { active: i.pairs.active, forming: i.pairs.forming, completed: i.pairs.completed },
      roadmap: { done: i.roadmap.done, overdue: i.roadmap.overdue, soon: i.roadmap.soon, total: i.roadmap.total },
      targetYear: i.pupils.targetYear,
      terminatedPairs: i.pairs.terminated,
      unclear: i.unclear,
      people: i.people,
      waiting: i.waiting,
      untrainedMentors: i.untrainedMentors,
      missingConsent: i.missingConsent,
      flags: m.flags,
    });
    return 0;
  }
  const pct = (x: number | null) => (x === null ? '—' : percent(x));
  const goal = i.pupils.targetYear === null ? 'цель не задана' : `цель ${pct(i.pupils.target)} (к концу ${i.pupils.targetYear} года)`;
  const lines = [
    `Мониторинг на ${ruDate(i.asOf)} — ${m.orgName}`,
    `Обучающихся: ${i.pupils.total ?? '—'}, вовлечено ${i.pupils.involved} (${pct(i.pupils.share)}), ${goal}`,
    `Пары и группы: формируется ${i.pairs.forming}, активно ${i.pairs.active}, завершено ${i.pairs.completed}`,
    ...Object.entries(i.byForm).map(([f, v]) => `  ${f}: пар ${v.pairs}, наставляемых ${v.mentees}`),
    `Дорожная карта: выполнено ${i.roadmap.done}, просрочено ${i.roadmap.overdue}, скоро срок ${i.roadmap.soon}, всего ${i.roadmap.total}`,
    `Ждут наставника: ${i.waiting.length}; наставников без обучения: ${i.untrainedMentors.length}`,
    ...(m.flags.length ? [`Внимание: ${m.flags.join('; ')}`] : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
};
