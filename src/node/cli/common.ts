/** Shared bits of the `nastavnik` commands. */

/** Bad usage or unreadable input: exit 2 with this one-line Russian message. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

/** A command returns its exit status (0 ok, 1 found errors); throws CliError for status 2. */
export type Command = (args: ParsedArgs) => Promise<number> | number;

const BOOLEAN_OPTIONS = new Set(['json', 'help', 'save']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        options[a.slice(2, eq)] = a.slice(eq + 1);
      } else {
        const key = a.slice(2);
        if (BOOLEAN_OPTIONS.has(key) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
          options[key] = true;
        } else {
          options[key] = argv[++i];
        }
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

/** What a command accepts: checked before anything is read, so a typo never runs silently. */
export interface ArgsSpec {
  /** Options besides --help (without the dashes). */
  options: readonly string[];
  /** How many positional arguments at most (Infinity: a free phrase). */
  positionals: number;
  usage: string;
}

/** Unknown options, values given to flags and extra arguments are bad usage (exit 2). */
export function checkArgs(args: ParsedArgs, spec: ArgsSpec): void {
  for (const [key, value] of Object.entries(args.options)) {
    if (key !== 'help' && !spec.options.includes(key)) {
      throw new CliError(`неизвестный параметр --${key}. ${spec.usage}`);
    }
    if (BOOLEAN_OPTIONS.has(key) && value !== true) throw new CliError(`--${key} пишется без значения. ${spec.usage}`);
  }
  if (args.positional.length > spec.positionals) {
    throw new CliError(`лишние аргументы: ${args.positional.slice(spec.positionals).join(' ')}. ${spec.usage}`);
  }
}

export function optionString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v === true) throw new CliError(`у параметра --${name} нет значения`);
  return v;
}

/** An ISO date option (YYYY-MM-DD), validated. */
export function optionDate(args: ParsedArgs, name: string): string | undefined {
  const v = optionString(args, name);
  if (v === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCDate() !== +m[3] || d.getUTCMonth() !== +m[2] - 1) {
    throw new CliError(`--${name}: дата должна быть в виде ГГГГ-ММ-ДД, получено «${v}»`);
  }
  return v;
}

/** Today as YYYY-MM-DD in Moscow time (the add-on's time zone). */
export { moscowToday as todayIso } from '../context';

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
