/**
 * `npm run bench`: benchmarks of the pure logic on large synthetic registers, and the number of
 * Apps Script service calls the main flows make. They report numbers; they are not timed tests.
 */
import { benchRegisters } from './bench/registers';
import { benchMatching } from './bench/matching';
import { benchRoadmap } from './bench/roadmap';
import { benchCalls } from './bench/calls';

async function main() {
  const report = (line: string) => process.stdout.write(line + '\n');
  const sections: Array<[string, (r: (l: string) => void) => Promise<void>]> = [
    ['Реестры: проверка и подсветка', benchRegisters],
    ['Подбор пар', benchMatching],
    ['Дорожная карта и сроки', benchRoadmap],
    ['Вызовы Apps Script по пунктам меню', benchCalls],
  ];
  for (const [title, run] of sections) {
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
