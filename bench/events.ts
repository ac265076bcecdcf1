// Loading security events at volume: a generated event archive (default 10,000 computers × 30 days at about 33
// events a computer a day, about 10 million events: GZIP SNS envelopes in hourly Firehose objects, and the system
// events as raw arrays) loaded from a folder by `fleetkit load`, beside the ceiling: DuckDB alone, with fleetkit's
// own threads and memory limit, reading the same files into one table. Then the store's size against the unpacked
// input, and the median of each event query on it.
// Usage: npm run bench:events [-- --computers N --days D --per-host-day E --data DIR --runs R]
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { engineSettings } from '../src/config';
import { writeEventArchive, type EventArchiveSummary } from '../src/sample/events';
import type { GeneratedRun } from '../src/sample/fleet';
import { bindParameters, listNamedQueries } from '../src/store/named-queries';
import { Store } from '../src/store/store';
import { flag, measure, type Measured } from './measure';

const computers = Number(flag('computers', '10000'));
const days = Number(flag('days', '30'));
const perHostDay = Number(flag('per-host-day', '33'));
const runs = Number(flag('runs', '5'));
const dataDir = resolve(flag('data', join('bench-data', `events-${computers}x${days}x${perHostDay}`)));
const work = resolve('bench-data', 'work-events');
const cli = resolve(__dirname, '..', 'dist', 'cli.js');
const ceilingScript = resolve(__dirname, 'read-json-ceiling.mjs');
const EVENT_QUERIES = ['event-trend', 'event-archive-days', 'event-top', 'event-host-weeks', 'malware-detections', 'intrusion-prevention-actions', 'audit-system-events'];

/** A computers run and a policies run of `computers` hosts: all the event generator reads of a fleet. */
function fleet(): GeneratedRun[] {
  const runAt = new Date(Date.UTC(2026, 10, 1));
  const run = (object: 'computers' | 'policies', records: Record<string, unknown>[]): GeneratedRun => ({ flowName: `ws-${object}`, object, executionId: object, runAt, schemaVersion: 1, week: 0, records });
  return [
    run('computers', Array.from({ length: computers }, (_, i) => ({ ID: 1000 + i, hostName: `host-${String(i).padStart(5, '0')}.example.internal`, policyID: 1 + (i % 5), platform: i % 3 === 0 ? 'Microsoft Windows Server 2022 (64 bit)' : 'Amazon Linux 2 (64 bit) (4.14.355)', agentVersion: '20.0.1-21510' }))),
    run('policies', Array.from({ length: 5 }, (_, i) => ({ ID: i + 1, name: ['Base Policy', 'Web Servers', 'Database Servers', 'Domain Controllers', 'Linux Servers'][i] }))),
  ];
}

async function ensureData(): Promise<EventArchiveSummary> {
  const done = join(dataDir, '.complete');
  if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as EventArchiveSummary;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const summary = await writeEventArchive(fleet(), { outDir: dataDir, days, eventsPerHostDay: perHostDay, seed: 1, gzipLevel: 6 });
  writeFileSync(done, JSON.stringify(summary));
  console.log(`generated ${dataDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return summary;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function queryMedians(db: string): Promise<void> {
  const store = await Store.open(db);
  try {
    console.log(`event queries, median of ${runs} runs after one warm-up (target < 500 ms):`);
    for (const query of listNamedQueries().filter((q) => EVENT_QUERIES.includes(q.name))) {
      const params = bindParameters(query, {});
      let rows = (await store.query(query.sql, params)).rowCount;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        rows = (await store.query(query.sql, params)).rowCount;
        times.push(performance.now() - started);
      }
      console.log(`  ${query.name.padEnd(30)} ${median(times).toFixed(0).padStart(6)} ms  (slowest ${Math.max(...times).toFixed(0)} ms)  ${String(rows).padStart(7)} rows`);
    }
  } finally {
    store.closeSync();
  }
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  const data = await ensureData();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const db = join(work, 'fleet.duckdb');
  const engine = engineSettings();

  const load = measure(process.execPath, [cli, 'load', dataDir, '--db', db, '--quiet']);
  const storeBytes = statSync(db).size;
  const ceiling = measure(process.execPath, [ceilingScript, join(dataDir, '*', '*', '*', '*', '*', '*'), join(work, 'ceiling.duckdb'), engine.memoryLimit, String(engine.threads)]);
  const nothingNew = measure(process.execPath, [cli, 'load', dataDir, '--db', db, '--quiet']);

  const rate = (events: number, m: Measured) => events / m.seconds;
  const row = (name: string, m: Measured) =>
    `${name.padEnd(44)} ${m.seconds.toFixed(1).padStart(7)} s  ${Math.round(rate(data.delivered, m)).toLocaleString('en-US').padStart(10)} events/s  ${m.peakRssMb.toFixed(0).padStart(6)} MB peak RSS`;
  console.log(
    `data: ${data.events.toLocaleString('en-US')} events (${data.delivered.toLocaleString('en-US')} delivered) from ${computers} computers × ${days} days, ` +
      `${data.objects} objects, ${(data.bytes / 1024 ** 2).toFixed(0)} MB (${(data.textBytes / 1024 ** 3).toFixed(2)} GB unpacked) in ${dataDir}`,
  );
  console.log(`DuckDB: memory_limit ${engine.memoryLimit}, threads ${engine.threads} (fleetkit's defaults, both sides)`);
  console.log(row('fleetkit load (folder)', load));
  console.log(row(`ceiling: read_json_objects → one table (${ceiling.stdout.trim()} lines)`, ceiling));
  console.log(`load speed: ${(rate(data.delivered, load) / rate(data.delivered, ceiling)).toFixed(2)}× the ceiling (target ≥ 0.8×); peak RSS target < 1024 MB`);
  console.log(`store: ${(storeBytes / 1024 ** 2).toFixed(0)} MB for ${(data.textBytes / 1024 ** 2).toFixed(0)} MB unpacked = ${((100 * storeBytes) / data.textBytes).toFixed(1)}% (target ≤ 30%)`);
  console.log(`nothing new:   ${nothingNew.seconds.toFixed(2)} s, ${nothingNew.peakRssMb.toFixed(0)} MB peak RSS`);
  await queryMedians(db);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
