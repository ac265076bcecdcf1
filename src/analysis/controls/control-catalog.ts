import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { quotedString } from '@duckdb/node-api';
import { parseNamedQuery, type QueryParameter } from '../../store/named-queries';
import { QUERIES_DIR, sqlFile } from '../../store/sql-files';
import { isJsonObject } from '../json-object';
import { languages, termValues, type Language } from '../vocabulary';
import { readControlCases } from './control-cases';
import { AS_OF_PARAM, type ControlDefinition, type ControlTexts } from './control-definition';
import { ControlError, readControlJson } from './control-error';
import { placeholders } from './control-texts';

/** The controls that ship with fleetkit: every folder of `queries/controls/` but the shared `macros/`. */
export const SHIPPED_CONTROLS_DIR = join(QUERIES_DIR, 'controls');
const SHARED_FOLDERS = ['macros'];
/** A folder holding any of these is one control (and then must hold the first two). */
const CONTROL_FILES = ['check.sql', 'texts.json', 'cases.json'];
const CONTROL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEVERITY_LINE = /^--\s*@severity\s+(\S+)\s*$/m;

/**
 * Every shipped control, then those in `extraDirs` (each a folder of control folders, or one control folder), in
 * folder-name order within each. Any folder that is not a whole control stops with a `ControlError`.
 */
export function listControls(extraDirs: string[] = []): ControlDefinition[] {
  const controls = [
    ...controlFolders(SHIPPED_CONTROLS_DIR, SHARED_FOLDERS).map(readControl),
    ...extraDirs.flatMap((dir) => userControlFolders(resolve(dir)).map(readControl)),
  ];
  const seen = new Map<string, string>();
  for (const c of controls) {
    const first = seen.get(c.id);
    if (first !== undefined) throw new ControlError(`${c.dir}: control id "${c.id}" is already taken by ${first}`);
    seen.set(c.id, c.dir);
  }
  return controls;
}

function userControlFolders(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ControlError(`${dir}: not a folder of controls`);
  if (CONTROL_FILES.some((file) => existsSync(join(dir, file)))) return [dir];
  const folders = controlFolders(dir, []);
  if (folders.length === 0) throw new ControlError(`${dir}: holds no control folder (a folder with check.sql and texts.json)`);
  return folders;
}

function controlFolders(dir: string, skip: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !skip.includes(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Reads and checks one control folder (everything but whether its SQL binds, which needs a store). */
export function readControl(dir: string): ControlDefinition {
  const id = basename(dir);
  if (!CONTROL_ID.test(id)) {
    throw new ControlError(`${dir}: a control's folder name is its id, lower-case letters, digits and dashes (like agent-active)`);
  }
  const checkFile = join(dir, 'check.sql');
  const textsFile = join(dir, 'texts.json');
  const casesFile = join(dir, 'cases.json');
  if (!existsSync(checkFile)) throw new ControlError(`${checkFile}: missing (a control folder holds check.sql and texts.json)`);
  if (!existsSync(textsFile)) throw new ControlError(`${textsFile}: missing (a control folder holds check.sql and texts.json)`);
  const check = readFileSync(checkFile, 'utf8');
  const severity = checkSeverity(check, checkFile);
  const parsed = parseNamedQuery(`controls/${id}`, check);
  const params = parsed.params.filter((p) => p.name !== AS_OF_PARAM);
  const texts = readTexts(textsFile, params);
  const control: ControlDefinition = {
    id,
    dir,
    files: { check: checkFile, texts: textsFile, cases: existsSync(casesFile) ? casesFile : null },
    severity,
    params,
    texts,
    check: check.trim().replace(/;\s*$/, ''),
    query: { ...parsed, params: [asOfParam(parsed.params), ...params], sql: composeControlSql(id, check) },
  };
  if (control.files.cases) readControlCases(control);
  return control;
}

function checkSeverity(check: string, file: string): string {
  const severities = termValues('severities');
  const found = SEVERITY_LINE.exec(check)?.[1];
  if (found === undefined || !severities.includes(found)) {
    const got = found === undefined ? 'no such line' : `"${found}"`;
    throw new ControlError(`${file}: needs a header line "-- @severity <${severities.join(' | ')}>" (the default baseline's severity), found ${got}`);
  }
  return found;
}

/** The runner binds `as_of` to every check, so a check need not declare it. */
function asOfParam(declared: QueryParameter[]): QueryParameter {
  return declared.find((p) => p.name === AS_OF_PARAM) ?? {
    name: AS_OF_PARAM,
    type: 'TIMESTAMPTZ',
    defaultValue: null,
    description: 'Check each computer as the latest run at or before this time saw it.',
  };
}

function composeControlSql(id: string, check: string): string {
  return sqlFile('controls/control-rows')
    .replaceAll('{{control_id}}', () => quotedString(id))
    .replace('{{check}}', () => check.trim().replace(/;\s*$/, ''));
}

function readTexts(file: string, params: QueryParameter[]): Record<Language, ControlTexts> {
  const bad = (what: string) => new ControlError(`${file}: ${what}`);
  const value = readControlJson(file);
  if (!isJsonObject(value)) throw bad(`expected an object with ${languages.map((l) => `"${l}"`).join(' and ')}`);
  const texts = {} as Record<Language, ControlTexts>;
  for (const lang of languages) {
    const entry = value[lang];
    if (!isJsonObject(entry)) throw bad(`"${lang}" is missing: every control has texts in ${languages.join(' and ')}`);
    for (const key of ['title', 'description'] as const) {
      const text = entry[key];
      if (typeof text !== 'string' || text.trim() === '') throw bad(`${lang}.${key} must be a non-empty text`);
    }
    if (!isJsonObject(entry.reasons) || Object.keys(entry.reasons).length === 0) {
      throw bad(`${lang}.reasons must be an object of sentences keyed by reason_key`);
    }
    for (const [key, sentence] of Object.entries(entry.reasons)) {
      if (typeof sentence !== 'string' || sentence.trim() === '') throw bad(`${lang}.reasons.${key} must be a non-empty text`);
    }
    const unknown = placeholders(entry.description as string).filter((name) => !params.some((p) => p.name === name));
    if (unknown.length > 0) throw bad(`${lang}.description names {${unknown[0]}}, which is not a parameter of check.sql`);
    texts[lang] = entry as unknown as ControlTexts;
  }
  for (const lang of languages) {
    for (const other of languages) {
      const missing = Object.keys(texts[other].reasons).find((key) => !(key in texts[lang].reasons));
      if (missing !== undefined) throw bad(`${lang}.reasons has no text for reason_key "${missing}" (${other}.reasons has one)`);
    }
  }
  return texts;
}
