import type { WorkbookPort } from './port';
import type { DocModel } from '../core/orders/model';

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
  /** Reads a Google Doc / .docx as rows of cells (roadmap import). */
  readTables?(ref: string): string[][][];
}

export interface MailPort {
  remainingQuota(): number;
  send(to: string, subject: string, body: string): void;
}

export interface TriggersPort {
  isDailyInstalled(handler: string): boolean;
  installDaily(handler: string, hour: number): void;
  remove(handler: string): void;
}

/** Everything a feature may touch; each backend builds one. */
export interface AppContext {
  wb: WorkbookPort;
  /** Today as YYYY-MM-DD in the spreadsheet's time zone. */
  today(): string;
  docs?: DocumentsPort;
  mail?: MailPort;
  triggers?: TriggersPort;
  /** Logs without personal data (counts and codes only). */
  log?(message: string): void;
  /**
   * Opens another workbook for reading (department review only: a link, an ID or a local path).
   * Throws when it cannot be opened; the caller turns the error into a reason.
   */
  openWorkbook?(ref: string): WorkbookPort;
}
