/**
 * `npm run bench` runs from the bundled dist-node/bench.js, where the Apps Script fakes it uses
 * are not under test/fakes: its call-count section once died there looking for appsscript.json.
 * The section is run as `npm run bench -- calls` would run it (its numbers are not judged here;
 * test/gas/actionCalls.test.ts holds the budgets).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bench = join(root, 'dist-node', 'bench.js');

test('the bundled bench runs its Apps Script calls section', () => {
  if (!existsSync(bench)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  const out = execFileSync(process.execPath, ['--expose-gc', bench, 'calls'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  expect(out).toMatch(/«Проверить реестры» \| \d+ \/ \d+/);
  expect(out).toContain('calls do not grow with the number of rows');
});

test('an unknown section is refused', () => {
  expect(() => execFileSync(process.execPath, [bench, 'nope'], { cwd: root, stdio: 'pipe' })).toThrow(/unknown section nope/);
});
