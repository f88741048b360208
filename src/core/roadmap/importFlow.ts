/**
 * Roadmaps whose table lost its columns (text copied out of a PDF, e.g. azov-municipal-2020):
 * each cell's lines follow one another, sometimes several cells share one line
 * («до 15.11.2020 Руководители ОО Дорожные карты»). Best effort, by these signals:
 * - items and sections by their numbering («1.», «1.1.», «5.1.1.»), accepted only when they
 *   continue the sequence (so «15.11.2020» or «2020 .» never start an item); a top-level number
 *   followed by its sub-numbers is a section;
 * - the columns in their usual order: title, deadline, responsible, result. The deadline is found
 *   by typical phrases (dates, months, «в течение …», «по мере …», «в соответствии со сроками …»),
 *   the responsible by typical openings («Руководители», «Управление образования», «Сектор»,
 *   «Кураторы» …), the result by the first capitalised word after the responsible that is not an
 *   abbreviation, a name next to initials or a town after «г.»;
 * - a long line starting in lower case after the narrow columns goes back to the title (the title
 *   column is the wide one: a single-line row is followed by the rest of the title).
 */
import type { ImportedItem } from './importTypes';
import { headingKey } from './importColumns';
import {
  clean,
  DEADLINE_HEAD_RE,
  findDeadlineStart,
  findResponsibleStart,
  findResultStart,
  isDebris,
  isLowerStart,
  isPageNumber,
  isRoman,
  joinAll,
  splitYearly,
  startsWithResponsible,
} from './importText';
import { finish } from './importRows';

export interface Line {
  text: string;
  line: number;
}

export interface FlowResult {
  items: ImportedItem[];
  warnings: string[];
  preamble: string[];
}

const NUM_RE = /^(\d{1,2}(?:\.\d{1,2}){0,3})(\.?)(?:\s+(\S.*))?$/u;
const ROMAN_RE = /^([IVXLC]+)\.\s+(\S.*)$/u;

function parts(n: string): number[] {
  return n.split('.').map(Number);
}

/** Is `n` a plausible next number after `prev` (next sibling, first child, or next of an ancestor)? */
function follows(prev: number[] | null, n: number[]): boolean {
  const last = n[n.length - 1];
  if (!prev) return last <= 3;
  if (n.length === prev.length + 1) return n.slice(0, -1).join('.') === prev.join('.') && last <= 3;
  if (n.length > prev.length + 1) return false;
  // a next sibling of prev or of one of its ancestors; up to two numbers may be missing
  if (n.slice(0, -1).join('.') !== prev.slice(0, n.length - 1).join('.')) return false;
  const step = last - prev[n.length - 1];
  return step >= 1 && step <= 3;
}

/** Numbering that starts again («1.» after «12.»), as in roadmaps numbered per section. */
function restarts(n: number[]): boolean {
  return n.length <= 2 && n.every((x) => x === 1);
}

const HEADER_WORD_RE =
  /^(?:№|п\s*\/\s*п|№\s*п\s*\/\s*п|исполнител\p{L}*|результат\.?|вид документа|ответственн\p{L}*|срок\p{L}*(?:\s+\p{L}+)?|наименование\p{L}*(?:\s+\p{L}+)?|(?:\d\s+){2,}\d)$/iu;

/** Does this line carry headings of the lost table («Наименование мероприятий Срок реализации Ответственный»)? */
function headerScore(text: string): number {
  const k = headingKey(text);
  let n = 0;
  for (const re of [/наименование|мероприяти|содержание деятельности/, /срок/, /ответствен|исполнител/, /результат|примечани|вид документа/]) if (re.test(k)) n++;
  return n;
}

export function importFlow(lines: Line[]): FlowResult {
  const warnings: string[] = [];
  const ls = lines
    .map((l) => ({ line: l.line, text: clean(l.text) }))
    .filter((l) => l.text && !isDebris(l.text) && !isPageNumber(l.text));

  // 1. The lost header, and what comes before it.
  let hi = ls.findIndex((l) => headerScore(l.text) >= 2 && l.text.length < 160);
  let start: number;
  if (hi >= 0) {
    while (hi > 0 && HEADER_WORD_RE.test(ls[hi - 1].text)) hi--;
    start = hi;
    while (start < ls.length && (HEADER_WORD_RE.test(ls[start].text) || headerScore(ls[start].text) >= 1) && !NUM_RE.test(ls[start].text)) start++;
    // a lone «1 2 3 4 5» is header too
    while (start < ls.length && /^(?:\d\s+){2,}\d$/.test(ls[start].text)) start++;
  } else {
    hi = ls.findIndex((l) => {
      const m = NUM_RE.exec(l.text);
      return !!m && parts(m[1]).every((x, i, a) => (i === a.length - 1 ? x === 1 : true)) && (m[2] === '.' || m[1].includes('.')) && !!m[3];
    });
    if (hi < 0) hi = ls.length;
    start = hi;
  }
  const preamble = ls.slice(0, hi).map((l) => l.text);

  // 2. Numbered entries.
  interface Entry {
    number: string;
    line: number;
    lines: string[];
    /** A heading by its form (roman number, or a heading before restarted numbering). */
    roman?: boolean;
  }
  const entries: Entry[] = [];
  let prev: number[] | null = null;
  const stray: Line[] = [];
  for (let i = start; i < ls.length; i++) {
    const l = ls[i];
    const m = NUM_RE.exec(l.text);
    const r = ROMAN_RE.exec(l.text);
    const numbered = !!m && (m[2] === '.' || m[1].includes('.'));
    if (numbered && !follows(prev, parts(m![1])) && restarts(parts(m![1])) && entries.length) {
      // A restart: a rejected «N. Heading» line just before it in the last entry is the section.
      const e = entries[entries.length - 1];
      const k = e.lines.length - 1 - [...e.lines].reverse().findIndex((x) => /^\d{1,2}\.\s+\p{Lu}/u.test(x));
      if (k < e.lines.length && k > 0) {
        const head = e.lines.splice(k);
        const hm = /^(\d{1,2})\.\s+([^]*)$/u.exec(head[0])!;
        entries.push({ number: hm[1], line: e.line, lines: [hm[2], ...head.slice(1)], roman: true });
      }
      prev = null;
    }
    if (numbered && follows(prev, parts(m![1]))) {
      prev = parts(m![1]);
      entries.push({ number: m![1], line: l.line, lines: m![3] ? [m![3]] : [] });
    } else if (r && isRoman(r[1])) {
      entries.push({ number: r[1], line: l.line, lines: [r[2]], roman: true });
      prev = null;
    } else if (entries.length) entries[entries.length - 1].lines.push(l.text);
    else stray.push(l);
  }
  for (const l of stray) warnings.push(`строка ${l.line}: текст до первого пункта не импортирован: «${l.text.length > 60 ? l.text.slice(0, 57) + '…' : l.text}».`);

  // 3. Sections: roman numbers, and top-level numbers whose next entry is their sub-number.
  const hasNested = entries.some((e) => !e.roman && e.number.includes('.'));
  const items: Array<ImportedItem & { yearly?: boolean; where?: string }> = [];
  let section: { name: string; yearly: boolean } | undefined;
  entries.forEach((e, idx) => {
    const next = entries[idx + 1];
    const isSection = e.roman || (hasNested && !e.number.includes('.') && (!next || next.number.startsWith(e.number + '.')));
    if (isSection) {
      const s = splitYearly(joinAll(e.lines));
      section = s;
      return;
    }
    const f = splitCells(e.lines);
    const it: ImportedItem & { yearly?: boolean; where?: string } = {
      number: e.number,
      ...(section?.name ? { section: section.name } : {}),
      title: f.title,
      yearly: section?.yearly,
      where: `строка ${e.line}`,
      source: { line: e.line },
    };
    if (f.deadline) it.deadline = f.deadline;
    if (f.responsible) it.responsible = f.responsible;
    if (f.result) it.result = f.result;
    items.push(it);
  });
  return { items: finish(items, warnings), warnings, preamble };
}

type Col = 'title' | 'deadline' | 'responsible' | 'result';

/** Long lines belong to the wide title column; the other columns are narrow. */
const WIDE = 36;

function deadlineComplete(d: string): boolean {
  return /(?:\d{4}\s*(?:г\.?|года?)?|\d{1,2}\.\d{1,2}\.\d{2,4}\s*(?:г\.?)?|графику|плану|ЦМН|наставничества|периода|года|области|министерства)\s*\.?$/iu.test(d);
}

/** The lines of one numbered entry → its cells (see the file comment). */
export function splitCells(lines: string[]): Record<Col, string> {
  const parts: Record<Col, string[]> = { title: [], deadline: [], responsible: [], result: [] };
  // Only the tail of a cell matters for the decisions below; whole texts are joined at the end.
  const out = {
    get title() { return parts.title.length ? parts.title[parts.title.length - 1] : ''; },
    get deadline() { return parts.deadline.slice(-4).join(' '); },
    get responsible() { return parts.responsible.slice(-4).join(' '); },
  };
  let state: Col = 'title';
  let titleBack = false;
  const add = (c: Col, s: string) => {
    const v = s.trim();
    if (v) parts[c].push(v);
  };
  for (const line of lines) {
    if (titleBack) {
      add('title', line);
      continue;
    }
    if ((state === 'responsible' || state === 'result') && line.length >= WIDE && isLowerStart(line)) {
      titleBack = true;
      add('title', line);
      continue;
    }
    let rest = line;
    let lineStart = true;
    let guard = 0;
    while (rest && guard++ < 8) {
      if (state === 'title') {
        if (/^[-–—•]/.test(rest)) {
          add('title', rest);
          break;
        }
        const at = findDeadlineStart(rest, lineStart);
        if (at >= 0 && (at > 0 || out.title)) {
          add('title', rest.slice(0, at));
          rest = rest.slice(at);
          state = 'deadline';
          const m = DEADLINE_HEAD_RE.exec(rest);
          const head = m ? m[0] : rest;
          const r = findResponsibleStart(head);
          const cut = r >= 0 ? r : head.length;
          add('deadline', rest.slice(0, cut));
          rest = rest.slice(cut).trim();
          if (rest) state = 'responsible';
          lineStart = false;
          continue;
        }
        add('title', rest);
        rest = '';
      } else if (state === 'deadline') {
        if (startsWithResponsible(rest) || (!isLowerStart(rest) && !/^[\d(.,-]/.test(rest) && deadlineComplete(out.deadline))) {
          state = 'responsible';
          continue;
        }
        const r = findResponsibleStart(rest);
        const y = /^(.*?\d{4}\s*(?:г\.?|года?)?\s*\.?)\s+(?=\p{Lu})/u.exec(rest);
        const cut = r >= 0 ? r : y ? y[1].length : rest.length;
        add('deadline', rest.slice(0, cut));
        rest = rest.slice(cut).trim();
        if (rest) state = 'responsible';
      } else if (state === 'responsible') {
        const at = findResultStart(rest, out.responsible);
        if (at === 0) {
          state = 'result';
          continue;
        }
        if (at > 0) {
          add('responsible', rest.slice(0, at));
          rest = rest.slice(at);
          state = 'result';
          continue;
        }
        add('responsible', rest);
        rest = '';
      } else {
        add('result', rest);
        rest = '';
      }
    }
    if (rest && guard > 8) add(state, rest); // never lose text, even if the cutting went round in circles
  }
  return { title: joinAll(parts.title), deadline: joinAll(parts.deadline), responsible: joinAll(parts.responsible), result: joinAll(parts.result) };
}
