/**
 * Russian grammar for orders: names and positions in the case the sentence needs (petrovich),
 * initials for signatures, dates in words. Pure: runs in Apps Script, Node and the browser.
 */
import petrovich from 'petrovich';

export type Case = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental';
export type Gender = 'male' | 'female' | 'androgynous';

export interface PersonName {
  last: string;
  first?: string;
  middle?: string;
  /** Initials as written when the name was given short («Т.Н.»). */
  initials?: string;
  /** The name was written «Т.Н. Кудрявцева» (initials first). */
  initialsFirst?: boolean;
}

const INITIALS = /^(?:[А-ЯЁA-Z]\.\s?){1,2}$/;
const INITIALS_GLUED = /^((?:[А-ЯЁ]\.\s?){1,2})([А-ЯЁ][а-яё-]+)$/; // «Т.Н.Кудрявцева»

/** Splits «Фамилия Имя Отчество», «Фамилия И.О.», «И.О. Фамилия» into parts. */
export function parseFullName(text: string): PersonName {
  const t = text.replace(/\s+/g, ' ').trim();
  const glued = INITIALS_GLUED.exec(t);
  if (glued) return { last: glued[2], initials: glued[1].replace(/\s/g, ''), initialsFirst: true };
  // «Кудрявцева Т. Н.» / «Т. Н. Кудрявцева»: join initials split by a space.
  const tokens = t.replace(/([А-ЯЁA-Z]\.)\s+(?=[А-ЯЁA-Z]\.)/g, '$1').split(' ').filter(Boolean);
  if (tokens.length === 0) return { last: '' };
  if (tokens.length === 2 && INITIALS.test(tokens[0])) return { last: tokens[1], initials: tokens[0], initialsFirst: true };
  if (tokens.length === 2 && INITIALS.test(tokens[1])) return { last: tokens[0], initials: tokens[1] };
  const [last, first, ...rest] = tokens;
  return { last, first, middle: rest.length ? rest.join(' ') : undefined };
}

const MALE_NAMES_IN_A = new Set([
  'никита', 'илья', 'фома', 'кузьма', 'лука', 'савва', 'данила', 'гаврила', 'фока', 'добрыня', 'миша', 'саша', 'женя',
]);
const FEMALE_NAMES_IN_SOFT = new Set(['любовь', 'нинель', 'адель', 'юдифь', 'эсфирь', 'руфь', 'айгуль', 'гузель', 'асель']);

/** Gender from the patronymic, else the first name, else the surname's ending. */
export function detectGender(p: PersonName): Gender {
  const middle = p.middle?.toLowerCase();
  if (middle) {
    if (/(ич|оглы|улы)$/.test(middle)) return 'male';
    if (/(на|кызы|гызы)$/.test(middle)) return 'female';
  }
  const first = p.first?.toLowerCase();
  if (first && !first.endsWith('.')) {
    if (MALE_NAMES_IN_A.has(first)) return first === 'саша' || first === 'женя' ? 'androgynous' : 'male';
    if (FEMALE_NAMES_IN_SOFT.has(first)) return 'female';
    if (/[ая]$/.test(first)) return 'female';
    if (/[бвгджзйклмнпрстфхцчшщ]$/.test(first) || /ь$/.test(first)) return 'male';
  }
  const last = p.last.toLowerCase().split('-').pop() ?? '';
  if (/(ова|ева|ёва|ина|ына|ая|яя)$/.test(last)) return 'female';
  if (/(ов|ев|ёв|ин|ын|ий|ый|ой|ский|цкий)$/.test(last)) return 'male';
  return 'androgynous';
}

function inflectPart(gender: Gender, type: 'first' | 'middle' | 'last', word: string, gcase: Case): string {
  if (gcase === 'nominative' || !word) return word;
  // Turkic patronymics: only the father's name part is not inflected either («Гейдар оглы»).
  if (type === 'middle' && /\s(оглы|кызы|гызы|улы)$/i.test(word)) return word;
  try {
    return petrovich[gender][type][gcase](word);
  } catch {
    return word;
  }
}

/** The full name in a case, in the order it was written: «Ахремкину Людмилу Михайловну». */
export function nameCase(fullName: string, gcase: Case): string {
  const p = parseFullName(fullName);
  const g = detectGender(p);
  const last = inflectPart(g, 'last', p.last, gcase);
  if (p.initials) return p.initialsFirst ? `${p.initials} ${last}` : `${last} ${p.initials}`;
  return [last, p.first && inflectPart(g, 'first', p.first, gcase), p.middle && inflectPart(g, 'middle', p.middle, gcase)]
    .filter(Boolean)
    .join(' ');
}

function initialsOf(p: PersonName): string {
  if (p.initials) return p.initials;
  const i = (w?: string) => (w ? `${w[0].toUpperCase()}.` : '');
  // A hyphenated first name keeps both letters: «Анна-Мария» → «А.-М.».
  const first = p.first?.includes('-') ? p.first.split('-').map(i).join('-') : i(p.first);
  return first + i(p.middle);
}

/** «И.О. Фамилия» for signatures (ГОСТ Р 7.0.97), optionally in a case: «Т.Н. Кудрявцевой». */
export function shortName(fullName: string, gcase: Case = 'nominative'): string {
  const p = parseFullName(fullName);
  const last = inflectPart(detectGender(p), 'last', p.last, gcase);
  const ini = initialsOf(p);
  return ini ? `${ini} ${last}` : last;
}

/** «Фамилия И.О.» for lists and tables. */
export function surnameInitials(fullName: string): string {
  const p = parseFullName(fullName);
  const ini = initialsOf(p);
  return ini ? `${p.last} ${ini}` : p.last;
}

// --- positions («учитель математики», «заместитель директора по УВР», «педагог-психолог») ---

const ADJ = /^[а-яё]+(ый|ий|ой|ая|яя)$/;

function adjCase(word: string, feminine: boolean, gcase: Case): string {
  if (gcase === 'nominative') return word;
  if (feminine) {
    const soft = word.endsWith('яя');
    const stem = word.slice(0, -2);
    if (gcase === 'accusative') return stem + (soft ? 'юю' : 'ую');
    return stem + (soft ? 'ей' : 'ой');
  }
  const stem = word.slice(0, -2);
  const end = word.slice(-2);
  const prev = stem.slice(-1);
  const velar = /[гкх]/.test(prev);
  const hush = /[жшчщ]/.test(prev);
  const soft = end === 'ий' && !velar;
  const o = soft || hush ? 'е' : 'о';
  switch (gcase) {
    case 'genitive':
    case 'accusative': // animate masculine: accusative = genitive
      return `${stem}${o}го`;
    case 'dative':
      return `${stem}${o}му`;
    case 'instrumental':
      return stem + (end === 'ий' || end === 'ой' ? (velar || soft || hush ? 'им' : 'ым') : 'ым');
  }
}

function nounCase(word: string, gcase: Case): string | null {
  if (gcase === 'nominative') return word;
  if (!/^[а-яё]+$/.test(word)) return null;
  const last = word.slice(-1);
  const stem = word.slice(0, -1);
  if (last === 'а' || last === 'я') {
    const prev = stem.slice(-1);
    const i = /[гкхжшчщ]/.test(prev) || last === 'я';
    switch (gcase) {
      case 'genitive':
        return stem + (i ? 'и' : 'ы');
      case 'dative':
        return stem + 'е';
      case 'accusative':
        return stem + (last === 'я' ? 'ю' : 'у');
      case 'instrumental':
        return stem + (/[жшчщц]/.test(prev) || last === 'я' ? 'ей' : 'ой');
    }
  }
  if (last === 'ь' || last === 'й') {
    const e = { genitive: 'я', accusative: 'я', dative: 'ю', instrumental: 'ем' }[gcase];
    return stem + e;
  }
  if (/[бвгдзклмнпрстфх]/.test(last)) {
    return word + { genitive: 'а', accusative: 'а', dative: 'у', instrumental: 'ом' }[gcase];
  }
  if (/[жшчщц]/.test(last)) {
    return word + { genitive: 'а', accusative: 'а', dative: 'у', instrumental: 'ем' }[gcase];
  }
  return null;
}

/**
 * A position in a case: the leading adjectives and the head noun change, the rest (the genitive
 * complement «директора по УВР») stays. Null when the head word cannot be inflected safely
 * (abbreviations, unknown shapes): callers then keep the nominative in parentheses.
 */
export function positionCase(position: string, gcase: Case): string | null {
  const words = position.replace(/\s+/g, ' ').trim().split(' ');
  if (!words[0]) return null;
  if (gcase === 'nominative') return words.join(' ');
  let i = 0;
  while (i < words.length && ADJ.test(words[i].toLowerCase())) i++;
  const adjectives = words.slice(0, i);
  const out: string[] = [];
  let feminine = false;
  if (i < words.length) {
    const parts = words[i].split('-');
    if (parts.some((w) => w !== w.toLowerCase())) return null; // abbreviations, names
    const inflected = parts.map((w) => nounCase(w, gcase));
    if (inflected.some((w) => w === null)) return null;
    feminine = /[ая]$/.test(parts[0]);
    out.push(...adjectives.map((a) => adjCase(a, feminine, gcase)), inflected.join('-'), ...words.slice(i + 1));
  } else {
    // Adjectival nouns only: «старший вожатый», «дежурная».
    out.push(...adjectives.map((a) => adjCase(a, /(ая|яя)$/.test(a), gcase)));
  }
  return out.join(' ');
}

/** Head nouns of school names in the prepositional case («в лицее», «в детском саду»). */
const ORG_NOUNS: Record<string, string> = {
  лицей: 'лицее',
  школа: 'школе',
  гимназия: 'гимназии',
  колледж: 'колледже',
  техникум: 'техникуме',
  училище: 'училище',
  центр: 'центре',
  сад: 'саду',
  интернат: 'интернате',
  академия: 'академии',
  университет: 'университете',
  институт: 'институте',
  учреждение: 'учреждении',
  организация: 'организации',
  комплекс: 'комплексе',
  дом: 'доме',
};

/**
 * «в …» with an organisation's name: «Лицей № 1» → «в Лицее № 1», «Средняя школа № 5» → «в Средней
 * школе № 5». Names that begin with an abbreviation or a quote («МБОУ «Лицей № 1»») do not change;
 * neither does a name whose head word is not a known kind of school (never guessed).
 */
export function inOrganisation(name: string): string {
  const words = name.replace(/\s+/g, ' ').trim().split(' ');
  if (!words[0]) return '';
  let i = 0;
  while (i < words.length && ADJ.test(words[i].toLowerCase())) i++;
  const head = words[i]?.toLowerCase();
  const noun = head !== undefined ? ORG_NOUNS[head] : undefined;
  if (!noun || /^[А-ЯЁ]{2,}$/.test(words[i])) return `в ${words.join(' ')}`;
  const keepCase = (from: string, to: string) => (from[0] !== from[0].toLowerCase() ? to[0].toUpperCase() + to.slice(1) : to);
  const feminine = /[ая]$/.test(head) && head !== 'училище';
  const out = words.slice(0, i).map((a) => {
    const low = a.toLowerCase();
    const stem = low.slice(0, -2);
    const soft = /(ий|яя)$/.test(low) && !/[гкхжшчщ]$/.test(stem);
    return keepCase(a, stem + (feminine ? (soft ? 'ей' : 'ой') : soft ? 'ем' : 'ом'));
  });
  out.push(keepCase(words[i], noun), ...words.slice(i + 1));
  return `в ${out.join(' ')}`;
}

/**
 * «Ахремкину Людмилу Михайловну, заместителя директора по УВР» — the name and its position in a
 * case; a position that cannot be inflected is kept as written, in parentheses.
 */
export function personPhrase(fullName: string, position: string | undefined, gcase: Case): string {
  const name = nameCase(fullName, gcase);
  const pos = position?.trim();
  if (!pos) return name;
  const p = positionCase(lowerFirst(pos), gcase);
  return p ? `${name}, ${p}` : `${name} (${pos})`;
}

function lowerFirst(s: string): string {
  // «Учитель математики» → «учитель математики», but keep «ЗДУВР» and other abbreviations.
  return /^[А-ЯЁ][а-яё]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

// --- dates ---

const MONTHS_GEN = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
];

function isoParts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`bad ISO date ${iso}`);
  return [+m[1], +m[2], +m[3]];
}

/** «15 февраля 2021 г.» */
export function dateWords(iso: string): string {
  const [y, m, d] = isoParts(iso);
  return `${d} ${MONTHS_GEN[m - 1]} ${y} г.`;
}

/** «15.02.2021» */
export function dateNumeric(iso: string): string {
  const [y, m, d] = isoParts(iso);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

/** «с 01.09.2026 по 31.05.2027», «с 01.09.2026», «по 31.05.2027», '' */
export function periodText(from?: string, to?: string): string {
  const parts: string[] = [];
  if (from) parts.push(`с ${dateNumeric(from)}`);
  if (to) parts.push(`по ${dateNumeric(to)}`);
  return parts.join(' ');
}
