/**
 * Validation of the registers as read (issue «Registers», item 3): pure, never throws. Reading
 * problems (required fields, malformed dates, e-mails, phones) come from reading the tabs
 * (src/core/registers/read.ts); these rules look at what was read. `mergeFindings` joins both
 * without saying the same thing twice about one cell.
 */
import type { Finding } from './finding';
import { sortFindings } from './finding';
import { placers, type RegistersInput } from './input';
import { duplicateIds, duplicatePeople, menteeForms, mentorForms, missingConsent } from './people';
import { validatePairs } from './pairs';
import { validateAges } from './ages';

export type { RegistersInput, SheetInfo } from './input';

export function validateRegisters(reg: RegistersInput, today: string): Finding[] {
  const at = placers(reg.sheets);
  const rules = reg.settings.forms;
  const out: Finding[] = [];
  out.push(...duplicateIds(reg.mentors, at.mentors), ...duplicateIds(reg.mentees, at.mentees), ...duplicateIds(reg.pairs, at.pairs));
  out.push(...duplicatePeople(reg.mentors, at.mentors), ...duplicatePeople(reg.mentees, at.mentees));
  out.push(...missingConsent(reg.mentors, at.mentors, 'наставников'), ...missingConsent(reg.mentees, at.mentees, 'наставляемых'));
  out.push(...mentorForms(reg.mentors, at.mentors, rules), ...menteeForms(reg.mentees, at.mentees, rules));
  const pairs = validatePairs(reg, at);
  out.push(...pairs.findings);
  out.push(...validateAges(reg.mentees, at.mentees, rules, pairs.links.menteeForms, today));
  return sortFindings(out, [at.mentors.name, at.mentees.name, at.pairs.name]);
}

/** Validation codes that say more than the reading error on the same cell (which then goes). */
const SUPERSEDES: Record<string, readonly string[]> = {
  'consent.missing': ['value.invalid'],
};

/**
 * Joins reading and validation findings: a validation finding on a cell that already has a
 * reading error is dropped (the cell could not be read, so the rule saw nothing there), unless
 * it supersedes that reading error (consent written as «нет» is a missing consent).
 */
export function mergeFindings(reading: readonly Finding[], validation: readonly Finding[], sheetOrder: readonly string[] = []): Finding[] {
  const cell = (f: Finding) => `${f.sheet}\u0000${f.row}\u0000${f.field}`;
  const readErrors = new Map<string, Finding[]>();
  for (const f of reading) {
    if (f.severity !== 'error' || !f.field) continue;
    const list = readErrors.get(cell(f));
    if (list) list.push(f);
    else readErrors.set(cell(f), [f]);
  }
  const dropped = new Set<Finding>();
  const kept: Finding[] = [];
  for (const v of validation) {
    const clash = readErrors.get(cell(v));
    if (!clash) {
      kept.push(v);
      continue;
    }
    const sup = SUPERSEDES[v.code] ?? [];
    const beaten = clash.filter((r) => sup.includes(r.code));
    if (beaten.length === clash.length) {
      for (const r of beaten) dropped.add(r);
      kept.push(v);
    }
  }
  return sortFindings([...reading.filter((f) => !dropped.has(f)), ...kept], sheetOrder);
}
