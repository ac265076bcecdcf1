import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns } from '../src/sample/fleet';
import { bindParameters, findNamedQuery, parseNamedQuery } from '../src/store/named-queries';
import { QUERIES_DIR } from '../src/store/sql-files';
import { loadGeneratedRuns, openModelFixture, type ModelFixture } from './helpers/model-fixture';

const HOSTILE = `'; DROP TABLE fk_runs; --`;

/** The named queries users, charts and the report rely on, their parameters (name type default) and the columns others read. */
const CONTRACT: Record<string, { params: string[]; columns: string[] }> = {
  'fleet-coverage': {
    params: ['from DATE NULL', 'to DATE NULL', 'flow VARCHAR NULL'],
    columns: ['month', 'snapshot_id', 'snapshot_at', 'os_family', 'module', 'computers', 'covered', 'coverage', 'prevent', 'detect'],
  },
  'fleet-size': { params: ['from DATE NULL', 'to DATE NULL', 'flow VARCHAR NULL'], columns: ['month', 'snapshot_at', 'os_family', 'computers', 'with_agent'] },
  'agent-health': {
    params: ['from DATE NULL', 'to DATE NULL', 'silent_days INTEGER 7', 'flow VARCHAR NULL'],
    columns: ['month', 'snapshot_at', 'computers', 'with_agent', 'active', 'warning', 'error', 'inactive', 'not_supported', 'unknown', 'silent', 'behind_newest', 'outdated_updates', 'newest_version'],
  },
  'agent-versions': { params: ['from DATE NULL', 'to DATE NULL', 'flow VARCHAR NULL'], columns: ['month', 'snapshot_at', 'agent_version', 'computers'] },
  'policy-changes': {
    params: ['from TIMESTAMPTZ NULL', 'to TIMESTAMPTZ NULL', 'flow VARCHAR NULL', 'computers_flow VARCHAR NULL'],
    columns: ['changed_at', 'previous_snapshot_at', 'policy_id', 'policy_name', 'change_type', 'field', 'old_value', 'new_value', 'computers_assigned', 'assigned_host_names'],
  },
  'unprotected-computers': {
    params: ['as_of TIMESTAMPTZ NULL', 'modules VARCHAR anti_malware,intrusion_prevention', 'flow VARCHAR NULL', 'policies_flow VARCHAR NULL'],
    columns: ['snapshot_at', 'computer_id', 'host_name', 'policy_id', 'policy_name', 'agent_status', 'reasons', 'modules_off'],
  },
  'computer-history': {
    params: ['computer_id BIGINT NULL', 'flow VARCHAR NULL', 'policies_flow VARCHAR NULL'],
    columns: ['changed_at', 'previous_snapshot_at', 'computer_id', 'change_type', 'field', 'old_value', 'new_value', 'policy_id', 'policy_name'],
  },
  'policy-drift': {
    params: ['as_of TIMESTAMPTZ NULL', 'flow VARCHAR NULL', 'policies_flow VARCHAR NULL'],
    columns: ['snapshot_at', 'computer_id', 'host_name', 'policy_id', 'policy_name', 'module', 'computer_state', 'policy_state'],
  },
};

const runs = [...generateRuns({ computers: 24, weeks: 10, seed: 5 })];
let fixture: ModelFixture;
let someComputer: number;

beforeAll(async () => {
  fixture = await openModelFixture();
  await loadGeneratedRuns(fixture, runs);
  someComputer = Number(runs[0].records[0].ID);
});

afterAll(async () => {
  await fixture?.close();
});

function queryFiles(): string[] {
  return readdirSync(QUERIES_DIR).filter((file) => file.endsWith('.sql')).map((file) => file.slice(0, -4));
}

describe('named query files', () => {
  it('are the contracted queries, each with a header saying what it answers and which parameters it takes', () => {
    expect(queryFiles()).toEqual(expect.arrayContaining(Object.keys(CONTRACT)));
    for (const [name, contract] of Object.entries(CONTRACT)) {
      const text = readFileSync(join(QUERIES_DIR, `${name}.sql`), 'utf8');
      expect(text.split('\n')[0], name).toMatch(/^-- [A-Z].+[?.]$/);
      const query = parseNamedQuery(name, text);
      expect(query.params.map((p) => `${p.name} ${p.type} ${p.defaultValue ?? 'NULL'}`), name).toEqual(contract.params);
      for (const p of query.params) expect(p.description.length, `${name} ${p.name}`).toBeGreaterThan(10);
    }
  });

  it('use exactly the parameters they declare', () => {
    for (const name of queryFiles()) {
      const query = parseNamedQuery(name, readFileSync(join(QUERIES_DIR, `${name}.sql`), 'utf8'));
      const body = query.sql.split('\n').filter((line) => !line.startsWith('--')).join('\n');
      const used = new Set([...body.matchAll(/\$(\w+)/g)].map((m) => m[1]));
      expect([...used].sort(), name).toEqual(query.params.map((p) => p.name).sort());
    }
  });
});

describe('named queries', () => {
  it('run with their defaults and give the contracted columns', async () => {
    for (const [name, contract] of Object.entries(CONTRACT)) {
      const query = findNamedQuery(name);
      expect(query, name).not.toBeNull();
      const params = name === 'computer-history' ? { computer_id: String(someComputer) } : {};
      const result = await fixture.store.query(query!.sql, bindParameters(query!, params));
      expect(result.rowCount, name).toBeGreaterThan(0);
      expect(result.columns.map((c) => c.name), name).toEqual(expect.arrayContaining(contract.columns));
      expect(result.columns.filter((c) => c.type === 'HUGEINT').map((c) => c.name), name).toEqual([]);
    }
  });

  it('give counts as numbers and months as dates', async () => {
    const query = findNamedQuery('fleet-coverage')!;
    const result = await fixture.store.query(query.sql, bindParameters(query, {}));
    const types = Object.fromEntries(result.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ month: 'DATE', snapshot_at: 'TIMESTAMP WITH TIME ZONE', computers: 'BIGINT', coverage: 'DOUBLE' });
    expect(typeof result.rows[0].computers).toBe('number');
  });
});

describe('parameters', () => {
  it('are bound: user text cannot change the SQL', async () => {
    const before = (await fixture.store.query('SELECT count(*) AS n FROM fk_runs')).rows[0].n;
    for (const name of Object.keys(CONTRACT)) {
      const query = findNamedQuery(name)!;
      for (const p of query.params) {
        const values: Record<string, string | null> = Object.fromEntries(query.params.map((q) => [q.name, q.defaultValue]));
        if (name === 'computer-history') values.computer_id = String(someComputer);
        values[p.name] = HOSTILE;
        await expect(fixture.store.query(query.sql, values), `${name} ${p.name}`).rejects.toThrow(/Conversion Error|unknown module|Could not convert|no \w+ flow is named/i);
      }
    }
    expect((await fixture.store.query('SELECT count(*) AS n FROM fk_runs')).rows[0].n).toBe(before);
  });

  it('take text as data even where the text is valid', async () => {
    const query = findNamedQuery('unprotected-computers')!;
    await expect(fixture.store.query(query.sql, bindParameters(query, { modules: `anti_malware,${HOSTILE}` }))).rejects.toThrow(/unknown module/);
    const rows = (await fixture.store.query(query.sql, bindParameters(query, { modules: 'firewall' }))).rows;
    expect(rows.every((r) => (r.modules_off as string[]).every((m) => m === 'firewall'))).toBe(true);
  });
});
