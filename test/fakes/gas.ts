/**
 * createGasFakes(): in-memory Apps Script services for tests of src/gas and of the built
 * dist/Code.js. `globals` holds the service objects (each call through them is counted in
 * `calls`); `spreadsheet` is the raw fake spreadsheet for seeding and inspection.
 * See sheets.ts / docs.ts / services.ts for what is modelled and how.
 */
import { join } from 'node:path';
import * as vm from 'node:vm';
import { CallLog, createTracker } from './calls';
import { manifestAdvancedServices, manifestScopes, requiredScopes } from './scopes';
import { FakeSpreadsheet, createCharts, createSpreadsheetApp, fail, type SheetsState, type UiLog } from './sheets';
import {
  FakeProperties,
  createPropertiesService,
  createLockService,
  newLockState,
  createMailApp,
  createScriptApp,
  createUtilities,
  createSession,
  createLogger,
  createHtmlService,
  type FakeTrigger,
  type LockState,
  type ScriptKind,
  type SentMail,
} from './services';
import { newDriveState, createDocumentApp, createDriveApp, createDriveApi, createDocsApi } from './docs';

export { CallLog } from './calls';
export * from './sheets';
export { FakeProperties, FakeTrigger, formatDate, clockEvent, PROPERTY_VALUE_LIMIT, PROPERTY_STORE_LIMIT, type ScriptKind } from './services';

/**
 * What belongs to the user rather than to a spreadsheet: their properties, their triggers of this
 * script (an add-on's span every document), their mail quota, their lock. Several fakes created
 * with one world are the same user in several spreadsheets.
 */
export interface UserWorld {
  user: FakeProperties;
  triggers: FakeTrigger[];
  mail: { sent: SentMail[]; quota: number };
  userLock: LockState;
}

export function createUserWorld(options: { mailQuota?: number } = {}): UserWorld {
  return { user: new FakeProperties(), triggers: [], mail: { sent: [], quota: options.mailQuota ?? 100 }, userLock: newLockState() };
}
export { FakeDocument, FakeParagraph, FakeListItem, FakeTable, javaReplacement } from './docs';

export interface GasFakesOptions {
  /** Where createHtmlOutputFromFile reads `<name>.html` (default <repo>/dist). */
  htmlDir?: string;
  timeZone?: string;
  /** Tabs to create: name → rows of raw values (strings are stored as is, not parsed). */
  sheets?: Record<string, unknown[][]>;
  /** Seed `sheets` as typed by hand: date-like strings become Dates, numeric ones numbers. */
  typed?: boolean;
  /** 'NONE' makes spreadsheet/properties/lock/triggers calls throw, as in an add-on's first onOpen. */
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  mailQuota?: number;
  /**
   * The script's declared OAuth scopes: a call needing another throws, as in Apps Script.
   * Default: the add-on's appsscript.json; null checks nothing.
   */
  scopes?: readonly string[] | null;
  userEmail?: string;
  addonName?: string;
  /** The user's state shared with other fakes (another spreadsheet of the same user). */
  world?: UserWorld;
  /** An editor add-on (default, as the default build) or a script bound to this spreadsheet. */
  scriptKind?: ScriptKind;
  /**
   * The advanced services enabled (userSymbols): only these globals exist, as in Apps Script,
   * where a service missing from the manifest's enabledAdvancedServices is not defined at all.
   * Default: the add-on's appsscript.json.
   */
  advancedServices?: readonly string[];
}

export function createGasFakes(options: GasFakesOptions = {}) {
  const calls = new CallLog();
  const declared = options.scopes === undefined ? manifestScopes() : options.scopes;
  const tracker = createTracker(calls, (type, method) => {
    if (!declared) return;
    const need = requiredScopes(type, method);
    if (need && !need.some((s) => declared.includes(s))) {
      fail(`You do not have permission to call ${type}.${method}. Required permissions: ${need.join(' || ')}`);
    }
  });
  const ui: UiLog = { menus: [], toasts: [], alerts: [], sidebars: [], dialogs: [] };
  const state: SheetsState = {
    log: calls,
    ui,
    authMode: options.authMode ?? 'FULL',
    timeZone: options.timeZone ?? 'Europe/Moscow',
    addonName: options.addonName ?? 'Наставник',
  };
  const spreadsheet = new FakeSpreadsheet(state);
  for (const [name, rows] of Object.entries(options.sheets ?? { Лист1: [] })) spreadsheet._addSheet(name, rows, options.typed);

  const world = options.world ?? createUserWorld({ mailQuota: options.mailQuota });
  const properties = { document: new FakeProperties(), user: world.user, script: new FakeProperties() };
  const locks = { document: newLockState(), script: newLockState(), user: world.userLock };
  const mail = world.mail;
  const triggers = world.triggers;
  const logs: string[] = [];
  const sleeps: number[] = [];
  const drive = newDriveState();
  const advanced = options.advancedServices ?? manifestAdvancedServices();
  const { logger, console } = createLogger(logs);

  const raw = {
    SpreadsheetApp: createSpreadsheetApp(state, spreadsheet),
    HtmlService: createHtmlService(options.htmlDir ?? join(__dirname, '..', '..', 'dist')),
    PropertiesService: createPropertiesService(state, properties),
    LockService: createLockService(state, locks),
    DocumentApp: createDocumentApp(drive),
    DriveApp: createDriveApp(drive),
    // The advanced services the manifest enables (dependencies.enabledAdvancedServices).
    ...(advanced.includes('Drive') ? { Drive: createDriveApi(drive, declared) } : {}),
    ...(advanced.includes('Docs') ? { Docs: createDocsApi(drive, declared) } : {}),
    MailApp: createMailApp(state, mail),
    ScriptApp: createScriptApp(state, triggers, options.scriptKind ?? 'addon', () => (state.noDocument ? null : spreadsheet.id)),
    Utilities: createUtilities(sleeps),
    Session: createSession(state, options.userEmail ?? 'curator@example.org'),
    Logger: logger,
    Charts: createCharts(),
  };
  const globals: Record<string, any> = { console };
  for (const [name, service] of Object.entries(raw)) globals[name] = tracker.wrap(service, name);

  return {
    globals,
    spreadsheet,
    calls,
    ui,
    properties,
    locks,
    mail,
    triggers,
    world,
    drive,
    logs,
    sleeps,
    state,
    setAuthMode(mode: 'NONE' | 'LIMITED' | 'FULL') {
      state.authMode = mode;
    },
    /**
     * A fresh V8 context whose globals are the services, as Apps Script runs a script: values
     * the services return (Dates in getValues) belong to that context, as they do in Apps Script.
     */
    context(extra: Record<string, unknown> = {}): vm.Context {
      const ctx = vm.createContext({ ...globals, ...extra });
      tracker.setDateRealm(vm.runInContext('Date', ctx) as DateConstructor);
      return ctx;
    },
    /** Puts the services on globalThis (for code under test imported directly); returns an undo. */
    install(): () => void {
      const g = globalThis as Record<string, unknown>;
      const saved = new Map<string, PropertyDescriptor | undefined>();
      for (const name of Object.keys(raw)) {
        saved.set(name, Object.getOwnPropertyDescriptor(g, name));
        g[name] = globals[name];
      }
      return () => {
        for (const [name, d] of saved) {
          if (d) Object.defineProperty(g, name, d);
          else delete g[name];
        }
      };
    },
  };
}

export type GasFakes = ReturnType<typeof createGasFakes>;
