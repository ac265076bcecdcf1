import { DuckDBTypeId } from '@duckdb/node-api';
import { defaults } from '../config';
import { toTable } from '../output/to-table';
import { loadSnapshots } from '../load/load-snapshots';
import { progressReporter } from '../load/progress';
import { SAMPLE_DATA_DIR } from '../sample/committed';
import { QueryResult } from '../store/query-result';
import { sqlFile } from '../store/sql-files';
import { Store } from '../store/store';
import { parseCommandArgs, type Command } from './command';
import { printSummary } from './load-command';

const usage = `Usage: fleetkit demo [--db ${defaults.db}] [--quiet]

Loads the bundled sample data (an AppFlow export tree of a generated fleet, and the archive of its security and
system events) into the store and prints what it holds.`;

export const demoCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, { db: { type: 'string', default: defaults.db }, quiet: { type: 'boolean', short: 'q' } }, usage);
    const progress = progressReporter(process.stderr, values.quiet || !process.stderr.isTTY ? 'quiet' : 'auto');
    const summary = await loadSnapshots({ source: SAMPLE_DATA_DIR, db: values.db as string, onProgress: progress }).finally(() => progress.finish());
    printSummary(summary, process.stdout);
    const store = await Store.openReadOnly(values.db as string);
    try {
      process.stdout.write(`\nSnapshots in the store\n${toTable(await store.query(sqlFile('cli/snapshot-summary')))}`);
      const coverage = latestCoverage(await store.named('fleet-coverage'));
      if (coverage) process.stdout.write(`\nProtection coverage at the latest run (${coverage.at})\n${toTable(coverage.table)}`);
      const events = await store.query(sqlFile('cli/event-summary'));
      if (events.rows.length > 0) process.stdout.write(`\nSecurity and system events in the archive\n${toTable(events)}`);
    } finally {
      store.closeSync();
    }
    process.stdout.write(`\nNext: fleetkit query --list --db ${values.db}   ·   fleetkit query "SELECT * FROM snapshots" --db ${values.db}\n`);
    return summary.runsFailed + summary.streams.objectsFailed > 0 ? 1 : 0;
  },
};

/** The whole fleet's coverage per module at the last month's run, as a small table for a terminal. */
function latestCoverage(result: QueryResult): { at: string; table: QueryResult } | null {
  const all = result.rows.filter((row) => row.os_family === 'all');
  if (all.length === 0) return null;
  const last = all[all.length - 1];
  const rows = all
    .filter((row) => (row.month as Date).getTime() === (last.month as Date).getTime())
    .map((row) => ({
      module: row.module,
      covered: row.covered,
      of: row.computers,
      coverage: `${(100 * Number(row.coverage)).toFixed(1)}%`,
    }));
  const text = { type: 'VARCHAR', typeId: DuckDBTypeId.VARCHAR };
  const count = { type: 'BIGINT', typeId: DuckDBTypeId.BIGINT };
  const columns = [{ name: 'module', ...text }, { name: 'covered', ...count }, { name: 'of', ...count }, { name: 'coverage', ...text }];
  return { at: (last.snapshot_at as Date).toISOString().slice(0, 16).replace('T', ' ') + ' UTC', table: new QueryResult({ columns, rows }) };
}
