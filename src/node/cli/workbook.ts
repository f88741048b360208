/** Opening the workbook a command names: exit 2 with a Russian message when it cannot be read. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, optionDate, todayIso, type ParsedArgs } from './common';
import { XlsxWorkbook } from '../xlsxWorkbook';
import { UserError } from '../../app/port';
import { nodeContext } from '../context';
import type { AppContext } from '../../app/context';

/** The .xlsx at `file`, or a CliError saying why not (missing, another format, damaged). */
export async function loadWorkbookFile(file: string | undefined, usage: string): Promise<{ wb: XlsxWorkbook; path: string }> {
  if (!file) throw new CliError(`не указан файл книги. ${usage}`);
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`файл «${file}» не найден`);
  if (!/\.xlsx$/i.test(path)) throw new CliError(`«${file}»: ожидается книга Excel (.xlsx)`);
  try {
    return { wb: await XlsxWorkbook.load(path), path };
  } catch (e) {
    if (e instanceof UserError) throw new CliError(e.message);
    throw new CliError(`не удалось прочитать «${file}»: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

export async function openWorkbook(args: ParsedArgs, usage: string, index = 0): Promise<{ wb: XlsxWorkbook; ctx: AppContext; path: string; asOf: string }> {
  const asOf = optionDate(args, 'as-of') ?? todayIso();
  const { wb, path } = await loadWorkbookFile(args.positional[index], usage);
  const ctx = nodeContext(wb, { outDir: dirname(path), today: asOf, quiet: true });
  return { wb, ctx, path, asOf };
}
