/**
 * The local preview server (plain node:http): the workbook grid, the «Наставничество» menu and
 * the real sidebar over an .xlsx file, so the add-on can be used and tested without Google.
 * Every call goes through callApi exactly as src/gas/main.ts dispatches it in Sheets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { api, callApi, isApiMethod } from '../../app/api';
import type { AppContext } from '../../app/context';
import { MENU, MENU_TITLE, SIDEBAR_VIEWS, type MenuItem } from '../../app/menu';
import { LockBusyError, UserError, type CellValue } from '../../app/port';
import { nodeContext } from '../context';
import { XlsxWorkbook } from '../xlsxWorkbook';
import { previewPage, scriptRunShim } from './page';

export const MAX_BODY = 1024 * 1024;
const VIEWS = new Set<string>(SIDEBAR_VIEWS);
const SERVED_FILES = /\.(docx|pdf|xlsx)$/i;

export interface PreviewOptions {
  /** The .xlsx file the preview works on (created when missing). */
  workbook: string;
  port?: number;
  host?: string;
  /** Fixed today (YYYY-MM-DD). */
  today?: string;
  /** dist/Sidebar.html; found next to the build by default. */
  sidebarHtml?: string;
  /** The menu (MENU by default; tests add items whose function has not landed). */
  menu?: readonly MenuItem[];
  /** Where stack traces of unexpected errors go (stderr by default). */
  errorLog?: (text: string) => void;
}

export interface Preview {
  url: string;
  port: number;
  server: Server;
  wb: XlsxWorkbook;
  ctx: AppContext;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The built sidebar, looked up next to dist-node/ or from the source tree. */
export function findSidebarHtml(): string {
  const candidates = [
    join(__dirname, '..', 'dist', 'Sidebar.html'),
    join(__dirname, '..', '..', '..', 'dist', 'Sidebar.html'),
    join(process.cwd(), 'dist', 'Sidebar.html'),
  ];
  return candidates.find((p) => existsSync(p)) ?? candidates[candidates.length - 1];
}

/** The same Russian message the Sheets entries give; stacks only to the server's log. */
function isUserFacing(err: unknown): err is Error {
  if (err instanceof UserError || err instanceof LockBusyError) return true;
  return err instanceof Error && (err.name === 'UserError' || err.name === 'LockBusyError');
}

export function userMessage(err: unknown, log: (text: string) => void): string {
  if (isUserFacing(err)) return err.message;
  log(`Наставник: unexpected ${err instanceof Error ? (err.stack ?? err.name) : String(err)}`);
  return 'Не удалось выполнить действие: внутренняя ошибка. Данные не изменены. Повторите попытку или сообщите разработчикам.';
}

function display(v: CellValue): { text: string; kind: string } {
  if (v === null) return { text: '', kind: '' };
  if (v instanceof Date) {
    const iso = v.toISOString();
    const [y, m, d] = iso.slice(0, 10).split('-');
    const time = iso.slice(11, 16);
    return { text: `${d}.${m}.${y}${time !== '00:00' ? ' ' + time : ''}`, kind: 'd' };
  }
  if (typeof v === 'number') return { text: String(v).replace('.', ','), kind: 'n' };
  if (typeof v === 'boolean') return { text: v ? 'ИСТИНА' : 'ЛОЖЬ', kind: 'b' };
  return { text: v, kind: '' };
}

/**
 * Documents land in the workbook's folder, and the workbook (journal, settings) keeps their real
 * path as the CLI does; only what the sidebar receives names them by the page's /files/<name>.
 * Every `url` in a result that points to a file of that folder is rewritten, wherever it sits
 * (a generated order, a duplicate found in the journal, a report).
 */
export function servedUrls<T>(value: T, outDir: string): T {
  const dir = resolve(outDir);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object' || v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = k === 'url' && typeof x === 'string' && isAbsolute(x) && dirname(resolve(x)) === dir ? `/files/${encodeURIComponent(basename(x))}` : walk(x);
    }
    return out;
  };
  return walk(value) as T;
}

/**
 * What differs from Sheets, said where it matters: letters are written to a file, and no daily
 * trigger runs on this computer. Appended to the summary of those calls.
 */
const PREVIEW_NOTES: Record<string, (args: unknown[]) => string | null> = {
  sendDeadlineDigest: () => 'В локальном просмотре письма не уходят: они записаны в файл outbox.jsonl рядом с книгой.',
  setDeadlineReminders: (args) => (args[0] ? 'В локальном просмотре ежедневная рассылка не запускается: она работает в Google Таблицах.' : null),
};

export function withPreviewNote(name: string, args: unknown[], result: unknown): unknown {
  const note = PREVIEW_NOTES[name]?.(args);
  if (!note || !result || typeof result !== 'object' || typeof (result as { summary?: unknown }).summary !== 'string') return result;
  return { ...result, summary: `${(result as { summary: string }).summary} ${note}` };
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const file = resolve(opts.workbook);
  const outDir = dirname(file);
  const errorLog = opts.errorLog ?? ((t: string) => process.stderr.write(t + '\n'));
  let wb = await XlsxWorkbook.load(file);
  if (!existsSync(file)) await wb.save(file);
  let ctx: AppContext = nodeContext(wb, { outDir, today: opts.today });
  const sidebarPath = opts.sidebarHtml ?? findSidebarHtml();
  const host = opts.host ?? '127.0.0.1';
  const loopback = /^(127\.|localhost$|::1$)/.test(host);
  const methods = Object.keys(api).filter(isApiMethod);
  const menu = opts.menu ?? MENU;

  // One call at a time: the workbook has one writer, as under LockService.
  let queue: Promise<unknown> = Promise.resolve();
  let selections = 0;
  const serialize = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  // Which load of the file the page has seen, which change of it, which cursor move.
  let generation = 0;
  const stamp = () => `${generation}-${wb.version}.${selections}`;

  /**
   * The file as this server last read or wrote it. When it changed on disk (the curator saved it
   * in Excel meanwhile), it is read again before anything else, so her edits are never written
   * over with an older copy; the cursor stays where it was.
   */
  const fileState = () => {
    try {
      const st = statSync(file);
      return `${st.mtimeMs}:${st.size}`;
    } catch {
      return null;
    }
  };
  let onDisk = fileState();
  const reload = async (): Promise<void> => {
    const active = wb.activeCell();
    const fresh = await XlsxWorkbook.load(file);
    wb = fresh;
    ctx = nodeContext(fresh, { outDir, today: opts.today });
    generation++;
    onDisk = fileState();
    if (active && fresh.sheetNames().includes(active.sheet)) fresh.selectCell(active.sheet, active.row, active.col);
  };
  const syncFromDisk = async (): Promise<void> => {
    const now = fileState();
    if (now === null || now === onDisk) return;
    try {
      await reload();
    } catch {
      // Half-written by the other program: the next request tries again.
    }
  };
  const save = async (): Promise<void> => {
    await wb.save(file);
    onDisk = fileState();
  };

  /** Runs a server function; saves the file when it changed the workbook. */
  const run = (name: string, args: unknown[]) =>
    serialize(async () => {
      await syncFromDisk();
      const before = wb.version;
      const cursor = JSON.stringify(wb.activeCell());
      let failed = false;
      try {
        return await (callApi(ctx, name as never, args as never) as unknown);
      } catch (err) {
        failed = true;
        throw err;
      } finally {
        if (JSON.stringify(wb.activeCell()) !== cursor) selections++;
        if (wb.version !== before) {
          // A call that failed half-way leaves the file as it was: the copy in memory is read again.
          if (failed) await reload().catch(() => undefined);
          else await save();
        }
      }
    });

  /**
   * The tab names and one tab's grid (the one asked for, else the selected cell's, else the
   * first): a 10 000-row register is sent when it is looked at, not with every change elsewhere.
   */
  const sheetsPayload = (asked: string | null, since: string | null) => {
    const names = wb.sheetNames();
    const active = wb.activeCell();
    const name = [asked, active?.sheet, names[0]].find((n): n is string => !!n && names.includes(n));
    // Only the cursor moved (a click, «go to cell») on the tab the page shows: no grid again.
    if (since && since.split('.')[0] === `${generation}-${wb.version}` && name === asked) {
      return { stamp: stamp(), file: basename(file), active, names, sheet: null, sameSheet: true };
    }
    const snap = name ? wb.snapshot(name) : null;
    const shown = snap ? snap.values.map((r) => r.map(display)) : [];
    return {
      stamp: stamp(),
      file: basename(file),
      active,
      names,
      sheet: snap && { ...snap, values: shown.map((r) => r.map((c) => c.text)), kinds: shown.map((r) => r.map((c) => c.kind)) },
    };
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/') return send(res, 200, previewPage(), 'text/html; charset=utf-8');
    if (path === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (req.method === 'GET' && path === '/sidebar') return sendSidebar(res, url.searchParams.get('view') ?? 'home');
    if (req.method === 'GET' && path.startsWith('/files/')) return sendFile(res, decodeURIComponent(path.slice('/files/'.length)));
    if (!path.startsWith('/api/')) throw new HttpError(404, 'Нет такой страницы.');
    // Only the page itself may call the API: a custom header forces a CORS preflight elsewhere,
    // and on loopback the Host must be ours (no DNS rebinding).
    if (req.headers['x-nastavnik'] !== '1') throw new HttpError(403, 'Запрос отклонён.');
    if (loopback && !/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(req.headers.host ?? '')) {
      throw new HttpError(403, 'Запрос отклонён.');
    }
    if (req.method === 'GET' && path === '/api/state') {
      return json(res, 200, { menuTitle: MENU_TITLE, menu, file: basename(file), methods });
    }
    if (req.method === 'GET' && path === '/api/sheets') {
      await serialize(syncFromDisk);
      const since = url.searchParams.get('since');
      return json(res, 200, since && since === stamp() ? { stamp: stamp(), unchanged: true } : sheetsPayload(url.searchParams.get('sheet'), since));
    }
    if (req.method === 'GET' && path === '/api/files') return json(res, 200, { files: listFiles() });
    if (req.method !== 'POST') throw new HttpError(405, 'Метод не поддерживается.');
    const body = await readBody(req);
    if (path === '/api/select') {
      const { sheet, row, col } = (body ?? {}) as { sheet?: unknown; row?: unknown; col?: unknown };
      if (typeof sheet !== 'string' || !Number.isInteger(row) || !Number.isInteger(col)) throw new HttpError(400, 'Неверная ячейка.');
      await serialize(syncFromDisk);
      wb.selectCell(sheet, row as number, col as number);
      selections++;
      return json(res, 200, { active: wb.activeCell() });
    }
    if (path.startsWith('/api/rpc/')) {
      const name = decodeURIComponent(path.slice('/api/rpc/'.length));
      if (!isApiMethod(name)) throw new HttpError(404, `Функция сервера «${name}» недоступна.`);
      if (!Array.isArray(body)) throw new HttpError(400, 'Аргументы передаются списком.');
      const result = withPreviewNote(name, body, await run(name, body));
      return json(res, 200, result === undefined ? null : servedUrls(result, outDir));
    }
    if (path.startsWith('/api/menu/')) {
      const id = decodeURIComponent(path.slice('/api/menu/'.length));
      const item = menu.find((m) => m.id === id);
      if (!item) throw new HttpError(404, 'Нет такого пункта меню.');
      if (item.view) return json(res, 200, { view: item.view });
      if (!item.run || !isApiMethod(item.run)) {
        return json(res, 200, { toast: `«${item.title}» ещё в разработке и появится в следующей версии.` });
      }
      const result = (await run(item.run, [])) as { summary?: string } | undefined;
      return json(res, 200, { toast: result?.summary ?? 'Готово.' });
    }
    throw new HttpError(404, 'Нет такого адреса.');
  }

  function sendSidebar(res: ServerResponse, view: string): void {
    if (!existsSync(sidebarPath)) {
      throw new HttpError(500, 'Панель не собрана: выполните npm run build (или npm start).');
    }
    const html = readFileSync(sidebarPath, 'utf8')
      .replace('"__INITIAL_VIEW__"', () => JSON.stringify(VIEWS.has(view) ? view : 'home'))
      .replace('</head>', () => `<script>${scriptRunShim(methods)}</script>\n</head>`);
    send(res, 200, html, 'text/html; charset=utf-8');
  }

  function listFiles(): Array<{ name: string; url: string }> {
    return readdirSync(outDir)
      .filter((n) => /\.(docx|pdf)$/i.test(n) && !n.startsWith('.'))
      .map((name) => ({ name, url: `/files/${encodeURIComponent(name)}`, mtime: statSync(join(outDir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .map(({ name, url }) => ({ name, url }));
  }

  function sendFile(res: ServerResponse, name: string): void {
    if (!name || /[/\\]/.test(name) || name.startsWith('.') || !SERVED_FILES.test(name)) throw new HttpError(404, 'Нет такого файла.');
    const full = join(outDir, name);
    if (!existsSync(full)) throw new HttpError(404, 'Нет такого файла.');
    const type = name.endsWith('.docx')
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : name.endsWith('.pdf')
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    });
    res.end(readFileSync(full));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (err instanceof HttpError) return json(res, err.status, { error: err.message });
      const message = userMessage(err, errorLog);
      // An expected failure (UserError, LockBusyError) is an answer, not a broken server: 200 with
      // a marker header, so the browser does not log it as a failed request.
      if (isUserFacing(err)) return json(res, 200, { error: message }, { 'X-Nastavnik-Error': 'user' });
      json(res, 500, { error: message });
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 8080, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    server,
    // The workbook read again when the file changed on disk: always the current one.
    get wb() {
      return wb;
    },
    get ctx() {
      return ctx;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // Nothing external: the page and the sidebar are self-contained.
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'",
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) {
      req.resume();
      fail(new HttpError(413, 'Слишком большой запрос (больше 1 МБ).'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        failed = true;
        fail(new HttpError(413, 'Слишком большой запрос (больше 1 МБ).'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) return ok(undefined);
      try {
        ok(JSON.parse(text));
      } catch {
        fail(new HttpError(400, 'Тело запроса — не JSON.'));
      }
    });
    req.on('error', fail);
  });
}
