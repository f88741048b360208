/**
 * Apps Script entry points of the department review («Наставник: сводка»), a deployment of its
 * own (department/appsscript.json): only it asks for the scope to open other spreadsheets
 * (spreadsheets: SpreadsheetApp.openByUrl/openById accept no narrower one); the schools' add-on
 * (main.ts) never does. scripts/build.mjs generates
 * a top-level function in dist-department/Code.js for every key of `entries`. Nothing here
 * touches a service at module load.
 */
import type { AppContext } from '../app/context';
import type { WorkbookPort } from '../app/port';
import { departmentApi, type DepartmentMethod } from '../app/department/api';
import { OpenWorkbookError } from '../app/department/open';
import { parseSchoolRef } from '../core/monitoring/consolidate';
import { SheetsWorkbook } from './sheetsWorkbook';
import { spreadsheetNow, userMessage } from './entryKit';

export const DEPARTMENT_MENU_TITLE = 'Сводка по наставничеству';

export const DEPARTMENT_MENU: ReadonlyArray<{ id: string; title: string; run: DepartmentMethod }> = [
  { id: 'menuCollectSummary', title: 'Собрать сводку', run: 'collectDepartmentSummary' },
  { id: 'menuSchoolListTemplate', title: 'Шаблон списка школ', run: 'createSchoolListTemplate' },
];

/** A school's spreadsheet, opened by its link or ID; the review only ever reads it. */
function openSchool(ref: string): WorkbookPort {
  const r = parseSchoolRef(ref);
  if (!r || r.kind === 'file') throw new OpenWorkbookError('badRef');
  const ss = r.kind === 'google' ? SpreadsheetApp.openByUrl(r.url) : SpreadsheetApp.openById(r.id);
  return new SheetsWorkbook(ss);
}

function departmentContext(): AppContext {
  return {
    wb: new SheetsWorkbook(),
    today: () => spreadsheetNow('yyyy-MM-dd'),
    openWorkbook: openSchool,
    log(message: string) {
      console.log(message);
    },
  };
}

function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  // Installed as an add-on its first onOpen runs in AuthMode.NONE, where only that menu is allowed.
  const menu = e && e.authMode === ScriptApp.AuthMode.NONE ? ui.createAddonMenu() : ui.createMenu(DEPARTMENT_MENU_TITLE);
  for (const item of DEPARTMENT_MENU) menu.addItem(item.title, item.id);
  menu.addToUi();
}

function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

function runItem(item: (typeof DEPARTMENT_MENU)[number]): void {
  try {
    const ctx = departmentContext();
    const result =
      item.run === 'collectDepartmentSummary'
        ? departmentApi.collectDepartmentSummary(ctx, { collectedAt: spreadsheetNow('dd.MM.yyyy HH:mm') })
        : departmentApi[item.run](ctx);
    SpreadsheetApp.getActiveSpreadsheet().toast(result.summary, DEPARTMENT_MENU_TITLE, 10);
  } catch (err) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(DEPARTMENT_MENU_TITLE, userMessage(err), ui.ButtonSet.OK);
  }
}

const menuEntries: Record<string, () => void> = {};
for (const item of DEPARTMENT_MENU) menuEntries[item.id] = () => runItem(item);

export const entries: Record<string, (...args: any[]) => unknown> = {
  onOpen,
  onInstall,
  ...menuEntries,
};
