import { existsSync } from 'node:fs';
import { defaults } from '../config';
import { ExitCode, FleetkitError } from '../errors';
import { eventRetentionDays, pruneEventsBefore, retentionCutoff, setEventRetention } from '../store/event-retention';
import { sqlFile } from '../store/sql-files';
import { Store } from '../store/store';
import { parseCommandArgs, positiveInteger, UsageError, type Command } from './command';

const usage = `Usage: fleetkit prune --events-before DATE [--db ${defaults.db}]
       fleetkit prune --keep-events-days N [--db ${defaults.db}]
       fleetkit prune --keep-all-events [--db ${defaults.db}]

Events hold user names and IP addresses: keep them no longer than your policy allows.
--events-before removes the events recorded before DATE (UTC) once. --keep-events-days sets the retention: the
events older than N days are removed now and by every later load. --keep-all-events ends the retention (the
default). The archive objects stay listed, so a later load does not read their events back.`;

export const pruneCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        db: { type: 'string', default: defaults.db },
        'events-before': { type: 'string' },
        'keep-events-days': { type: 'string' },
        'keep-all-events': { type: 'boolean' },
      },
      usage,
    );
    const chosen = ['events-before', 'keep-events-days', 'keep-all-events'].filter((name) => values[name as keyof typeof values] !== undefined);
    if (chosen.length !== 1) throw new UsageError(`prune takes one of --events-before, --keep-events-days and --keep-all-events\n\n${usage}`);
    const db = values.db as string;
    if (!existsSync(db)) throw new FleetkitError(`no store at ${db} (run fleetkit load first, or give --db)`, ExitCode.usage);
    const before = values['events-before'] === undefined ? undefined : parseDay(values['events-before'] as string);
    const keepDays = positiveInteger(values['keep-events-days'] as string | undefined, '--keep-events-days');
    const store = await Store.open(db);
    try {
      let cutoff: Date | null;
      if (before !== undefined) cutoff = before;
      else {
        await setEventRetention(store, keepDays ?? null);
        cutoff = retentionCutoff(await eventRetentionDays(store), new Date());
      }
      const removed = cutoff === null ? 0 : await pruneEventsBefore(store, cutoff);
      await store.run(sqlFile('store/checkpoint'));
      const left = (await store.query(sqlFile('store/count-events'))).rows[0];
      const retention = await eventRetentionDays(store);
      const lines = [
        cutoff === null ? 'removed no events' : `removed ${removed.toLocaleString('en-US')} events recorded before ${cutoff.toISOString()}`,
        `${Number(left.events).toLocaleString('en-US')} remain${left.earliest instanceof Date ? `, the earliest recorded ${left.earliest.toISOString()}` : ''}`,
        retention === null ? 'events are kept until pruned' : `every load removes events older than ${retention} days`,
      ];
      process.stdout.write(`${lines.join('; ')} → ${db}\n`);
    } finally {
      store.closeSync();
    }
    return ExitCode.ok;
  },
};

function parseDay(text: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--events-before takes a day as YYYY-MM-DD, got "${text}"`);
  }
  return new Date(`${text}T00:00:00Z`);
}
