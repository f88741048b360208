/** The Node AppContext (CLI and local preview): an .xlsx workbook, .docx orders, a file outbox. */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext, MailPort, TriggersPort } from '../app/context';
import type { WorkbookPort } from '../app/port';
import { UserError } from '../app/port';
import { docxDocuments } from './docxDocuments';
import type { XlsxWorkbook } from './xlsxWorkbook';

/** MailApp's daily quota for a consumer account; the outbox keeps to it too. */
export const MAIL_QUOTA = 100;
const TRIGGERS_KEY = 'nastavnik.triggers';

export interface NodeContextOptions {
  /** Where orders (.docx) and the outbox land: the workbook's folder in the preview. */
  outDir: string;
  /** Fixed today (YYYY-MM-DD) for tests and `--today`; Moscow today otherwise. */
  today?: string;
  /** The command line: stderr carries only messages for the user (NASTAVNIK_DEBUG=1 brings the log back). */
  quiet?: boolean;
}

/** Today as YYYY-MM-DD in Moscow time (the add-on's time zone). */
export function moscowToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Moscow',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Letters go to <outDir>/outbox.jsonl, one JSON line each, instead of being sent. */
export function fileOutbox(outDir: string, today: () => string): MailPort {
  const file = join(outDir, 'outbox.jsonl');
  const sentToday = (): number => {
    if (!existsSync(file)) return 0;
    const day = today();
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => {
        if (!line.trim()) return false;
        try {
          return (JSON.parse(line) as { day?: string }).day === day;
        } catch {
          return false;
        }
      }).length;
  };
  return {
    remainingQuota: () => Math.max(0, MAIL_QUOTA - sentToday()),
    send(to, subject, body) {
      if (sentToday() >= MAIL_QUOTA) {
        throw new UserError(`Дневной лимит писем (${MAIL_QUOTA}) исчерпан. Остальные письма можно отправить завтра.`);
      }
      mkdirSync(outDir, { recursive: true });
      appendFileSync(file, JSON.stringify({ day: today(), at: new Date().toISOString(), to, subject, body }) + '\n');
    },
  };
}

/** Daily triggers kept in the workbook's properties (nothing runs them locally; the CLI may). */
export function propertyTriggers(wb: WorkbookPort): TriggersPort {
  const read = (): Record<string, number> => {
    try {
      const parsed = JSON.parse(wb.getProperty(TRIGGERS_KEY) ?? '{}') as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
    } catch {
      return {};
    }
  };
  const write = (t: Record<string, number>) => wb.setProperty(TRIGGERS_KEY, Object.keys(t).length ? JSON.stringify(t) : null);
  // One workbook, one trigger per handler: its id is the handler's name.
  return {
    dailyId: (handler) => (Object.prototype.hasOwnProperty.call(read(), handler) ? `local:${handler}` : null),
    installDaily(handler, hour) {
      write({ ...read(), [handler]: hour });
      return `local:${handler}`;
    },
    remove(handler) {
      const t = read();
      delete t[handler];
      write(t);
    },
  };
}

export function nodeContext(wb: XlsxWorkbook, opts: NodeContextOptions): AppContext {
  const today = () => opts.today ?? moscowToday();
  return {
    wb,
    today,
    docs: docxDocuments(opts.outDir),
    mail: fileOutbox(opts.outDir, today),
    triggers: propertyTriggers(wb),
    // Callers pass counts and codes only; one line, no stack, to stderr.
    log:
      opts.quiet && !process.env.NASTAVNIK_DEBUG
        ? () => undefined
        : (message) => process.stderr.write(`[наставник] ${message.replace(/\s+/g, ' ')}\n`),
  };
}
