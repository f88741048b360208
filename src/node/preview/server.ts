/**
 * `npm start`: the local preview. Options: --workbook <file.xlsx> (default: the demo workbook
 * .demo/demo.xlsx, created on first run), --port <n> (or PORT, default 8080), --host <addr>
 * (default 127.0.0.1), --today YYYY-MM-DD. Options are parsed in ./args.
 */
import { resolve } from 'node:path';
import { ensureDemoWorkbook } from '../demo';
import { startPreview } from './app';
import { DEMO_TODAY, parsePreviewArgs, PREVIEW_USAGE } from './args';

async function main(): Promise<void> {
  const args = parsePreviewArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(PREVIEW_USAGE);
    return;
  }
  // The demo is staged around one day (items overdue, due soon, in progress, done); a curator's
  // own workbook is seen as of the real today.
  const demo = args.workbook === null;
  const today = args.today ?? (demo ? DEMO_TODAY : undefined);
  const workbook = args.workbook ?? (await ensureDemoWorkbook(resolve('.demo', 'demo.xlsx')));
  const preview = await startPreview({ workbook, port: args.port, host: args.host, today });
  const lines = [`Наставник: локальный просмотр книги ${workbook}`];
  if (demo && !args.today) {
    lines.push(`Демонстрационная книга: «сегодня» — ${today!.split('-').reverse().join('.')} (другой день: --today ГГГГ-ММ-ДД; свою книгу: --workbook книга.xlsx).`);
  }
  lines.push(`Откройте ${preview.url}  (остановить: Ctrl+C)`);
  process.stdout.write(lines.join('\n') + '\n');
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE') process.stderr.write('Порт занят: укажите другой, например npm start -- --port 8090\n');
  else if (e?.code === 'EACCES') process.stderr.write('Нет прав открыть этот порт: укажите порт больше 1024, например npm start -- --port 8090\n');
  else if (e?.name === 'UserError' || e?.name === 'CliError') process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`Ошибка: ${e?.message ?? String(err)}\n`);
  process.exit(2);
});
