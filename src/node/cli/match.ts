/** `nastavnik match <workbook.xlsx> [--json]` (CLI.md): pairing suggestions; existing pairs respected. */
import { CliError, printJson, type Command } from './common';
import { openWorkbook } from './workbook';
import { computeSuggestions } from '../../app/matching/service';
import { UserError } from '../../app/port';

const USAGE = 'Использование: nastavnik match <книга.xlsx> [--json]';

export const matchCommand: Command = async (args) => {
  const { ctx } = await openWorkbook(args, USAGE);
  let result;
  try {
    result = computeSuggestions(ctx).result;
  } catch (e) {
    if (e instanceof UserError) throw new CliError(e.message);
    throw e;
  }
  if (args.options.json) {
    printJson({
      assignments: result.assignments.map((a) => ({ mentor: a.mentor, mentees: a.mentees, form: a.form, score: a.score, reasons: a.reasons, details: a.details })),
      alternatives: result.alternatives,
      unmatched: result.unmatched,
      totalScore: result.totalScore,
    });
    return 0;
  }
  const lines: string[] = [];
  lines.push(`Предложено пар и групп: ${result.assignments.length}, суммарная оценка ${result.totalScore}.`);
  for (const a of result.assignments) {
    lines.push(`  ${a.mentor} → ${a.mentees.join(', ')} («${a.form}», ${a.score.toFixed(2)})`);
    for (const r of a.reasons) lines.push(`      ${r}`);
    for (const m of a.mentees) {
      const alts = result.alternatives[m];
      if (alts?.length) lines.push(`      другие для ${m}: ${alts.map((x) => `${x.mentor} (${x.score.toFixed(2)})`).join(', ')}`);
    }
  }
  if (result.unmatched.length) {
    lines.push(`Без наставника: ${result.unmatched.length}.`);
    for (const u of result.unmatched) lines.push(`  ${u.mentee}: ${u.reason}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
};
