/**
 * People are referred to by register ID or by full name (DOMAIN.md «Пары»); a name that matches
 * two people is an error, not a guess.
 */
import { normalizeName } from '../util/text';

export interface PersonLike {
  id?: string;
  fullName?: string;
}

export interface PeopleIndex<T extends PersonLike> {
  byId: Map<string, T>;
  byName: Map<string, T[]>;
}

const idKey = (id: string) => id.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, '').replace(/[‐‑–—]/g, '-');

export function indexPeople<T extends PersonLike>(people: readonly T[]): PeopleIndex<T> {
  const byId = new Map<string, T>();
  const byName = new Map<string, T[]>();
  for (const p of people) {
    if (p.id) {
      const k = idKey(p.id);
      if (!byId.has(k)) byId.set(k, p);
    }
    if (p.fullName) {
      const k = normalizeName(p.fullName);
      const list = byName.get(k);
      if (list) list.push(p);
      else byName.set(k, [p]);
    }
  }
  return { byId, byName };
}

export type Resolved<T> = { status: 'ok'; person: T } | { status: 'unknown' } | { status: 'ambiguous'; matches: T[] };

export function resolvePerson<T extends PersonLike>(ref: string, people: PeopleIndex<T> | readonly T[]): Resolved<T> {
  const index = Array.isArray(people) ? indexPeople(people as readonly T[]) : (people as PeopleIndex<T>);
  const r = ref.trim();
  if (!r) return { status: 'unknown' };
  const byId = index.byId.get(idKey(r));
  if (byId) return { status: 'ok', person: byId };
  const byName = index.byName.get(normalizeName(r));
  if (!byName || byName.length === 0) return { status: 'unknown' };
  if (byName.length > 1) return { status: 'ambiguous', matches: byName };
  return { status: 'ok', person: byName[0] };
}

/**
 * Next free ID with a prefix, in the register's own style: «Н-001» after «Н-017» (zero-padded),
 * «Н-13» after «Н-12» (not padded); «Н-001» in an empty register.
 */
export function nextId(prefix: string, existing: Iterable<string | undefined>): string {
  let max = 0;
  let seen = false;
  let width = 1;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`, 'i');
  for (const id of existing) {
    const m = id ? re.exec(id.trim()) : null;
    if (m) {
      seen = true;
      max = Math.max(max, Number(m[1]));
      if (m[1].length > 1 && m[1].startsWith('0')) width = Math.max(width, m[1].length);
    }
  }
  return `${prefix}${String(max + 1).padStart(seen ? width : 3, '0')}`;
}
