/**
 * The OAuth scopes Apps Script requires per method, as the reference lists them under
 * «Authorization» (developers.google.com/apps-script/reference/…). A script with explicit
 * `oauthScopes` in its manifest gets exactly those; calling a method none of whose scopes was
 * declared throws «You do not have permission to call X. Required permissions: …». The fakes
 * check every counted call against this table, so a test fails where Google would.
 *
 * Only what the reference states is listed; a method not listed here is not checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const S = 'https://www.googleapis.com/auth/';
const SHEETS = [`${S}spreadsheets.currentonly`, `${S}spreadsheets`];
const SHEETS_FULL = [`${S}spreadsheets`];
const DOCS = [`${S}documents`];
const DRIVE_READ = [`${S}drive.readonly`, `${S}drive`];
const DRIVE_WRITE = [`${S}drive`];
/** The Drive API (advanced Drive service): drive.file reaches files the app created or opened. */
const DRIVE_API = [`${S}drive.file`, `${S}drive`];
const DRIVE_API_READ = [...DRIVE_API, `${S}drive.readonly`];
/** The Docs API (advanced Docs service), documents.get: the reference's «Authorization scopes». */
const DOCS_API_READ = [...DOCS, `${S}documents.readonly`, ...DRIVE_API_READ];
const MAIL = [`${S}script.send_mail`];
const SCRIPTAPP = [`${S}script.scriptapp`];
const CONTAINER_UI = [`${S}script.container.ui`];

/** Every method of these types needs one of the scopes (Spreadsheet, Sheet, Range… pages). */
const BY_TYPE: Record<string, readonly string[]> = {
  Spreadsheet: SHEETS,
  Sheet: SHEETS,
  Range: SHEETS,
  Protection: SHEETS,
  EmbeddedChart: SHEETS,
};

const BY_METHOD: Record<string, readonly string[]> = {
  'SpreadsheetApp.getActiveSpreadsheet': SHEETS,
  'SpreadsheetApp.getActive': SHEETS,
  'SpreadsheetApp.getActiveSheet': SHEETS,
  'SpreadsheetApp.getActiveRange': SHEETS,
  'SpreadsheetApp.flush': SHEETS,
  // Opening another spreadsheet: spreadsheets only (spreadsheets.readonly is not listed).
  'SpreadsheetApp.openById': SHEETS_FULL,
  'SpreadsheetApp.openByUrl': SHEETS_FULL,
  'SpreadsheetApp.open': SHEETS_FULL,
  'Ui.showSidebar': CONTAINER_UI,
  'Ui.showModalDialog': CONTAINER_UI,
  'Ui.showModelessDialog': CONTAINER_UI,
  'DocumentApp.create': DOCS,
  'DocumentApp.openById': DOCS,
  'DocumentApp.openByUrl': DOCS,
  // DriveApp lists drive.readonly / drive only: drive.file does not open it.
  'DriveApp.getFileById': DRIVE_READ,
  'DriveApp.getFolderById': DRIVE_READ,
  'DriveApp.getFoldersByName': DRIVE_READ,
  'DriveApp.getFilesByName': DRIVE_READ,
  'DriveApp.getRootFolder': DRIVE_READ,
  'DriveApp.createFolder': DRIVE_WRITE,
  'DriveApp.createFile': DRIVE_WRITE,
  'File.moveTo': DRIVE_WRITE,
  'File.makeCopy': DRIVE_WRITE,
  'File.setTrashed': DRIVE_WRITE,
  'Folder.createFolder': DRIVE_WRITE,
  'DriveFiles.create': DRIVE_API,
  'DriveFiles.update': DRIVE_API,
  'DriveFiles.get': DRIVE_API_READ,
  'DriveFiles.list': DRIVE_API_READ,
  'DocsDocuments.get': DOCS_API_READ,
  'MailApp.sendEmail': MAIL,
  'MailApp.getRemainingDailyQuota': MAIL,
  'ScriptApp.getProjectTriggers': SCRIPTAPP,
  'ScriptApp.getUserTriggers': SCRIPTAPP,
  'ScriptApp.newTrigger': SCRIPTAPP,
  'ScriptApp.deleteTrigger': SCRIPTAPP,
};

/** The scopes one of which a call needs, or null when the reference lists none. */
export function requiredScopes(type: string, method: string): readonly string[] | null {
  return BY_METHOD[`${type}.${method}`] ?? BY_TYPE[type] ?? null;
}

/**
 * A file of the repository. Found from the nearest folder with package.json: these fakes run from
 * test/fakes under jest and from dist-node/ inside the bundled `npm run bench`.
 */
function repoFile(relPath: string): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return readFileSync(join(dir, relPath), 'utf8');
}

/** The oauthScopes of a manifest in the repository (appsscript.json, department/appsscript.json). */
export function manifestScopes(relPath = 'appsscript.json'): string[] {
  const m = JSON.parse(repoFile(relPath)) as { oauthScopes?: string[] };
  return m.oauthScopes ?? [];
}

/** The advanced services a manifest enables (dependencies.enabledAdvancedServices), by userSymbol. */
export function manifestAdvancedServices(relPath = 'appsscript.json'): string[] {
  const m = JSON.parse(repoFile(relPath)) as {
    dependencies?: { enabledAdvancedServices?: Array<{ userSymbol?: string }> };
  };
  return (m.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol ?? '').filter(Boolean);
}
