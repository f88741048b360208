/** Monitoring over the port: the registers read once, the roadmap evaluated as of today. */
import type { AppContext } from '../context';
import { loadRegisters, type LoadedRegisters } from '../registers/load';
import { computeIndicators, flags, personalRecords, summaryRow, SUMMARY_HEADER, type Indicators, type PersonalRecord } from '../../core/monitoring/indicators';
import { evaluateLoaded } from '../roadmap/highlight';

export interface MonitoringResult {
  indicators: Indicators;
  flags: string[];
  summaryHeader: string[];
  summaryRow: Array<string | number>;
  /** Tab-separated header and row, ready to paste into the department's sheet. */
  summaryTsv: string;
  orgName: string;
}

export function monitoringOf(reg: LoadedRegisters, asOf: string): MonitoringResult {
  const roadmap = evaluateLoaded(reg, asOf);
  const indicators = computeIndicators(
    { mentors: reg.mentors.map((r) => r.record), mentees: reg.mentees.map((r) => r.record), pairs: reg.pairs.map((r) => r.record), settings: reg.settings, roadmap },
    asOf,
  );
  const orgName = reg.settings.orgShortName ?? reg.settings.orgName ?? 'Организация не указана';
  const row = summaryRow(indicators, orgName);
  const tsvCell = (v: string | number) => String(v).replace(/[\t\n]+/g, ' ');
  return {
    indicators,
    flags: flags(indicators),
    summaryHeader: [...SUMMARY_HEADER],
    summaryRow: row,
    summaryTsv: `${SUMMARY_HEADER.join('\t')}\n${row.map(tsvCell).join('\t')}`,
    orgName,
  };
}

export function loadMonitoring(ctx: AppContext, asOf = ctx.today()): MonitoringResult & { personal: PersonalRecord[]; reg: LoadedRegisters } {
  const reg = loadRegisters(ctx.wb);
  const m = monitoringOf(reg, asOf);
  const personal = personalRecords({ mentors: reg.mentors.map((r) => r.record), mentees: reg.mentees.map((r) => r.record), pairs: reg.pairs.map((r) => r.record), settings: reg.settings });
  return { ...m, personal, reg };
}
