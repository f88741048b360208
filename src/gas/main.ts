/**
 * Apps Script entry points, declared once: scripts/build.mjs generates a top-level
 * `function <name>()` in dist/Code.js for every key of `entries`. Nothing here touches an Apps
 * Script service at module load (onOpen may run in AuthMode.NONE).
 */
import { api, callApi, isApiMethod, type ApiMethod } from '../app/api';
import { MENU, MENU_TITLE, SIDEBAR_VIEWS, type MenuItem, type SidebarView } from '../app/menu';
import { DIGEST_HANDLER } from '../app/roadmap/digest';
import { sendScheduledDigests } from '../app/roadmap/reminders';
import { gasContext } from './context';
import { userMessage } from './entryKit';

/** Set by scripts/build.mjs: true unless NASTAVNIK_TARGET=bound. */
declare const __NASTAVNIK_ADDON__: boolean;
/** The build's answer; sources loaded without the build (tests) are the add-on, the default build. */
const ADDON = typeof __NASTAVNIK_ADDON__ === 'boolean' ? __NASTAVNIK_ADDON__ : true;

function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  // authMode cannot tell a bound script from an add-on (both open in LIMITED), so the build
  // says which one this is; in AuthMode.NONE only the add-on menu is allowed anyway.
  const isAddon = ADDON || (!!e && e.authMode === ScriptApp.AuthMode.NONE);
  const menu = isAddon ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const item of MENU) {
    if (item.separatorBefore) menu.addSeparator();
    menu.addItem(item.title, item.id);
  }
  menu.addToUi();
}

function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Opens the sidebar on a view. A top-level function, so google.script.run can call it with any
 * argument: only a known view name reaches the page's script, and it is inserted by a function
 * (a string replacement would interpret «$'» and the like).
 */
function showSidebar(view: SidebarView = 'home'): void {
  const known: SidebarView = SIDEBAR_VIEWS.includes(view) ? view : 'home';
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .getContent()
    .replace('"__INITIAL_VIEW__"', () => JSON.stringify(known));
  const out = HtmlService.createHtmlOutput(html).setTitle('Наставник');
  SpreadsheetApp.getUi().showSidebar(out);
}

function runMenuItem(item: MenuItem): void {
  if (item.view) {
    showSidebar(item.view);
    return;
  }
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!item.run || !isApiMethod(item.run)) {
    ss.toast(`«${item.title}» ещё в разработке и появится в следующей версии.`, 'Наставник', 6);
    return;
  }
  try {
    const result = callApi(gasContext(ss, { addon: ADDON }), item.run, [] as never) as { summary?: string } | undefined;
    ss.toast(result?.summary ?? 'Готово.', 'Наставник', 8);
  } catch (err) {
    SpreadsheetApp.getUi().alert('Наставник', userMessage(err), SpreadsheetApp.getUi().ButtonSet.OK);
  }
}

const menuEntries: Record<string, () => void> = {};
for (const item of MENU) menuEntries[item.id] = () => runMenuItem(item);

/**
 * An answer as plain JSON, as the local preview sends it: google.script.run delivers null instead
 * of a whole answer that holds a Date anywhere (and refuses functions and class instances), so a
 * stray value must not blank the sidebar; a Date travels as its ISO string.
 */
function plainResult(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** google.script.run targets: one per server function; errors reach the sidebar in Russian. */
const apiEntries: Record<string, (...args: unknown[]) => unknown> = {};
for (const name of Object.keys(api) as ApiMethod[]) {
  apiEntries[name] = (...args: unknown[]) => {
    try {
      return plainResult(callApi(gasContext(undefined, { addon: ADDON }), name, args as never));
    } catch (err) {
      throw new Error(userMessage(err), { cause: err });
    }
  };
}

/**
 * The daily trigger's handler, also «Отправить сейчас» (google.script.run, no argument). With the
 * spreadsheet at hand — the sidebar, a bound script, an add-on trigger that has it — the letters
 * come from the sheet; an add-on's clock trigger may run without it (getActiveSpreadsheet() is
 * null, and `spreadsheets.currentonly` cannot open it by ID), and then they come from the
 * snapshot kept in the user's properties, chosen by the event's triggerUid.
 */
function sendDeadlineDigest(e?: unknown): unknown {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const ctx = gasContext(ss ?? undefined, { addon: ADDON });
    if (ss) return plainResult(callApi(ctx, 'sendDeadlineDigest', [] as never));
    const uid = e && typeof e === 'object' && typeof (e as { triggerUid?: unknown }).triggerUid === 'string' ? (e as { triggerUid: string }).triggerUid : undefined;
    return plainResult(sendScheduledDigests(ctx, uid));
  } catch (err) {
    throw new Error(userMessage(err), { cause: err });
  }
}

export const entries: Record<string, (...args: any[]) => unknown> = {
  onOpen,
  onInstall,
  showSidebar,
  ...menuEntries,
  ...apiEntries,
  [DIGEST_HANDLER]: sendDeadlineDigest,
};
