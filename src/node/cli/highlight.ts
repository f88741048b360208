/**
 * `nastavnik highlight <workbook.xlsx> --out <out.xlsx> [--as-of DATE]` (CLI.md): a copy of the
 * workbook with the check's and the deadlines' highlighting, as the add-on would leave it in
 * Sheets. The input file is never written.
 */
import { resolve } from 'node:path';
import { CliError, optionString, type Command } from './common';
import { openWorkbook } from './workbook';
import { UserError } from '../../app/port';
import { checkAndHighlight } from '../../app/registers/check';
import { highlightDeadlines } from '../../app/roadmap/highlight';

const USAGE = 'Использование: nastavnik highlight <книга.xlsx> --out <выход.xlsx> [--as-of ДАТА]';

export const highlightCommand: Command = async (args) => {
  const out = optionString(args, 'out');
  if (!out) throw new CliError(`не указан файл --out. ${USAGE}`);
  if (!/\.xlsx$/i.test(out)) throw new CliError(`--out «${out}»: ожидается файл .xlsx`);
  const { wb, ctx, path, asOf } = await openWorkbook(args, USAGE);
  if (resolve(out) === path) throw new CliError('--out не может совпадать с исходным файлом: исходная книга не изменяется');
  const check = checkAndHighlight(ctx);
  const deadlines = ctx.wb.sheetNames().length ? highlightDeadlines(ctx, asOf) : null;
  try {
    await wb.save(resolve(out));
  } catch (e) {
    if (e instanceof UserError) throw new CliError(e.message);
    throw new CliError(`не удалось сохранить «${out}»: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  process.stderr.write(`${check.summary}\n${deadlines ? deadlines.summary + '\n' : ''}`);
  process.stdout.write(`${resolve(out)}\n`);
  return 0;
};
