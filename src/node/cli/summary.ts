import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, optionDate, optionString, printJson, todayIso, type Command } from './common';
import { collectSummaryFile } from '../department';
import { UserError } from '../../app/port';

const USAGE = 'Использование: nastavnik summary <сводная.xlsx> [--out <копия.xlsx>] [--json] [--as-of ДАТА]';

/**
 * `nastavnik summary`: the department review («Собрать сводку») over local files. The list tab of
 * the consolidation book names each school's .xlsx (a path relative to it); the «Сводка» tab is
 * written into the book, or into a copy with --out. Exit 1 when a school could not be read.
 */
export const summaryCommand: Command = async (args) => {
  const file = args.positional[0];
  if (!file) throw new CliError(`не указан файл сводной книги. ${USAGE}`);
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`файл «${file}» не найден`);
  if (!/\.xlsx$/i.test(path)) throw new CliError(`«${file}»: ожидается книга Excel (.xlsx)`);
  const out = optionString(args, 'out');
  if (out !== undefined && !/\.xlsx$/i.test(out)) throw new CliError(`--out: ожидается путь к .xlsx, получено «${out}»`);
  const today = optionDate(args, 'as-of') ?? todayIso();
  let res;
  try {
    res = await collectSummaryFile(path, { today, out: out === undefined ? undefined : resolve(out) });
  } catch (e) {
    if (e instanceof UserError) throw new CliError(e.message);
    throw new CliError(`не удалось прочитать «${file}»: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (args.options.json) printJson({ asOf: today, sheet: res.sheet, counts: res.counts, summary: res.summary });
  else process.stdout.write(res.summary + '\n');
  return res.counts.failed > 0 ? 1 : 0;
};
