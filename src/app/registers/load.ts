/**
 * Loads every register through the port: each tab read once. Tabs are found by their canonical
 * name, or — when the curator renamed them — by name and headings; a missing tab is reported.
 */
import type { CellValue, SheetData, WorkbookPort } from '../port';
import { REGISTERS, SHEET_NAMES, columnsOf, type Mentee, type Mentor, type Pair, type RegisterKey, type RoadmapItem } from '../../core/registers/schemas';
import { readTable, type RegisterRow, type RegisterTable } from '../../core/registers/read';
import { headerFit } from '../../core/registers/headings';
import { readSettings, DEFAULT_SETTINGS, type Settings } from '../../core/registers/settings';
import type { Finding } from '../../core/validation/finding';
import { normalizeKey } from '../../core/util/text';

export { resolvePerson, indexPeople } from '../../core/registers/people';

export type SheetKey = RegisterKey | 'settings';

export interface SheetRef {
  name: string;
  /** field → 0-based column. */
  columns: Record<string, number>;
  /** Number of columns in the header row (the curator's own included). */
  width: number;
}

export interface LoadedRegisters {
  mentors: Array<RegisterRow<Mentor>>;
  mentees: Array<RegisterRow<Mentee>>;
  pairs: Array<RegisterRow<Pair>>;
  roadmap: Array<RegisterRow<RoadmapItem>>;
  settings: Settings;
  /** Reading problems (columns, cell formats, missing tabs). Validation adds its own. */
  findings: Finding[];
  sheets: Partial<Record<SheetKey, SheetRef>>;
  /** The raw tabs as read, by key (for highlighting without a second read). */
  data: Partial<Record<SheetKey, SheetData>>;
  tables: Partial<Record<RegisterKey, RegisterTable<any>>>;
}

/** Words a renamed tab's name may contain, per register. */
const NAME_HINTS: Record<SheetKey, (n: string) => boolean> = {
  mentors: (n) => n.includes('наставник') && !n.includes('наставляем'),
  mentees: (n) => n.includes('наставляем'),
  // A word starting «пар» (пары, пара) but not «параметры»; JS \b does not see Cyrillic letters.
  pairs: (n) => /(^|\s)пар(ы|а)?(\s|$)|групп/.test(n),
  roadmap: (n) => n.includes('дорожн') || n.includes('план мероприят'),
  settings: (n) => n.includes('настройк') || n.includes('параметр'),
};

export function locateSheets(names: readonly string[], read: (name: string) => SheetData | null): { found: Partial<Record<SheetKey, string>>; cache: Map<string, SheetData | null> } {
  const found: Partial<Record<SheetKey, string>> = {};
  const cache = new Map<string, SheetData | null>();
  const get = (n: string) => {
    if (!cache.has(n)) cache.set(n, read(n));
    return cache.get(n)!;
  };
  const keys: SheetKey[] = ['mentors', 'mentees', 'pairs', 'roadmap', 'settings'];
  const claimed = new Set<string>();
  for (const key of keys) {
    const canonical = normalizeKey(SHEET_NAMES[key]);
    const exact = names.find((n) => normalizeKey(n) === canonical);
    if (exact) {
      found[key] = exact;
      claimed.add(exact);
    }
  }
  const ignore = (n: string) => n.startsWith('_') || Object.values(SHEET_NAMES).some((s) => normalizeKey(s) === normalizeKey(n));
  for (const key of keys) {
    if (found[key]) continue;
    const pool = names.filter((n) => !claimed.has(n) && !ignore(n));
    const byName = pool.filter((n) => NAME_HINTS[key](normalizeKey(n)));
    let best: { name: string; fit: number } | null = null;
    for (const n of byName.length ? byName : pool) {
      const header = get(n)?.values[0] ?? [];
      const fit = key === 'settings' ? (normalizeKey(String(header[0] ?? '')) === 'параметр' ? 1 : 0) : headerFit(header, columnsOf(REGISTERS[key].schema));
      const threshold = byName.length ? 0.01 : 0.3;
      if (fit >= threshold && (!best || fit > best.fit)) best = { name: n, fit };
    }
    if (best) {
      found[key] = best.name;
      claimed.add(best.name);
    }
  }
  return { found, cache };
}

const LABELS: Record<SheetKey, string> = {
  mentors: 'Реестр наставников',
  mentees: 'Реестр наставляемых',
  pairs: 'Реестр пар и групп',
  roadmap: 'Дорожная карта',
  settings: 'Настройки',
};

const ALL_KEYS: readonly SheetKey[] = ['mentors', 'mentees', 'pairs', 'roadmap', 'settings'];

/**
 * Finds the tabs to load. When the backend can look a tab up by name cheaply and every wanted tab
 * is there under its canonical name, those are taken as they are (in Sheets one lookup per tab
 * instead of a call per tab name); otherwise all names are listed and renamed tabs are adopted.
 */
function findSheets(wb: WorkbookPort, wanted: readonly SheetKey[]): { found: Partial<Record<SheetKey, string>>; cache: Map<string, SheetData | null> } {
  if (wb.hasSheet && wanted.every((key) => wb.hasSheet!(SHEET_NAMES[key]))) {
    const found: Partial<Record<SheetKey, string>> = {};
    for (const key of wanted) found[key] = SHEET_NAMES[key];
    return { found, cache: new Map() };
  }
  return locateSheets(wb.sheetNames(), (n) => wb.readSheet(n));
}

export function loadRegisters(wb: WorkbookPort, opts: { only?: SheetKey[] } = {}): LoadedRegisters {
  const wanted = ALL_KEYS.filter((k) => !opts.only || opts.only.includes(k) || k === 'settings');
  const { found, cache } = findSheets(wb, wanted);
  const read = (n: string): SheetData | null => (cache.has(n) ? cache.get(n)! : wb.readSheet(n));
  const out: LoadedRegisters = {
    mentors: [],
    mentees: [],
    pairs: [],
    roadmap: [],
    settings: { ...DEFAULT_SETTINGS, targets: {}, matchWeights: {} },
    findings: [],
    sheets: {},
    data: {},
    tables: {},
  };
  const want = (k: SheetKey) => !opts.only || opts.only.includes(k) || k === 'settings';

  const settingsName = found.settings;
  if (settingsName) {
    const data = read(settingsName);
    if (data) {
      const s = readSettings(data.values as CellValue[][], settingsName);
      out.settings = s.settings;
      out.findings.push(...s.findings);
      out.data.settings = data;
      out.sheets.settings = { name: settingsName, columns: { label: 0, value: 1 }, width: data.values[0]?.length ?? 2 };
    }
  }

  for (const key of ['mentors', 'mentees', 'pairs', 'roadmap'] as const) {
    if (!want(key)) continue;
    const name = found[key];
    const canonical = SHEET_NAMES[key];
    if (!name) {
      // Rows are 1-based (CLI.md): a tab-level finding stands on the header row.
      out.findings.push({
        sheet: canonical,
        row: 1,
        column: '',
        field: '',
        code: 'sheet.missing',
        severity: key === 'roadmap' ? 'info' : 'warning',
        message: `Нет листа «${canonical}» (${LABELS[key].toLowerCase()}). Выберите в меню «Наставничество → Настроить таблицу».`,
      });
      continue;
    }
    if (name !== canonical) {
      out.findings.push({ sheet: name, row: 1, column: '', field: '', code: 'sheet.adopted', severity: 'info', message: `${LABELS[key]} читается с листа «${name}»` });
    }
    const data = read(name);
    if (!data) continue;
    const table = readTable(name, data.values, REGISTERS[key].schema, { rules: out.settings.forms, largeRows: 20000, formulas: data.formulas });
    out.tables[key] = table;
    out.data[key] = data;
    out.findings.push(...table.findings);
    out.sheets[key] = { name, columns: table.header.columns, width: data.values[0]?.length ?? 0 };
    (out[key] as Array<RegisterRow<unknown>>) = table.rows;
  }
  return out;
}
