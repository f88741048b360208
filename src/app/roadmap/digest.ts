/**
 * Daily reminders: each responsible person with an e-mail gets one letter listing their overdue
 * and soon items. Addresses come from the «Ответственный» text itself, from «куратор» → the
 * curator's e-mail in «Настройки», or from a mentor whose surname the text names. The mail quota
 * is checked first; an item is never sent twice to one address on one day.
 *
 * Two sources, one delivery: the spreadsheet itself when it is at hand (sendDeadlineDigest), or
 * the snapshot the add-on keeps in the user's store when a clock trigger runs without it
 * (reminders.ts).
 */
import type { AppContext, UserStorePort } from '../context';
import { loadRegisters, type LoadedRegisters } from '../registers/load';
import { evaluateLoaded } from './highlight';
import type { EvaluatedItem } from '../../core/roadmap/evaluate';
import { ruDate } from '../../core/util/dates';
import { normalizeName } from '../../core/util/text';

export const DIGEST_HANDLER = 'sendDeadlineDigest';
/** The sent log in the document's properties (every user of the spreadsheet sees it). */
const SENT_KEY = 'digest.sent';
/** The sent log of one document in the user's store (readable without the spreadsheet). */
export const SENT_USER_PREFIX = 'nastavnik.sent.';

export interface Digest {
  to: string;
  items: EvaluatedItem[];
}

/** Where the letter's data came from: the spreadsheet's name and link; `taken` for a snapshot. */
export interface DigestSource {
  name?: string;
  url?: string;
  /** The snapshot's date: the letter says «по данным таблицы на …». */
  taken?: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function recipientsOf(responsible: string, people: ReadonlyArray<{ fullName?: string; email?: string }>, curatorEmail?: string): string[] {
  const out = new Set<string>((responsible.match(EMAIL) ?? []).map((e) => e.toLowerCase()));
  const text = normalizeName(responsible);
  if (curatorEmail && /куратор/.test(text)) out.add(curatorEmail.toLowerCase());
  for (const p of people) {
    if (!p.email || !p.fullName) continue;
    const surname = normalizeName(p.fullName).split(' ')[0];
    if (surname.length >= 3 && new RegExp(`(^|[^а-я])${surname}([^а-я]|$)`).test(text)) out.add(p.email.toLowerCase());
  }
  return [...out];
}

/** One digest per address; an item nobody named with an address goes to the curator. */
export function buildDigests(items: readonly EvaluatedItem[], recipientsFor: (e: EvaluatedItem) => string[], curatorEmail?: string): Digest[] {
  const by = new Map<string, EvaluatedItem[]>();
  for (const e of items) {
    if (e.status !== 'overdue' && e.status !== 'soon') continue;
    let to = recipientsFor(e);
    if (!to.length && curatorEmail) to = [curatorEmail.toLowerCase()];
    for (const t of to) {
      const list = by.get(t);
      if (list) list.push(e);
      else by.set(t, [e]);
    }
  }
  return [...by.entries()].map(([to, list]) => ({ to, items: list }));
}

export function digestText(d: Digest, asOf: string, source: DigestSource = {}): { subject: string; body: string } {
  const overdue = d.items.filter((e) => e.status === 'overdue');
  const soon = d.items.filter((e) => e.status === 'soon');
  const line = (e: EvaluatedItem) => `• ${e.item.number ? e.item.number + '. ' : ''}${e.item.title} — срок: ${e.item.deadline ?? ''}${e.next ? ` (ближайший ${ruDate(e.next.due)})` : ''}`;
  const parts = [`Напоминание о сроках дорожной карты наставничества на ${ruDate(asOf)}.`];
  const table = source.name ? `«${source.name}»` : '';
  if (source.taken) parts.push(`По данным таблицы ${table ? table + ' ' : ''}на ${ruDate(source.taken)}${source.url ? `: ${source.url}` : '.'}`);
  else if (source.url) parts.push(`Таблица ${table ? table + ': ' : ''}${source.url}`);
  parts.push('');
  if (overdue.length) parts.push(`Просрочено (${overdue.length}):`, ...overdue.map(line), '');
  if (soon.length) parts.push(`Скоро срок (${soon.length}):`, ...soon.map(line), '');
  parts.push('Отметьте выполненные мероприятия в столбце «Статус» листа «Дорожная карта».', '', '— «Наставник»');
  return { subject: `Наставничество: просрочено ${overdue.length}, скоро срок ${soon.length}`, body: parts.join('\n') };
}

interface Store {
  get(): string | null;
  set(value: string | null): void;
}

/**
 * What was sent today, kept where the next run will look: the document's properties and/or the
 * user's store. Read as the union of the stores, written to each; only today's entries are kept
 * (the promise is «not twice a day»), so the log stays far below the property limits.
 */
export class SentLog {
  private readonly keys = new Set<string>();
  constructor(
    private readonly stores: Store[],
    private readonly asOf: string,
  ) {
    for (const s of stores) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(s.get() ?? '{}');
      } catch {
        parsed = {};
      }
      // Earlier versions kept a week of keys: today's are the ones that matter.
      if (parsed && typeof parsed === 'object') for (const k of Object.keys(parsed)) if (k.startsWith(`${asOf}|`)) this.keys.add(k);
    }
  }
  private key(to: string, e: EvaluatedItem) {
    return `${this.asOf}|${to}|${e.row}|${e.status}`;
  }
  has(to: string, e: EvaluatedItem): boolean {
    return this.keys.has(this.key(to, e));
  }
  add(to: string, e: EvaluatedItem): void {
    this.keys.add(this.key(to, e));
  }
  get size(): number {
    return this.keys.size;
  }
  save(): void {
    const value = this.keys.size ? JSON.stringify(Object.fromEntries([...this.keys].map((k) => [k, true]))) : null;
    for (const s of this.stores) s.set(value);
  }
}

export function userSentStore(store: UserStorePort, docId: string): Store {
  const key = SENT_USER_PREFIX + docId;
  return { get: () => store.get(key), set: (v) => store.set(key, v) };
}

/** The mail quota left for this run: read once, before the first letter. */
export interface MailBudget {
  left: number;
}

/** Sends what is fresh today within the budget; records it in the log (saved even if a send fails). */
export function deliverDigests(ctx: AppContext, digests: readonly Digest[], asOf: string, log: SentLog, budget: MailBudget, source?: DigestSource): { sent: number; skipped: number } {
  let sent = 0;
  let skipped = 0;
  try {
    for (const d of digests) {
      const fresh = d.items.filter((e) => !log.has(d.to, e));
      if (!fresh.length) continue;
      if (budget.left <= 0) {
        skipped++;
        continue;
      }
      const { subject, body } = digestText({ to: d.to, items: fresh }, asOf, source);
      ctx.mail!.send(d.to, subject, body);
      budget.left--;
      sent++;
      for (const e of fresh) log.add(d.to, e);
    }
  } finally {
    if (sent) log.save();
  }
  return { sent, skipped };
}

export function digestSummary(sent: number, skipped: number): string {
  return `Напоминаний отправлено: ${sent}${skipped ? `, не отправлено из-за лимита писем: ${skipped}` : ''}.`;
}

/**
 * From the spreadsheet at hand (the sidebar's «Отправить сейчас», a bound script's trigger, an
 * add-on trigger that has its spreadsheet). Returns the registers it read for the snapshot.
 */
export function sendDeadlineDigest(ctx: AppContext, asOf = ctx.today()): { result: { summary: string; sent: number; skipped: number }; reg?: LoadedRegisters } {
  if (!ctx.mail) return { result: { summary: 'Отправка писем недоступна в этом режиме.', sent: 0, skipped: 0 } };
  const reg = loadRegisters(ctx.wb, { only: ['roadmap', 'mentors'] });
  const items = evaluateLoaded(reg, asOf);
  const people = reg.mentors.map((r) => r.record);
  const curator = reg.settings.curatorEmail;
  const digests = buildDigests(items, (e) => recipientsOf(e.item.responsible ?? '', people, curator), curator);
  const doc = ctx.wb.identity?.() ?? null;
  const stores: Store[] = [{ get: () => ctx.wb.getProperty(SENT_KEY), set: (v) => ctx.wb.setProperty(SENT_KEY, v) }];
  if (ctx.userStore && doc) stores.push(userSentStore(ctx.userStore, doc.id));
  // Under the lock: two runs at once (the trigger and «Отправить сейчас») read the same sent log.
  const { sent, skipped } = ctx.wb.withLock(() => {
    ctx.userStore?.reread?.();
    return deliverDigests(ctx, digests, asOf, new SentLog(stores, asOf), { left: ctx.mail!.remainingQuota() }, doc ? { name: doc.name, url: doc.url } : {});
  });
  ctx.log?.(`digest: sent ${sent}, skipped by quota ${skipped}`);
  return { result: { summary: digestSummary(sent, skipped), sent, skipped }, reg };
}
