/**
 * Text helpers of the roadmap importer: cleaning cells taken out of Word/PDF (HTML tags,
 * entities, markdown marks, white space), joining fragments split over lines, and the small
 * lexicon that tells a deadline phrase or a responsible person from the title of an item.
 */

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»', mdash: '—',
  ndash: '–', minus: '−', hellip: '…', bull: '•', middot: '·', shy: '', ldquo: '“', rdquo: '”',
  bdquo: '„', lsquo: '‘', rsquo: '’', sbquo: '‚', thinsp: ' ', ensp: ' ', emsp: ' ', zwnj: '', zwj: '',
  numero: '№', deg: '°', times: '×', copy: '©', reg: '®', sect: '§', para: '¶', laquo2: '«',
};

/** Decodes named and numeric HTML entities; unknown or out-of-range ones are left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,10});/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return m;
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[e.toLowerCase()];
    return v === undefined ? m : v;
  });
}

const SPACE_RE = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** Runs of white space (incl. non-breaking and zero-width) → one space, trimmed. */
export function fold(s: string): string {
  return s.replace(SPACE_RE, ' ').trim();
}

export interface CleanCell {
  text: string;
  /** The cell was marked bold (<b>, <strong>, **…**): Word section headers are. */
  bold: boolean;
}

/**
 * One cell (or line) as the importer sees it: HTML tags and markdown emphasis removed, entities
 * decoded, soft hyphens dropped, white space folded.
 */
export function cleanCell(raw: string): CleanCell {
  const bold = /<(b|strong)\b[^>]*>|\*\*\S/i.test(raw);
  let s = raw
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, ' ');
  s = decodeEntities(s)
    .replace(/\u00ad/g, '')
    .replace(/\*\*|__(?=\S)|(?<=\S)__/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>"'])/g, '$1');
  return { text: fold(s), bold };
}

export function clean(raw: string): string {
  return cleanCell(raw).text;
}

/**
 * Joins two fragments of one cell split over lines or pages. A word broken after a hyphen
 * («контрольно-» + «аналитических») is joined without a space: in these documents such breaks
 * are compound words, which keep the hyphen.
 */
export function joinText(a: string | undefined, b: string | undefined): string {
  const x = a ?? '';
  const y = b ?? '';
  if (!x) return y;
  if (!y) return x;
  if (/\p{L}-$/u.test(x.slice(-2)) && /^\p{Ll}/u.test(y)) return x + y; // tail only: x may be long
  return `${x} ${y}`;
}

/** joinText over many fragments in linear time (long texts must not be rebuilt per fragment). */
export function joinAll(parts: readonly string[]): string {
  const out: string[] = [];
  let prev = '';
  for (const p of parts) {
    if (!p) continue;
    if (prev) out.push(/\p{L}-$/u.test(prev.slice(-2)) && /^\p{Ll}/u.test(p) ? '' : ' ');
    out.push(p);
    prev = p;
  }
  return out.join('');
}

export const isLowerStart = (s: string): boolean => /^[\p{Ll}]/u.test(s);
export const isUpperStart = (s: string): boolean => /^[«"“„(]?\p{Lu}/u.test(s);

/** «1», «1.», «1.2», «1.2.», «№ 3», «3)» → «1», «1.2», «3»; null when the text is not a number. */
export function parseNumber(s: string): string | null {
  const m = /^(?:№\s*)?(\d{1,3}(?:\.\d{1,3}){0,4})\s*[.)]?$/.exec(s.trim());
  return m ? m[1] : null;
}

/** Roman section numbers «I.», «IV», «II)». */
export function isRoman(s: string): boolean {
  return /^(?=[IVXLC])(X{0,3})(IX|IV|V?I{0,3})\s*[.)]?$/.test(s.trim()) && s.trim().length > 0;
}

/** Leading numbering of a heading: «I. », «2. », «Раздел 3.», «Этап 1:». */
const HEADING_NUMBER_RE =
  /^(?:(?:[Рр]аздел|[Ээ]тап|[Бб]лок|[Нн]аправление)\s+(?:\d{1,2}|[IVXLC]+)\s*[.:)]?\s*|(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*|\d{1,2}\s+(?=\p{Lu}))/u;

export function stripHeadingNumber(s: string): string {
  const m = HEADING_NUMBER_RE.exec(s);
  return m && m[0].length < s.length ? s.slice(m[0].length).trim() : s;
}

/** «(ежегодно)» (also «ежегодно» at the end after a dash) marks a section repeating every year. */
const YEARLY_RE = /\s*(?:\(\s*ежегодно\s*\)|[-–—,]\s*ежегодно\s*)\.?\s*$|\s*\(\s*ежегодно\s*\)\s*/iu;

export function splitYearly(name: string): { name: string; yearly: boolean } {
  if (!/ежегодно/iu.test(name) || !YEARLY_RE.test(name)) return { name, yearly: false };
  return { name: fold(name.replace(YEARLY_RE, ' ')), yearly: true };
}

// ---- deadline and responsible lexicon -------------------------------------------------------

const L = '(?<![\\p{L}\\d])';
const R = '(?![\\p{L}])';
/** Month stems in any case form: «сентябрь», «сентября», «Сентябре». */
export const MONTH = '(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\\p{L}*';
/** The same without /i (for patterns that need \p{Lu} to mean upper case). */
const MONTH_ANYCASE =
  '(?:[Яя]нвар|[Фф]еврал|[Мм]арт|[Аа]прел|[Мм]а[йяе]|[Ии]юн|[Ии]юл|[Аа]вгуст|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|[Дд]екабр)\\p{L}*';
const YEAR_TAIL = '(?:\\s*(?:г\\.?|года?|гг\\.?))?';
const DATE = '\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}' + YEAR_TAIL;

/** Words that start a deadline phrase (deadline-text of DOMAIN.md). */
const PHRASE =
  '(?:по\\s+мере|в\\s+течени[еи]|в\\s+соответствии\\s+со\\s+срок|по\\s+отдельному|по\\s+графику|по\\s+плану|' +
  'ежемесячно|ежеквартально|ежегодно|еженедельно|постоянно|систематически|регулярно|весь\\s+период|' +
  'не\\s+позднее|до\\s+конца|в\\s+конце|в\\s+начале|после\\s+|по\\s+окончании|по\\s+итогам\\s+(?:года|четверти|полугодия))';

/**
 * A complete deadline phrase at the start of a text, as far as it can be told from the text
 * itself (used to cut «до 15.11.2020 Руководители ОО …» into deadline and the rest).
 */
export const DEADLINE_HEAD_RE = new RegExp(
  '^(?:' +
    [
      `до\\s+${DATE}`,
      `до\\s+\\d{4}${YEAR_TAIL}`,
      `(?:с|со)\\s+\\d{1,2}(?:\\s+${MONTH})?(?:\\s+\\d{4}${YEAR_TAIL})?\\s+(?:по|до)\\s+\\d{1,2}(?:\\s+${MONTH}(?:\\s+\\d{4}${YEAR_TAIL})?)?`,
      `${DATE}(?:\\s*[-–—]\\s*${DATE})?`,
      `\\d{1,2}\\s*[-–—]\\s*\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4}${YEAR_TAIL})?`,
      `(?:\\d{1,2}\\s+)?${MONTH}(?:\\s*[-–—,]\\s*${MONTH})*(?:\\s+\\d{4}${YEAR_TAIL})?`,
      `${PHRASE}[^]*`,
    ].join('|') +
    ')',
  'iu',
);

/** Where a deadline phrase starts inside a line of a flowing (column-less) text, or -1. */
const RESP_HEAD_SRC =
  '^(?:Руководител|Управлени[еяю]\\s+образования|Сектор|Отдел|Куратор|Директор|Заместител|Зам\\.|Рабоч\\p{L}*\\s+групп|' +
    'Администрац|Наставник|Наставляем|Методист|Педагог|Классн|Учител|Специалист|Ответственн|Координатор|Департамент|' +
    'Комитет|Председател|Муниципальн\\p{L}*\\s+(?:координатор|куратор|служб)|Образовательн\\p{L}*\\s+организаци|ОО(?![\\p{L}]))';

/** A capitalised word that typically opens the «responsible» cell («Руководители ОО», «Сектор ИМР»). */
const RESPONSIBLE_HEAD_RE = new RegExp(RESP_HEAD_SRC, 'u');

const DEADLINE_ANCHORS: RegExp[] = [
  new RegExp(`${L}до\\s+${DATE}`, 'iu'),
  // «до 2021 Руководители ОО»: a bare year only when the next column follows (no /i: \p{Lu} would match any letter)
  new RegExp(`${L}[Дд]о\\s+\\d{4}(?:\\s*(?:г\\.?|года?))?(?=\\s+\\p{Lu}|\\s*$)`, 'u'),
  new RegExp(`${L}\\d{1,2}\\.\\d{1,2}\\.\\d{4}${R}`, 'u'),
  new RegExp(`${L}(?:с|со)\\s+\\d{1,2}(?:\\s+${MONTH})?\\s+(?:по|до)\\s+\\d`, 'iu'),
  new RegExp(`${L}\\d{1,2}\\s*[-–—]\\s*\\d{1,2}\\s+${MONTH}`, 'iu'),
  new RegExp(`${L}${MONTH}(?:\\s*[-–—]\\s*${MONTH})?\\s+\\d{4}${R}`, 'iu'),
  new RegExp(`${L}по\\s+мере(?:\\s+поступления|\\s*$)`, 'iu'),
  new RegExp(`${L}в\\s+течени[еи](?:\\s+(?:всего|периода|года|учебного|месяца|недели|\\d)|\\s*$)`, 'iu'),
  new RegExp(`${L}в\\s+соответствии(?:\\s+со\\s+срок|\\s*$)`, 'iu'),
  new RegExp(`${L}по\\s+отдельному(?:\\s+графику|\\s*$)`, 'iu'),
  new RegExp(`${L}(?:ежемесячно|ежеквартально|ежегодно|еженедельно|постоянно)${R}`, 'iu'),
  // «сентябрь Директор …»: a bare month when the responsible column follows it on the line
  new RegExp(`${L}${MONTH_ANYCASE}(?:\\s*[-–—]\\s*${MONTH_ANYCASE})?\\s+(?=${RESP_HEAD_SRC.slice(1)})`, 'u'),
];
const MONTH_LINE_RE = new RegExp(`^${MONTH}(?:\\s*[-–—,]\\s*${MONTH})*\\s*(?:\\d{4}${YEAR_TAIL})?\\s*$`, 'iu');

/** Where a deadline phrase starts inside a line of a flowing (column-less) text, or -1. */
export function findDeadlineStart(line: string, atLineStart: boolean): number {
  if (atLineStart && MONTH_LINE_RE.test(line)) return 0;
  let best = -1;
  for (const re of DEADLINE_ANCHORS) {
    const m = re.exec(line);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

/** Does the text read like a deadline (a date, a month, a period word)? */
const MONTH_WORD_RE = new RegExp(`${L}${MONTH}`, 'iu');
const PHRASE_RE = new RegExp(PHRASE, 'iu');

export function looksLikeDeadline(s: string): boolean {
  return (
    /\d/.test(s) ||
    MONTH_WORD_RE.test(s) ||
    PHRASE_RE.test(s) ||
    /(?:срок|период|четверт|полугод|триместр|каникул|учебн\p{L}* год|квартал|недел|месяц|(?<!\p{L})(?:пол)?года?(?!\p{L}))/iu.test(s)
  );
}

const ROLE =
  'директор|куратор|рабоч\\p{L}*\\s+групп|заместител|зам\\.|руководител|наставник|наставляем|администрац|педагог|учител|' +
  'специалист|управлени\\p{L}*\\s+образования|отдел|сектор|методист|психолог|классн|ответственн|координатор|инженер|' +
  'библиотекар|секретар|совет|комисси|департамент|комитет|обучающи|родител|служб|председател|воспитател|ОО(?![\\p{L}])';

/** Does the text read like the people responsible for an item? */
const ROLE_RE = new RegExp(`${L}(?:${ROLE})`, 'iu');

export function looksLikeResponsible(s: string): boolean {
  return ROLE_RE.test(s);
}

export function startsWithResponsible(s: string): boolean {
  return RESPONSIBLE_HEAD_RE.test(s);
}

/** Where, inside a line, the responsible cell begins after some other text, or -1. */
const RESPONSIBLE_INNER_RE = new RegExp(`(?<=\\s)(?:${RESPONSIBLE_HEAD_RE.source.slice(1)})`, 'u');

export function findResponsibleStart(s: string): number {
  const m = RESPONSIBLE_INNER_RE.exec(s);
  return m ? m.index : -1;
}

const ABBR_RE = /^[«"(]?[\p{Lu}\d]{2,}[»")]?[.,;:]?$/u;
const INITIALS_RE = /^\p{Lu}\.(?:\s?\p{Lu}\.)?[,;]?$/u;

/**
 * In a «responsible» fragment, the index (in characters) where the next column («Результат»)
 * begins: the first capitalised word that is not an abbreviation («ОО», «ЦМН»), not a surname
 * next to initials and not a town after «г.»; -1 when the whole fragment is responsible.
 * `before` is the responsible text already collected (its last word matters).
 */
export function findResultStart(fragment: string, before: string): number {
  const tokens: Array<{ t: string; at: number }> = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fragment))) tokens.push({ t: m[0], at: m.index });
  const prevWords = before.trim().split(/\s+/).filter(Boolean);
  let depth = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
  for (let i = 0; i < tokens.length; i++) {
    const { t, at } = tokens[i];
    const prev = i > 0 ? tokens[i - 1].t : prevWords[prevWords.length - 1];
    const next = tokens[i + 1]?.t;
    const opensHere = depth > 0;
    depth += (t.match(/\(/g)?.length ?? 0) - (t.match(/\)/g)?.length ?? 0);
    if (prev === undefined) continue; // the first word of the responsible cell itself
    if (opensHere) continue;
    if (!/^[«"]?\p{Lu}/u.test(t)) continue;
    if (ABBR_RE.test(t) || INITIALS_RE.test(t)) continue;
    if (/^г\.?$/u.test(prev) || INITIALS_RE.test(prev) || (next && INITIALS_RE.test(next))) continue;
    if (/[,;]$/.test(prev) && startsWithResponsible(t)) continue; // «Руководители ОО, Кураторы …»
    return at;
  }
  return -1;
}

/** A row or line of page-break debris: only dashes, underscores, dots or nothing. */
export function isDebris(s: string): boolean {
  return /^[\s\-–—_=.·*|~]*$/.test(s);
}

/** A page number line: «3», «- 3 -», «Страница 3 из 10», «стр. 3». */
export function isPageNumber(s: string): boolean {
  const t = s.trim();
  return /^[-–—]?\s*\d{1,3}\s*[-–—]?$/.test(t) || /^(?:стр\.?|страница)\s*\d{1,3}(?:\s*(?:из|\/)\s*\d{1,3})?$/iu.test(t);
}
