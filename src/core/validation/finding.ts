/** One problem found in a register, placed on its cell (CLI.md `check`). */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  sheet: string;
  /** 1-based sheet row as the user sees it (the header row is 1). */
  row: number;
  /** Column letter («E»); '' when the finding is about the whole row or tab. */
  column: string;
  field: string;
  /** Stable code, e.g. 'consent.missing'. */
  code: string;
  severity: Severity;
  /** Russian message. */
  message: string;
}

export function summarize(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** Orders findings by sheet, row, column for stable output. */
export function sortFindings(findings: Finding[], sheetOrder: readonly string[] = []): Finding[] {
  const rank = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  return findings.sort(
    (a, b) => rank(a.sheet) - rank(b.sheet) || a.sheet.localeCompare(b.sheet) || a.row - b.row || colNum(a.column) - colNum(b.column) || a.code.localeCompare(b.code),
  );
}

function colNum(c: string): number {
  let n = 0;
  for (const ch of c) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
