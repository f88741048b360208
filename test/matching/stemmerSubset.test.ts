/**
 * The Apps Script bundle carries only the snowball-stemmers languages src/ uses
 * (scripts/snowball-subset.cjs). The cut must not change a single stem: the subset, evaluated
 * like the bundle evaluates it, is compared with the full package over a large word list.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as snowball from 'snowball-stemmers';
import { SHARED_DIR, hasShared } from '../helpers/shared';

const root = resolve(__dirname, '..', '..');
const { snowballSubset } = require(join(root, 'scripts', 'snowball-subset.cjs')) as {
  snowballSubset(source: string, languages: string[]): string;
};
const packageSource = readFileSync(require.resolve('snowball-stemmers'), 'utf8');

type Factory = { newStemmer(lng: string): { stem(w: string): string }; algorithms(): string[] };
function load(source: string): Factory {
  const exports = {} as Factory;
  new Function('exports', source)(exports);
  return exports;
}

function textFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!['node_modules', '.git', 'dist', 'dist-node'].includes(e.name)) textFiles(p, out);
    } else if (/\.(ts|tsx|md|txt|csv|json)$/.test(e.name)) out.push(p);
  }
  return out;
}

function wordsOf(files: string[], re: RegExp): Set<string> {
  const out = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(re)) out.add(m[0].toLowerCase().replace(/ё/g, 'е'));
  return out;
}

/** Seeded so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

/** Made-up words: a random Cyrillic root plus real Russian suffixes, so every branch of the algorithm runs. */
function syntheticRussian(n: number): string[] {
  const rnd = random(20261122);
  const letters = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
  const suffixes = ('а я о е ы и у ю ь ой ей ом ем ою ею ам ям ами ями ах ях ов ев ий ый ая яя ое ее ые ие ого его ому ему ым им ую юю ' +
    'ость ости остью ние ния нием нии ировать ированный ованная ующий ующая ившись ывшись вшись ете йте ла на ли ем ло но ет ют ны ть ешь нно ' +
    'ейший ейшая ейше ших шего ся сь ость ост ее ейш ник ница ство ствами ический ическая ически ение ениями').split(' ');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const len = 1 + Math.floor(rnd() * 8);
    for (let k = 0; k < len; k++) w += letters[Math.floor(rnd() * letters.length)];
    const parts = Math.floor(rnd() * 3);
    for (let k = 0; k < parts; k++) w += suffixes[Math.floor(rnd() * suffixes.length)];
    out.push(w);
  }
  return out;
}

describe('snowball-stemmers subset used by the Apps Script bundle', () => {
  const languages = ['russian', 'english'];
  const subset = snowballSubset(packageSource, languages);
  // The package as Node and the tests load it.
  const full: Factory = snowball;
  const cut = load(subset);

  it('is a fraction of the package and offers only the kept languages', () => {
    expect(subset.length).toBeLessThan(packageSource.length / 5);
    expect(cut.algorithms()).toEqual(languages);
    expect(() => cut.newStemmer('german')).toThrow(/german is not bundled/);
    expect(() => full.newStemmer('german')).not.toThrow();
  });

  it('keeps the languages src/ asks for', () => {
    const asked = textFiles(join(root, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/newStemmer\('(\w+)'\)/g)].map((m) => m[1]));
    expect(asked.length).toBeGreaterThan(0);
    for (const l of asked) expect(languages).toContain(l);
  });

  it('gives the same Russian stems as the full package', () => {
    const files = [...textFiles(join(root, 'src')), ...textFiles(join(root, 'test')), ...textFiles(join(root, 'sidebar')), join(root, 'README.md')];
    if (hasShared) files.push(...textFiles(SHARED_DIR));
    const real = [...wordsOf(files, /[а-яё]+(?:-[а-яё]+)*/gi)];
    expect(real.length).toBeGreaterThan(2000);
    const words = [...real, ...syntheticRussian(10000)];
    const a = full.newStemmer('russian');
    const b = cut.newStemmer('russian');
    const diff = words.filter((w) => a.stem(w) !== b.stem(w));
    expect(diff).toEqual([]);
    // The comparison is not vacuous: the stemmer does cut endings.
    expect(b.stem('олимпиадами')).toBe('олимпиад');
  });

  it('gives the same English stems as the full package', () => {
    const lib = join(root, 'node_modules', 'typescript', 'lib');
    const files = ['lib.dom.d.ts', 'lib.es5.d.ts', 'typescript.d.ts'].map((f) => join(lib, f));
    // camelCase identifiers and comments: «getElementsByTagName» → get, elements, by, tag, name.
    const words = [...wordsOf(files, /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g)];
    expect(words.length).toBeGreaterThan(5000);
    const a = full.newStemmer('english');
    const b = cut.newStemmer('english');
    expect(words.filter((w) => a.stem(w) !== b.stem(w))).toEqual([]);
    expect(b.stem('programming')).toBe('program');
  });
});
