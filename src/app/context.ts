import type { WorkbookPort } from './port';
import type { DocModel } from '../core/orders/model';
import type { DocumentTables } from '../core/roadmap/importTypes';

/** A rendered order: where the document landed. */
export interface SavedDocument {
  name: string;
  /** Google Docs URL, or a path/URL the local preview can open. */
  url: string;
  id?: string;
}

/** Renders a document model into the backend's document store (Google Docs or .docx files). */
export interface DocumentsPort {
  create(model: DocModel, options: { name: string; folderId?: string; templateId?: string }): SavedDocument;
  /** Reads a Google Doc: its tables as rows of cells and the paragraphs outside them (roadmap import). */
  readDocument?(ref: string): DocumentTables;
}

export interface MailPort {
  remainingQuota(): number;
  send(to: string, subject: string, body: string): void;
}

/**
 * Daily triggers of the current document for the current user. In an editor add-on the user's
 * triggers of the add-on span every document they use it in: these methods touch only this
 * document's. `knownId` is the trigger's id recorded when it was installed (see reminders.ts).
 */
export interface TriggersPort {
  /** The id of this document's daily trigger of `handler`, or null. */
  dailyId(handler: string, knownId?: string | null): string | null;
  /** Replaces this document's daily trigger of `handler`; returns the new trigger's id. */
  installDaily(handler: string, hour: number, knownId?: string | null): string;
  /** Removes this document's daily trigger of `handler`; other documents' stay. */
  remove(handler: string, knownId?: string | null): void;
  /**
   * The trigger may fire with no spreadsheet open (an editor add-on's clock trigger): reminders
   * then rely on the snapshot kept in the user's store.
   */
  readonly detached?: boolean;
}

/**
 * The current user's own key/value store, shared by every document they use the add-on in
 * (PropertiesService.getUserProperties in Apps Script). Values are strings of any length.
 */
export interface UserStorePort {
  get(key: string): string | null;
  /** Writes or (null) deletes. Throws a UserError with a Russian reason, writing nothing, when it does not fit. */
  set(key: string, value: string | null): void;
  /** The keys that start with `prefix`. */
  keys(prefix: string): string[];
  /** Drops what was read: another execution may have written since (call inside a lock). */
  reread?(): void;
}

/** Everything a feature may touch; each backend builds one. */
export interface AppContext {
  wb: WorkbookPort;
  /** Today as YYYY-MM-DD in the given time zone, else the spreadsheet's. */
  today(timeZone?: string): string;
  docs?: DocumentsPort;
  mail?: MailPort;
  triggers?: TriggersPort;
  userStore?: UserStorePort;
  /** Logs without personal data (counts and codes only). */
  log?(message: string): void;
  /**
   * Opens another workbook for reading (department review only: a link, an ID or a local path).
   * Throws when it cannot be opened; the caller turns the error into a reason.
   */
  openWorkbook?(ref: string): WorkbookPort;
}
