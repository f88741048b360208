// Cold start of the Apps Script bundle: every menu click and google.script.run call is a new
// execution that parses and evaluates the whole of dist/Code.js. Prints its size and the median
// time of compiling + evaluating it in a fresh node:vm context (usage: node scripts/coldstart.mjs [file] [runs]).
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

const file = process.argv[2] ?? 'dist/Code.js';
const runs = Number(process.argv[3] ?? 20);
const code = readFileSync(file, 'utf8');
const times = [];
for (let i = 0; i < runs; i++) {
  const ctx = vm.createContext({});
  const t0 = performance.now();
  // A different source each time: no compilation cache, as in a new Apps Script execution.
  new vm.Script(`${code}\n// run ${i}`, { filename: `Code-${i}.js` }).runInContext(ctx);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const kb = (statSync(file).size / 1024).toFixed(0);
console.log(`${file}: ${kb} KB, evaluate median ${median.toFixed(1)} ms over ${runs} runs (min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)})`);
