/**
 * Builders of orders (приказы), one per kind: plain register rows and settings in, a DocModel
 * laid out after ГОСТ Р 7.0.97-2025 out, with who is included and who is left out and why.
 * Nobody without consent to personal data processing is named: they are left out and reported.
 */
import type { Mentee, Mentor, Pair, RoadmapItem } from '../registers/schemas';
import type { Settings } from '../registers/settings';
import { DEFAULT_FORM_RULES, ruleFor } from '../registers/forms';
import { indexPeople, resolvePerson, type PeopleIndex } from '../registers/people';
import type { Block, DocModel, OrderFields, TextRun } from './model';
import { dateWords, dateNumeric, inOrganisation, nameCase, periodText, personPhrase, shortName } from './russian';

export const ORDER_KINDS = ['pairs', 'curator', 'working-group', 'roadmap', 'awards', 'completion'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_TITLES: Record<OrderKind, string> = {
  pairs: 'О закреплении наставнических пар (групп)',
  curator: 'О назначении куратора внедрения целевой модели наставничества',
  'working-group': 'О создании рабочей группы по внедрению целевой модели наставничества',
  roadmap: 'Об утверждении дорожной карты внедрения целевой модели наставничества',
  awards: 'О поощрении участников наставнической деятельности',
  completion: 'О завершении программы наставничества',
};

/** Short names for the journal's «Вид» column and the sidebar. */
export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  pairs: 'Закрепление пар',
  curator: 'Назначение куратора',
  'working-group': 'Рабочая группа',
  roadmap: 'Дорожная карта',
  awards: 'Поощрение',
  completion: 'Завершение программы',
};

/** What each kind lets the user pick. */
export const ORDER_KIND_PICKS: Record<OrderKind, 'pairs' | 'people' | null> = {
  pairs: 'pairs',
  curator: null,
  'working-group': 'people',
  roadmap: null,
  awards: 'people',
  completion: 'pairs',
};

export function isOrderKind(k: string): k is OrderKind {
  return (ORDER_KINDS as readonly string[]).includes(k);
}

export interface Row<T> {
  /** 0-based sheet row (row 0 is the header). */
  row: number;
  record: T;
}

export interface OrderData {
  settings: Settings;
  mentors: ReadonlyArray<Row<Mentor>>;
  mentees: ReadonlyArray<Row<Mentee>>;
  pairs: ReadonlyArray<Row<Pair>>;
  roadmap: ReadonlyArray<Row<RoadmapItem>>;
  /** Tab names as found (for messages); canonical names otherwise. */
  sheetNames?: Partial<Record<'mentors' | 'mentees' | 'pairs' | 'roadmap', string>>;
}

export interface OrderOptions {
  /** The order's number as printed («НМ-3/2026» or «3»). */
  number: string;
  /** ISO date of the order. */
  date: string;
  /** Pairs to include (pairs, completion); default: by status. */
  pairIds?: string[];
  /** People to include (awards: mentors; working-group: mentors or mentees), by ID or name. */
  mentorIds?: string[];
}

export interface Included {
  /** Register ID (pair or person). */
  id: string;
  /** What the sidebar shows: «П-001: Иванова А.С. → Петров П.П.» */
  label: string;
}

export interface OrderPlan {
  kind: OrderKind;
  heading: string;
  /** Blocking problems: nothing is generated while there is one. */
  problems: string[];
  warnings: string[];
  included: Included[];
  /** IDs left out (never names of people without consent) with the reason. */
  excluded: Array<{ id: string; reason: string }>;
  /** 0-based rows of the «Пары» register to stamp with the order's number (pairs kind). */
  pairRows: number[];
  /** Identifies «the same order for the same people» (duplicates). */
  subjectKey: string;
  model: DocModel | null;
}

export const BASIS =
  'В соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии ' +
  '(целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по ' +
  'общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, ' +
  'в том числе с применением лучших практик обмена опытом между обучающимися»';

const TEACHER_BASIS =
  ', письмом Минпросвещения России и Общероссийского Профсоюза образования от 21.12.2021 № АЗ-1128/08, 657 ' +
  '«О направлении методических рекомендаций по разработке и внедрению системы (целевой модели) наставничества ' +
  'педагогических работников в образовательных организациях»';

export const CONTROL_POINT = 'Контроль за исполнением настоящего приказа оставляю за собой.';

/** Settings every order needs, with their labels in «Настройки». */
export function missingSettings(settings: Settings, kind: OrderKind): string[] {
  const missing: string[] = [];
  if (!settings.orgName?.trim()) missing.push('«Полное наименование организации»');
  if (!settings.directorName?.trim()) missing.push('«ФИО руководителя»');
  if ((kind === 'curator' || kind === 'working-group') && !settings.curatorName?.trim()) missing.push('«Куратор» (ФИО куратора)');
  return missing;
}

export function missingSettingsMessage(missing: string[]): string {
  return `Заполните на листе «Настройки»: ${missing.join(', ')}. Без них приказ не формируется.`;
}

const hasConsent = (p: { consentDate?: string }) => !!p.consentDate;

function run(text: string, bold = false): TextRun {
  return bold ? { text, bold } : { text };
}

function para(text: string, opts: Partial<Extract<Block, { type: 'paragraph' }>> = {}): Block {
  return { type: 'paragraph', runs: [run(text)], ...opts };
}

/** A tiny stable hash (FNV-1a) so duplicate keys carry no names. */
export function hashKey(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

interface Ctx {
  data: OrderData;
  opts: OrderOptions;
  plan: OrderPlan;
  mentorIndex: PeopleIndex<Mentor>;
  menteeIndex: PeopleIndex<Mentee>;
  sheet(key: 'mentors' | 'mentees' | 'pairs' | 'roadmap'): string;
}

const CANONICAL = { mentors: 'Наставники', mentees: 'Наставляемые', pairs: 'Пары', roadmap: 'Дорожная карта' } as const;

/** A person named in an order, with what the acquaintance list and tables need. */
interface Named {
  id: string;
  fullName: string;
  position?: string;
  /** Signs the acquaintance list (adults: not pupils). */
  signs: boolean;
}

interface ResolvedPair {
  pair: Pair;
  row: number;
  mentor: Named;
  mentees: Named[];
}

function mentorNamed(m: Mentor): Named {
  return { id: m.id, fullName: m.fullName, position: m.position, signs: m.category !== 'обучающийся' };
}

function menteeNamed(m: Mentee): Named {
  return { id: m.id, fullName: m.fullName, position: m.grade, signs: m.category !== 'обучающийся' };
}

function nameWithPosition(p: Named): string {
  return p.position ? `${p.fullName}, ${p.position}` : p.fullName;
}

function isTeacherSystem(form: string | undefined, settings: Settings): boolean {
  if (!form) return false;
  return !!ruleFor(form, settings.forms?.length ? settings.forms : DEFAULT_FORM_RULES)?.teacherSystem;
}

/** Pairs for the pairs/completion orders, with consent checked person by person. */
function selectPairs(c: Ctx, defaultStatus: Pair['status']): ResolvedPair[] {
  const { data, opts, plan } = c;
  const pairsSheet = c.sheet('pairs');
  const chosen = opts.pairIds?.length ? new Set(opts.pairIds.map((x) => x.trim().toLowerCase())) : null;
  const out: ResolvedPair[] = [];
  const found = new Set<string>();
  for (const { row, record: p } of data.pairs) {
    if (!p.id) continue;
    const key = p.id.trim().toLowerCase();
    if (chosen ? !chosen.has(key) : p.status !== defaultStatus) continue;
    found.add(key);
    const where = `Пара ${p.id} (лист «${pairsSheet}», строка ${row + 1})`;
    const leave = (reason: string) => {
      plan.excluded.push({ id: p.id, reason });
      plan.warnings.push(`${where}: ${reason} — пара не включена в приказ.`);
    };
    if (p.status === 'расторгнута') {
      leave('пара расторгнута');
      continue;
    }
    if (isTeacherSystem(p.form, data.settings) && !(p.consent && p.consent !== 'no')) {
      leave('нет письменного согласия участников (обязательно в системе наставничества педагогов)');
      continue;
    }
    const mr = p.mentor ? resolvePerson(p.mentor, c.mentorIndex) : { status: 'unknown' as const };
    if (mr.status !== 'ok') {
      leave(mr.status === 'ambiguous' ? `наставник «${p.mentor}» совпадает с несколькими людьми — укажите ID` : `наставник «${p.mentor ?? ''}» не найден на листе «${c.sheet('mentors')}»`);
      continue;
    }
    const mentor = mr.person;
    if (!hasConsent(mentor)) {
      plan.excluded.push({ id: mentor.id, reason: 'нет согласия на обработку персональных данных' });
      leave(`у наставника ${mentor.id} нет согласия на обработку персональных данных`);
      continue;
    }
    const mentees: Named[] = [];
    for (const ref of p.mentees ?? []) {
      const r = resolvePerson(ref, c.menteeIndex);
      if (r.status !== 'ok') {
        plan.warnings.push(
          `${where}: наставляемый «${ref}» ${r.status === 'ambiguous' ? 'совпадает с несколькими людьми — укажите ID' : `не найден на листе «${c.sheet('mentees')}»`} — не включён.`,
        );
        continue;
      }
      if (!hasConsent(r.person)) {
        plan.excluded.push({ id: r.person.id, reason: 'нет согласия на обработку персональных данных' });
        plan.warnings.push(`${where}: у наставляемого ${r.person.id} нет согласия на обработку персональных данных — он не назван в приказе.`);
        continue;
      }
      mentees.push(menteeNamed(r.person));
    }
    if (mentees.length === 0) {
      leave('не осталось наставляемых с согласием на обработку персональных данных');
      continue;
    }
    out.push({ pair: p, row, mentor: mentorNamed(mentor), mentees });
  }
  if (chosen) {
    for (const id of opts.pairIds ?? []) {
      if (!found.has(id.trim().toLowerCase())) plan.warnings.push(`Пара «${id}» не найдена на листе «${pairsSheet}».`);
    }
  }
  return out;
}

/**
 * Why no pair could go into the order. When pairs were there but each was left out, the short
 * reasons are the answer (warnings give the rows; the command line shows only this line).
 */
function noPairsProblem(c: Ctx, status: Pair['status'], none: string): string {
  const chosen = !!c.opts.pairIds?.length;
  if (!chosen && !c.data.pairs.some((p) => p.record.status === status)) return none;
  const pairIds = new Set(c.data.pairs.map((p) => p.record.id));
  const left = c.plan.excluded.filter((e) => pairIds.has(e.id)).map((e) => `${e.id} — ${e.reason}`);
  const why = left.length ? `: ${left.join('; ')}.` : ' (см. предупреждения).';
  return chosen ? `Ни одна из выбранных пар не может войти в приказ${why}` : `Ни одна пара со статусом «${status}» не может войти в приказ${why}`;
}

/** People picked by ID or name (awards: mentors; working group: mentors or mentees). */
function selectPeople(c: Ctx, allowMentees: boolean): Named[] {
  const out: Named[] = [];
  const seen = new Set<string>();
  for (const ref of c.opts.mentorIds ?? []) {
    let r = resolvePerson(ref, c.mentorIndex) as ReturnType<typeof resolvePerson<Mentor | Mentee>>;
    let named: Named | null = r.status === 'ok' ? mentorNamed(r.person as Mentor) : null;
    if (r.status === 'unknown' && allowMentees) {
      r = resolvePerson(ref, c.menteeIndex);
      named = r.status === 'ok' ? menteeNamed(r.person as Mentee) : null;
    }
    if (r.status !== 'ok' || !named) {
      c.plan.warnings.push(
        r.status === 'ambiguous' ? `«${ref}» совпадает с несколькими людьми — укажите ID.` : `«${ref}» не найден в реестрах — не включён.`,
      );
      continue;
    }
    if (seen.has(named.id)) continue;
    seen.add(named.id);
    if (!hasConsent(r.person)) {
      c.plan.excluded.push({ id: named.id, reason: 'нет согласия на обработку персональных данных' });
      c.plan.warnings.push(`${named.id}: нет согласия на обработку персональных данных — не назван в приказе.`);
      continue;
    }
    out.push(named);
  }
  return out;
}

function pairLabel(rp: ResolvedPair): string {
  return `${rp.pair.id}: ${shortName(rp.mentor.fullName)} → ${rp.mentees.map((m) => shortName(m.fullName)).join(', ')}`;
}

function pairTableRows(pairs: ResolvedPair[], withResult: boolean): string[][] {
  return pairs.map((rp, i) => {
    const row = [
      String(i + 1),
      nameWithPosition(rp.mentor),
      rp.mentees.map(nameWithPosition).join('\n'),
      rp.pair.form ?? '',
      periodText(rp.pair.startDate, rp.pair.endDate),
    ];
    if (withResult) row.push(rp.pair.result ?? '');
    return row;
  });
}

/** The common frame: letterhead, text, signature, acquaintance list, appendices. */
interface Body {
  basisTail?: string;
  teacherSystem?: boolean;
  /** Numbered points and the paragraphs between them. */
  points: Block[];
  appendices: Array<{ caption: string; header: string[]; rows: string[][]; widths?: number[] }>;
  acquainted: Named[];
}

function compose(c: Ctx, body: Body): DocModel {
  const s = c.data.settings;
  const { number, date } = c.opts;
  const heading = c.plan.heading;
  const head: Block[] = [
    para(s.orgName ?? '', { align: 'center', runs: [run(s.orgName ?? '', true)] }),
    para('ПРИКАЗ', { align: 'center', runs: [run('ПРИКАЗ', true)], spaceAfter: 6 }),
    { type: 'split', left: [run(dateWords(date))], right: [run(`№ ${number}`)] },
  ];
  if (s.place) head.push(para(s.place, { align: 'center' }));
  head.push(para(heading, { align: 'center', runs: [run(heading, true)], spaceAfter: 12 }));

  const basis = `${BASIS}${body.teacherSystem ? TEACHER_BASIS : ''}${body.basisTail ? `, ${body.basisTail}` : ''}`;
  const text: Block[] = [
    para(`${basis},`, { align: 'justify', indentFirstLine: true }),
    para('ПРИКАЗЫВАЮ:', { spaceAfter: 6 }),
    ...body.points,
  ];

  const position = s.directorPosition?.trim() || 'Директор';
  const signature: Block[] = [
    para(''),
    { type: 'signature', position, name: shortName(s.directorName ?? '') },
  ];
  const acquainted = dedupe(body.acquainted);
  if (acquainted.length) {
    signature.push(para(''), para('С приказом ознакомлены:'), {
      type: 'table',
      header: ['ФИО', 'Подпись', 'Дата'],
      rows: acquainted.map((p) => [p.fullName, '____________', '«___» ____________ 20___ г.']),
      widths: [45, 20, 35],
      borderless: true,
    });
  }

  const appendix: Block[] = [];
  body.appendices.forEach((a, i) => {
    appendix.push(
      { type: 'pageBreak' },
      para(`Приложение № ${i + 1} к приказу от ${dateWords(date)} № ${number}`, { align: 'right', spaceAfter: 12 }),
      para(a.caption, { align: 'center', runs: [run(a.caption, true)], spaceAfter: 6 }),
      { type: 'table', header: a.header, rows: a.rows, widths: a.widths },
    );
  });

  const tag = (blocks: Block[], part: NonNullable<Block['part']>) => blocks.map((b) => ({ ...b, part }) as Block);
  const fields: OrderFields = {
    orgName: s.orgName ?? '',
    number,
    date,
    dateText: dateWords(date),
    heading,
    signatureText: `${position} ${shortName(s.directorName ?? '')}`,
  };
  return {
    title: `Приказ № ${number} от ${dateNumeric(date)} ${heading}`,
    fontFamily: s.fontFamily || 'Times New Roman',
    fontSize: s.fontSize || 14,
    blocks: [...tag(head, 'head'), ...tag(text, 'text'), ...tag(signature, 'signature'), ...tag(appendix, 'appendix')],
    fields,
  };
}

function dedupe(people: Named[]): Named[] {
  const seen = new Set<string>();
  return people.filter((p) => p.signs && !seen.has(p.id) && (seen.add(p.id), true));
}

function curatorNamed(s: Settings): Named | null {
  return s.curatorName?.trim() ? { id: `curator:${s.curatorName}`, fullName: s.curatorName.trim(), position: s.curatorPosition, signs: true } : null;
}

/** Closes an apposition before the sentence goes on: «…, заместителя директора по УВР, куратором». */
function closed(phrase: string): string {
  return phrase.includes(', ') ? `${phrase},` : phrase;
}

function numbered(items: string[]): Block {
  return { type: 'numbered', items: items.map((t) => [run(t)]) };
}

/** «Куратору … Т.Н. Кудрявцевой» or just «Куратору внедрения целевой модели наставничества». */
function curatorDative(s: Settings): string {
  const base = 'Куратору внедрения целевой модели наставничества';
  return s.curatorName?.trim() ? `${base} ${nameCase(s.curatorName.trim(), 'dative')}` : base;
}

const inOrg = (s: Settings) => (s.orgShortName?.trim() ? ` ${inOrganisation(s.orgShortName)}` : '');

/** Pairs (groups) each mentor leads or has led, by the mentor's ID: what an award is for. */
function mentoringWork(c: Ctx): Map<string, Pair[]> {
  const out = new Map<string, Pair[]>();
  for (const { record: p } of c.data.pairs) {
    if (p.status !== 'активна' && p.status !== 'завершена') continue;
    const r = p.mentor ? resolvePerson(p.mentor, c.mentorIndex) : null;
    if (r?.status !== 'ok') continue;
    const list = out.get(r.person.id) ?? [];
    list.push(p);
    out.set(r.person.id, list);
  }
  return out;
}

/**
 * The awards appendix's «Основание»: the pairs (groups) the mentor led, one a line, each starting
 * with its ID (so «П-12» never breaks at its hyphen), with form, programme, dates and results
 * (IDs only: the mentees are not named here); without one, the curator's proposal.
 */
function awardBasis(pairs: readonly Pair[]): string {
  if (!pairs.length) return 'представление куратора внедрения целевой модели наставничества';
  const line = (p: Pair) =>
    [
      p.form ? `${p.id} (${p.form})` : p.id,
      p.program?.trim() && `«${p.program.trim()}»`,
      periodText(p.startDate, p.endDate),
      p.status === 'завершена' ? 'программа завершена' : 'программа реализуется',
      p.result?.trim() && `результаты: ${p.result.trim()}`,
    ]
      .filter(Boolean)
      .join(', ');
  return pairs.map(line).join(';\n');
}

const BUILDERS: Record<OrderKind, (c: Ctx) => Body | null> = {
  pairs(c) {
    const pairs = selectPairs(c, 'формируется');
    if (pairs.length === 0) {
      c.plan.problems.push(noPairsProblem(c, 'формируется', 'Нет пар со статусом «формируется», которые можно закрепить приказом. Выберите пары вручную или проверьте статусы и согласия.'));
      return null;
    }
    c.plan.included = pairs.map((rp) => ({ id: rp.pair.id, label: pairLabel(rp) }));
    c.plan.pairRows = pairs.map((rp) => rp.row);
    c.plan.subjectKey = pairs.map((rp) => rp.pair.id).sort().join(',');
    const s = c.data.settings;
    return {
      basisTail: `в целях реализации целевой модели наставничества${inOrg(s)}`,
      teacherSystem: pairs.some((rp) => isTeacherSystem(rp.pair.form, s)),
      points: [
        numbered([
          'Закрепить наставнические пары (группы) согласно приложению № 1 к настоящему приказу.',
          'Наставникам разработать и реализовать персонализированные программы наставничества в сроки, указанные в приложении № 1.',
          `${curatorDative(s)} обеспечить организационно-методическое сопровождение работы наставнических пар (групп) и мониторинг реализации программ наставничества.`,
          CONTROL_POINT,
        ]),
      ],
      appendices: [
        {
          caption: 'Список наставнических пар (групп)',
          header: ['№', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Срок'],
          rows: pairTableRows(pairs, false),
          widths: [6, 27, 30, 17, 20],
        },
      ],
      acquainted: [...(curatorNamed(s) ? [curatorNamed(s)!] : []), ...pairs.flatMap((rp) => [rp.mentor, ...rp.mentees])],
    };
  },

  curator(c) {
    const s = c.data.settings;
    const curator = curatorNamed(s)!;
    c.plan.included = [{ id: 'curator', label: `Куратор: ${shortName(curator.fullName)}` }];
    c.plan.subjectKey = hashKey(curator.fullName.toLowerCase());
    return {
      basisTail: `в целях внедрения целевой модели наставничества${inOrg(s)}`,
      points: [
        numbered([
          `Назначить ${closed(personPhrase(curator.fullName, curator.position, 'accusative'))} куратором внедрения целевой модели наставничества${inOrg(s)}.`,
          `Поручить ${nameCase(curator.fullName, 'dative')} обеспечить разработку дорожной карты внедрения целевой модели наставничества, формирование баз наставников и наставляемых, организацию и мониторинг реализации программ наставничества.`,
          CONTROL_POINT,
        ]),
      ],
      appendices: [],
      acquainted: [curator],
    };
  },

  'working-group'(c) {
    const s = c.data.settings;
    const curator = curatorNamed(s)!;
    const members = selectPeople(c, true).filter((m) => m.fullName.toLowerCase() !== curator.fullName.toLowerCase());
    if (members.length === 0) c.plan.warnings.push('В рабочую группу не выбран никто, кроме куратора.');
    c.plan.included = [
      { id: 'curator', label: `Руководитель: ${shortName(curator.fullName)}` },
      ...members.map((m) => ({ id: m.id, label: shortName(m.fullName) })),
    ];
    c.plan.subjectKey = members.map((m) => m.id).sort().join(',');
    const all = [curator, ...members];
    return {
      basisTail: `в целях организации внедрения целевой модели наставничества${inOrg(s)}`,
      points: [
        numbered([
          'Создать рабочую группу по внедрению целевой модели наставничества в составе согласно приложению № 1 к настоящему приказу.',
          `Назначить руководителем рабочей группы ${personPhrase(curator.fullName, curator.position, 'accusative')}.`,
          'Рабочей группе обеспечить разработку и реализацию дорожной карты внедрения целевой модели наставничества, мониторинг и подготовку отчётов о её реализации.',
          CONTROL_POINT,
        ]),
      ],
      appendices: [
        {
          caption: 'Состав рабочей группы по внедрению целевой модели наставничества',
          header: ['№', 'ФИО', 'Должность', 'Роль в рабочей группе'],
          rows: all.map((m, i) => [String(i + 1), m.fullName, m.position ?? '', i === 0 ? 'руководитель рабочей группы' : 'член рабочей группы']),
          widths: [6, 38, 30, 26],
        },
      ],
      acquainted: all,
    };
  },

  roadmap(c) {
    const s = c.data.settings;
    const items = c.data.roadmap.filter((r) => r.record.title);
    if (items.length === 0) {
      c.plan.problems.push(`Лист «${c.sheet('roadmap')}» пуст: импортируйте дорожную карту или заполните её.`);
      return null;
    }
    c.plan.included = [{ id: 'roadmap', label: `Мероприятий дорожной карты: ${items.length}` }];
    c.plan.subjectKey = hashKey(items.map((r) => `${r.record.number ?? ''} ${r.record.title}`).join('\n'));
    const period = s.periodStart || s.periodEnd ? ` на период ${periodText(s.periodStart, s.periodEnd)}` : '';
    const rows: string[][] = [];
    let section: string | undefined;
    for (const { record: it } of items) {
      if (it.section && it.section !== section) {
        section = it.section;
        rows.push(['', section, '', '', '']);
      }
      rows.push([it.number ?? '', it.details ? `${it.title}. ${it.details}` : it.title, it.deadline ?? '', it.responsible ?? '', it.result ?? '']);
    }
    const curator = curatorNamed(s);
    const points = [
      `Утвердить дорожную карту (план мероприятий) по внедрению целевой модели наставничества${inOrg(s)}${period} согласно приложению № 1 к настоящему приказу.`,
    ];
    if (curator) points.push(`Назначить ответственным за реализацию дорожной карты ${personPhrase(curator.fullName, curator.position, 'accusative')}.`);
    points.push('Ответственным исполнителям обеспечить выполнение мероприятий дорожной карты в установленные сроки.', CONTROL_POINT);
    return {
      basisTail: `в целях внедрения целевой модели наставничества${inOrg(s)}`,
      points: [numbered(points)],
      appendices: [
        {
          caption: 'Дорожная карта (план мероприятий) по внедрению целевой модели наставничества',
          header: ['№ п/п', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'],
          rows,
          widths: [8, 40, 17, 18, 17],
        },
      ],
      acquainted: curator ? [curator] : [],
    };
  },

  awards(c) {
    const s = c.data.settings;
    const people = selectPeople(c, false);
    if (people.length === 0) {
      c.plan.problems.push(
        c.opts.mentorIds?.length
          ? `Ни один из выбранных наставников не может быть назван в приказе: ${c.plan.warnings.map((w) => w.replace(/\.$/, '')).join('; ')}.`
          : 'Выберите наставников для поощрения.',
      );
      return null;
    }
    c.plan.included = people.map((m) => ({ id: m.id, label: shortName(m.fullName) }));
    c.plan.subjectKey = people.map((m) => m.id).sort().join(',');
    const work = mentoringWork(c);
    // The people go into the appendix's table, one row each: the order costs the same Google Docs
    // calls for 3 mentors or 300, and the list reads as a secretary would lay it out.
    return {
      basisTail: 'по итогам реализации программ наставничества',
      points: [
        numbered([
          'Объявить благодарность наставникам за высокие результаты наставнической деятельности согласно приложению № 1 к настоящему приказу.',
          `${curatorDative(s)} внести сведения о поощрении в реестр наставников и разместить информацию о лучших практиках наставничества на официальном сайте организации.`,
          CONTROL_POINT,
        ]),
      ],
      appendices: [
        {
          caption: 'Список наставников, которым объявляется благодарность за высокие результаты наставнической деятельности',
          header: ['№', 'Фамилия, имя, отчество', 'Должность (класс)', 'Основание (наставническая пара, группа)'],
          rows: people.map((m, i) => [String(i + 1), m.fullName, m.position ?? '', awardBasis(work.get(m.id) ?? [])]),
          widths: [6, 30, 24, 40],
        },
      ],
      acquainted: people,
    };
  },

  completion(c) {
    const s = c.data.settings;
    const pairs = selectPairs(c, 'завершена');
    if (pairs.length === 0) {
      c.plan.problems.push(noPairsProblem(c, 'завершена', 'Нет пар со статусом «завершена». Отметьте завершённые пары или выберите их вручную.'));
      return null;
    }
    c.plan.included = pairs.map((rp) => ({ id: rp.pair.id, label: pairLabel(rp) }));
    c.plan.subjectKey = pairs.map((rp) => rp.pair.id).sort().join(',');
    return {
      basisTail: 'по итогам реализации персонализированных программ наставничества',
      teacherSystem: pairs.some((rp) => isTeacherSystem(rp.pair.form, s)),
      points: [
        numbered([
          'Считать завершённой реализацию персонализированных программ наставничества наставническими парами (группами) согласно приложению № 1 к настоящему приказу.',
          `${curatorDative(s)} провести мониторинг эффективности реализации программ наставничества и подготовить отчёт о его результатах.`,
          'Наставникам представить куратору материалы о результатах наставнической деятельности для размещения в базе лучших практик.',
          CONTROL_POINT,
        ]),
      ],
      appendices: [
        {
          caption: 'Список наставнических пар (групп), завершивших программу наставничества',
          header: ['№', 'Наставник', 'Наставляемые', 'Форма наставничества', 'Срок', 'Результаты'],
          rows: pairTableRows(pairs, true),
          widths: [5, 22, 24, 15, 16, 18],
        },
      ],
      acquainted: [...(curatorNamed(s) ? [curatorNamed(s)!] : []), ...pairs.map((rp) => rp.mentor)],
    };
  },
};

/**
 * Plans and builds an order. With blocking problems (missing settings, nobody to include) the
 * model is null and nothing should be generated.
 */
export function buildOrder(kind: OrderKind, data: OrderData, opts: OrderOptions): OrderPlan {
  const plan: OrderPlan = {
    kind,
    heading: ORDER_TITLES[kind],
    problems: [],
    warnings: [],
    included: [],
    excluded: [],
    pairRows: [],
    subjectKey: '',
    model: null,
  };
  const missing = missingSettings(data.settings, kind);
  if (missing.length) {
    plan.problems.push(missingSettingsMessage(missing));
    return plan;
  }
  if (!data.settings.directorPosition?.trim()) plan.warnings.push('Не указана «Должность руководителя» в «Настройках»: в подписи будет «Директор».');
  const c: Ctx = {
    data,
    opts,
    plan,
    mentorIndex: indexPeople(data.mentors.map((r) => r.record).filter((m) => m.id && m.fullName)),
    menteeIndex: indexPeople(data.mentees.map((r) => r.record).filter((m) => m.id && m.fullName)),
    sheet: (k) => data.sheetNames?.[k] ?? CANONICAL[k],
  };
  const body = BUILDERS[kind](c);
  if (body && plan.problems.length === 0) plan.model = compose(c, body);
  plan.subjectKey = `${kind}:${hashKey(plan.subjectKey)}`;
  return plan;
}
