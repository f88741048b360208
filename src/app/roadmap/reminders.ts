/**
 * Reminders per document and per user, as an editor add-on needs them.
 *
 * - Each spreadsheet has its own daily trigger; the user's store records, per spreadsheet ID, the
 *   trigger's id (`nastavnik.remind.<id>`), so a clock run can tell which spreadsheet it is for.
 * - A clock trigger of an add-on may run with no spreadsheet, and `spreadsheets.currentonly`
 *   cannot open one by ID. So whenever the roadmap is evaluated with the spreadsheet at hand and
 *   reminders are on there, a compact snapshot of what the letters need is stored in the user's
 *   store (`nastavnik.snap.<id>`); a run without the spreadsheet sends from it, statuses decided
 *   as of that day by the same core code, and the letter says from which day the data is.
 */
import type { AppContext, UserStorePort } from '../context';
import { UserError, type DocumentIdentity } from '../port';
import { loadRegisters, type LoadedRegisters } from '../registers/load';
import { evaluateLoaded } from './highlight';
import {
  DIGEST_HANDLER,
  SENT_USER_PREFIX,
  SentLog,
  buildDigests,
  deliverDigests,
  digestSummary,
  recipientsOf,
  userSentStore,
  type MailBudget,
} from './digest';
import { decodeSnapshot, encodeSnapshot, evaluateSnapshot, takeSnapshot } from '../../core/roadmap/snapshot';
import { utf8Length } from '../../core/util/text';
import { ruDate } from '../../core/util/dates';

export const REMIND_PREFIX = 'nastavnik.remind.';
export const SNAPSHOT_PREFIX = 'nastavnik.snap.';
/** One spreadsheet's share of the user's 500 KB store; a roadmap of a few hundred items fits. */
export const SNAPSHOT_MAX_BYTES = 48 * 1024;

interface ReminderMeta {
  /** The trigger's unique id, as Apps Script passes it to the handler (event.triggerUid). */
  uid: string;
  hour: number;
}

function readMeta(store: UserStorePort, docId: string): ReminderMeta | null {
  try {
    const m = JSON.parse(store.get(REMIND_PREFIX + docId) ?? 'null') as Partial<ReminderMeta> | null;
    return m && typeof m.uid === 'string' ? { uid: m.uid, hour: Number(m.hour) || 0 } : null;
  } catch {
    return null;
  }
}

/** The document and the store, when this backend has both (Sheets); else reminders keep no snapshot. */
function scope(ctx: AppContext): { store: UserStorePort; doc: DocumentIdentity } | null {
  const doc = ctx.wb.identity?.() ?? null;
  return ctx.userStore && doc ? { store: ctx.userStore, doc } : null;
}

/** Stores this spreadsheet's snapshot; a UserError (nothing written) when it does not fit. */
function storeSnapshot(store: UserStorePort, doc: DocumentIdentity, reg: LoadedRegisters, asOf: string): void {
  const people = reg.mentors.map((r) => r.record);
  const curator = reg.settings.curatorEmail;
  const snapshot = takeSnapshot(evaluateLoaded(reg, asOf), (e) => recipientsOf(e.item.responsible ?? '', people, curator), {
    taken: asOf,
    name: doc.name,
    url: doc.url,
    timeZone: doc.timeZone,
    curatorEmail: curator?.toLowerCase(),
    soonDays: reg.settings.soonDays,
  });
  const text = encodeSnapshot(snapshot);
  const bytes = utf8Length(text);
  if (bytes > SNAPSHOT_MAX_BYTES) {
    throw new UserError(
      `Данные для напоминаний по расписанию не помещаются в хранилище надстройки: ${Math.ceil(bytes / 1024)} КБ при пределе ${SNAPSHOT_MAX_BYTES / 1024} КБ ` +
        `(мероприятий с ближайшими сроками: ${snapshot.items.length}). Отметьте выполненные мероприятия в столбце «Статус» или сократите дорожную карту.`,
    );
  }
  store.set(SNAPSHOT_PREFIX + doc.id, text);
}

const loadForSnapshot = (ctx: AppContext) => loadRegisters(ctx.wb, { only: ['roadmap', 'mentors'] });

/**
 * After the roadmap was evaluated with the spreadsheet at hand: refreshes this spreadsheet's
 * snapshot when this user has reminders on here. Never throws (the curator's action has already
 * succeeded); returns a Russian warning when the snapshot could not be kept, else null.
 * `reg` must hold the roadmap and the mentors when given.
 */
export function refreshReminderSnapshot(ctx: AppContext, reg?: LoadedRegisters, asOf?: string): string | null {
  try {
    // Reminders on nowhere (the usual case): one read of the user's store, no call for the document.
    if (!ctx.userStore?.keys(REMIND_PREFIX).length) return null;
    const s = scope(ctx);
    if (!s || !readMeta(s.store, s.doc.id)) return null;
    storeSnapshot(s.store, s.doc, reg ?? loadForSnapshot(ctx), asOf ?? ctx.today());
    return null;
  } catch (err) {
    if (err instanceof UserError) return `Напоминания по расписанию: ${err.message}`;
    ctx.log?.(`reminders: snapshot not refreshed (${err instanceof Error ? err.name : 'Error'})`);
    return 'Напоминания по расписанию: данные для писем не обновлены из-за внутренней ошибки; письма уйдут по прежним данным.';
  }
}

/** Appends a warning to an action's summary (the toast / the sidebar's line). */
export function withReminderNote<T extends { summary?: string }>(result: T, note: string | null): T {
  return note && typeof result.summary === 'string' ? { ...result, summary: `${result.summary} ${note}` } : result;
}

/**
 * Whether reminders are on in this spreadsheet for this user, for the «Сроки» view. A trigger
 * found without a record (installed by an earlier version) is adopted; a record whose trigger
 * is gone is dropped. Refreshes the snapshot when on.
 */
export function reminderState(ctx: AppContext): { on: boolean; snapshotDate: string | null; note: string | null } {
  if (!ctx.triggers) return { on: false, snapshotDate: null, note: null };
  // The document's identity is asked only when this user has reminders on somewhere or here.
  const known = ctx.userStore?.keys(REMIND_PREFIX).length ? scope(ctx) : null;
  const meta = known ? readMeta(known.store, known.doc.id) : null;
  const id = ctx.triggers.dailyId(DIGEST_HANDLER, meta?.uid);
  if (!id) {
    if (known && meta) forget(known.store, known.doc.id, ctx.today());
    return { on: false, snapshotDate: null, note: null };
  }
  const s = known ?? scope(ctx);
  if (!s) return { on: true, snapshotDate: null, note: null };
  let note: string | null;
  try {
    if (!meta || meta.uid !== id) {
      const reg = loadForSnapshot(ctx);
      s.store.set(REMIND_PREFIX + s.doc.id, JSON.stringify({ uid: id, hour: meta?.hour ?? reg.settings.digestHour }));
      note = refreshReminderSnapshot(ctx, reg);
    } else note = refreshReminderSnapshot(ctx);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    note = `Напоминания по расписанию: ${err.message}`;
  }
  const snap = decodeSnapshot(s.store.get(SNAPSHOT_PREFIX + s.doc.id));
  return { on: true, snapshotDate: snap?.taken ?? null, note };
}

/** Drops this spreadsheet's record and snapshot; the sent log only once it is not today's. */
function forget(store: UserStorePort, docId: string, today: string): void {
  store.set(REMIND_PREFIX + docId, null);
  store.set(SNAPSHOT_PREFIX + docId, null);
  if (!(store.get(SENT_USER_PREFIX + docId) ?? '').includes(`"${today}|`)) store.set(SENT_USER_PREFIX + docId, null);
}

export function setDeadlineReminders(ctx: AppContext, on: boolean): { summary: string; on: boolean } {
  const triggers = ctx.triggers;
  if (!triggers) throw new UserError('Напоминания по расписанию недоступны в этом режиме.');
  const s = scope(ctx);
  const meta = s ? readMeta(s.store, s.doc.id) : null;
  if (!on) {
    triggers.remove(DIGEST_HANDLER, meta?.uid);
    if (s) forget(s.store, s.doc.id, ctx.today());
    return { summary: 'Напоминания выключены.', on: false };
  }
  const reg = loadForSnapshot(ctx);
  const hour = reg.settings.digestHour;
  if (!reg.settings.curatorEmail) throw new UserError('Укажите «Email куратора» в «Настройках»: на него приходят напоминания без ответственного.');
  let note = '';
  if (s) {
    try {
      storeSnapshot(s.store, s.doc, reg, ctx.today());
    } catch (err) {
      // A trigger that may run without the spreadsheet would have nothing to send from.
      if (!(err instanceof UserError) || triggers.detached) throw err instanceof UserError ? new UserError(`Напоминания не включены. ${err.message}`) : err;
      note = ` ${err.message}`;
    }
  } else if (triggers.detached) {
    throw new UserError('Напоминания не включены: не удалось определить таблицу. Откройте таблицу и повторите.');
  }
  const uid = triggers.installDaily(DIGEST_HANDLER, hour, meta?.uid);
  if (s) {
    try {
      s.store.set(REMIND_PREFIX + s.doc.id, JSON.stringify({ uid, hour }));
    } catch (err) {
      // Without the record a clock run could not find this spreadsheet: do not leave the trigger.
      triggers.remove(DIGEST_HANDLER, uid);
      s.store.set(SNAPSHOT_PREFIX + s.doc.id, null);
      throw err;
    }
  }
  return { summary: `Напоминания включены: ежедневно около ${hour}:00.${note}`, on: true };
}

/**
 * After «Настройки» were saved: the curator's e-mail and the «скоро» horizon reach the snapshot,
 * and a changed «Час рассылки напоминаний» moves this spreadsheet's trigger. Never throws.
 */
export function afterSettingsSaved(ctx: AppContext): string | null {
  try {
    const s = scope(ctx);
    const meta = s ? readMeta(s.store, s.doc.id) : null;
    if (!s || !meta || !ctx.triggers) return null;
    const reg = loadForSnapshot(ctx);
    const note = refreshReminderSnapshot(ctx, reg);
    const hour = reg.settings.digestHour;
    if (hour === meta.hour) return note;
    const uid = ctx.triggers.installDaily(DIGEST_HANDLER, hour, meta.uid);
    s.store.set(REMIND_PREFIX + s.doc.id, JSON.stringify({ uid, hour }));
    return `Напоминания теперь приходят ежедневно около ${hour}:00.${note ? ' ' + note : ''}`;
  } catch (err) {
    if (err instanceof UserError) return `Напоминания по расписанию: ${err.message}`;
    ctx.log?.(`reminders: settings not applied (${err instanceof Error ? err.name : 'Error'})`);
    return 'Напоминания по расписанию: новые настройки не применены из-за внутренней ошибки; выключите и включите напоминания на панели «Сроки».';
  }
}

export const NO_SNAPSHOT_SUMMARY =
  'Напоминания не отправлены: таблица не открыта, а сохранённых данных для писем нет. Откройте таблицу и нажмите «Включить напоминания» на панели «Сроки».';

/**
 * A clock run with no spreadsheet: the snapshot of the spreadsheet whose trigger this is, or,
 * when the trigger is not on record, of every spreadsheet where this user has reminders on (the
 * sent logs keep a letter from going twice). The quota is read once, before the first letter.
 */
export function sendScheduledDigests(ctx: AppContext, triggerUid?: string): { summary: string; sent: number; skipped: number } {
  const store = ctx.userStore;
  if (!ctx.mail || !store) return { summary: 'Отправка писем недоступна в этом режиме.', sent: 0, skipped: 0 };
  const docs = store
    .keys(REMIND_PREFIX)
    .map((k) => k.slice(REMIND_PREFIX.length))
    .map((id) => ({ id, meta: readMeta(store, id) }))
    .filter((d) => d.meta);
  const own = triggerUid ? docs.filter((d) => d.meta!.uid === triggerUid) : [];
  const targets = own.length ? own : docs;
  const snapshots = targets.map((d) => ({ id: d.id, snap: decodeSnapshot(store.get(SNAPSHOT_PREFIX + d.id)) }));
  const usable = snapshots.filter((x) => x.snap);
  if (usable.length < snapshots.length) ctx.log?.(`digest: ${snapshots.length - usable.length} snapshot(s) missing or unreadable`);
  if (!usable.length) {
    ctx.log?.('digest: no spreadsheet and no snapshot');
    return { summary: NO_SNAPSHOT_SUMMARY, sent: 0, skipped: 0 };
  }
  let sent = 0;
  let skipped = 0;
  // With no spreadsheet the workbook's lock is the user's: this user's runs do not overlap.
  ctx.wb.withLock(() => {
    store.reread?.();
    const budget: MailBudget = { left: ctx.mail!.remainingQuota() };
    for (const { id, snap } of usable) {
      const asOf = ctx.today(snap!.timeZone);
      const to = new Map(snap!.items.map((it) => [it.row, it.to]));
      const digests = buildDigests(evaluateSnapshot(snap!, asOf), (e) => to.get(e.row) ?? [], snap!.curatorEmail);
      const r = deliverDigests(ctx, digests, asOf, new SentLog([userSentStore(store, id)], asOf), budget, { name: snap!.name, url: snap!.url, taken: snap!.taken });
      sent += r.sent;
      skipped += r.skipped;
    }
  });
  ctx.log?.(`digest from snapshot: spreadsheets ${usable.length}, sent ${sent}, skipped by quota ${skipped}`);
  return { summary: digestSummary(sent, skipped), sent, skipped };
}

/** «данные для писем на 22.11.2026» for the sidebar. */
export function snapshotLabel(date: string | null): string | null {
  return date ? `Письма по расписанию составляются по данным таблицы на ${ruDate(date)}; данные обновляются, когда вы подсвечиваете сроки, импортируете дорожную карту, проверяете реестры или открываете эту панель.` : null;
}
