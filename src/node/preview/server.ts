/**
 * `npm start`: the local preview. Options: --workbook <file.xlsx> (default: the demo workbook
 * .demo/demo.xlsx, created on first run), --port <n> (or PORT, default 8080), --host <addr>
 * (default 127.0.0.1), --today YYYY-MM-DD.
 */
import { resolve } from 'node:path';
import { parseArgs } from '../cli/common';
import { ensureDemoWorkbook } from '../demo';
import { startPreview } from './app';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const opt = (name: string): string | undefined => {
    const v = args.options[name];
    return typeof v === 'string' ? v : undefined;
  };
  if (args.options.help) {
    process.stdout.write('npm start -- [--workbook книга.xlsx] [--port 8080] [--host 127.0.0.1] [--today ГГГГ-ММ-ДД]\n');
    return;
  }
  const today = opt('today');
  if (today && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today: дата должна быть в виде ГГГГ-ММ-ДД, получено «${today}»`);
  const workbook = opt('workbook') ?? (await ensureDemoWorkbook(resolve('.demo', 'demo.xlsx')));
  const port = Number(opt('port') ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Неверный порт «${opt('port') ?? process.env.PORT}».`);
  const preview = await startPreview({ workbook, port, host: opt('host'), today });
  process.stdout.write(`Наставник: локальный просмотр книги ${workbook}\nОткройте ${preview.url}  (остановить: Ctrl+C)\n`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE') process.stderr.write('Порт занят: укажите другой, например npm start -- --port 8090\n');
  else process.stderr.write(`${e?.name === 'UserError' ? '' : 'Ошибка: '}${e?.message ?? String(err)}\n`);
  process.exit(2);
});
