/**
 * «Настройки»: two columns «Параметр» / «Значение», one setting a row, labels matched by meaning
 * (DOMAIN.md). Missing settings take defaults; unreadable ones are reported on their cell.
 */
import type { CellValue } from '../port-types';
import { normalizeKey } from '../util/text';
import { textOf, isBlank } from './cells';
import { isoFromDateCell, parseDateText, isoFromSerial } from '../util/dates';
import type { Finding } from '../validation/finding';
import { DEFAULT_FORM_RULES, type FormRule } from './forms';
import { readFormRows } from './formRows';

export interface Settings {
  orgName?: string;
  orgShortName?: string;
  place?: string;
  directorPosition?: string;
  directorName?: string;
  curatorName?: string;
  curatorPosition?: string;
  curatorEmail?: string;
  periodStart?: string;
  periodEnd?: string;
  pupilsTotal?: number;
  /** year → share (0..1). */
  targets: Record<number, number>;
  defaultCapacity: number;
  soonDays: number;
  orderPrefix?: string;
  templateDocId?: string;
  outputFolderId?: string;
  fontFamily: string;
  fontSize: number;
  /** Mentees waiting longer than this many days are flagged by monitoring. */
  waitingDays: number;
  /** Hour (0–23) of the daily deadline digest. */
  digestHour: number;
  forms: readonly FormRule[];
  /** Matching weights by name (see src/core/matching); only those set here. */
  matchWeights: Record<string, number>;
}

export const DEFAULT_SETTINGS: Settings = {
  targets: {},
  defaultCapacity: 3,
  soonDays: 14,
  fontFamily: 'Times New Roman',
  fontSize: 14,
  waitingDays: 30,
  digestHour: 8,
  forms: DEFAULT_FORM_RULES,
  matchWeights: {},
};

type Kind = 'text' | 'date' | 'int' | 'email' | 'share';

export interface SettingSpec {
  field: keyof Settings;
  label: string;
  synonyms: readonly string[];
  kind: Kind;
  hint?: string;
}

export const SETTING_SPECS: readonly SettingSpec[] = [
  { field: 'orgName', label: 'Полное наименование организации', synonyms: ['Организация', 'Наименование ОО', 'Наименование организации'], kind: 'text' },
  { field: 'orgShortName', label: 'Краткое наименование', synonyms: ['Сокращённое наименование'], kind: 'text' },
  { field: 'place', label: 'Место составления', synonyms: ['Населённый пункт', 'Город'], kind: 'text' },
  { field: 'directorPosition', label: 'Должность руководителя', synonyms: ['Должность директора'], kind: 'text' },
  { field: 'directorName', label: 'ФИО руководителя', synonyms: ['Директор', 'Руководитель'], kind: 'text' },
  { field: 'curatorName', label: 'Куратор', synonyms: ['ФИО куратора'], kind: 'text' },
  { field: 'curatorPosition', label: 'Должность куратора', synonyms: [], kind: 'text' },
  { field: 'curatorEmail', label: 'Email куратора', synonyms: ['Почта куратора'], kind: 'email' },
  { field: 'periodStart', label: 'Начало периода', synonyms: ['Период дорожной карты с'], kind: 'date' },
  { field: 'periodEnd', label: 'Окончание периода', synonyms: ['Период дорожной карты по'], kind: 'date' },
  { field: 'pupilsTotal', label: 'Численность обучающихся', synonyms: ['Всего обучающихся', 'Контингент'], kind: 'int' },
  { field: 'defaultCapacity', label: 'Макс. наставляемых по умолчанию', synonyms: [], kind: 'int' },
  { field: 'soonDays', label: 'Горизонт «скоро», дней', synonyms: ['Горизонт скоро'], kind: 'int' },
  { field: 'orderPrefix', label: 'Префикс номера приказа', synonyms: [], kind: 'text' },
  { field: 'templateDocId', label: 'Шаблон приказа', synonyms: [], kind: 'text' },
  { field: 'outputFolderId', label: 'Папка для приказов', synonyms: [], kind: 'text' },
  { field: 'fontFamily', label: 'Шрифт приказов', synonyms: ['Шрифт'], kind: 'text' },
  { field: 'fontSize', label: 'Размер шрифта приказов', synonyms: ['Размер шрифта'], kind: 'int' },
  { field: 'waitingDays', label: 'Ожидание наставника, дней', synonyms: ['Срок ожидания наставника'], kind: 'int' },
  { field: 'digestHour', label: 'Час рассылки напоминаний', synonyms: [], kind: 'int' },
];

const TARGET = /^(?:цель|целевой показатель)\s+(\d{4})$/;
const WEIGHT = /^вес\s+(.+)$/;

/** A share as curators write it: «40%», «40 %», 0,4, 0.4 or 40. */
export function parseShare(v: CellValue): number | null {
  if (typeof v === 'number') return v > 1 ? v / 100 : v >= 0 ? v : null;
  const t = textOf(v).replace(',', '.').replace(/\s/g, '');
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] || n > 1) return n <= 100 ? n / 100 : null;
  return n;
}

/** Extracts a Google Doc/Drive ID from a pasted link, or returns the text. */
export function driveId(text: string): string {
  const m = /\/d\/([\w-]{20,})/.exec(text) ?? /[?&]id=([\w-]{20,})/.exec(text) ?? /folders\/([\w-]{20,})/.exec(text);
  return m ? m[1] : text.trim();
}

export interface SettingsRead {
  settings: Settings;
  findings: Finding[];
  /** setting field → 0-based row, for the settings form (`formsInUse`: «Используемые формы»). */
  rows: Record<string, number>;
}

export function readSettings(values: readonly CellValue[][], sheet = 'Настройки'): SettingsRead {
  const settings: Settings = { ...DEFAULT_SETTINGS, targets: {}, matchWeights: {} };
  const findings: Finding[] = [];
  const rows: Record<string, number> = {};
  const byKey = new Map<string, SettingSpec>();
  for (const s of SETTING_SPECS) for (const l of [s.label, ...s.synonyms]) byKey.set(normalizeKey(l), s);
  const bad = (r: number, field: string, message: string) =>
    findings.push({ sheet, row: r + 1, column: 'B', field, code: 'setting.invalid', severity: 'error', message });

  values.forEach((line, r) => {
    const label = normalizeKey(textOf(line[0] ?? null));
    const v = line[1] ?? null;
    if (!label || label === 'параметр') return;
    const target = TARGET.exec(label);
    if (target) {
      rows[`target${target[1]}`] = r;
      if (isBlank(v)) return;
      const share = parseShare(v);
      if (share === null || share > 1) bad(r, `target${target[1]}`, `Целевой показатель «${textOf(v)}» не распознан: укажите долю, например «40%»`);
      else settings.targets[Number(target[1])] = share;
      return;
    }
    const weight = WEIGHT.exec(label);
    if (weight) {
      const n = Number(textOf(v).replace(',', '.'));
      if (!isBlank(v) && Number.isFinite(n)) settings.matchWeights[weight[1]] = n;
      return;
    }
    const spec = byKey.get(label);
    if (!spec) return;
    rows[spec.field] = r;
    if (isBlank(v)) return;
    const text = textOf(v);
    const rec = settings as unknown as Record<string, unknown>;
    switch (spec.kind) {
      case 'text':
        rec[spec.field] = spec.field === 'templateDocId' || spec.field === 'outputFolderId' ? driveId(text) : text;
        break;
      case 'email':
        if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) rec[spec.field] = text;
        else bad(r, spec.field, `Неверный адрес электронной почты «${text}»`);
        break;
      case 'int': {
        const n = typeof v === 'number' ? v : Number(text.replace(/\s/g, ''));
        if (Number.isInteger(n) && n >= 0) rec[spec.field] = n;
        else bad(r, spec.field, `«${spec.label}»: ожидается целое число, а записано «${text}»`);
        break;
      }
      case 'date': {
        const d = v instanceof Date ? isoFromDateCell(v) : typeof v === 'number' ? isoFromSerial(v) : parseDateText(text);
        if (d) rec[spec.field] = d;
        else bad(r, spec.field, `«${spec.label}»: дата «${text}» не распознана, введите ДД.ММ.ГГГГ`);
        break;
      }
      case 'share':
        break;
    }
  });
  if (settings.periodStart && settings.periodEnd && settings.periodStart > settings.periodEnd) {
    findings.push({ sheet, row: (rows.periodEnd ?? 0) + 1, column: 'B', field: 'periodEnd', code: 'setting.period', severity: 'error', message: 'Окончание периода раньше его начала' });
  }
  const forms = readFormRows(values);
  settings.forms = forms.forms;
  if (forms.inUseRow !== undefined) rows.formsInUse = forms.inUseRow;
  for (const p of forms.problems) findings.push({ sheet, row: p.row + 1, column: 'B', field: p.field, code: 'setting.form', severity: 'error', message: p.message });
  return { settings, findings, rows };
}
