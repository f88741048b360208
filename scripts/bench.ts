/**
 * `npm run bench`: benchmarks of the pure logic on large synthetic registers, and the number of
 * Apps Script service calls the main flows make. They report numbers; they are not timed tests.
 * `npm run bench -- calls` (or registers, matching, roadmap) runs only the sections named.
 */
import { benchRegisters } from './bench/registers';
import { benchMatching } from './bench/matching';
import { benchRoadmap } from './bench/roadmap';
import { benchCalls } from './bench/calls';

async function main() {
  const report = (line: string) => process.stdout.write(line + '\n');
  const sections: Array<[string, string, (r: (l: string) => void) => Promise<void>]> = [
    ['registers', 'Реестры: проверка и подсветка', benchRegisters],
    ['matching', 'Подбор пар', benchMatching],
    ['roadmap', 'Дорожная карта и сроки', benchRoadmap],
    ['calls', 'Вызовы Apps Script по пунктам меню', benchCalls],
  ];
  const only = process.argv.slice(2);
  const unknown = only.filter((k) => !sections.some(([key]) => key === k));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}; known: ${sections.map(([k]) => k).join(', ')}`);
  for (const [key, title, run] of sections) {
    if (only.length && !only.includes(key)) continue;
    report(`\n== ${title} ==`);
    const t = performance.now();
    await run(report);
    report(`(раздел: ${((performance.now() - t) / 1000).toFixed(1)} с)`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
