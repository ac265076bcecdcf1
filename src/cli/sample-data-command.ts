import { COMMITTED_SAMPLE_OPTIONS } from '../sample/committed';
import { SAMPLE_LAYOUTS, type SampleLayout } from '../sample/layouts';
import { SAMPLE_FORMATS, writeSampleData, type SampleFormat } from '../sample/write';
import { formatBytes } from '../load/progress';
import { parseCommandArgs, positiveInteger, UsageError, type Command } from './command';


const usage = `Usage: fleetkit sample-data --out DIR [--computers N] [--weeks W] [--seed S]
                            [--format json|json-array|csv|parquet|parquet-strings]
                            [--layout default|partitioned|dated] [--files-per-run N]
                            [--event-days D] [--events-per-host-day N]

Writes a deterministic, realistic fleet in AppFlow's S3 layout: weekly runs of a Computers flow and a Policies flow,
and the archive of its security and system events over the last D days as SNS → Firehose writes it (0: none).
Defaults are those of the bundled sample-data/ tree.`;

export const sampleDataCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        out: { type: 'string' },
        computers: { type: 'string' },
        weeks: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        layout: { type: 'string' },
        'files-per-run': { type: 'string' },
        'event-days': { type: 'string' },
        'events-per-host-day': { type: 'string' },
      },
      usage,
    );
    if (values.out === undefined) throw new UsageError(`sample-data needs --out DIR\n\n${usage}`);
    const format = (values.format ?? COMMITTED_SAMPLE_OPTIONS.format) as SampleFormat;
    if (!SAMPLE_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${SAMPLE_FORMATS.join(', ')}, got "${format}"`);
    const layout = (values.layout ?? COMMITTED_SAMPLE_OPTIONS.layout) as SampleLayout;
    if (!SAMPLE_LAYOUTS.includes(layout)) throw new UsageError(`--layout must be one of ${SAMPLE_LAYOUTS.join(', ')}, got "${layout}"`);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
    const summary = await writeSampleData({
      ...COMMITTED_SAMPLE_OPTIONS,
      outDir: values.out as string,
      computers: positiveInteger(values.computers as string | undefined, '--computers') ?? COMMITTED_SAMPLE_OPTIONS.computers,
      weeks: positiveInteger(values.weeks as string | undefined, '--weeks') ?? COMMITTED_SAMPLE_OPTIONS.weeks,
      seed: seed ?? COMMITTED_SAMPLE_OPTIONS.seed,
      format,
      layout,
      filesPerRun: positiveInteger(values['files-per-run'] as string | undefined, '--files-per-run') ?? COMMITTED_SAMPLE_OPTIONS.filesPerRun,
      eventDays: wholeNumber(values['event-days'] as string | undefined, '--event-days') ?? COMMITTED_SAMPLE_OPTIONS.eventDays,
      eventsPerHostDay: positiveInteger(values['events-per-host-day'] as string | undefined, '--events-per-host-day') ?? COMMITTED_SAMPLE_OPTIONS.eventsPerHostDay,
    });
    process.stdout.write(`${JSON.stringify(summary, (_k, v) => (typeof v === 'number' && _k === 'bytes' ? formatBytes(v) : v), 2)}\n`);
    return 0;
  },
};

/** A whole number of zero or more, or undefined when the option is not given. */
function wholeNumber(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} must be a whole number of zero or more, got "${text}"`);
  return Number(text);
}
