// Query speed: every named query (queries/*.sql) on a loaded store, median of several runs, and the store's size.
// Usage: npm run bench:queries [-- --db bench-data/work/fleet.duckdb --runs 5]
import { existsSync, statSync } from 'node:fs';
import type { DuckDBValue } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { bindParameters, listNamedQueries } from '../src/store/named-queries';
import { sqlFile } from '../src/store/sql-files';
import { Store } from '../src/store/store';
import { flag } from './measure';

const db = resolve(flag('db', 'bench-data/work/fleet.duckdb'));
const runs = Number(flag('runs', '5'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function fileMb(path: string): number {
  return existsSync(path) ? statSync(path).size / 1024 ** 2 : 0;
}

/** Parameters a user would pass: a time between two runs in the middle of the history, and a computer seen throughout. */
async function sampleParameters(store: Store): Promise<Record<string, string>> {
  const { rows } = await store.query(sqlFile('bench/sample-parameters'));
  if (rows.length === 0 || rows[0].as_of === null) throw new Error(`${db} holds no computers runs: load a fleet first`);
  return { as_of: String(rows[0].as_of), computer_id: String(rows[0].computer_id) };
}

async function main(): Promise<void> {
  if (!existsSync(db)) throw new Error(`no store at ${db} (load one with fleetkit load, or give --db PATH)`);
  const opening = performance.now();
  const store = await Store.open(db);
  const openSeconds = (performance.now() - opening) / 1000;
  try {
    const size = await store.query(sqlFile('bench/store-size'));
    const { computer_runs, computer_rows, policy_rows } = size.rows[0];
    console.log(`store: ${db}`);
    console.log(`  ${computer_runs} computers runs, ${computer_rows} computer rows, ${policy_rows} policy rows`);
    console.log(`  on disk: ${fileMb(db).toFixed(0)} MB (+ ${fileMb(`${db}.wal`).toFixed(0)} MB WAL); opened in ${openSeconds.toFixed(1)} s`);
    const sample = await sampleParameters(store);
    console.log(`  parameters: as_of=${sample.as_of} computer_id=${sample.computer_id} (others: defaults)`);
    console.log(`median of ${runs} runs after one warm-up:`);
    const timed = async (name: string, sql: string, params: Record<string, DuckDBValue>) => {
      let rows = (await store.query(sql, params)).rowCount;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        rows = (await store.query(sql, params)).rowCount;
        times.push(performance.now() - started);
      }
      const slowest = Math.max(...times);
      console.log(`  ${name.padEnd(32)} ${median(times).toFixed(0).padStart(6)} ms  (slowest ${slowest.toFixed(0)} ms)  ${String(rows).padStart(7)} rows`);
    };
    for (const query of listNamedQueries()) {
      const given = Object.fromEntries(query.params.filter((p) => p.name in sample).map((p) => [p.name, sample[p.name]]));
      await timed(query.name, query.sql, bindParameters(query, given));
    }
    await timed('computer_changes (one computer)', sqlFile('bench/computer-changes-of-one'), { computer_id: Number(sample.computer_id) });
    console.log('target: every one < 300 ms');
  } finally {
    store.closeSync();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
