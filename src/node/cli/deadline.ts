/**
 * `nastavnik deadline "<phrase>" --period START..END [--as-of DATE] [--recurrence yearly]`
 * (../shared/CLI.md): how the engine reads one deadline phrase, as JSON.
 */
import { deadlineStatus, parseDeadline, type DeadlineWindow } from '../../core/roadmap/deadline';
import { isIsoDate } from '../../core/roadmap/dates';
import { CliError, optionDate, optionString, printJson, type Command, type ParsedArgs } from './common';

const USAGE = 'использование: nastavnik deadline "<срок>" --period НАЧАЛО..КОНЕЦ [--as-of ДАТА]';

/** «2022-09-01..2023-08-31» → the period, or a CliError naming what is wrong. */
export function parsePeriodOption(value: string | undefined): { start: string; end: string } {
  if (value === undefined) throw new CliError(`не указан период --period НАЧАЛО..КОНЕЦ; ${USAGE}`);
  const m = /^\s*(\S+?)\s*\.\.\s*(\S+?)\s*$/.exec(value);
  if (!m) throw new CliError(`--period: ожидается НАЧАЛО..КОНЕЦ (ГГГГ-ММ-ДД..ГГГГ-ММ-ДД), получено «${value}»`);
  const [, start, end] = m;
  for (const d of [start, end]) {
    if (!isIsoDate(d)) throw new CliError(`--period: дата должна быть в виде ГГГГ-ММ-ДД, получено «${d}»`);
  }
  if (start > end) throw new CliError(`--period: начало ${start} позже конца ${end}`);
  return { start, end };
}

export interface DeadlineJson {
  text: string;
  kind: string;
  occurrences: DeadlineWindow[];
  understood: boolean;
  status?: string;
}

export function deadlineJson(args: ParsedArgs): DeadlineJson {
  if (!args.positional.length) throw new CliError(`не указан срок; ${USAGE}`);
  const phrase = args.positional.join(' ');
  const period = parsePeriodOption(optionString(args, 'period'));
  const asOf = optionDate(args, 'as-of');
  const recurrence = optionString(args, 'recurrence');
  if (recurrence !== undefined && recurrence !== 'yearly') {
    throw new CliError(`--recurrence: допустимо только «yearly», получено «${recurrence}»`);
  }
  const parsed = parseDeadline(phrase, period, recurrence ? { recurrence } : {});
  const out: DeadlineJson = {
    text: parsed.text,
    kind: parsed.kind,
    // `from` only where the phrase states a start: the engine already omits it otherwise.
    occurrences: parsed.occurrences.map((w) => (w.from ? { from: w.from, due: w.due } : { due: w.due })),
    understood: parsed.understood,
  };
  if (asOf) out.status = deadlineStatus(parsed, asOf).status;
  return out;
}

export const deadlineCommand: Command = (args) => {
  printJson(deadlineJson(args));
  return 0;
};
