import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FleetkitError } from '../errors';
import { QUERIES_DIR, sqlFile, sqlFolder } from './sql-files';

/**
 * A Workload Security object whose every run holds the whole object (computers, policies): one folder of
 * `queries/objects/` (queries/README.md says how).
 */
export interface CatalogObject {
  name: string;
  kind: 'snapshot';
  /** Found (case-insensitively) in a flow's own folder name, it says the flow holds this object. */
  flowName: RegExp;
  /** Sets of top-level fields, any casing: records with every field of one set are this object's. */
  recognisedBy: string[][];
  /** The field that identifies a record; a run holds one row per ID. */
  id: string;
  /** The top-level fields its model reads, in their documented spelling (drifted casing is respelled to these). */
  fields: string[];
  /** Parses the run's records into `fk_run_parsed` (see store/derive/judge-records.sql for the columns it needs). */
  stage: string;
  /** Insert the object's rows from the records kept, in file-name order. */
  facts: { name: string; text: string }[];
  /** Deletes the object's rows of a run. */
  clear: string;
  /**
   * What spans runs (computer_changes pairs each run with the one before it), brought up to date after a load's
   * batches are written and when the model is installed: `plan` says in how many shares, `share` works one out,
   * `done` drops what `plan` made.
   */
  settle: { plan: string; share: string; done: string } | null;
  /** The newest time the run's derived rows show inside its period, when the object has one. */
  recordTime: string | null;
}

/**
 * An object that arrives as what happened (security and system events): no runs, each archive object loaded once by
 * its key and ETag, each of its items stored once however often it was delivered.
 */
export interface StreamObject {
  name: string;
  kind: 'stream';
  /** Sets of field names: a file holding every field of one set (quoted as JSON keys) is this object's. */
  recognisedBy: string[][];
  /** Adds the items of a batch of files (see the object's load.sql for its parameters). */
  load: string;
}

const OBJECTS = 'objects';
const KINDS = ['snapshot', 'stream'];

let catalog: { snapshots: CatalogObject[]; streams: StreamObject[] } | null = null;

function readCatalog(): { snapshots: CatalogObject[]; streams: StreamObject[] } {
  if (catalog === null) {
    const objects = readdirSync(join(QUERIES_DIR, OBJECTS), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .map((name) => readObjectDefinition(name));
    catalog = {
      snapshots: objects.filter((object): object is CatalogObject => object.kind === 'snapshot'),
      streams: objects.filter((object): object is StreamObject => object.kind === 'stream'),
    };
  }
  return catalog;
}

/** Every snapshot object of the catalog, in folder-name order (the order a flow's name or fields are matched in). */
export function objectCatalog(): CatalogObject[] {
  return readCatalog().snapshots;
}

/** Every stream object of the catalog, in folder-name order. */
export function streamCatalog(): StreamObject[] {
  return readCatalog().streams;
}

export function catalogObject(name: string): CatalogObject | undefined {
  return objectCatalog().find((object) => object.name === name);
}

/** The fields of every object, each once: a record's keys are respelled to any of them. */
export function knownFields(): string[] {
  return [...new Set(objectCatalog().flatMap((object) => object.fields))];
}

/** Everything that decides what a run derives: each object's definition and SQL, and the engine's own steps. */
export function derivationFiles(): { name: string; text: string }[] {
  const files = objectCatalog().flatMap((object) => {
    const folder = `${OBJECTS}/${object.name}`;
    return [
      { name: `${folder}/object.json`, text: readFileSync(join(QUERIES_DIR, folder, 'object.json'), 'utf8') },
      { name: `${folder}/stage`, text: object.stage },
      ...object.facts,
      { name: `${folder}/clear`, text: object.clear },
    ];
  });
  return [...files, ...sqlFolder('store/derive')];
}

/** Each object's settling SQL: a change to it works the settled rows out anew, without deriving the runs again. */
export function settleFiles(): { name: string; text: string }[] {
  return objectCatalog().flatMap(({ name, settle }) =>
    settle === null
      ? []
      : [
          { name: `${OBJECTS}/${name}/settle/plan`, text: settle.plan },
          { name: `${OBJECTS}/${name}/settle/share`, text: settle.share },
          { name: `${OBJECTS}/${name}/settle/done`, text: settle.done },
        ],
  );
}

/** One folder of `objects/` under `root` (the package's `queries/`), checked: a fault names its object.json. */
export function readObjectDefinition(name: string, root: string = QUERIES_DIR): CatalogObject | StreamObject {
  const folder = `${OBJECTS}/${name}`;
  const file = join(root, folder, 'object.json');
  const problem = (what: string) => new FleetkitError(`${file}: ${what}`);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw problem(`not a readable object definition (${(error as Error).message})`);
  }
  const text = (key: string): string => {
    if (typeof json[key] !== 'string' || json[key] === '') throw problem(`"${key}" must be a non-empty string`);
    return json[key];
  };
  const names = (value: unknown, key: string): string[] => {
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
      throw problem(`"${key}" must be a non-empty list of field names`);
    }
    return value;
  };
  const kind = text('kind');
  if (!KINDS.includes(kind)) throw problem(`"kind" must be ${KINDS.join(' or ')}, not "${kind}"`);
  if (!Array.isArray(json.recognisedBy) || json.recognisedBy.length === 0) throw problem('"recognisedBy" must be a non-empty list of field lists');
  const recognisedBy = json.recognisedBy.map((set, i) => names(set, `recognisedBy[${i}]`));
  const need = (sql: string) => {
    if (!existsSync(join(root, `${folder}/${sql}.sql`))) throw problem(`its folder has no ${sql}.sql`);
    return sqlFile(`${folder}/${sql}`, root);
  };
  if (kind === 'stream') return { name, kind, recognisedBy, load: need('load') };
  let flowName: RegExp;
  try {
    flowName = new RegExp(text('flowName'), 'i');
  } catch (error) {
    throw problem(`"flowName" is not a regular expression (${(error as Error).message})`);
  }
  const facts = sqlFolder(`${folder}/facts`, root);
  if (facts.length === 0) throw problem('its folder has no facts/*.sql');
  return {
    name,
    kind: 'snapshot',
    flowName,
    recognisedBy,
    id: text('id'),
    fields: names(json.fields, 'fields'),
    stage: need('stage'),
    facts,
    clear: need('clear'),
    settle: existsSync(join(root, folder, 'settle')) ? { plan: need('settle/plan'), share: need('settle/share'), done: need('settle/done') } : null,
    recordTime: existsSync(join(root, `${folder}/record-time.sql`)) ? sqlFile(`${folder}/record-time`, root) : null,
  };
}
