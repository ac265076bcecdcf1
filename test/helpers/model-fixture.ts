import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSnapshots, type LoadSummary } from '../../src/load/load-snapshots';
import type { GeneratedRun } from '../../src/sample/fleet';
import { runPrefix } from '../../src/sample/layouts';
import { writeRuns, type SampleFormat } from '../../src/sample/write';
import { Store } from '../../src/store/store';
import { tempDir } from './tree';

/**
 * How a run's records reach the store: `typed` as JSON keeps them; `text` as all-string Parquet (AppFlow with source
 * typing off), every top-level value a string and nested objects JSON text. (CSV carries text too, but cannot tell
 * an empty string from a missing value.)
 */
export type RecordTyping = 'typed' | 'text';

const FORMATS: Readonly<Record<RecordTyping, SampleFormat>> = { typed: 'json', text: 'parquet-strings' };

/**
 * Writes the runs as an AppFlow export tree under `exportsDir` (the partitioned layout, whose keys carry the schemaVersion;
 * each file dated at its run's time, so the snapshot time is `runAt`) and loads the tree into `db` with the real loader. A run written again replaces
 * its folder, so the loader reloads it. Throws unless every run listed loaded or was unchanged.
 */
export async function loadRunsAsExport(
  exportsDir: string,
  db: string,
  runs: Iterable<GeneratedRun>,
  typing: RecordTyping | ((run: GeneratedRun) => RecordTyping) = 'typed',
): Promise<LoadSummary> {
  const byFormat = new Map<SampleFormat, GeneratedRun[]>();
  for (const run of runs) {
    const format = FORMATS[typeof typing === 'function' ? typing(run) : typing];
    byFormat.set(format, [...(byFormat.get(format) ?? []), run]);
    await rm(join(exportsDir, runPrefix('partitioned', run)), { recursive: true, force: true });
  }
  for (const [format, written] of byFormat) {
    await writeRuns(written, { outDir: exportsDir, layout: 'partitioned', format, uploadDelaySeconds: 0 });
  }
  const summary = await loadSnapshots({ source: exportsDir, db });
  if (summary.runsFailed > 0) {
    throw new Error(`the loader refused runs: ${summary.failures.map((f) => `${f.runKey}: ${f.message}`).join('; ')}`);
  }
  return summary;
}

/**
 * A fresh store file in a temporary folder, opened the way fleetkit opens one (schema and model installed), that
 * runs reach through the real loader. The loader opens the store itself, so a load closes `store` and opens it again.
 */
export class ModelFixture {
  readonly exportsDir: string;

  private constructor(
    readonly dir: string,
    private current: Store,
  ) {
    this.exportsDir = join(dir, 'exports');
  }

  static async open(): Promise<ModelFixture> {
    const dir = tempDir('model');
    return new ModelFixture(dir, await Store.open(join(dir, 'fleet.duckdb')));
  }

  get store(): Store {
    return this.current;
  }

  async load(runs: Iterable<GeneratedRun>, typing: RecordTyping | ((run: GeneratedRun) => RecordTyping)): Promise<LoadSummary> {
    const db = this.current.path;
    this.current.closeSync();
    try {
      return await loadRunsAsExport(this.exportsDir, db, runs, typing);
    } finally {
      this.current = await Store.open(db);
    }
  }

  async close(): Promise<void> {
    this.current.closeSync();
    await rm(this.dir, { recursive: true, force: true });
  }
}

export function openModelFixture(): Promise<ModelFixture> {
  return ModelFixture.open();
}

export async function loadGeneratedRun(fixture: ModelFixture, run: GeneratedRun, typing: RecordTyping = 'typed'): Promise<void> {
  await fixture.load([run], typing);
}

/** Loads runs in one load, in the order of their times; `typing` may differ per run (a flow that switched from CSV to JSON). */
export async function loadGeneratedRuns(
  fixture: ModelFixture,
  runs: Iterable<GeneratedRun>,
  typing: RecordTyping | ((run: GeneratedRun) => RecordTyping) = 'typed',
): Promise<void> {
  await fixture.load(runs, typing);
}
