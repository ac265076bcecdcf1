import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { GeneratedRun } from '../../src/sample/fleet';
import { loadRunsAsExport } from './model-fixture';

const HOLD = `
const { DuckDBInstance } = require('@duckdb/node-api');
const [file, mode] = process.argv.slice(1);
DuckDBInstance.create(file, mode === 'read-only' ? { access_mode: 'READ_ONLY' } : {}).then(async (instance) => {
  const connection = await instance.connect();
  process.stdout.write('held\\n');
  process.stdin.on('data', () => {
    connection.closeSync();
    instance.closeSync();
    process.exit(0);
  });
});
`;

/** Another process with the store file open (read-write: a writer; read-only: a reader) until `release`. */
export interface StoreHolder {
  pid: number;
  release(): Promise<void>;
}

/** Starts a process that opens `file` with DuckDB itself (no waiting for a lock) and holds it. */
export async function holdStore(file: string, mode: 'read-write' | 'read-only'): Promise<StoreHolder> {
  const child: ChildProcess = spawn(process.execPath, ['-e', HOLD, file, mode], { cwd: join(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('held') && resolve());
    child.on('exit', () => reject(new Error(`the holding process ended: ${stderr}`)));
  });
  return {
    pid: child.pid!,
    async release() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin!.write('release\n');
      await exited;
    },
  };
}

/** A store file holding `runs`, loaded by the real loader from an export tree in `dir/exports`; closed when this returns. */
export async function writeStore(dir: string, runs: Iterable<GeneratedRun>): Promise<string> {
  const path = join(dir, 'fleet.duckdb');
  await loadRunsAsExport(join(dir, 'exports'), path, runs);
  return path;
}
