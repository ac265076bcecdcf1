import { defaults } from '../config';
import { ExitCode } from '../errors';
import { loadSnapshots, type LoadSummary } from '../load/load-snapshots';
import { formatBytes, progressReporter } from '../load/progress';
import { visibleControls } from '../output/visible-controls';
import { parseCommandArgs, positiveInteger, UsageError, type Command } from './command';

const usage = `Usage: fleetkit load <s3://bucket/prefix | folder> [--db ${defaults.db}] [--endpoint URL] [--region R]
                     [--profile P] [--concurrency N] [--cache DIR] [--memory-limit SIZE] [--threads N] [--quiet]

Loads every AppFlow flow run under the source that the store does not hold yet, one transaction per run.
Runs whose files changed since they were loaded are reloaded; a run that fails is left for the next load.
AWS settings follow the SDK: default credential chain, AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_S3.
DuckDB's memory and threads: --memory-limit and --threads, else FLEETKIT_MEMORY_LIMIT and FLEETKIT_THREADS
(defaults ${defaults.memoryLimit} and ${defaults.threads}, never more threads than cores).`;

export function printSummary(summary: LoadSummary, out: NodeJS.WritableStream): void {
  const parts = [
    `${summary.runsLoaded} runs loaded`,
    summary.runsReloaded > 0 ? `${summary.runsReloaded} reloaded` : null,
    `${summary.runsUnchanged} unchanged`,
    summary.runsFailed > 0 ? `${summary.runsFailed} failed` : null,
    `${summary.rowsLoaded.toLocaleString('en-US')} rows`,
    `${formatBytes(summary.bytesRead + summary.streams.bytesRead)} read`,
    summary.source.startsWith('s3://') ? `${summary.filesDownloaded} files downloaded` : null,
    `${summary.skipped.length} objects skipped`,
    `${summary.seconds.toFixed(1)} s`,
  ].filter((p) => p !== null);
  out.write(`${parts.join(', ')} → ${summary.db}\n`);
  const streams = summary.streams;
  if (streams.objectsLoaded + streams.objectsUnchanged + streams.objectsFailed > 0) {
    const duplicates = streams.delivered - streams.added;
    out.write(
      `  events: ${streams.objectsLoaded} archive objects loaded, ${streams.objectsUnchanged} unchanged` +
        (streams.objectsFailed > 0 ? `, ${streams.objectsFailed} failed` : '') +
        `; ${streams.added.toLocaleString('en-US')} events added` +
        (duplicates > 0 ? ` (${duplicates.toLocaleString('en-US')} delivered again, kept once)` : '') +
        (streams.pruned > 0 ? `; ${streams.pruned.toLocaleString('en-US')} older than the ${streams.retentionDays}-day retention removed` : '') +
        '\n',
    );
  }
  const reasons = new Map<string, number>();
  for (const s of summary.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  for (const [reason, count] of reasons) out.write(`  skipped ${count} × ${visibleControls(reason)}\n`);
  for (const line of noticeLines(summary.notices)) out.write(`  notice: ${visibleControls(line)}\n`);
}

/** One line per run and kind of notice: a run of overlapping pages can hold thousands of duplicate IDs. */
function noticeLines(notices: LoadSummary['notices']): string[] {
  const groups = new Map<string, LoadSummary['notices']>();
  for (const notice of notices) {
    const group = `${notice.runKey ?? ''}\0${notice.kind}`;
    groups.set(group, [...(groups.get(group) ?? []), notice]);
  }
  return [...groups.values()].map(([first, ...more]) =>
    more.length === 0 ? first.message : `${first.message} (and ${more.length} more like it in this run: see the load_errors view)`,
  );
}

/** Nothing loaded and every run refused for holding no records: nothing the source lists was usable. */
function nothingUsable(summary: LoadSummary): boolean {
  const usable = summary.runsLoaded + summary.runsReloaded + summary.runsUnchanged + summary.streams.objectsLoaded + summary.streams.objectsUnchanged;
  return usable === 0 && summary.failures.length > 0 && summary.failures.every((f) => f.kind === 'no-records');
}

export const loadCommand: Command = {
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        db: { type: 'string', default: defaults.db },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        profile: { type: 'string' },
        concurrency: { type: 'string' },
        cache: { type: 'string' },
        'memory-limit': { type: 'string' },
        threads: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
      },
      usage,
    );
    if (positionals.length !== 1) throw new UsageError(`load takes one source\n\n${usage}`);
    const progress = progressReporter(process.stderr, values.quiet ? 'quiet' : 'auto');
    let summary: LoadSummary;
    try {
      summary = await loadSnapshots({
        source: positionals[0],
        db: values.db as string,
        endpoint: values.endpoint as string | undefined,
        region: values.region as string | undefined,
        profile: values.profile as string | undefined,
        concurrency: positiveInteger(values.concurrency as string | undefined, '--concurrency'),
        cacheDir: values.cache as string | undefined,
        memoryLimit: values['memory-limit'] as string | undefined,
        threads: positiveInteger(values.threads as string | undefined, '--threads'),
        onProgress: progress,
      });
    } finally {
      progress.finish();
    }
    if (!values.quiet) printSummary(summary, process.stdout);
    const objectsFailed = summary.streams.objectsFailed;
    if (summary.runsFailed + objectsFailed > 0) {
      for (const f of summary.failures) process.stderr.write(`error: ${visibleControls(f.message)}\n`);
      const failedParts = [
        summary.runsFailed > 0 ? `${summary.runsFailed} of ${summary.runsListed} runs` : null,
        objectsFailed > 0 ? `${objectsFailed} of ${objectsFailed + summary.streams.objectsLoaded} event archive objects` : null,
      ].filter((part) => part !== null);
      process.stderr.write(`${failedParts.join(' and ')} failed to load; fix the files and run load again\n`);
      return nothingUsable(summary) ? ExitCode.nothingUsable : ExitCode.failed;
    }
    return 0;
  },
};
