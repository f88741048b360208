/**
 * `nastavnik` (../shared/CLI.md). Exit codes: 0 ok; 1 the command ran and found errors;
 * 2 bad usage or unreadable input, with a one-line Russian message on stderr, never a stack trace.
 */
import { CliError, checkArgs, parseArgs, type Command } from './cli/common';
import { deadlineCommand } from './cli/deadline';
import { roadmapCommand } from './cli/roadmap';
import { checkCommand } from './cli/check';
import { highlightCommand } from './cli/highlight';
import { matchCommand } from './cli/match';
import { orderCommand } from './cli/order';
import { reportCommand } from './cli/report';
import { summaryCommand } from './cli/summary';

interface CommandEntry {
  run: Command;
  /** Options the command takes (CLI.md, plus the documented additions). */
  options: readonly string[];
  positionals: number;
  /** Its line of the usage text. */
  usage: string;
}

const COMMANDS: Record<string, CommandEntry> = {
  deadline: { run: deadlineCommand, options: ['period', 'as-of', 'recurrence', 'json'], positionals: Infinity, usage: 'deadline "<срок>" --period НАЧАЛО..КОНЕЦ [--as-of ДАТА]' },
  roadmap: { run: roadmapCommand, options: ['json'], positionals: 1, usage: 'roadmap <файл.txt|файл.docx> [--json]' },
  check: { run: checkCommand, options: ['json', 'as-of'], positionals: 1, usage: 'check <книга.xlsx> [--json] [--as-of ДАТА]' },
  highlight: { run: highlightCommand, options: ['out', 'as-of'], positionals: 1, usage: 'highlight <книга.xlsx> --out <выход.xlsx> [--as-of ДАТА]' },
  // --as-of: ages and terms as on that date (an addition to CLI.md).
  match: { run: matchCommand, options: ['json', 'as-of'], positionals: 1, usage: 'match <книга.xlsx> [--json]' },
  order: {
    run: orderCommand,
    options: ['out', 'number', 'date', 'pairs', 'people', 'mentors', 'save'],
    positionals: 2,
    usage: 'order <вид> <книга.xlsx> --out <файл.docx> [--number N] [--date ДАТА]',
  },
  report: { run: reportCommand, options: ['json', 'as-of'], positionals: 1, usage: 'report <книга.xlsx> [--json] [--as-of ДАТА]' },
  summary: { run: summaryCommand, options: ['out', 'json', 'as-of'], positionals: 1, usage: 'summary <сводная.xlsx> [--out <копия.xlsx>] [--json] [--as-of ДАТА]' },
};

const USAGE = `Использование: nastavnik <команда> …\n${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  // Bad usage is one line on stderr; the full list is behind --help.
  if (!name) throw new CliError(`не указана команда (${Object.keys(COMMANDS).join(', ')}); список: nastavnik --help`);
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new CliError(`неизвестная команда «${name}»; возможные: ${Object.keys(COMMANDS).join(', ')} (nastavnik --help)`);
  const args = parseArgs(rest);
  if (args.options.help === true) {
    process.stdout.write(`Использование: nastavnik ${command.usage}\n`);
    return 0;
  }
  checkArgs(args, { options: command.options, positionals: command.positionals, usage: `Использование: nastavnik ${command.usage}` });
  return command.run(args);
}

// A reader that stops early (`nastavnik roadmap … | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`nastavnik: не удалось вывести результат (${err.code ?? err.name})\n`);
  process.exit(2);
});

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
