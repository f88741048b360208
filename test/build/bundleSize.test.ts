/**
 * Apps Script parses and evaluates the whole of Code.js on every menu click and every
 * google.script.run call, so its size is latency for the curator. This keeps the two big cuts
 * from coming back unnoticed: classic zod instead of zod/mini (`import { z } from 'zod'` alone
 * adds ~750 KB) and all 24 snowball-stemmers languages instead of the ones src/ uses (~700 KB).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
/** About 600 KB in November 2026; room for features, not for a package pulled in whole. */
const BUDGET_KB = 900;

let code = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-size-'));
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe', env: { ...process.env, NASTAVNIK_DIST: dir } });
    code = readFileSync(join(dir, 'Code.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('Apps Script bundle size', () => {
  it(`stays under ${BUDGET_KB} KB`, () => {
    expect(Buffer.byteLength(code) / 1024).toBeLessThan(BUDGET_KB);
  });

  it('carries zod/mini, not classic zod', () => {
    expect(code).toContain('"ZodMiniObject"');
    expect(code).not.toContain('"ZodString"');
  });

  it('carries only the stemmer languages src/ uses', () => {
    // `var russianStemmer = (function(_SnowballStemmer19) {`; esbuild may add a digit to a name.
    const languages = [...code.matchAll(/([a-z]+)Stemmer\d* = \(?function ?\(_SnowballStemmer/g)].map((m) => m[1]).sort();
    expect(languages).toEqual(['english', 'russian']);
  });
});
