// Loading speed: a generated fleet (default 10,000 computers × 104 weekly runs, JSON lines) loaded from a folder
// by `fleetkit load`, beside DuckDB reading the same files straight into one table (the ceiling).
// Usage: npm run bench:load [-- --computers N --weeks W --data DIR]
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeSampleData } from '../src/sample/write';
import { flag, measure } from './measure';

const computers = Number(flag('computers', '10000'));
const weeks = Number(flag('weeks', '104'));
const dataDir = resolve(flag('data', join('bench-data', `fleet-${computers}x${weeks}-json`)));
const cli = resolve(__dirname, '..', 'dist', 'cli.js');
const ceilingScript = resolve(__dirname, 'read-json-ceiling.mjs');

async function ensureData(): Promise<void> {
  const done = join(dataDir, '.complete');
  if (existsSync(done)) return;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const summary = await writeSampleData({ outDir: dataDir, computers, weeks, seed: 1, layout: 'default', format: 'json' });
  writeFileSync(done, JSON.stringify(summary));
  console.log(`generated ${dataDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function dirBytes(dir: string): number {
  return statSync(dir).isDirectory()
    ? readdirSync(dir).reduce((n, name) => n + dirBytes(join(dir, name)), 0)
    : statSync(dir).size;
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  await ensureData();
  const work = resolve('bench-data', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const db = join(work, 'fleet.duckdb');

  const load = measure(process.execPath, [cli, 'load', dataDir, '--db', db, '--quiet']);
  const rows = Number(
    JSON.parse(measure(process.execPath, [cli, 'query', 'SELECT sum(row_count) AS n FROM snapshots', '--db', db, '--format', 'json']).stdout)[0].n,
  );
  const ceiling = measure(process.execPath, [ceilingScript, join(dataDir, '**', '*.json'), join(work, 'ceiling.duckdb')]);
  const ceilingRows = Number(ceiling.stdout.trim());

  const gb = dirBytes(dataDir) / 1024 ** 3;
  const line = (name: string, n: number, m: { seconds: number; peakRssMb: number }) =>
    `${name.padEnd(34)} ${n.toLocaleString('en-US').padStart(11)} rows  ${m.seconds.toFixed(1).padStart(7)} s  ` +
    `${Math.round(n / m.seconds).toLocaleString('en-US').padStart(9)} rows/s  ${m.peakRssMb.toFixed(0).padStart(6)} MB peak RSS`;
  console.log(`data: ${computers} computers × ${weeks} weeks, JSON lines, ${gb.toFixed(2)} GB in ${dataDir}`);
  console.log(line('fleetkit load (folder)', rows, load));
  console.log(line('DuckDB read_json_objects → table', ceilingRows, ceiling));
  console.log(`store on disk: ${(statSync(db).size / 1024 ** 2).toFixed(0)} MB`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
