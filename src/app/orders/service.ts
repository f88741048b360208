/**
 * Orders over the port: preview (who is in, who is left out, the next number) and generation
 * (document, «Журнал приказов» row, the «Приказ» column of «Пары»), the same on both backends.
 */
import type { AppContext } from '../context';
import { UserError, type CellValue, type WorkbookPort } from '../port';
import { loadRegisters, type LoadedRegisters } from '../registers/load';
import {
  buildOrder,
  isOrderKind,
  ORDER_KIND_LABELS,
  ORDER_KIND_PICKS,
  ORDER_KINDS,
  ORDER_TITLES,
  type OrderData,
  type OrderKind,
  type OrderPlan,
} from '../../core/orders/builders';
import {
  findNumber,
  isOrderReference,
  JOURNAL_HEADER,
  JOURNAL_SHEET,
  nextOrderNumber,
  orderReference,
  readJournal,
  type Journal,
} from '../../core/orders/journal';
import { dateNumeric, shortName } from '../../core/orders/russian';
import { resolvePerson } from '../../core/registers/people';

export interface OrderRequest {
  /** The number to print; the next free one when absent. */
  number?: string;
  /** ISO date; today when absent. */
  date?: string;
  pairIds?: string[];
  mentorIds?: string[];
  confirmDuplicate?: boolean;
}

export interface IssuedOrder {
  number: string;
  date: string;
  title: string;
  url: string;
}

export interface OrderPreview {
  kind: OrderKind;
  heading: string;
  number: string;
  date: string;
  included: OrderPlan['included'];
  excluded: OrderPlan['excluded'];
  warnings: string[];
  /** Blocking problems: generation refuses while there is one. */
  problems: string[];
  /** The same order for the same pairs/people was issued already. */
  duplicate: IssuedOrder | null;
  /** What the user may pick for this kind. */
  picks: 'pairs' | 'people' | null;
  choices: Array<{ id: string; label: string; status?: string; consent: boolean; selected: boolean }>;
  usesTemplate: boolean;
}

export type GenerateResult =
  | { needsConfirmation: true; existing: IssuedOrder; summary: string }
  | { needsConfirmation?: false; summary: string; url: string; number: string; warnings: string[] };

/** Duplicates are remembered in the document's properties (hashes of IDs only: no names). */
const ISSUED_KEY = 'nastavnik.orders.issued';
const ISSUED_KEEP = 100;

interface IssuedRecord {
  k: string;
  n: string;
  d: string;
  t: string;
  u: string;
}

function readIssued(wb: WorkbookPort): IssuedRecord[] {
  try {
    const v = JSON.parse(wb.getProperty(ISSUED_KEY) ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function checkKind(kind: string): OrderKind {
  if (!isOrderKind(kind)) throw new UserError(`Неизвестный вид приказа «${kind}». Возможные: ${ORDER_KINDS.join(', ')}.`);
  return kind;
}

function checkDate(date: string | undefined, ctx: AppContext): string {
  if (date === undefined || date === '') return ctx.today();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCDate() !== +m[3] || d.getUTCMonth() !== +m[2] - 1) {
    throw new UserError(`Дата приказа «${date}» не распознана: нужен вид ГГГГ-ММ-ДД.`);
  }
  return date;
}

function orderData(regs: LoadedRegisters): OrderData {
  return {
    settings: regs.settings,
    mentors: regs.mentors,
    mentees: regs.mentees,
    pairs: regs.pairs,
    roadmap: regs.roadmap,
    sheetNames: {
      mentors: regs.sheets.mentors?.name,
      mentees: regs.sheets.mentees?.name,
      pairs: regs.sheets.pairs?.name,
      roadmap: regs.sheets.roadmap?.name,
    },
  };
}

function journalOf(wb: WorkbookPort): Journal {
  return readJournal(wb.readSheet(JOURNAL_SHEET)?.values);
}

/** An earlier order of this kind for the same subjects, if its row is still in the journal. */
function findDuplicate(wb: WorkbookPort, journal: Journal, subjectKey: string): IssuedOrder | null {
  const issued = readIssued(wb);
  for (let i = issued.length - 1; i >= 0; i--) {
    const r = issued[i];
    if (r.k === subjectKey && findNumber(journal, r.n, r.d)) return { number: r.n, date: r.d, title: r.t, url: r.u };
  }
  return null;
}

function choicesFor(kind: OrderKind, regs: LoadedRegisters, req: OrderRequest, plan: OrderPlan): OrderPreview['choices'] {
  const picked = new Set(plan.included.map((i) => i.id));
  if (ORDER_KIND_PICKS[kind] === 'pairs') {
    return regs.pairs
      .filter((p) => p.record.id)
      .map(({ record: p }) => {
        const m = p.mentor ? resolvePerson(p.mentor, regs.mentors.map((r) => r.record)) : null;
        const mentor = m?.status === 'ok' ? m.person : null;
        // A person without consent is shown by ID only.
        const who = mentor ? (mentor.consentDate ? shortName(mentor.fullName) : mentor.id) : (p.mentor ?? '');
        return {
          id: p.id,
          label: `${p.id}: ${who}${p.form ? `, ${p.form}` : ''}`,
          status: p.status,
          consent: !!mentor?.consentDate,
          selected: req.pairIds?.length ? req.pairIds.includes(p.id) : picked.has(p.id),
        };
      });
  }
  if (ORDER_KIND_PICKS[kind] === 'people') {
    const people = [
      ...regs.mentors.map((r) => r.record),
      ...(kind === 'working-group' ? regs.mentees.map((r) => r.record) : []),
    ].filter((p) => p.id && p.fullName);
    return people.map((p) => ({
      id: p.id,
      label: p.consentDate ? `${p.id}: ${shortName(p.fullName)}` : `${p.id} (нет согласия на обработку ПДн)`,
      status: p.status,
      consent: !!p.consentDate,
      selected: !!req.mentorIds?.includes(p.id),
    }));
  }
  return [];
}

export function listOrderKinds() {
  return ORDER_KINDS.map((kind) => ({ kind, title: ORDER_TITLES[kind], label: ORDER_KIND_LABELS[kind], picks: ORDER_KIND_PICKS[kind] }));
}

export function previewOrder(ctx: AppContext, kindArg: string, req: OrderRequest = {}): OrderPreview {
  const kind = checkKind(kindArg);
  const date = checkDate(req.date, ctx);
  const regs = loadRegisters(ctx.wb);
  const journal = journalOf(ctx.wb);
  const number = req.number?.trim() || nextOrderNumber(journal, regs.settings.orderPrefix, date);
  const plan = buildOrder(kind, orderData(regs), { number, date, pairIds: req.pairIds, mentorIds: req.mentorIds });
  const warnings = [...plan.warnings];
  const taken = req.number?.trim() ? findNumber(journal, number, date) : undefined;
  if (taken) warnings.unshift(`Номер ${number} уже есть в «${JOURNAL_SHEET}» (строка ${taken.row + 1}).`);
  return {
    kind,
    heading: plan.heading,
    number,
    date,
    included: plan.included,
    excluded: plan.excluded,
    warnings,
    problems: plan.problems,
    duplicate: plan.problems.length ? null : findDuplicate(ctx.wb, journal, plan.subjectKey),
    picks: ORDER_KIND_PICKS[kind],
    choices: choicesFor(kind, regs, req, plan),
    usesTemplate: !!regs.settings.templateDocId,
  };
}

/** Writes the «Приказ» cells of the included pairs, one write per contiguous block of rows. */
function stampPairs(wb: WorkbookPort, regs: LoadedRegisters, rows: number[], value: string, warnings: string[]): number {
  const sheet = regs.sheets.pairs;
  const col = sheet?.columns.order;
  if (!sheet || col === undefined) {
    if (rows.length) warnings.push(`На листе «${sheet?.name ?? 'Пары'}» нет столбца «Приказ»: номер приказа в реестр не записан.`);
    return 0;
  }
  const values = regs.data.pairs?.values ?? [];
  const writable = rows
    .filter((r) => {
      const cur = values[r]?.[col];
      const text = cur === null || cur === undefined ? '' : String(cur).trim();
      if (text === '' || isOrderReference(text)) return true;
      warnings.push(`«${sheet.name}», строка ${r + 1}: в столбце «Приказ» уже записано «${text}» — не изменено.`);
      return false;
    })
    .sort((a, b) => a - b);
  let written = 0;
  for (let i = 0; i < writable.length; ) {
    let j = i;
    while (j + 1 < writable.length && writable[j + 1] === writable[j] + 1) j++;
    const block: CellValue[][] = writable.slice(i, j + 1).map(() => [value]);
    wb.writeValues(sheet.name, writable[i], col, block);
    written += block.length;
    i = j + 1;
  }
  return written;
}

function appendJournal(wb: WorkbookPort, journal: Journal, row: { number: string; date: string; kind: string; title: string; link: string }): void {
  if (!wb.sheetNames().includes(JOURNAL_SHEET)) {
    wb.createSheet(JOURNAL_SHEET, [...JOURNAL_HEADER]);
    journal = readJournal([[...JOURNAL_HEADER]]);
  }
  const cols = journal.columns;
  if (cols.number === undefined) {
    throw new UserError(`На листе «${JOURNAL_SHEET}» нет столбца «№»: добавьте его в первую строку или переименуйте лист, и добавится новый журнал.`);
  }
  const width = Math.max(journal.width, ...Object.values(cols).map((c) => (c ?? 0) + 1));
  const line: CellValue[] = new Array(width).fill(null);
  line[cols.number] = row.number;
  if (cols.date !== undefined) line[cols.date] = dateNumeric(row.date);
  if (cols.kind !== undefined) line[cols.kind] = row.kind;
  if (cols.title !== undefined) line[cols.title] = row.title;
  if (cols.link !== undefined) line[cols.link] = row.link;
  wb.appendRows(JOURNAL_SHEET, [line]);
}

export function generateOrder(ctx: AppContext, kindArg: string, req: OrderRequest = {}): GenerateResult {
  const kind = checkKind(kindArg);
  const date = checkDate(req.date, ctx);
  const docs = ctx.docs;
  if (!docs) throw new UserError('Формирование документов недоступно в этом окружении.');
  return ctx.wb.withLock((): GenerateResult => {
    // Everything is re-read under the lock: the number is the next free one at this moment.
    const regs = loadRegisters(ctx.wb);
    const journal = journalOf(ctx.wb);
    const explicit = req.number?.trim();
    const number = explicit || nextOrderNumber(journal, regs.settings.orderPrefix, date);
    const plan = buildOrder(kind, orderData(regs), { number, date, pairIds: req.pairIds, mentorIds: req.mentorIds });
    if (plan.problems.length || !plan.model) throw new UserError(plan.problems.join('\n') || 'Приказ не сформирован.');
    const duplicate = findDuplicate(ctx.wb, journal, plan.subjectKey);
    if (duplicate && !req.confirmDuplicate) {
      return {
        needsConfirmation: true,
        existing: duplicate,
        summary: `Такой приказ для тех же участников уже издан: № ${duplicate.number} от ${dateNumeric(duplicate.date)}. Сформировать ещё один?`,
      };
    }
    if (explicit) {
      const taken = findNumber(journal, explicit, date);
      if (taken && !(duplicate && req.confirmDuplicate && taken.number === duplicate.number)) {
        throw new UserError(`Номер ${explicit} уже есть в «${JOURNAL_SHEET}» (строка ${taken.row + 1}). Укажите другой номер или оставьте поле пустым.`);
      }
    }
    const warnings = [...plan.warnings];
    const name = `Приказ № ${number} от ${dateNumeric(date)} ${plan.heading}`;
    const saved = docs.create(plan.model, { name, folderId: regs.settings.outputFolderId, templateId: regs.settings.templateDocId });
    appendJournal(ctx.wb, journal, { number, date, kind: ORDER_KIND_LABELS[kind], title: plan.heading, link: saved.url });
    const stamped = kind === 'pairs' ? stampPairs(ctx.wb, regs, plan.pairRows, orderReference(number, date), warnings) : 0;
    const issued = readIssued(ctx.wb);
    issued.push({ k: plan.subjectKey, n: number, d: date, t: plan.heading, u: saved.url });
    ctx.wb.setProperty(ISSUED_KEY, JSON.stringify(issued.slice(-ISSUED_KEEP)));
    ctx.log?.(`order ${kind}: included ${plan.included.length}, excluded ${plan.excluded.length}, pairs stamped ${stamped}`);
    const parts = [`Приказ № ${number} от ${dateNumeric(date)} сформирован.`];
    if (stamped) parts.push(`Номер записан в реестр пар: ${stamped}.`);
    if (plan.excluded.length) parts.push(`Не включено: ${plan.excluded.length} (см. предупреждения).`);
    return { summary: parts.join(' '), url: saved.url, number, warnings };
  });
}
