/**
 * Words of a request, competencies and interests as the matcher compares them: lower case,
 * ё→е, Russian stop-words dropped, each word reduced to a Snowball stem («олимпиаде»,
 * «олимпиадам» → «олимпиад») and the stem cut to KEY_LENGTH letters, so that related words
 * with different suffixes meet too («олимпиадная» / «олимпиада», «математический» / «математика»).
 */
import { newStemmer } from 'snowball-stemmers';

const stemmer = newStemmer('russian');
const englishStemmer = newStemmer('english');

/** Stems are cut to this many letters: long enough to keep topics apart, short enough for derivatives. */
export const KEY_LENGTH = 6;

/** Russian function words and words every request has («помощь», «хочу»): they match nothing. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о об обо из ему ' +
    'теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут ' +
    'где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой ' +
    'совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после ' +
    'над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том ' +
    'нельзя такой им более всегда конечно всю между также либо т.е ит д др пр т е их свой свои своих ' +
    'хочу хотел хотела хотелось бы нужна нужно нужен нужны необходимо помощь помочь помогать помощи требуется интересует интересно ' +
    'очень умение уметь научиться научить стать работа работы по'
  ).split(/\s+/),
);

/**
 * Words that say what kind of help, not about what: «подготовка к ЕГЭ по химии» and «подготовка к
 * олимпиадам» share only «подготовка», which is no reason to pair a chemistry teacher with a
 * mathematician. Compared by key, so every form of them («подготовить», «навыков») is dropped too.
 */
const GENERIC_WORDS =
  'подготовка подготовить развитие развивать развить изучение изучить изучать повышение повысить совершенствование ' +
  'освоение освоить навык навыки знания уровень уровня вопрос';

const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

function fold(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

const keyCache = new Map<string, string | null>();

function stemKey(w: string): string {
  const stem = /[a-z]/.test(w) ? englishStemmer.stem(w) : stemmer.stem(w);
  return stem.length > KEY_LENGTH ? stem.slice(0, KEY_LENGTH) : stem;
}

let generic: Set<string> | undefined;
/** Keys of GENERIC_WORDS, made on first use (nothing is stemmed while Apps Script loads the bundle). */
function genericKeys(): Set<string> {
  return (generic ??= new Set(GENERIC_WORDS.split(' ').map(stemKey)));
}

/** The comparison key of one word, or null for a stop-word or a one-letter token. */
export function wordKey(word: string): string | null {
  const w = fold(word);
  const cached = keyCache.get(w);
  if (cached !== undefined) return cached;
  let key: string | null;
  if (w.length < 2 || STOP_WORDS.has(w) || /^\d+$/.test(w)) key = null;
  else {
    key = stemKey(w);
    if (key.length < 2 || genericKeys().has(key)) key = null;
  }
  if (keyCache.size > 200000) keyCache.clear();
  keyCache.set(w, key);
  return key;
}

export interface Token {
  /** The word as written. */
  word: string;
  /** Offset in the text. */
  start: number;
  end: number;
  key: string | null;
}

export function tokenize(text: string | undefined): Token[] {
  if (!text) return [];
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ word: m[0], start, end: start + m[0].length, key: wordKey(m[0]) });
  }
  return out;
}

/** The distinct keys of a text or of several list items. */
export function keysOf(texts: readonly string[] | string | undefined): Set<string> {
  const out = new Set<string>();
  if (!texts) return out;
  for (const t of typeof texts === 'string' ? [texts] : texts) for (const tok of tokenize(t)) if (tok.key) out.add(tok.key);
  return out;
}

/**
 * The mentee's own words that matched, as short phrases: consecutive matched words joined with
 * the stop-words between them («олимпиаде по физике»); phrases separated by commas.
 */
export function matchedPhrases(text: string, tokens: readonly Token[], matched: (key: string) => boolean): string[] {
  const p = phraseTokens(text, tokens);
  return matchedPhrasesOf(p, (t) => matched(p.keys[t]!));
}

/** A request's tokens prepared once for matchedPhrasesOf (a mentee's request is explained several times). */
export interface PhraseTokens {
  keys: Array<string | null>;
  /** The word as shown in a reason. */
  shown: string[];
  /** Punctuation between this word and the previous one (ends a phrase). */
  breakBefore: boolean[];
}

export function phraseTokens(text: string, tokens: readonly Token[]): PhraseTokens {
  return {
    keys: tokens.map((t) => t.key),
    shown: tokens.map((t) => displayWord(t.word)),
    breakBefore: tokens.map((t, k) => k > 0 && /[^\s]/.test(text.slice(tokens[k - 1].end, t.start))),
  };
}

/** matchedPhrases over prepared tokens; `matched` gets the index of a token that has a key. */
export function matchedPhrasesOf(p: PhraseTokens, matched: (token: number) => boolean): string[] {
  const phrases: string[] = [];
  let run: string[] = [];
  let pendingStops: string[] = [];
  const flush = () => {
    if (run.length) {
      const phrase = run.join(' ');
      if (!phrases.includes(phrase)) phrases.push(phrase);
    }
    run = [];
    pendingStops = [];
  };
  for (let k = 0; k < p.keys.length; k++) {
    const key = p.keys[k];
    if (p.breakBefore[k]) flush();
    if (key && matched(k)) {
      if (pendingStops.length) run.push(...pendingStops);
      run.push(p.shown[k]);
      pendingStops = [];
    } else if (!key && run.length) {
      pendingStops.push(p.shown[k]);
    } else flush();
  }
  flush();
  return phrases;
}

function displayWord(w: string): string {
  // Abbreviations (ЕГЭ, ОГЭ) keep their capitals; other words are lower-cased.
  return w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w) ? w : w.toLowerCase();
}

/** A school grade from «10Б», «8 класс», «7-А», «ученик 9 класса»: 1–11, or null. */
export function parseGrade(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.toLowerCase();
  const m = /(?:^|[^\d])(\d{1,2})\s*(?:-?\s*[а-яa-z](?![а-я])|\s*кл|$|\s*["«(]?[а-я]["»)]?\s*$)/.exec(t) ?? /(\d{1,2})\s*класс/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 11 ? n : null;
}

/** A range written as «12–15 лет», «с 10 до 14», «7-9 класс», «5 класс»: ages or grades. */
export function parseRange(text: string | undefined): { min: number; max: number; unit: 'age' | 'grade' } | null {
  if (!text) return null;
  const t = text.toLowerCase();
  const unit = /кл/.test(t) ? 'grade' : 'age';
  const two = /(\d{1,2})\s*(?:[-–—]|до|по)\s*(\d{1,2})/.exec(t);
  if (two) {
    const a = Number(two[1]);
    const b = Number(two[2]);
    return { min: Math.min(a, b), max: Math.max(a, b), unit };
  }
  const one = /(\d{1,2})/.exec(t);
  if (!one) return null;
  const n = Number(one[1]);
  return { min: n, max: n, unit };
}
