/**
 * `nastavnik` (../shared/CLI.md). Exit codes: 0 ok; 1 the command ran and found errors;
 * 2 bad usage or unreadable input, with a one-line Russian message on stderr, never a stack trace.
 */
import { CliError, parseArgs, type Command } from './cli/common';
import { deadlineCommand } from './cli/deadline';
import { roadmapCommand } from './cli/roadmap';
import { checkCommand } from './cli/check';
import { highlightCommand } from './cli/highlight';
import { matchCommand } from './cli/match';
import { orderCommand } from './cli/order';
import { reportCommand } from './cli/report';
import { summaryCommand } from './cli/summary';

const COMMANDS: Record<string, Command> = {
  deadline: deadlineCommand,
  roadmap: roadmapCommand,
  check: checkCommand,
  highlight: highlightCommand,
  match: matchCommand,
  order: orderCommand,
  report: reportCommand,
  summary: summaryCommand,
};

const USAGE = `Использование: nastavnik <команда> …
  deadline "<срок>" --period НАЧАЛО..КОНЕЦ [--as-of ДАТА]
  roadmap <файл.txt|файл.docx> [--json]
  check <книга.xlsx> [--json] [--as-of ДАТА]
  highlight <книга.xlsx> --out <выход.xlsx> [--as-of ДАТА]
  match <книга.xlsx> [--json]
  order <вид> <книга.xlsx> --out <файл.docx> [--number N] [--date ДАТА]
  report <книга.xlsx> [--json] [--as-of ДАТА]
  summary <сводная.xlsx> [--out <копия.xlsx>] [--json] [--as-of ДАТА]`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`неизвестная команда «${name}». ${USAGE.split('\n')[0]}`);
  return command(parseArgs(rest));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message =
      err instanceof CliError
        ? err.message
        : `внутренняя ошибка (${err instanceof Error ? err.name : 'Error'}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
    process.stderr.write(`nastavnik: ${message}\n`);
    process.exitCode = 2;
  },
);
