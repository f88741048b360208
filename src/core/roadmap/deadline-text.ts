/**
 * Text layer of the deadline engine: cleaning of document debris and a tokenizer. The grammar
 * (deadline-grammar.ts) works on the tokens only.
 */

export type Token =
  | { t: 'num'; v: number; raw: string }
  /** A numeric date: 19.02.2021, 25.12.24, 2021-02-19, 01.10 (no year), 09.2021 (no day). */
  | { t: 'date'; d?: number; m: number; y?: number; raw: string }
  | { t: 'word'; v: string; raw: string }
  | { t: 'p'; v: string; raw: string };

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', laquo: '«', raquo: '»', ndash: '-', mdash: '-', minus: '-', apos: "'",
};

/** Removes HTML tags and entities, Markdown escapes and emphasis. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\\([_*\\[\]()#.-])/g, '$1')
    .replace(/[*_]+/g, ' ');
}

/**
 * One canonical spelling: lower case, ё → е, every dash → '-', every space (non-breaking,
 * thin, line breaks) → one ' ', Cyrillic і (U+0456) → Latin i for Roman numerals.
 */
export function normalizeDeadlineText(text: string): string {
  return stripMarkup(String(text ?? ''))
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/і/g, 'i')
    .replace(/[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d\u00ad]/g, '-')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .trim();
}

// Alternatives in priority order; the first that matches at a position wins.
const TOKEN_RE = new RegExp(
  [
    '(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d])', // 1-3 ISO date
    '(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2})(?![\\d])', // 4-6 DD.MM.YYYY, DD.MM.YY
    '(\\d{1,2})\\.(\\d{4})(?![\\d])', // 7-8 MM.YYYY
    '(\\d{1,2})\\.(\\d{1,2})(?![\\d]|\\.\\d)', // 9-10 DD.MM
    '(\\d+)', // 11 number
    '([a-zа-я]+)', // 12 word
    '(\\S)', // 13 punctuation
  ].join('|'),
  'g',
);

/** Splits normalized text into tokens; whitespace (line breaks included) only separates. */
export function tokenize(clean: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(clean)) !== null) {
    const raw = m[0];
    if (m[1]) tokens.push({ t: 'date', y: +m[1], m: +m[2], d: +m[3], raw });
    else if (m[4]) tokens.push({ t: 'date', d: +m[4], m: +m[5], y: fullYear(m[6]), raw });
    else if (m[7]) tokens.push({ t: 'date', m: +m[7], y: +m[8], raw });
    else if (m[9]) tokens.push({ t: 'date', d: +m[9], m: +m[10], raw });
    else if (m[11]) tokens.push({ t: 'num', v: m[11].length > 9 ? NaN : +m[11], raw });
    else if (m[12]) tokens.push({ t: 'word', v: m[12], raw });
    else if (m[13] && !/\s/.test(m[13])) tokens.push({ t: 'p', v: m[13], raw });
  }
  return tokens;
}

/** Two-digit years are this century's (25.12.24 → 2024). */
export function fullYear(text: string): number {
  const n = +text;
  return text.length <= 2 ? 2000 + n : n;
}
