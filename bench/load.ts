// Loading at volume: a generated fleet (default 10,000 computers × 52 weekly runs of realistic records, JSON lines,
// the default layout) loaded from a folder by `fleetkit load`, beside the ceiling: DuckDB alone, with fleetkit's own
// threads and memory limit, reading the same files into one table. Then one new run on the loaded store, and a load
// that finds nothing new. The newest computers run is held back from the first load (the folder it reads links to
// every other run) so that it can be the new one.
// Usage: npm run bench:load [-- --computers N --weeks W --data DIR]
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { engineSettings } from '../src/config';
import { writeSampleData } from '../src/sample/write';
import { flag, measure, type Measured } from './measure';

const computers = Number(flag('computers', '10000'));
const weeks = Number(flag('weeks', '52'));
const dataDir = resolve(flag('data', join('bench-data', `fleet-${computers}x${weeks}-json`)));
const work = resolve('bench-data', 'work');
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

function bytesUnder(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((n, name) => n + bytesUnder(join(path, name)), 0) : stat.size;
}

function newestFileTime(dir: string): number {
  return Math.max(...readdirSync(dir).map((name) => statSync(join(dir, name)).mtimeMs));
}

/**
 * A folder of links to every run folder of the data (`<flow>/<execution id>/`) but the newest computers run, which
 * is returned to be linked in later.
 */
function linkAllButNewestComputersRun(into: string): { flowDir: string; runDir: string } {
  const runs = readdirSync(dataDir)
    .filter((flow) => statSync(join(dataDir, flow)).isDirectory())
    .flatMap((flow) => readdirSync(join(dataDir, flow)).map((run) => ({ flowDir: flow, runDir: join(dataDir, flow, run) })));
  const computerRuns = runs.filter((run) => run.flowDir.includes('computer')).map((run) => ({ run, at: newestFileTime(run.runDir) }));
  if (computerRuns.length === 0) throw new Error(`${dataDir} holds no computers flow`);
  const held = computerRuns.reduce((a, b) => (b.at > a.at ? b : a)).run;
  for (const run of runs) {
    mkdirSync(join(into, run.flowDir), { recursive: true });
    if (run !== held) symlinkSync(run.runDir, join(into, run.flowDir, basename(run.runDir)));
  }
  return held;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function storedRecords(db: string): number {
  const out = measure(process.execPath, [cli, 'query', 'SELECT sum(row_count) AS n FROM snapshots', '--db', db, '--format', 'json']).stdout;
  return Number(JSON.parse(out)[0].n);
}

function rate(rows: number, m: Measured): number {
  return rows / m.seconds;
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  await ensureData();
  rmSync(work, { recursive: true, force: true });
  const source = join(work, 'source');
  mkdirSync(source, { recursive: true });
  const held = linkAllButNewestComputersRun(source);
  const db = join(work, 'fleet.duckdb');
  const engine = engineSettings();

  const load = measure(process.execPath, [cli, 'load', source, '--db', db, '--quiet']);
  const loaded = storedRecords(db);
  const storeBytes = statSync(db).size;
  const inputBytes = bytesUnder(dataDir) - bytesUnder(held.runDir);
  const ceiling = measure(process.execPath, [ceilingScript, join(source, '*', '*', '*.json'), join(work, 'ceiling.duckdb'), engine.memoryLimit, String(engine.threads)]);
  const ceilingRows = Number(ceiling.stdout.trim());

  symlinkSync(held.runDir, join(source, held.flowDir, basename(held.runDir)));
  const oneNewRun = measure(process.execPath, [cli, 'load', source, '--db', db, '--quiet']);
  const nothingNew = measure(process.execPath, [cli, 'load', source, '--db', db, '--quiet']);

  const row = (name: string, rows: number, m: Measured) =>
    `${name.padEnd(40)} ${rows.toLocaleString('en-US').padStart(11)} rows  ${m.seconds.toFixed(1).padStart(7)} s  ` +
    `${Math.round(rate(rows, m)).toLocaleString('en-US').padStart(9)} rows/s  ${m.peakRssMb.toFixed(0).padStart(6)} MB peak RSS`;
  console.log(`data: ${computers} computers × ${weeks} weeks, JSON lines, ${(bytesUnder(dataDir) / 1024 ** 3).toFixed(2)} GB in ${dataDir}`);
  console.log(`DuckDB: memory_limit ${engine.memoryLimit}, threads ${engine.threads} (fleetkit's defaults, both sides)`);
  console.log(row('fleetkit load (folder, all but one run)', loaded, load));
  console.log(row('ceiling: read_json_objects → one table', ceilingRows, ceiling));
  console.log(`load speed: ${(rate(loaded, load) / rate(ceilingRows, ceiling)).toFixed(2)}× the ceiling (target ≥ 0.8×); peak RSS target < 1024 MB`);
  console.log(`store: ${(storeBytes / 1024 ** 2).toFixed(0)} MB for ${(inputBytes / 1024 ** 2).toFixed(0)} MB of input = ${((100 * storeBytes) / inputBytes).toFixed(1)}% (target ≤ 25%)`);
  console.log(`one new run:   ${oneNewRun.seconds.toFixed(2)} s, ${oneNewRun.peakRssMb.toFixed(0)} MB peak RSS (target < 3 s)`);
  console.log(`nothing new:   ${nothingNew.seconds.toFixed(2)} s, ${nothingNew.peakRssMb.toFixed(0)} MB peak RSS (target < 1.5 s)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
