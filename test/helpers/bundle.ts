/**
 * The Apps Script bundle built into a temp folder of the calling suite's own: suites run in
 * parallel and others rebuild dist/ meanwhile, so reading dist/Code.js could catch it half-written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface BuiltBundle {
  /** The folder holding Code.js, Sidebar.html and appsscript.json. */
  dir: string;
  code: string;
}

export function buildBundle(target: 'addon' | 'bound' = 'addon'): BuiltBundle {
  const dir = mkdtempSync(join(tmpdir(), `nastavnik-${target}-`));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, NASTAVNIK_DIST: dir, NASTAVNIK_TARGET: target },
  });
  return { dir, code: readFileSync(join(dir, 'Code.js'), 'utf8') };
}
