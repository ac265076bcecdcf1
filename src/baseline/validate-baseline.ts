import type { ControlDefinition } from '../analysis/controls/control-definition';
import { isJsonObject } from '../analysis/json-object';
import type { QueryParameter } from '../store/named-queries';
import {
  osFamilies,
  severities,
  type Baseline,
  type BaselineControl,
  type BaselineScope,
  type ControlParamValue,
  type OsFamily,
  type Severity,
} from './baseline';
import { BaselineError, type BaselineProblem } from './baseline-error';

type JsonObject = Record<string, unknown>;

const absent = Symbol('absent');

/** Collects every problem of a file, so that one error lists them all. */
class Problems {
  readonly list: BaselineProblem[] = [];

  /** `found` is the value found at `path`, or `absent` when there is none. */
  add(path: string, expected: string, found: unknown): void {
    this.list.push({ path, expected, found: describe(found) });
  }

  /** A key that has no meaning at `path`; `expected` says which keys have. */
  unknownKey(path: string, key: string, expected: string): void {
    this.list.push({ path: path ? `${path}.${key}` : key, expected, found: `the key "${key}"` });
  }
}

/** `"controls": "all"`: every control of the catalog, at the severity its check.sql gives, with its defaults. */
const ALL_CONTROLS = 'all';

/** Checks a parsed baseline against the catalog's controls; every problem is collected before one error is thrown. */
export function validateBaseline(value: unknown, controls: ControlDefinition[], file: string, text: string): Baseline {
  const problems = new Problems();
  if (!isJsonObject(value)) {
    problems.add('(file)', 'an object with "name" and "controls"', value);
    throw new BaselineError(file, problems.list);
  }
  checkKeys(value, '', ['name', 'description', 'controls'], problems);
  const name = checkText(value.name, 'name', problems);
  const description = value.description === undefined ? null : checkText(value.description, 'description', problems);

  const known = new Map(controls.map((c) => [c.id, c]));
  const chosen: BaselineControl[] = [];
  if (value.controls === ALL_CONTROLS) {
    for (const control of controls) chosen.push(checkControl({ severity: control.severity }, control, `controls.${control.id}`, problems) as BaselineControl);
  } else if (!isJsonObject(value.controls) || Object.keys(value.controls).length === 0) {
    problems.add('controls', 'an object with at least one control, keyed by control id', value.controls ?? absent);
  } else {
    for (const [id, entry] of Object.entries(value.controls)) {
      const control = known.get(id);
      if (!control) {
        problems.add(`controls.${id}`, `a control id, one of ${[...known.keys()].join(', ')}`, id);
        continue;
      }
      const checked = checkControl(entry, control, `controls.${id}`, problems);
      if (checked) chosen.push(checked);
    }
  }
  if (problems.list.length > 0) throw new BaselineError(file, problems.list);
  return { name, description, controls: chosen, file, text };
}

function checkControl(entry: unknown, control: ControlDefinition, path: string, problems: Problems): BaselineControl | null {
  if (!isJsonObject(entry)) {
    problems.add(path, 'an object with "severity" and optionally "params" and "applies_to"', entry);
    return null;
  }
  checkKeys(entry, path, ['severity', 'params', 'applies_to'], problems);
  const severity = entry.severity as Severity;
  if (!severities.includes(severity)) {
    problems.add(`${path}.severity`, `one of ${severities.join(', ')}`, entry.severity ?? absent);
  }
  return {
    id: control.id,
    severity,
    params: checkParams(entry.params, control.params, `${path}.params`, problems),
    scope: checkScope(entry.applies_to, `${path}.applies_to`, problems),
  };
}

function checkParams(value: unknown, declared: QueryParameter[], path: string, problems: Problems): Record<string, ControlParamValue> {
  const params: Record<string, ControlParamValue> = {};
  for (const p of declared) {
    if (p.defaultValue !== null) params[p.name] = defaultValue(p);
  }
  if (value !== undefined && !isJsonObject(value)) {
    const names = declared.map((p) => `"${p.name}"`).join(', ');
    problems.add(path, names ? `an object with some of ${names}` : 'no parameters', value);
  } else if (value !== undefined) {
    for (const [name, given] of Object.entries(value)) {
      const p = declared.find((d) => d.name === name);
      if (!p) {
        const names = declared.map((d) => `"${d.name}"`).join(', ');
        problems.unknownKey(path, name, names ? `only the control's parameters ${names}` : 'no parameters for this control');
        continue;
      }
      const kind = valueKind(p.type);
      if (kind.accepts(given)) params[name] = given as ControlParamValue;
      else problems.add(`${path}.${name}`, kind.text, given);
    }
  }
  for (const p of declared) {
    if (params[p.name] === undefined && !(isJsonObject(value) && p.name in value)) {
      problems.add(`${path}.${p.name}`, `${valueKind(p.type).text} (the control has no default)`, absent);
    }
  }
  return params;
}

function checkScope(value: unknown, path: string, problems: Problems): BaselineScope {
  const scope: BaselineScope = { osFamilies: null, policies: null };
  if (value === undefined) return scope;
  if (!isJsonObject(value)) {
    problems.add(path, 'an object with "os_family" and/or "policies"', value);
    return scope;
  }
  checkKeys(value, path, ['os_family', 'policies'], problems);
  if (value.os_family !== undefined) {
    scope.osFamilies = checkList(value.os_family, `${path}.os_family`, `one of ${osFamilies.join(', ')}`,
      (v) => osFamilies.includes(v as OsFamily), problems) as OsFamily[];
  }
  if (value.policies !== undefined) {
    scope.policies = checkList(value.policies, `${path}.policies`, 'a policy id (a whole number) or a policy name (text)',
      (v) => isWholeNumber(v) || (typeof v === 'string' && v.trim() !== ''), problems) as (number | string)[];
  }
  return scope;
}

function checkList(value: unknown, path: string, itemText: string, accepts: (v: unknown) => boolean, problems: Problems): unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add(path, `a non-empty list, each item ${itemText}`, value);
    return [];
  }
  const seen = new Set<unknown>();
  value.forEach((item, i) => {
    if (!accepts(item)) problems.add(`${path}[${i}]`, itemText, item);
    else if (seen.has(item)) problems.add(`${path}[${i}]`, 'each item only once', item);
    seen.add(item);
  });
  return value;
}

function checkKeys(value: JsonObject, path: string, allowed: string[], problems: Problems): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.unknownKey(path, key, `only the keys ${allowed.map((k) => `"${k}"`).join(', ')}`);
  }
}

function checkText(value: unknown, path: string, problems: Problems): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.add(path, 'a non-empty text', value ?? absent);
  return '';
}

function valueKind(type: string): { text: string; accepts: (v: unknown) => boolean } {
  if (['INTEGER', 'BIGINT', 'SMALLINT'].includes(type)) return { text: 'a whole number of 0 or more', accepts: isWholeNumber };
  if (['DOUBLE', 'FLOAT', 'DECIMAL'].includes(type)) {
    return { text: 'a number', accepts: (v) => typeof v === 'number' && Number.isFinite(v) };
  }
  if (type === 'BOOLEAN') return { text: 'true or false', accepts: (v) => typeof v === 'boolean' };
  return { text: 'a text', accepts: (v) => typeof v === 'string' };
}

function defaultValue(p: QueryParameter): ControlParamValue {
  const text = p.defaultValue ?? '';
  if (p.type === 'BOOLEAN') return text.toLowerCase() === 'true';
  return valueKind(p.type).accepts(Number(text)) ? Number(text) : text;
}

function isWholeNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}


/** A found value as a person reads it in an error message. */
function describe(value: unknown): string {
  if (value === absent || value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list (${truncate(JSON.stringify(value))})`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(truncate(value));
  return String(value);
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
