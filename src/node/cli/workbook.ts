/** Opening the workbook a command names: exit 2 with a Russian message when it cannot be read. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, optionDate, todayIso, type ParsedArgs } from './common';
import { XlsxWorkbook } from '../xlsxWorkbook';
import { nodeContext } from '../context';
import type { AppContext } from '../../app/context';

export async function openWorkbook(args: ParsedArgs, usage: string, index = 0): Promise<{ wb: XlsxWorkbook; ctx: AppContext; path: string; asOf: string }> {
  const file = args.positional[index];
  if (!file) throw new CliError(`не указан файл книги. ${usage}`);
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`файл «${file}» не найден`);
  if (!/\.xlsx$/i.test(path)) throw new CliError(`«${file}»: ожидается книга Excel (.xlsx)`);
  let wb: XlsxWorkbook;
  try {
    wb = await XlsxWorkbook.load(path);
  } catch (e) {
    throw new CliError(`не удалось прочитать «${file}»: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const asOf = optionDate(args, 'as-of') ?? todayIso();
  const ctx = nodeContext(wb, { outDir: dirname(path), today: asOf, quiet: true });
  return { wb, ctx, path, asOf };
}
