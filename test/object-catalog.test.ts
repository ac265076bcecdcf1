import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { objectFromFields, objectFromFlowName } from '../src/load/object-kind';
import { generateRuns } from '../src/sample/fleet';
import { catalogObject, knownFields, objectCatalog, streamCatalog } from '../src/store/object-catalog';
import { QUERIES_DIR } from '../src/store/sql-files';
import { Store } from '../src/store/store';
import { loadRunsAsExport } from './helpers/model-fixture';
import { tempDir } from './helpers/tree';

const objectsDir = join(QUERIES_DIR, 'objects');
const allFolders = readdirSync(objectsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const definition = (name: string) => JSON.parse(readFileSync(join(objectsDir, name, 'object.json'), 'utf8'));
const folders = allFolders.filter((name) => definition(name).kind === 'snapshot');

describe('the objects of the catalog (queries/objects/<object>/)', () => {
  it('are its folders, each a snapshot or stream object with its SQL', () => {
    expect(folders).toEqual(expect.arrayContaining(['computers', 'policies']));
    expect(allFolders).toContain('events');
    expect(objectCatalog().map((o) => o.name)).toEqual(folders);
    expect(streamCatalog().map((o) => o.name)).toEqual(allFolders.filter((name) => definition(name).kind === 'stream'));
    for (const object of objectCatalog()) {
      const json = definition(object.name);
      expect(object.kind, object.name).toBe(json.kind);
      expect(object.id, object.name).toBe(json.id);
      expect(object.stage, object.name).toMatch(/CREATE OR REPLACE TEMP TABLE fk_run_parsed/);
      expect(object.facts.length, object.name).toBeGreaterThan(0);
    }
    for (const stream of streamCatalog()) {
      expect(stream.recognisedBy, stream.name).toEqual(definition(stream.name).recognisedBy);
      expect(stream.load, stream.name).toBe(readFileSync(join(objectsDir, stream.name, 'load.sql'), 'utf8'));
    }
  });

  it('tell which object a flow holds by the flow-name patterns and fields their object.json give', () => {
    for (const name of folders) {
      const json = definition(name);
      const sample = String(json.flowName).replace(/[^A-Za-z]/g, '');
      expect(objectFromFlowName(`exports/ws-${sample.toUpperCase()}-flow`), name).toBe(name);
      for (const set of json.recognisedBy as string[][]) {
        expect(objectFromFields([...set.map((f) => f.toLowerCase()), 'somethingElse'], 'exports/flow-x'), `${name} ${set}`).toBe(name);
      }
    }
    expect(objectFromFlowName('exports/ws-events')).toBeNull();
    expect(objectFromFields(['eventID', 'timestamp'], 'exports/WS-Events')).toBe('ws-events');
  });

  it('respell drifted keys to every object’s fields', () => {
    const union = new Set(folders.flatMap((name) => definition(name).fields as string[]));
    expect(new Set(knownFields())).toEqual(union);
    expect(knownFields().length).toBe(union.size);
  });
});

describe('deriving a run', () => {
  it('runs only the SQL of the run’s object, and a run of an object the catalog lacks derives nothing', async () => {
    const dir = tempDir('object-derive');
    try {
      const runs = [...generateRuns({ computers: 6, weeks: 1, seed: 3 })];
      const db = join(dir, 'fleet.duckdb');
      await loadRunsAsExport(join(dir, 'exports'), db, runs);
      const store = await Store.open(db);
      try {
        const computers = runs.find((r) => r.object === 'computers')!;
        const ran: string[] = [];
        const run = store.run.bind(store);
        store.run = async (sql, params) => {
          ran.push(sql);
          return run(sql, params);
        };
        await store.transaction(() => store.deriveNewRuns([{ snapshotId: computers.executionId, object: 'unknown-object', period: null }]));
        expect(ran).toEqual([]);
        await store.transaction(() => store.deriveAgain([computers.executionId]));
        const [own, other] = [catalogObject('computers')!, catalogObject('policies')!];
        expect(ran).toContain(own.stage);
        for (const { text } of own.facts) expect(ran).toContain(text);
        expect(ran).not.toContain(other.stage);
        for (const { text } of other.facts) expect(ran).not.toContain(text);
        const rows = await store.query('SELECT count(*) AS n FROM fk_computer_facts WHERE snapshot_id = $id', { id: computers.executionId });
        expect(rows.rows).toEqual([{ n: computers.records.length }]);
      } finally {
        store.closeSync();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
