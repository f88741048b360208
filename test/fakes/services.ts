/**
 * Fakes of the smaller services: PropertiesService, LockService, MailApp, ScriptApp, Utilities,
 * Session, Logger, console, HtmlService.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, isDate, zonedParts, type SheetsState } from './sheets';

// ---------------------------------------------------------------- PropertiesService

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
/** Apps Script: 9 KB per value, 500 KB per store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties {
  readonly __type = 'Properties';
  readonly map = new Map<string, string>();

  private put(key: string, value: unknown) {
    if (key === null || key === undefined || key === '') fail('Invalid argument: key');
    const v = String(value);
    if (utf8(v) > PROPERTY_VALUE_LIMIT) fail('Argument too large: value');
    const old = this.map.get(key);
    this.map.set(String(key), v);
    let total = 0;
    for (const [k, val] of this.map) total += utf8(k) + utf8(val);
    if (total > PROPERTY_STORE_LIMIT) {
      if (old === undefined) this.map.delete(key);
      else this.map.set(key, old);
      fail('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }
  getProperty(key: string) {
    return this.map.get(key) ?? null;
  }
  setProperty(key: string, value: unknown) {
    this.put(key, value);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this.map);
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false) {
    if (deleteAllOthers) this.map.clear();
    for (const [k, v] of Object.entries(props)) this.put(k, v);
    return this;
  }
  getKeys() {
    return [...this.map.keys()];
  }
  deleteProperty(key: string) {
    this.map.delete(key);
    return this;
  }
  deleteAllProperties() {
    this.map.clear();
    return this;
  }
}

export function createPropertiesService(state: SheetsState, stores: { document: FakeProperties; user: FakeProperties; script: FakeProperties }) {
  return {
    __type: 'PropertiesService',
    getDocumentProperties() {
      if (state.authMode === 'NONE') fail('You do not have permission to call PropertiesService.getDocumentProperties.');
      // «When document properties are not available this method returns null.»
      return state.noDocument ? null : stores.document;
    },
    getUserProperties() {
      return stores.user;
    },
    getScriptProperties() {
      return stores.script;
    },
  };
}

// ---------------------------------------------------------------- LockService

export interface LockState {
  /** Someone else holds the lock: tryLock returns false, waitLock throws. */
  heldElsewhere: boolean;
  heldByMe: boolean;
  /** Timeouts passed to tryLock/waitLock, for assertions. */
  waits: number[];
  acquired: number;
  released: number;
}

export const newLockState = (): LockState => ({ heldElsewhere: false, heldByMe: false, waits: [], acquired: 0, released: 0 });

export class FakeLock {
  readonly __type = 'Lock';
  constructor(readonly s: LockState) {}
  tryLock(ms: number) {
    if (typeof ms !== 'number') fail("The parameters don't match the method signature for LockService.Lock.tryLock.");
    this.s.waits.push(ms);
    if (this.s.heldElsewhere) return false;
    if (!this.s.heldByMe) this.s.acquired++;
    this.s.heldByMe = true;
    return true;
  }
  waitLock(ms: number) {
    if (!this.tryLock(ms)) fail('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock() {
    if (this.s.heldByMe) this.s.released++;
    this.s.heldByMe = false;
  }
  hasLock() {
    return this.s.heldByMe;
  }
}

export function createLockService(state: SheetsState, locks: { document: LockState; script: LockState; user: LockState }) {
  return {
    __type: 'LockService',
    /** null outside a containing document (state.noDocument), as the reference says. */
    getDocumentLock() {
      if (state.authMode === 'NONE') fail('You do not have permission to call LockService.getDocumentLock.');
      return state.noDocument ? null : new FakeLock(locks.document);
    },
    getScriptLock() {
      return new FakeLock(locks.script);
    },
    getUserLock() {
      return new FakeLock(locks.user);
    },
  };
}

// ---------------------------------------------------------------- MailApp

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  name?: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
}

export function createMailApp(state: SheetsState, mail: { sent: SentMail[]; quota: number }) {
  return {
    __type: 'MailApp',
    getRemainingDailyQuota() {
      return mail.quota;
    },
    sendEmail(a: any, subject?: string, body?: string, options?: Record<string, string>) {
      if (state.authMode === 'NONE') fail('You do not have permission to call MailApp.sendEmail.');
      const msg: SentMail = typeof a === 'object' && a !== null ? { ...a } : { to: a, subject: subject as string, body: body as string, ...(options ?? {}) };
      if (!msg.to || typeof msg.to !== 'string') fail('Failed to send email: no recipient');
      if (msg.subject === undefined) fail('Invalid argument: subject');
      if (mail.quota <= 0) fail('Service invoked too many times for one day: email.');
      mail.quota -= msg.to.split(',').length;
      mail.sent.push(msg);
    },
  };
}

// ---------------------------------------------------------------- ScriptApp

export interface FakeTriggerData {
  id: string;
  handler: string;
  eventType: string;
  source: string;
  /**
   * The spreadsheet the trigger was created in (null: none was open). An add-on's installable
   * triggers, a time-driven one included, belong to the document they were made in.
   */
  docId: string | null;
  everyDays?: number;
  everyHours?: number;
  everyMinutes?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
}

export class FakeTrigger {
  readonly __type = 'Trigger';
  constructor(readonly data: FakeTriggerData) {}
  getHandlerFunction() {
    return this.data.handler;
  }
  getEventType() {
    return this.data.eventType;
  }
  getTriggerSource() {
    return this.data.source;
  }
  getTriggerSourceId() {
    return this.data.source === 'CLOCK' ? null : this.data.docId;
  }
  getUniqueId() {
    return this.data.id;
  }
}

// Unique ids look like Apps Script's: long decimal strings.
let nextTriggerId = 4034124084959907000;

/** How the script is deployed: an editor add-on (the default build) or bound to one spreadsheet. */
export type ScriptKind = 'addon' | 'bound';

class ClockTriggerBuilder {
  readonly __type = 'ClockTriggerBuilder';
  constructor(
    private readonly d: FakeTriggerData,
    private readonly list: FakeTrigger[],
    private readonly kind: ScriptKind,
  ) {}
  everyMinutes(n: number) {
    // «Time-driven triggers cannot run more frequently than once per hour» in add-ons.
    if (this.kind === 'addon') fail('Add-ons may not create time-based triggers that run more often than once per hour.');
    if (![1, 5, 10, 15, 30].includes(n)) fail('The value for minutes must be 1, 5, 10, 15 or 30.');
    this.d.everyMinutes = n;
    return this;
  }
  everyDays(n: number) {
    if (!(n >= 1)) fail('Invalid argument: everyDays');
    this.d.everyDays = n;
    return this;
  }
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n)) fail('The value for hours must be 1, 2, 4, 6, 8, or 12.');
    this.d.everyHours = n;
    return this;
  }
  atHour(h: number) {
    if (!Number.isInteger(h) || h < 0 || h > 23) fail('Invalid argument: hour. Should be in the range [0, 23].');
    this.d.atHour = h;
    return this;
  }
  nearMinute(m: number) {
    this.d.nearMinute = m;
    return this;
  }
  inTimezone(tz: string) {
    this.d.timeZone = tz;
    return this;
  }
  create() {
    if (this.d.atHour !== undefined && this.d.everyDays === undefined) fail('atHour requires everyDays or everyWeeks.');
    if (this.d.everyDays === undefined && this.d.everyHours === undefined && this.d.everyMinutes === undefined) fail('The trigger frequency is not set.');
    // «Each add-on can only have one trigger of each type, per user, per document.»
    if (this.kind === 'addon' && this.list.some((t) => t.data.eventType === 'CLOCK' && t.data.docId === this.d.docId)) {
      fail('This add-on has created too many time-based triggers in this document for this Google user account.');
    }
    const t = new FakeTrigger({ ...this.d });
    this.list.push(t);
    return t;
  }
}

/**
 * `triggers` are this user's triggers of this script (shared by every spreadsheet of a
 * UserWorld); `docId` is the spreadsheet of the execution, null when there is none.
 */
export function createScriptApp(state: SheetsState, triggers: FakeTrigger[], kind: ScriptKind = 'addon', docId: () => string | null = () => null) {
  const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
  return {
    __type: 'ScriptApp',
    AuthMode,
    EventType: { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' },
    TriggerSource: { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', DOCUMENTS: 'DOCUMENTS' },
    WeekDay: { MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY', SUNDAY: 'SUNDAY' },
    /** «All installable triggers associated with the current project and current user»: for an add-on, every document's. */
    getProjectTriggers() {
      if (state.authMode === 'NONE') fail('You do not have permission to call ScriptApp.getProjectTriggers.');
      return triggers.slice();
    },
    /**
     * «Triggers owned by this user in the given spreadsheet, for this script or add-on only.» An
     * add-on's triggers (time-driven too) belong to the document they were created in. For a
     * bound script the reference does not say that a clock trigger is «in» the spreadsheet, so
     * the fake returns only its spreadsheet-sourced ones: code must not rely on more.
     */
    getUserTriggers(ss: { __type?: string; getId?: () => string } | null) {
      if (state.authMode === 'NONE') fail('You do not have permission to call ScriptApp.getUserTriggers.');
      if (!ss || typeof ss.getId !== 'function') fail("The parameters (null) don't match the method signature for ScriptApp.getUserTriggers.");
      const id = ss.getId();
      return triggers.filter((t) => t.data.docId === id && (kind === 'addon' || t.data.source !== 'CLOCK'));
    },
    newTrigger(handler: string) {
      if (typeof handler !== 'string' || !handler) fail('Invalid argument: functionName');
      return {
        __type: 'TriggerBuilder',
        timeBased() {
          return new ClockTriggerBuilder({ id: String(nextTriggerId++), handler, eventType: 'CLOCK', source: 'CLOCK', docId: docId() }, triggers, kind);
        },
      };
    },
    deleteTrigger(t: FakeTrigger) {
      const i = triggers.indexOf(t);
      if (i < 0) fail('Invalid argument: trigger');
      triggers.splice(i, 1);
    },
    getScriptId() {
      return 'fake-script-id';
    },
    getOAuthToken() {
      return 'fake-token';
    },
  };
}

/**
 * The event object a time-driven trigger passes its handler (the reference's «Time-driven
 * events»): authMode, the time fields, timezone and triggerUid. There is no `source`: a clock
 * event names no spreadsheet.
 */
export function clockEvent(trigger: FakeTrigger, at: Date, timeZone: string) {
  const p = zonedParts(at, timeZone);
  const dow = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return {
    authMode: 'FULL',
    year: p.year,
    month: p.month,
    'day-of-month': p.day,
    'day-of-week': dow === 0 ? 7 : dow,
    'week-of-year': Math.ceil(((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000 + 1) / 7),
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    timezone: timeZone,
    triggerUid: trigger.getUniqueId(),
  };
}

// ---------------------------------------------------------------- Utilities, Session, Logger, console

/** SimpleDateFormat subset: yyyy yy MM M dd d HH H mm ss, 'quoted literals'. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isDate(date) || Number.isNaN(date.getTime())) fail("The parameters don't match the method signature for Utilities.formatDate.");
  if (typeof timeZone !== 'string' || typeof pattern !== 'string') fail("The parameters don't match the method signature for Utilities.formatDate.");
  let p;
  try {
    p = zonedParts(date, timeZone);
  } catch {
    return fail(`Invalid argument: timeZone ${timeZone}`);
  }
  const two = (n: number) => String(n).padStart(2, '0');
  return pattern.replace(/'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|mm|ss/g, (tok, lit) => {
    if (lit !== undefined) return lit === '' ? "'" : lit;
    switch (tok) {
      case 'yyyy': return String(p.year);
      case 'yy': return two(p.year % 100);
      case 'MM': return two(p.month);
      case 'M': return String(p.month);
      case 'dd': return two(p.day);
      case 'd': return String(p.day);
      case 'HH': return two(p.hour);
      case 'H': return String(p.hour);
      case 'mm': return two(p.minute);
      case 'ss': return two(p.second);
      default: return tok;
    }
  });
}

export function createUtilities(sleeps: number[]) {
  let uuid = 0;
  return {
    __type: 'Utilities',
    formatDate,
    getUuid() {
      uuid++;
      return `00000000-0000-4000-8000-${String(uuid).padStart(12, '0')}`;
    },
    sleep(ms: number) {
      sleeps.push(ms);
    },
  };
}

export function createSession(state: SheetsState, email: string) {
  return {
    __type: 'Session',
    getScriptTimeZone() {
      return state.timeZone;
    },
    getActiveUser() {
      return { __type: 'User', getEmail: () => email };
    },
    getEffectiveUser() {
      return { __type: 'User', getEmail: () => email };
    },
    getTemporaryActiveUserKey() {
      return 'fake-user-key';
    },
  };
}

export function createLogger(logs: string[]) {
  const fmt = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  const logger = {
    __type: 'Logger',
    log(...args: unknown[]) {
      logs.push(fmt(args));
      return logger;
    },
  };
  const console = {
    log: (...a: unknown[]) => void logs.push(fmt(a)),
    info: (...a: unknown[]) => void logs.push(fmt(a)),
    warn: (...a: unknown[]) => void logs.push('WARN ' + fmt(a)),
    error: (...a: unknown[]) => void logs.push('ERROR ' + fmt(a)),
  };
  return { logger, console };
}

// ---------------------------------------------------------------- HtmlService

export class FakeHtmlOutput {
  readonly __type = 'HtmlOutput';
  title = '';
  width?: number;
  height?: number;
  constructor(public content: string) {}
  getContent() {
    return this.content;
  }
  setContent(c: string) {
    this.content = String(c);
    return this;
  }
  append(c: string) {
    this.content += String(c);
    return this;
  }
  setTitle(t: string) {
    this.title = String(t);
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(w: number) {
    this.width = w;
    return this;
  }
  setHeight(h: number) {
    this.height = h;
    return this;
  }
  getWidth() {
    return this.width;
  }
  getHeight() {
    return this.height;
  }
  setSandboxMode() {
    return this;
  }
  setXFrameOptionsMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
  setFaviconUrl() {
    return this;
  }
}

/** Templates: `<?= name ?>` (escaped) and `<?!= name ?>` (raw) for properties set on the template. */
export class FakeHtmlTemplate {
  readonly __type = 'HtmlTemplate';
  [key: string]: unknown;
  constructor(private readonly source: string) {}
  getRawContent() {
    return this.source;
  }
  evaluate() {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const out = this.source.replace(/<\?(!?)=\s*([A-Za-z_$][\w$]*)\s*\?>/g, (_m, raw, name) => {
      const v = String(this[name] ?? '');
      return raw ? v : esc(v);
    });
    return new FakeHtmlOutput(out);
  }
}

export function createHtmlService(htmlDir: string) {
  const read = (name: string) => {
    const file = join(htmlDir, name.endsWith('.html') ? name : `${name}.html`);
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return fail(`No HTML file named ${name} was found.`);
    }
  };
  return {
    __type: 'HtmlService',
    SandboxMode: { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' },
    XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
    createHtmlOutput(html?: string) {
      return new FakeHtmlOutput(html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(name: string) {
      return new FakeHtmlOutput(read(name));
    },
    createTemplate(html: string) {
      return new FakeHtmlTemplate(String(html));
    },
    createTemplateFromFile(name: string) {
      return new FakeHtmlTemplate(read(name));
    },
  };
}
