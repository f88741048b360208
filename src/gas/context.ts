import type { AppContext, MailPort, TriggersPort } from '../app/context';
import { gasDocuments } from './docs';
import { readDocTables } from './docTables';
import { SheetsWorkbook } from './sheetsWorkbook';

const MAIL_SENDER_NAME = 'Наставник';

function gasMail(): MailPort {
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send(to, subject, body) {
      MailApp.sendEmail({ to, subject, body, name: MAIL_SENDER_NAME });
    },
  };
}

function gasTriggers(): TriggersPort {
  const daily = (handler: string) =>
    ScriptApp.getProjectTriggers().filter(
      (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK,
    );
  return {
    isDailyInstalled: (handler) => daily(handler).length > 0,
    installDaily(handler, hour) {
      // Replace rather than add: one daily trigger per handler, at the latest requested hour.
      for (const t of daily(handler)) ScriptApp.deleteTrigger(t);
      ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create();
    },
    remove(handler) {
      for (const t of ScriptApp.getProjectTriggers()) {
        if (t.getHandlerFunction() === handler) ScriptApp.deleteTrigger(t);
      }
    },
  };
}

/**
 * Builds the Apps Script context. Called inside an entry point, never at module load; an entry
 * that already holds the active spreadsheet passes it so it is not fetched twice.
 */
export function gasContext(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet): AppContext {
  const wb = new SheetsWorkbook(ss);
  let docs: ReturnType<typeof gasDocuments> | undefined;
  return {
    wb,
    today() {
      // The workbook's spreadsheet handle: no second getActiveSpreadsheet.
      return Utilities.formatDate(new Date(), wb.timeZone(), 'yyyy-MM-dd');
    },
    get docs() {
      return (docs ??= { ...gasDocuments(), readTables: readDocTables });
    },
    mail: gasMail(),
    triggers: gasTriggers(),
    log(message: string) {
      console.log(message);
    },
  };
}
