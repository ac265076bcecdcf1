import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../store/sql-files';
import { writeTextFile } from './text-file';
import { toJsonLines, withTextValues } from './to-text';

export interface ParquetPage {
  destination: string;
  records: readonly Record<string, unknown>[];
}

/**
 * Writes pages of records as Parquet through DuckDB (via a temporary JSON-lines file). `typed` keeps the records'
 * types, nested objects as structs; otherwise every top-level value is a string, as AppFlow writes Parquet with
 * source typing off.
 */
export class ParquetWriter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly scratchDir: string,
    private readonly structureSql: string,
    private readonly copySql: string,
  ) {}

  static async open(): Promise<ParquetWriter> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const scratchDir = await mkdtemp(join(tmpdir(), 'fleetkit-sample-'));
    return new ParquetWriter(instance, connection, scratchDir, sqlFile('sample/json-structure'), sqlFile('sample/json-lines-to-parquet'));
  }

  /** Writes each page to its destination; all pages of a run share one schema, so their column types agree. */
  async writeRun(pages: readonly ParquetPage[], typed: boolean): Promise<void> {
    const sources = pages.map((_, index) => join(this.scratchDir, `page-${index}.jsonl`));
    for (const [index, page] of pages.entries()) {
      await writeTextFile(sources[index], toJsonLines(typed ? page.records : page.records.map(withTextValues)));
    }
    const reader = await this.connection.runAndReadAll(this.structureSql, { sources: listValue(sources) });
    const structure = String(reader.getRowObjectsJS()[0].structure);
    for (const [index, page] of pages.entries()) {
      await this.connection.run(this.copySql, { source: sources[index], structure, destination: page.destination });
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.scratchDir, { recursive: true, force: true });
  }
}
