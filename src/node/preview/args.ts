/**
 * Options of `npm start` (the local preview), checked before anything is opened: a typo must give
 * a one-line Russian message, never a demo opened instead of the curator's file, a new empty
 * workbook at a mistyped path, or a stack trace.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, optionDate, optionString, parseArgs } from '../cli/common';

/** The date the demo workbook is staged around (school year 2026/27, items overdue and soon). */
export const DEMO_TODAY = '2026-11-22';

export const PREVIEW_USAGE =
  'npm start -- [--workbook книга.xlsx] [--port 8080] [--host 127.0.0.1] [--today ГГГГ-ММ-ДД]\n' +
  'Без --workbook открывается демонстрационная книга .demo/demo.xlsx (создаётся при первом запуске).\n';

const KNOWN = new Set(['workbook', 'port', 'host', 'today', 'help']);

export interface PreviewArgs {
  help: boolean;
  /** The curator's workbook (absolute), or null for the demo. */
  workbook: string | null;
  port: number;
  host: string | undefined;
  /** A fixed today, or undefined for the real one. */
  today: string | undefined;
}

export function parsePreviewArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PreviewArgs {
  const args = parseArgs(argv);
  for (const key of Object.keys(args.options)) {
    if (!KNOWN.has(key)) throw new CliError(`Неизвестный параметр --${key}. Параметры: ${PREVIEW_USAGE.split('\n')[0]}`);
  }
  if (args.options.help) return { help: true, workbook: null, port: 0, host: undefined, today: undefined };
  // `npm start книга.xlsx` (without --workbook) means the same file.
  if (args.positional.length > 1 || (args.positional.length === 1 && args.options.workbook !== undefined)) {
    throw new CliError(`Лишние аргументы: ${args.positional.join(' ')}. Книга указывается так: npm start -- --workbook книга.xlsx`);
  }
  const given = optionString(args, 'workbook') ?? args.positional[0];
  let workbook: string | null = null;
  if (given !== undefined) {
    workbook = resolve(cwd, given);
    if (!existsSync(workbook)) {
      throw new CliError(`Файл «${given}» не найден (${workbook}). Проверьте путь; без --workbook откроется демонстрационная книга.`);
    }
    if (!statSync(workbook).isFile()) throw new CliError(`«${given}» — это папка, а не файл книги .xlsx.`);
  }
  const portText = optionString(args, 'port') ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText.trim()) || !Number.isInteger(port) || port > 65535) {
    throw new CliError(`Неверный порт «${portText}»: укажите число от 1 до 65535, например --port 8090.`);
  }
  return { help: false, workbook, port, host: optionString(args, 'host'), today: optionDate(args, 'today') };
}
