/**
 * The add-on's EmbeddedCharts on a tab. Each chart's id is remembered in document properties
 * under its tab and key; a later run finds that chart among the tab's charts and rebuilds it in
 * place (modify → updateChart), so refreshing never piles up charts. Charts the curator made
 * have other ids and are never modified. Service calls do not depend on the number of rows.
 */
import type { ChartSpec } from '../app/port';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Where the chart ids live: the workbook's property store (chunking handled there). */
export interface ChartIdStore {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string | null): void;
}

export const chartIdKey = (sheetName: string, key: string) => `chart:${sheetName}:${key}`;

function chartType(type: ChartSpec['type']): GoogleAppsScript.Charts.ChartType {
  switch (type) {
    case 'bar':
      return Charts.ChartType.BAR;
    case 'pie':
      return Charts.ChartType.PIE;
    default:
      return Charts.ChartType.COLUMN;
  }
}

function configure(builder: Builder, sheet: Sheet, spec: ChartSpec): Builder {
  const r = spec.range;
  let b = builder
    .addRange(sheet.getRange(r.row + 1, r.col + 1, r.rows, r.cols))
    .setChartType(chartType(spec.type))
    .setNumHeaders(1)
    .setOption('title', spec.title)
    .setPosition(spec.anchor.row + 1, spec.anchor.col + 1, 0, 0);
  if (spec.width) b = b.setOption('width', spec.width);
  if (spec.height) b = b.setOption('height', spec.height);
  return b;
}

export function upsertSheetChart(sheet: Sheet, sheetName: string, spec: ChartSpec, store: ChartIdStore): void {
  const key = chartIdKey(sheetName, spec.key);
  const remembered = store.getProperty(key);
  const charts = sheet.getCharts();
  const ids = charts.map((c) => c.getChartId());
  const at = remembered === null ? -1 : ids.findIndex((id) => id !== null && String(id) === remembered);
  if (at >= 0) {
    sheet.updateChart(configure(charts[at].modify().clearRanges(), sheet, spec).build());
    return;
  }
  const built = configure(sheet.newChart(), sheet, spec).build();
  sheet.insertChart(built);
  // A chart built before insertion may not know its id yet: then it is the one id not seen before.
  let id = built.getChartId();
  if (id === null || id === undefined) {
    const before = new Set(ids.map(String));
    const fresh = sheet
      .getCharts()
      .map((c) => c.getChartId())
      .filter((x) => x !== null && !before.has(String(x)));
    id = fresh.length === 1 ? fresh[0] : null;
  }
  // Without an id the next run inserts again rather than risk touching a curator's chart.
  store.setProperty(key, id === null || id === undefined ? null : String(id));
}
