/**
 * What every Apps Script entry file shares (the schools' add-on in main.ts and the department
 * review in department.ts): the Russian message for any failure, and today in the sheet's zone.
 */
import { UserError, LockBusyError } from '../app/port';

/** Russian message for any failure; no personal data reaches the log. */
export function userMessage(err: unknown): string {
  if (err instanceof UserError || err instanceof LockBusyError) return err.message;
  const name = err instanceof Error ? err.name : 'Error';
  console.error(`Наставник: unexpected ${name}`);
  return 'Не удалось выполнить действие: внутренняя ошибка. Данные не изменены. Повторите попытку или сообщите разработчикам.';
}

/** Formats now in the active spreadsheet's time zone (e.g. 'yyyy-MM-dd'). */
export function spreadsheetNow(pattern: string): string {
  const tz = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return Utilities.formatDate(new Date(), tz, pattern);
}
