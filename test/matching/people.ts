/** Small builders of register records for the matching tests. */
import type { Mentee, Mentor, Pair } from '../../src/core/registers/schemas';

export const TODAY = '2026-11-22';

export function mentor(id: string, over: Partial<Mentor> = {}): Mentor {
  return {
    id,
    fullName: `Наставник ${id}`,
    category: 'обучающийся',
    forms: ['ученик – ученик'],
    consentDate: '2026-09-01',
    ...over,
  } as Mentor;
}

export function mentee(id: string, over: Partial<Mentee> = {}): Mentee {
  return {
    id,
    fullName: `Наставляемый ${id}`,
    category: 'обучающийся',
    birthDate: '2013-05-01',
    consentDate: '2026-09-01',
    ...over,
  } as Mentee;
}

export function pair(id: string, mentorRef: string, mentees: string[], over: Partial<Pair> = {}): Pair {
  return { id, mentor: mentorRef, mentees, form: 'ученик – ученик', status: 'активна', ...over } as Pair;
}
