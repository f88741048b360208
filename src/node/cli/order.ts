/**
 * `nastavnik order <kind> <workbook.xlsx> --out <file.docx> [--number N] [--date DATE]`
 * (CLI.md). Writes the .docx and prints its path. Additions: `--pairs П-001,П-002` and
 * `--people Н-001,Н-002` (alias `--mentors`) pick whom the order names; `--save` records the order
 * in «Журнал приказов» and the pairs' «Приказ» column and saves the workbook (without it the
 * workbook is left as it was, so running the command twice gives the same document).
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { CliError, optionDate, optionString, todayIso, type Command } from './common';
import { ORDER_KIND_PICKS, ORDER_KINDS, isOrderKind } from '../../core/orders/builders';
import { generateOrder } from '../../app/orders/service';
import { UserError, LockBusyError } from '../../app/port';
import type { AppContext, DocumentsPort } from '../../app/context';
import { docxDocuments } from '../docxDocuments';
import { loadWorkbookFile } from './workbook';

const USAGE = `nastavnik order <${ORDER_KINDS.join('|')}> <книга.xlsx> --out <файл.docx> [--number N] [--date ДАТА]`;

function list(v: string | undefined): string[] | undefined {
  const items = v?.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  return items?.length ? items : undefined;
}

export const orderCommand: Command = async (args) => {
  const [kind, workbook] = args.positional;
  if (!kind || !workbook) throw new CliError(`укажите вид приказа и книгу: ${USAGE}`);
  if (!isOrderKind(kind)) throw new CliError(`неизвестный вид приказа «${kind}»; возможные: ${ORDER_KINDS.join(', ')}`);
  const outOpt = optionString(args, 'out');
  if (!outOpt) throw new CliError('укажите файл приказа: --out <файл.docx>');
  const date = optionDate(args, 'date');
  const number = optionString(args, 'number');
  const save = args.options.save === true;
  const out = resolve(outOpt);
  const name = extname(out).toLowerCase() === '.docx' ? basename(out, extname(out)) : basename(out);

  const { wb } = await loadWorkbookFile(workbook, USAGE);
  const inner = docxDocuments(dirname(out));
  // The file is named as --out says, whatever title the order gets.
  const docs: DocumentsPort = { create: (model, o) => inner.create(model, { ...o, name }) };
  const today = todayIso();
  const ctx: AppContext = { wb, today: () => today, docs, log: () => undefined };

  try {
    const result = generateOrder(ctx, kind, {
      number,
      date,
      pairIds: list(optionString(args, 'pairs')),
      mentorIds: list(optionString(args, 'people') ?? optionString(args, 'mentors')),
      // The command is repeatable: a second run rewrites the same file.
      confirmDuplicate: true,
    });
    if (result.needsConfirmation) throw new CliError(result.summary);
    for (const w of result.warnings) process.stderr.write(`предупреждение: ${w}\n`);
    if (save) await wb.save();
    process.stdout.write(`${result.url}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UserError || e instanceof LockBusyError) {
      // The sidebar's «choose» is an option here.
      const pick = ORDER_KIND_PICKS[kind];
      const hint = pick === 'people' && !args.options.people && !args.options.mentors ? ' Укажите их: --people Н-001,Н-002' : '';
      throw new CliError(e.message.replace(/\s*\n\s*/g, '; ') + hint);
    }
    throw e;
  }
};
