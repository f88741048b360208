/** Monitoring over the port: the registers read once, the roadmap evaluated as of today. */
import type { AppContext } from '../context';
import { loadRegisters, type LoadedRegisters } from '../registers/load';
import { computeIndicators, flags, personalRecords, summaryRow, summaryTsv, SUMMARY_HEADER, type IndicatorInput, type Indicators, type PersonalRecord } from '../../core/monitoring/indicators';
import type { Pair } from '../../core/registers/schemas';
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

/** The registers as monitoring takes them; pairs whose «Статус» cell could not be read are marked. */
function peopleAndPairs(reg: LoadedRegisters): Omit<IndicatorInput, 'roadmap'> {
  const pairsSheet = reg.sheets.pairs?.name;
  // The reader left the field out and reported the cell: monitoring must not take it as blank.
  const badRows = new Set(reg.findings.filter((f) => f.sheet === pairsSheet && f.field === 'status' && f.severity === 'error').map((f) => f.row - 1));
  const unreadableStatus = new Set<Pair>();
  for (const r of reg.pairs) if (badRows.has(r.row)) unreadableStatus.add(r.record);
  return { mentors: reg.mentors.map((r) => r.record), mentees: reg.mentees.map((r) => r.record), pairs: reg.pairs.map((r) => r.record), settings: reg.settings, unreadableStatus };
}

export function monitoringOf(reg: LoadedRegisters, asOf: string): MonitoringResult {
  const roadmap = evaluateLoaded(reg, asOf);
  const indicators = computeIndicators({ ...peopleAndPairs(reg), roadmap }, asOf);
  const orgName = reg.settings.orgShortName ?? reg.settings.orgName ?? 'Организация не указана';
  const row = summaryRow(indicators, orgName);
  return {
    indicators,
    flags: flags(indicators),
    summaryHeader: [...SUMMARY_HEADER],
    summaryRow: row,
    summaryTsv: summaryTsv(row),
    orgName,
  };
}

export function loadMonitoring(ctx: AppContext, asOf = ctx.today()): MonitoringResult & { personal: PersonalRecord[]; reg: LoadedRegisters } {
  const reg = loadRegisters(ctx.wb);
  const m = monitoringOf(reg, asOf);
  const personal = personalRecords(peopleAndPairs(reg));
  return { ...m, personal, reg };
}
