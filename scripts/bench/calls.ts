/**
 * Apps Script service calls per menu action over the fakes, as the curator would click them: one
 * execution per run (a fresh gasContext), counted from the sources. Reported as a table: action ×
 * first run / repeat × rows; the numbers must not depend on the rows (test/gas/actionCalls.test.ts
 * pins them).
 */
import { ACTIONS, measureCurator, measureNewSetup, sourceRunner, type ActionCounts } from '../../test/gas/actionCalls';

export async function benchCalls(report: (line: string) => void): Promise<void> {
  const sizes = [100, 10000, 30000];
  const quiet = console.log;
  console.log = () => undefined; // the context logs one line per action
  const runs = new Map<number, ActionCounts[]>();
  let newSetup: ActionCounts;
  try {
    for (const n of sizes) runs.set(n, measureCurator(sourceRunner, n));
    newSetup = measureNewSetup(sourceRunner);
  } finally {
    console.log = quiet;
  }
  report(`action | ${sizes.map((n) => `${n} rows: first / repeat`).join(' | ')}`);
  for (const [i, action] of (Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>).entries()) {
    const cells = sizes.map((n) => {
      const c = runs.get(n)![i];
      return `${c.first} / ${c.repeat}`;
    });
    report(`«${ACTIONS[action]}» | ${cells.join(' | ')}`);
  }
  report(`«Настроить таблицу» on a new spreadsheet: ${newSetup.first} first / ${newSetup.repeat} repeat`);
  const flat = (n: number) => JSON.stringify(runs.get(n)!.map((c) => [c.firstByName, c.repeatByName]));
  report(`calls ${sizes.every((n) => flat(n) === flat(sizes[0])) ? 'do not grow' : 'GROW'} with the number of rows`);
  const check = runs.get(sizes[0])![1];
  report(`  «${ACTIONS.menuCheck}», repeat, by service: ${Object.entries(check.repeatByName).map(([k, v]) => `${k}×${v}`).join(', ')}`);
}
