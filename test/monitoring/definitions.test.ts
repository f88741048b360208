/**
 * The indicator definitions of DOMAIN.md checked on the hand-computed school (handBook.ts) and on
 * the edge cases one at a time: people without IDs, a mentee in two pairs, statuses that cannot
 * be read, the target of the year.
 */
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { loadMonitoring } from '../../src/app/monitoring/indicators';
import { computeIndicators, flags, personalRecords, targetFor } from '../../src/core/monitoring/indicators';
import { DEFAULT_SETTINGS } from '../../src/core/registers/settings';
import type { Mentee, Mentor, Pair } from '../../src/core/registers/schemas';
import type { AppContext } from '../../src/app/context';
import { HAND, HAND_AS_OF, handTabs } from './handBook';

const ctxOf = (wb: MemoryWorkbook): AppContext => ({ wb, today: () => HAND_AS_OF });
const settings = { ...DEFAULT_SETTINGS, pupilsTotal: 10, targets: { 2026: 0.2 } };
const pupil = (id: string | undefined, fullName: string, consent = true): Mentee => ({ id, fullName, category: 'обучающийся', consentDate: consent ? 'yes' : undefined }) as Mentee;
const mentor = (id: string, fullName: string, category = 'педагог'): Mentor => ({ id, fullName, category, consentDate: 'yes' }) as Mentor;
const pair = (id: string, m: string, mentees: string[], status?: string, form = 'ученик – ученик'): Pair => ({ id, mentor: m, mentees, status, form }) as Pair;
const compute = (mentors: Mentor[], mentees: Mentee[], pairs: Pair[], extra: { unreadableStatus?: Set<Pair> } = {}) =>
  computeIndicators({ mentors, mentees, pairs, settings, roadmap: [], ...extra }, '2026-11-22');

describe('the hand-computed school through the application layer', () => {
  it('matches the figures worked out by hand', () => {
    const i = loadMonitoring(ctxOf(new MemoryWorkbook(handTabs())), HAND_AS_OF).indicators;
    expect({ asOf: i.asOf, pupils: { ...i.pupils, targetYear: undefined }, byForm: i.byForm, pairs: { ...i.pairs, terminated: undefined }, roadmap: i.roadmap }).toEqual({
      ...HAND,
      pupils: { ...HAND.pupils, targetYear: undefined },
      pairs: { ...HAND.pairs, terminated: undefined },
    });
    expect(i.unclear).toEqual({ pairStatus: 1, participantsWithoutConsent: 1 });
    expect(i.waiting).toEqual([{ id: 'Нв-9', days: 181 }]);
  });

  it('the personified list: consented participants of live and completed pairs, with programme and class; no unreadable pair', () => {
    const m = loadMonitoring(ctxOf(new MemoryWorkbook(handTabs())), HAND_AS_OF);
    const rows = m.personal.map((p) => `${p.pairId} ${p.role} ${p.fullName} ${p.place ?? ''} ${p.status}`);
    expect(rows).toContain('П-1 наставник Быстров Кирилл Андреевич 10 А активна');
    expect(rows).toContain('П-3 наставляемый Гусев Павел 8 В завершена');
    expect(rows).toContain('П-6 наставляемый Жуков Максим 5 А формируется');
    // No consent: never named. Terminated and unreadable pairs: not listed.
    expect(rows.join('\n')).not.toMatch(/Дьяков|П-7|П-9|Ершова|Зайцева/);
    expect(m.personal.find((p) => p.pairId === 'П-2')?.program).toBe('Адаптация молодого специалиста');
  });
});

describe('involved pupils (DOMAIN.md)', () => {
  it('pupils without an ID, referred to by full name, are each counted', () => {
    const i = compute([mentor('Н-1', 'Орлова Вера')], [pupil(undefined, 'Жуков Максим'), pupil(undefined, 'Зуев Пётр')], [pair('П-1', 'Н-1', ['Жуков Максим']), pair('П-2', 'Н-1', ['Зуев Пётр'])]);
    expect(i.pupils.involved).toBe(2);
  });

  it('a mentee in two live pairs is one pupil, and one mentee of the form', () => {
    const i = compute([mentor('Н-1', 'Орлова Вера'), mentor('Н-2', 'Сомов Лев')], [pupil('Нв-1', 'Акимов Егор')], [pair('П-1', 'Н-1', ['Нв-1']), pair('П-2', 'Н-2', ['Нв-1'], 'активна')]);
    expect(i.pupils.involved).toBe(1);
    expect(i.byForm['ученик – ученик']).toEqual({ pairs: 2, mentees: 1 });
  });

  it('a pupil who mentors and is mentored (two registers, two IDs) is one pupil; two namesakes in one register are two', () => {
    const i = compute(
      [mentor('Н-1', 'Ким Алина', 'обучающийся'), mentor('Н-2', 'Орлова Вера')],
      [pupil('Нв-1', 'Ким  Алина'), pupil('Нв-2', 'Иванов Иван'), pupil('Нв-3', 'Иванов Иван')],
      [pair('П-1', 'Н-1', ['Нв-2']), pair('П-2', 'Н-2', ['Нв-1', 'Нв-3'])],
    );
    expect(i.pupils.involved).toBe(3);
  });

  it('only «формируется» and «активна» count; a blank status is a pair being formed', () => {
    const mentees = ['Нв-1', 'Нв-2', 'Нв-3', 'Нв-4', 'Нв-5'].map((id) => pupil(id, `Ученик ${id}`));
    const i = compute([mentor('Н-1', 'Орлова Вера')], mentees, [
      pair('П-1', 'Н-1', ['Нв-1'], 'активна'),
      pair('П-2', 'Н-1', ['Нв-2'], 'формируется'),
      pair('П-3', 'Н-1', ['Нв-3'], 'завершена'),
      pair('П-4', 'Н-1', ['Нв-4'], 'расторгнута'),
      pair('П-5', 'Н-1', ['Нв-5']),
    ]);
    expect(i.pupils.involved).toBe(3);
    expect(i.pairs).toEqual({ active: 1, forming: 2, completed: 1, terminated: 1 });
  });

  it('a pair whose status could not be read is in no figure, and its mentee is not «waiting»', () => {
    const p = pair('П-1', 'Н-1', ['Нв-1']);
    const waiter = { ...pupil('Нв-1', 'Акимов Егор'), joinedDate: '2026-01-10' } as Mentee;
    const i = compute([mentor('Н-1', 'Орлова Вера')], [waiter], [p], { unreadableStatus: new Set([p]) });
    expect(i.pupils.involved).toBe(0);
    expect(i.pairs).toEqual({ active: 0, forming: 0, completed: 0, terminated: 0 });
    expect(i.byForm).toEqual({});
    expect(i.waiting).toEqual([]);
    expect(i.unclear.pairStatus).toBe(1);
    expect(flags(i)).toContain('пар с нераспознанным статусом: 1 (не учтены)');
    expect(personalRecords({ mentors: [mentor('Н-1', 'Орлова Вера')], mentees: [waiter], pairs: [p], settings, unreadableStatus: new Set([p]) })).toEqual([]);
  });

  it('a pupil without consent in a live pair is counted (the definition has no consent) but flagged and never named', () => {
    const mentees = [pupil('Нв-1', 'Акимов Егор', false), pupil('Нв-2', 'Белова Ольга')];
    const pairs = [pair('П-1', 'Н-1', ['Нв-1', 'Нв-2'])];
    const i = compute([mentor('Н-1', 'Орлова Вера')], mentees, pairs);
    expect(i.pupils.involved).toBe(2);
    expect(i.unclear.participantsWithoutConsent).toBe(1);
    expect(flags(i)).toContain('участников пар без согласия на обработку ПДн: 1');
    const names = personalRecords({ mentors: [mentor('Н-1', 'Орлова Вера')], mentees, pairs, settings }).map((p) => p.fullName);
    expect(names).toEqual(['Орлова Вера', 'Белова Ольга']);
  });
});

describe('targetFor: the target of the year on a date', () => {
  const targets = { 2020: 0.1, 2024: 0.7 };
  it.each([
    ['2019-09-01', null],
    ['2020-01-01', { year: 2020, share: 0.1 }],
    ['2021-03-01', { year: 2020, share: 0.1 }],
    ['2024-12-31', { year: 2024, share: 0.7 }],
    ['2030-01-01', { year: 2024, share: 0.7 }],
  ])('%s → %p', (asOf, want) => {
    expect(targetFor(targets, asOf)).toEqual(want);
  });
  it('no targets at all', () => {
    expect(targetFor({}, '2026-11-22')).toBeNull();
  });
  it('a target carried over from an earlier year is named with its year when the school is behind', () => {
    const i = compute([], [], []);
    const behind = { ...i, asOf: '2021-03-01', pupils: { total: 100, involved: 5, share: 0.05, target: 0.1, targetYear: 2020 } };
    expect(flags(behind)[0]).toBe('вовлечено 5% при цели 10% (на конец 2020 года)');
  });
});
