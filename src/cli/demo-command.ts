import { toTable } from '../output/to-table';
import { loadSnapshots } from '../load/load-snapshots';
import { progressReporter } from '../load/progress';
import { SAMPLE_DATA_DIR } from '../sample/committed';
import { sqlFile } from '../store/sql-files';
import { Store } from '../store/store';
import { parseCommandArgs, type Command } from './command';
import { printSummary } from './load-command';

const usage = `Usage: fleetkit demo [--db fleet.duckdb] [--quiet]

Loads the bundled sample data (an AppFlow export tree of a generated fleet) into the store and prints what it holds.`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'the bundled sample data, end to end',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, { db: { type: 'string', default: 'fleet.duckdb' }, quiet: { type: 'boolean', short: 'q' } }, usage);
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const progress = progressReporter(process.stderr, values.quiet || !process.stderr.isTTY ? 'quiet' : 'auto');
    const summary = await loadSnapshots({ source: SAMPLE_DATA_DIR, db: values.db as string, onProgress: progress }).finally(() => progress.finish());
    printSummary(summary, process.stdout);
    const store = await Store.open(values.db as string);
    try {
      process.stdout.write(`\nSnapshots in the store\n${toTable(await store.query(sqlFile('cli/snapshot-summary')))}`);
      for (const section of demoSections) {
        process.stdout.write(`\n${section.title}\n${toTable(await store.named(section.query, section.params))}`);
      }
    } finally {
      store.close();
    }
    process.stdout.write(`\nNext: fleetkit query --list --db ${values.db}   ·   fleetkit query "SELECT * FROM snapshots" --db ${values.db}\n`);
    return summary.runsFailed > 0 ? 1 : 0;
  },
};

const demoSections: { title: string; query: string; params: Record<string, string> }[] = [];
