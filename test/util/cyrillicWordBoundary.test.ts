/** JS regexes' \b knows only [A-Za-z0-9_]: beside a Cyrillic letter it never (or always) matches. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

// `\b` (or `\\b` inside a string) right before or after Cyrillic text, allowing a group, a
// quantifier or an alternation's bracket in between: «\bоо\b», «гг?\b», «^(?:раздел|этап)\b».
const CYR = '[а-яёА-ЯЁ]';
const BESIDE = new RegExp(`\\\\{1,2}b(?:\\(\\?:|\\()?${CYR}|${CYR}[?*+]?\\)?[?*+]?\\\\{1,2}b`);

test('no \\b beside Cyrillic letters in src/', () => {
  const hits = files(join(__dirname, '../../src')).flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((line, i) => ({ f, i: i + 1, line }))
      .filter(({ line }) => !/^\s*(?:\/\/|\*|\/\*)/.test(line) && BESIDE.test(line)),
  );
  expect(hits.map(({ f, i, line }) => `${f}:${i}: ${line.trim()}`)).toEqual([]);
});

test('the check itself sees the forms it is for', () => {
  for (const s of ['/\\bоо\\b/', '/гг?\\b/', '/^(?:раздел|этап)\\b/', "'\\\\bсрок'", '/(?:год|года?)\\b/']) expect(BESIDE.test(s)).toBe(true);
  for (const s of ['/[?&]rtpof=true\\b/', '/<(b|strong)\\b/', '/(?<!\\p{L})оо(?!\\p{L})/u']) expect(BESIDE.test(s)).toBe(false);
});
