/** `nastavnik check <workbook.xlsx> [--json] [--as-of DATE]` (CLI.md): exit 1 when there are errors. */
import { printJson, type Command } from './common';
import { openWorkbook } from './workbook';
import { checkRegisters, summaryText } from '../../app/registers/check';
import type { Finding } from '../../core/validation/finding';

const USAGE = 'Использование: nastavnik check <книга.xlsx> [--json] [--as-of ДАТА]';

const SEVERITY: Record<Finding['severity'], string> = { error: 'ошибка', warning: 'предупреждение', info: 'сведения' };

export const checkCommand: Command = async (args) => {
  const { ctx } = await openWorkbook(args, USAGE);
  const { findings, summary } = checkRegisters(ctx);
  if (args.options.json) {
    printJson({
      findings: findings.map(({ sheet, row, column, field, code, severity, message }) => ({ sheet, row, column, field, code, severity, message })),
      summary: { errors: summary.errors, warnings: summary.warnings },
    });
  } else {
    const lines: string[] = [];
    let sheet = '';
    for (const f of findings) {
      if (f.sheet !== sheet) {
        sheet = f.sheet;
        lines.push(`Лист «${sheet}»:`);
      }
      const where = f.column ? `${f.column}${f.row}` : `стр. ${f.row}`;
      lines.push(`  ${where.padEnd(6)} ${SEVERITY[f.severity]}: ${f.message}`);
    }
    lines.push(summaryText(summary));
    process.stdout.write(lines.join('\n') + '\n');
  }
  return summary.errors > 0 ? 1 : 0;
};
