/**
 * Daily reminders: each responsible person with an e-mail gets one letter listing their overdue
 * and soon items. Addresses come from the «Ответственный» text itself, from «куратор» → the
 * curator's e-mail in «Настройки», or from a mentor whose surname the text names. The mail quota
 * is checked first; an item is never sent twice to one address on one day.
 */
import type { AppContext } from '../context';
import { loadRegisters } from '../registers/load';
import { evaluateLoaded } from './highlight';
import type { EvaluatedItem } from '../../core/roadmap/evaluate';
import { ruDate } from '../../core/util/dates';
import { normalizeName } from '../../core/util/text';

export const DIGEST_HANDLER = 'sendDeadlineDigest';
const SENT_KEY = 'digest.sent';

export interface Digest {
  to: string;
  items: EvaluatedItem[];
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

export function buildDigests(items: readonly EvaluatedItem[], people: ReadonlyArray<{ fullName?: string; email?: string }>, curatorEmail?: string): Digest[] {
  const by = new Map<string, EvaluatedItem[]>();
  for (const e of items) {
    if (e.status !== 'overdue' && e.status !== 'soon') continue;
    let to = recipientsOf(e.item.responsible ?? '', people, curatorEmail);
    // Nobody named with an address: the curator hears of it.
    if (!to.length && curatorEmail) to = [curatorEmail.toLowerCase()];
    for (const t of to) {
      const list = by.get(t);
      if (list) list.push(e);
      else by.set(t, [e]);
    }
  }
  return [...by.entries()].map(([to, list]) => ({ to, items: list }));
}

export function digestText(d: Digest, asOf: string): { subject: string; body: string } {
  const overdue = d.items.filter((e) => e.status === 'overdue');
  const soon = d.items.filter((e) => e.status === 'soon');
  const line = (e: EvaluatedItem) => `• ${e.item.number ? e.item.number + '. ' : ''}${e.item.title} — срок: ${e.item.deadline ?? ''}${e.next ? ` (ближайший ${ruDate(e.next.due)})` : ''}`;
  const parts = [`Напоминание о сроках дорожной карты наставничества на ${ruDate(asOf)}.`, ''];
  if (overdue.length) parts.push(`Просрочено (${overdue.length}):`, ...overdue.map(line), '');
  if (soon.length) parts.push(`Скоро срок (${soon.length}):`, ...soon.map(line), '');
  parts.push('Отметьте выполненные мероприятия в столбце «Статус» листа «Дорожная карта».', '', '— «Наставник»');
  return { subject: `Наставничество: просрочено ${overdue.length}, скоро срок ${soon.length}`, body: parts.join('\n') };
}

export function sendDeadlineDigest(ctx: AppContext, asOf = ctx.today()): { summary: string; sent: number; skipped: number } {
  if (!ctx.mail) return { summary: 'Отправка писем недоступна в этом режиме.', sent: 0, skipped: 0 };
  const reg = loadRegisters(ctx.wb, { only: ['roadmap', 'mentors'] });
  const items = evaluateLoaded(reg, asOf);
  const digests = buildDigests(items, reg.mentors.map((r) => r.record), reg.settings.curatorEmail);
  const sent: Record<string, true> = JSON.parse(ctx.wb.getProperty(SENT_KEY) ?? '{}');
  // Keep a week of history: enough to never repeat a day, small enough for the property limit.
  const weekAgo = new Date(Date.parse(asOf) - 7 * 86400000).toISOString().slice(0, 10);
  for (const k of Object.keys(sent)) if (k.slice(0, 10) < weekAgo) delete sent[k];
  let count = 0;
  let skipped = 0;
  let quota = ctx.mail.remainingQuota();
  for (const d of digests) {
    const fresh = d.items.filter((e) => !sent[`${asOf}|${d.to}|${e.row}|${e.status}`]);
    if (!fresh.length) continue;
    if (quota <= 0) {
      skipped++;
      continue;
    }
    const { subject, body } = digestText({ to: d.to, items: fresh }, asOf);
    ctx.mail.send(d.to, subject, body);
    quota--;
    count++;
    for (const e of fresh) sent[`${asOf}|${d.to}|${e.row}|${e.status}`] = true;
  }
  ctx.wb.setProperty(SENT_KEY, JSON.stringify(sent));
  ctx.log?.(`digest: sent ${count}, skipped by quota ${skipped}`);
  return { summary: `Напоминаний отправлено: ${count}${skipped ? `, не отправлено из-за лимита писем: ${skipped}` : ''}.`, sent: count, skipped };
}
