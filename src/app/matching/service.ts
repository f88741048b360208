/**
 * Pairing suggestions over the workbook: read the registers once, suggest (pure core), accept
 * suggestions into «Пары» after re-checking them on a fresh read under the document lock, and
 * remember rejected suggestions in the document properties.
 */
import { UserError, type CellValue } from '../port';
import type { AppContext } from '../context';
import { loadRegisters, type LoadedRegisters } from '../registers/load';
import { nextId } from '../../core/registers/people';
import { REGISTERS, type Mentee, type Mentor, type Pair } from '../../core/registers/schemas';
import { buildCandidates } from '../../core/matching/candidates';
import { suggestPairs } from '../../core/matching/suggest';
import type { MatchInput, MatchResult } from '../../core/matching/types';

export const REJECTED_KEY = 'match.rejected';

export interface RejectedPair {
  mentor: string;
  mentee: string;
}

export function readRejected(ctx: AppContext): RejectedPair[] {
  const raw = ctx.wb.getProperty(REJECTED_KEY);
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? v.filter((x): x is RejectedPair => !!x && typeof x.mentor === 'string' && typeof x.mentee === 'string') : [];
  } catch {
    return [];
  }
}

/** The core's input from loaded registers: only rows that carry an ID (others cannot be named). */
export function matchInputOf(reg: LoadedRegisters, today: string, rejected: RejectedPair[]): MatchInput {
  const mentors = reg.mentors.map((r) => r.record).filter((m): m is Mentor => !!m.id && !!m.category);
  const mentees = reg.mentees.map((r) => r.record).filter((m): m is Mentee => !!m.id && !!m.category);
  const pairs = reg.pairs.map((r) => r.record).filter((p): p is Pair => !!p.mentor && Array.isArray(p.mentees));
  return {
    mentors,
    mentees,
    pairs,
    rules: reg.settings.forms,
    weights: reg.settings.matchWeights,
    defaultCapacity: reg.settings.defaultCapacity,
    today,
    rejected,
  };
}

export function computeSuggestions(ctx: AppContext): { result: MatchResult; reg: LoadedRegisters } {
  const reg = loadRegisters(ctx.wb, { only: ['mentors', 'mentees', 'pairs'] });
  if (!reg.sheets.mentors || !reg.sheets.mentees) {
    throw new UserError('Нет листов «Наставники» и «Наставляемые». Выберите «Наставничество → Настроить таблицу».');
  }
  const result = suggestPairs(matchInputOf(reg, ctx.today(), readRejected(ctx)));
  ctx.log?.(`match: ${result.assignments.length} suggestions, ${result.unmatched.length} unmatched, certified=${result.stats.certified}`);
  return { result, reg };
}

export interface AcceptRequest {
  mentor: string;
  mentees: string[];
  form: string;
}

export interface AcceptOutcome {
  added: Array<{ id: string; mentor: string; mentees: string[]; form: string; row: number }>;
  skipped: Array<{ mentor: string; mentee: string; reason: string }>;
  summary: string;
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * Writes accepted suggestions to «Пары» (one row per pair or group, status «формируется»), under
 * the lock and after re-reading the registers: a mentee paired meanwhile, a mentor without free
 * places, a withdrawn consent… make that part of the suggestion stale; it is skipped and reported.
 */
export function acceptSuggestions(ctx: AppContext, requests: AcceptRequest[]): AcceptOutcome {
  if (!Array.isArray(requests) || requests.length === 0) return { added: [], skipped: [], summary: 'Нечего принимать.' };
  return ctx.wb.withLock(() => {
    const reg = loadRegisters(ctx.wb, { only: ['mentors', 'mentees', 'pairs'] });
    const sheet = reg.sheets.pairs;
    if (!sheet) throw new UserError('Нет листа «Пары». Выберите «Наставничество → Настроить таблицу».');
    const input = matchInputOf(reg, ctx.today(), readRejected(ctx));
    const model = buildCandidates(input);
    const remaining = model.mentors.map((m) => m.free);
    const taken = new Set<number>();
    const menteeIdx = new Map<string, number>();
    model.mentees.forEach((m) => menteeIdx.set(m.mentee.id, m.index));
    const skipped: AcceptOutcome['skipped'] = [];
    const rows: CellValue[][] = [];
    const added: AcceptOutcome['added'] = [];
    const ids = reg.pairs.map((p) => p.record.id);
    const today = ctx.today();
    const width = Math.max(sheet.width, ...Object.values(sheet.columns).map((c) => c + 1));
    for (const req of requests) {
      const j = model.mentorRef(req.mentor);
      const rule = model.rules.findIndex((r) => r.form === req.form);
      const ok: string[] = [];
      for (const menteeId of req.mentees) {
        const skip = (reason: string) => skipped.push({ mentor: req.mentor, mentee: menteeId, reason });
        const i = menteeIdx.get(menteeId);
        if (j < 0) {
          skip('наставник не найден в реестре');
          continue;
        }
        if (i === undefined) {
          skip('наставляемый не найден в реестре');
          continue;
        }
        const info = model.mentees[i];
        const mentor = model.mentors[j];
        if (taken.has(i)) skip('наставляемый уже включён в другую принятую пару');
        else if (info.state === 'served') skip('наставляемый уже в паре');
        else if (info.state === 'excluded') skip(info.reason!);
        else if (rule < 0 || !info.rules.includes(rule)) skip(`форма «${req.form}» не подходит наставляемому`);
        else if (!mentor.mentor.consentDate) skip('у наставника нет согласия на обработку персональных данных');
        else if (mentor.mentor.status && mentor.mentor.status !== 'активен') skip('наставник не участвует в программе');
        else if (!model.buckets[rule].includes(j)) skip(`наставник не ведёт форму «${req.form}»`);
        else if (model.blocked.get(i)?.has(j)) skip('эта пара уже была или предложение отклонено');
        else if (remaining[j] <= 0) skip('у наставника нет свободных мест');
        else {
          remaining[j]--;
          taken.add(i);
          ok.push(menteeId);
        }
      }
      if (!ok.length) continue;
      const id = nextId(REGISTERS.pairs.idPrefix, ids);
      ids.push(id);
      const row: CellValue[] = new Array(width).fill('');
      const put = (field: string, v: CellValue) => {
        const c = sheet.columns[field];
        if (c !== undefined) row[c] = v;
      };
      put('id', id);
      put('mentor', model.mentors[j].mentor.id);
      put('mentees', ok.join('; '));
      put('form', req.form);
      put('startDate', isoToDate(today));
      put('status', 'формируется');
      rows.push(row);
      added.push({ id, mentor: model.mentors[j].mentor.id, mentees: ok, form: req.form, row: 0 });
    }
    if (rows.length) {
      const first = ctx.wb.appendRows(sheet.name, rows);
      added.forEach((a, k) => (a.row = first + k + 1));
    }
    ctx.log?.(`match.accept: ${added.length} rows added, ${skipped.length} skipped`);
    const summary =
      `Добавлено в «${sheet.name}»: ${added.length}.` + (skipped.length ? ` Пропущено (данные изменились): ${skipped.length}.` : '');
    return { added, skipped, summary };
  });
}

export function rejectPair(ctx: AppContext, mentorId: string, menteeId: string): { summary: string } {
  if (!mentorId || !menteeId) throw new UserError('Не указаны наставник и наставляемый.');
  return ctx.wb.withLock(() => {
    const list = readRejected(ctx);
    if (!list.some((r) => r.mentor === mentorId && r.mentee === menteeId)) list.push({ mentor: mentorId, mentee: menteeId });
    ctx.wb.setProperty(REJECTED_KEY, JSON.stringify(list));
    return { summary: 'Предложение отклонено и больше не будет предложено.' };
  });
}
