import type { AppContext, MailPort, TriggersPort, UserStorePort } from '../app/context';
import { ChunkedProperties } from './chunkedProperties';
import { gasDocuments } from './docs';
import { readDocContent } from './docTables';
import { SheetsWorkbook } from './sheetsWorkbook';

const MAIL_SENDER_NAME = 'Наставник';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

function gasMail(): MailPort {
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send(to, subject, body) {
      MailApp.sendEmail({ to, subject, body, name: MAIL_SENDER_NAME });
    },
  };
}

/**
 * This spreadsheet's daily triggers for this user.
 *
 * - Add-on: ScriptApp.getProjectTriggers() lists the user's triggers of the add-on in every
 *   document, so handler names alone would reach other spreadsheets' triggers. The reference's
 *   ScriptApp.getUserTriggers(spreadsheet) gives this user's triggers «in the given spreadsheet,
 *   for this script or add-on only», and an add-on may have one trigger of each type per user per
 *   document (a time-driven one included). A trigger recorded at install (`knownId`) is also
 *   looked up by its unique id among the project's triggers — by id only, never by handler.
 * - Bound script: the project belongs to this spreadsheet, so its triggers are this spreadsheet's.
 */
function gasTriggers(ss: () => Spreadsheet, addon: boolean): TriggersPort {
  const daily = (list: Trigger[], handler: string) =>
    list.filter((t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK);
  const mine = (handler: string, knownId?: string | null): Trigger[] => {
    if (!addon) return daily(ScriptApp.getProjectTriggers(), handler);
    const own = daily(ScriptApp.getUserTriggers(ss()), handler);
    if (knownId && !own.some((t) => t.getUniqueId() === knownId)) {
      const t = ScriptApp.getProjectTriggers().find((x) => x.getUniqueId() === knownId);
      if (t) own.push(t);
    }
    return own;
  };
  return {
    detached: addon,
    dailyId: (handler, knownId) => mine(handler, knownId)[0]?.getUniqueId() ?? null,
    installDaily(handler, hour, knownId) {
      // Replace rather than add: one daily trigger per handler and spreadsheet (an add-on may not
      // have two of a type in a document).
      for (const t of mine(handler, knownId)) ScriptApp.deleteTrigger(t);
      return ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create().getUniqueId();
    },
    remove(handler, knownId) {
      for (const t of mine(handler, knownId)) ScriptApp.deleteTrigger(t);
    },
  };
}

/** The user's properties: readable in a clock run with no spreadsheet, unlike the document's. */
function gasUserStore(): UserStorePort {
  const props = new ChunkedProperties(
    () => PropertiesService.getUserProperties(),
    'Хранилище надстройки для вашей учётной записи заполнено (предел Google — 500 КБ): выключите напоминания в таблицах, где они больше не нужны.',
  );
  return { get: (k) => props.get(k), set: (k, v) => props.set(k, v), keys: (p) => props.keys(p), reread: () => props.forget() };
}

export interface GasContextOptions {
  /** Built as an editor add-on (the default) rather than a script bound to one spreadsheet. */
  addon?: boolean;
}

/**
 * Builds the Apps Script context. Called inside an entry point, never at module load; an entry
 * that already holds the active spreadsheet passes it so it is not fetched twice.
 */
export function gasContext(ss?: Spreadsheet, options: GasContextOptions = {}): AppContext {
  const wb = new SheetsWorkbook(ss);
  let docs: ReturnType<typeof gasDocuments> | undefined;
  return {
    wb,
    today(timeZone?: string) {
      // The workbook's spreadsheet handle: no second getActiveSpreadsheet.
      return Utilities.formatDate(new Date(), timeZone ?? wb.timeZone(), 'yyyy-MM-dd');
    },
    get docs() {
      return (docs ??= { ...gasDocuments(), readDocument: readDocContent });
    },
    mail: gasMail(),
    triggers: gasTriggers(() => wb.spreadsheet(), options.addon ?? true),
    userStore: gasUserStore(),
    log(message: string) {
      console.log(message);
    },
  };
}
