import { isJsonObject } from '../json-object';
import { termValues } from '../vocabulary';
import type { ControlDefinition } from './control-definition';
import { ControlError, readControlJson } from './control-error';

/** One computer of a case: its record as an export holds it, and what the control must say about it. */
export interface CaseComputer {
  record: Record<string, unknown> & { ID: number };
  status: string;
  reason_key: string;
}

/** One run of computers taken at `taken_at`, checked with `params` (the control's defaults for those left out). */
export interface ControlCase {
  name: string;
  taken_at: string;
  params: Record<string, unknown>;
  computers: CaseComputer[];
}

/**
 * A control's `cases.json`: `{"cases": [{name, taken_at, params?, computers: [{record, status, reason_key}]}]}`.
 * Cases are separate runs of one flow, so their times differ.
 */
export function readControlCases(control: ControlDefinition): ControlCase[] {
  const file = control.files.cases;
  if (file === null) return [];
  const bad = (what: string) => new ControlError(`${file}: ${what}`);
  const value = readControlJson(file);
  if (!isJsonObject(value) || !Array.isArray(value.cases) || value.cases.length === 0) {
    throw bad('expected {"cases": [...]} with at least one case');
  }
  const statuses = termValues('control_statuses');
  const times = new Set<number>();
  return value.cases.map((entry: unknown, i: number): ControlCase => {
    const where = `cases[${i}]`;
    if (!isJsonObject(entry) || typeof entry.name !== 'string' || !Array.isArray(entry.computers) || entry.computers.length === 0) {
      throw bad(`${where} must be an object with "name", "taken_at" and a non-empty "computers" list`);
    }
    const takenAt = Date.parse(String(entry.taken_at));
    if (Number.isNaN(takenAt)) throw bad(`${where}.taken_at must be a time like 2026-03-01T06:00:00Z`);
    if (times.has(takenAt)) throw bad(`${where}.taken_at is another case's time: each case is its own run`);
    times.add(takenAt);
    if (entry.params !== undefined && !isJsonObject(entry.params)) throw bad(`${where}.params must be an object`);
    for (const name of Object.keys(entry.params ?? {})) {
      if (!control.params.some((p) => p.name === name)) throw bad(`${where}.params.${name} is not a parameter of check.sql`);
    }
    entry.computers.forEach((c: unknown, j: number) => {
      const at = `${where}.computers[${j}]`;
      if (!isJsonObject(c) || !isJsonObject(c.record) || typeof c.record.ID !== 'number') {
        throw bad(`${at} must be an object with "record" (holding a numeric ID), "status" and "reason_key"`);
      }
      if (!statuses.includes(String(c.status))) throw bad(`${at}.status must be one of ${statuses.join(', ')}`);
      if (!(String(c.reason_key) in control.texts.en.reasons)) {
        throw bad(`${at}.reason_key "${String(c.reason_key)}" has no reason in ${control.files.texts}`);
      }
    });
    return { name: entry.name, taken_at: String(entry.taken_at), params: (entry.params ?? {}) as Record<string, unknown>, computers: entry.computers as CaseComputer[] };
  });
}
