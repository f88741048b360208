// snowball-stemmers (ISC, a JS port of the Snowball stemmers, snowballstem.org) is one 850 KB file
// with 24 languages. The Apps Script bundle parses the whole bundle on every execution, so the
// build keeps only the languages src/core/matching/text.ts uses. The kept code is the package's
// own, byte for byte (test/matching/stemmerSubset.test.ts compares stems over a large word list).
// CommonJS so that both scripts/build.mjs and the Jest test can load it.
'use strict';

const { readFileSync } = require('node:fs');

const PACKAGE_FILE = /[\\/]snowball-stemmers[\\/]snowball-stemmers\.js$/;
const BLOCK_START = /^ {4}var (\w+)Stemmer = function \(_SnowballStemmer\d*\) \{$/;
const BLOCK_END = '    }(SnowballStemmer);';
const NEW_STEMMER = /\n {4}function newStemmer\(lng\) \{\n[\s\S]*?\n {4}\}\n\n {4}function algorithms\(\) \{\n[\s\S]*?\n {4}\}\n/;

/** The package source with only `languages` left; throws if the file is not laid out as expected. */
function snowballSubset(source, languages) {
  const lines = source.split('\n');
  const out = [];
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const m = BLOCK_START.exec(lines[i]);
    if (!m) {
      out.push(lines[i]);
      continue;
    }
    const end = lines.indexOf(BLOCK_END, i);
    if (end < 0) throw new Error(`snowball-stemmers: no end of the ${m[1]} block`);
    found.push(m[1]);
    if (languages.includes(m[1])) out.push(...lines.slice(i, end + 1));
    i = end;
  }
  const missing = languages.filter((l) => !found.includes(l));
  if (found.length < 20 || missing.length) {
    throw new Error(`snowball-stemmers: unexpected layout (found ${found.length} languages, missing ${missing.join(', ')})`);
  }
  const text = out.join('\n');
  if (!NEW_STEMMER.test(text)) throw new Error('snowball-stemmers: newStemmer() not found');
  const map = languages.map((l) => `            ${l}: ${l}Stemmer`).join(',\n');
  const factory = [
    '',
    '    function newStemmer(lng) {',
    '        var stemMap = {',
    map,
    '        };',
    '        var Stemmer = stemMap[lng.toLowerCase()];',
    "        if (!Stemmer) throw new Error('snowball-stemmers: language ' + lng + ' is not bundled (scripts/build.mjs)');",
    '        var stemmer = new Stemmer();',
    '        return {',
    '            stem: function stem(word) {',
    '                stemmer.setCurrent(word);',
    '                stemmer.stem();',
    '                return stemmer.getCurrent();',
    '            }',
    '        };',
    '    }',
    '',
    '    function algorithms() {',
    `        return ${JSON.stringify(languages)};`,
    '    }',
    '',
  ].join('\n');
  return text.replace(NEW_STEMMER, () => factory);
}

/** esbuild plugin: snowball-stemmers with only `languages`. */
function snowballSubsetPlugin(languages) {
  return {
    name: 'snowball-subset',
    setup(build) {
      build.onLoad({ filter: PACKAGE_FILE }, (args) => ({
        contents: snowballSubset(readFileSync(args.path, 'utf8'), languages),
        loader: 'js',
      }));
    },
  };
}

module.exports = { snowballSubset, snowballSubsetPlugin };
