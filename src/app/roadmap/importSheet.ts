/**
 * Writing an imported roadmap into «Дорожная карта»: rows aligned to the tab's own columns,
 * items already there (same number and title) not duplicated, the period and targets added to
 * «Настройки» only where the curator has not set them.
 */
import type { AppContext } from '../context';
import type { CellValue } from '../port';
import { UserError } from '../port';
import { loadRegisters } from '../registers/load';
import { columnsOf, roadmapItemSchema, SHEET_NAMES } from '../../core/registers/schemas';
import type { ImportedRoadmap, ImportedItem } from '../../core/roadmap/import';
import { normalizeKey, percent } from '../../core/util/text';
import { ruDate } from '../../core/util/dates';

export const YEARLY_MARK = '(ежегодно)';

function itemKey(number: string | undefined, title: string | undefined): string {
  return `${normalizeKey(number ?? '')}|${normalizeKey(title ?? '').slice(0, 120)}`;
}

export interface ImportOutcome {
  summary: string;
  added: number;
  skipped: number;
  warnings: string[];
  period?: { start: string; end: string };
}

export function writeImportedRoadmap(ctx: AppContext, imported: ImportedRoadmap): ImportOutcome {
  if (!imported.items.length) {
    throw new UserError(
      `Не удалось найти мероприятия в тексте.${imported.warnings.length ? ' ' + imported.warnings.slice(0, 3).join(' ') : ''} Скопируйте таблицу целиком вместе со строкой заголовков.`,
    );
  }
  const wb = ctx.wb;
  return wb.withLock(() => {
    let reg = loadRegisters(wb, { only: ['roadmap'] });
    if (!reg.sheets.roadmap) {
      wb.createSheet(SHEET_NAMES.roadmap, columnsOf(roadmapItemSchema).map((c) => c.meta.heading));
      reg = loadRegisters(wb, { only: ['roadmap'] });
    }
    const ref = reg.sheets.roadmap!;
    if (ref.columns.title === undefined) throw new UserError(`На листе «${ref.name}» нет столбца «Мероприятие»: импорт некуда записать.`);
    const have = new Set(reg.roadmap.map((r) => itemKey(r.record.number, r.record.title)));
    const rows: CellValue[][] = [];
    let skipped = 0;
    const value = (it: ImportedItem, field: string): string => {
      if (field === 'section') return it.section ? (it.recurrence === 'yearly' ? `${it.section} ${YEARLY_MARK}` : it.section) : it.recurrence === 'yearly' ? YEARLY_MARK : '';
      const v = (it as unknown as Record<string, unknown>)[field];
      return typeof v === 'string' ? v : '';
    };
    for (const it of imported.items) {
      const key = itemKey(it.number, it.title);
      if (have.has(key)) {
        skipped++;
        continue;
      }
      have.add(key);
      const row: CellValue[] = new Array(Math.max(ref.width, 1)).fill('');
      for (const [field, col] of Object.entries(ref.columns)) {
        if (field === 'status' || field === 'doneDate') continue;
        row[col] = value(it, field);
      }
      if (ref.columns.section === undefined && it.section && ref.columns.details !== undefined) {
        // No «Раздел» column: keep the section visible in the details rather than lose it.
        const d = ref.columns.details;
        row[d] = row[d] ? `${value(it, 'section')}. ${row[d]}` : value(it, 'section');
      }
      rows.push(row);
    }
    if (rows.length) wb.appendRows(ref.name, rows);
    const settingsAdded = addPeriodAndTargets(ctx, imported, reg.settings, reg.sheets.settings?.name);
    const parts = [`Добавлено мероприятий: ${rows.length}`];
    if (skipped) parts.push(`уже были в таблице: ${skipped}`);
    if (settingsAdded.length) parts.push(`в «Настройки» добавлено: ${settingsAdded.join(', ')}`);
    if (imported.warnings.length) parts.push(`замечаний: ${imported.warnings.length}`);
    return { summary: parts.join('; ') + '.', added: rows.length, skipped, warnings: imported.warnings, period: imported.period };
  });
}

function addPeriodAndTargets(ctx: AppContext, imported: ImportedRoadmap, settings: { periodStart?: string; periodEnd?: string; targets: Record<number, number> }, settingsSheet = SHEET_NAMES.settings as string): string[] {
  const add: CellValue[][] = [];
  if (imported.period && !settings.periodStart && !settings.periodEnd) {
    add.push(['Начало периода', ruDate(imported.period.start)], ['Окончание периода', ruDate(imported.period.end)]);
  }
  for (const t of imported.targets) {
    if (settings.targets[t.year] === undefined) add.push([`Цель ${t.year}`, percent(t.share)]);
  }
  if (!add.length) return [];
  const wb = ctx.wb;
  if (!wb.sheetNames().includes(settingsSheet)) wb.createSheet(settingsSheet, ['Параметр', 'Значение']);
  wb.appendRows(settingsSheet, add);
  return add.map((r) => String(r[0]));
}
