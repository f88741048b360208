import type { AppContext } from '../context';
import { UserError } from '../port';
import { loadMonitoring } from './indicators';
import { writeMonitoringSheet } from './sheet';
import { departmentReport } from '../../core/monitoring/report';
import { percent } from '../../core/util/text';
import { ruDate } from '../../core/util/dates';

export const monitoringApi = {
  /** Indicators for the sidebar (IDs only for people lists: names stay in the sheet). */
  getMonitoring(ctx: AppContext, asOf?: string) {
    const m = loadMonitoring(ctx, asOf ?? ctx.today());
    return {
      indicators: m.indicators,
      flags: m.flags,
      summaryHeader: m.summaryHeader,
      summaryRow: m.summaryRow,
      summaryTsv: m.summaryTsv,
      orgName: m.orgName,
      // «Ждут наставника дольше 30 дней»: the threshold the waiting list was counted with.
      waitingDays: m.reg.settings.waitingDays,
    };
  },

  /** Menu «Мониторинг»: refreshes the «Мониторинг» tab. */
  updateMonitoringSheet(ctx: AppContext) {
    const m = loadMonitoring(ctx);
    const res = writeMonitoringSheet(ctx, m);
    const i = m.indicators;
    const share = i.pupils.share === null ? 'доля не посчитана (нет численности обучающихся в «Настройках»)' : percent(i.pupils.share);
    const charts = res.charts.length ? ' Диаграммы на листе обновлены.' : '';
    return { summary: `Лист «${res.sheet}» обновлён: вовлечено ${i.pupils.involved} обучающихся, ${share}.${charts}`, sheet: res.sheet };
  },

  /** «Сведения о реализации целевой модели наставничества» as a document with the personified list. */
  generateDepartmentReport(ctx: AppContext, asOf?: string) {
    if (!ctx.docs) throw new UserError('Документы недоступны в этом режиме.');
    const m = loadMonitoring(ctx, asOf ?? ctx.today());
    const model = departmentReport(m.indicators, m.personal, m.reg.settings, m.flags);
    const doc = ctx.docs.create(model, { name: `Сведения о реализации ЦМН на ${ruDate(m.indicators.asOf)}`, folderId: m.reg.settings.outputFolderId });
    return { summary: `Сведения сформированы: ${doc.name}`, url: doc.url, name: doc.name };
  },
};
