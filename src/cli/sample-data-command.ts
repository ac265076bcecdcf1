import { COMMITTED_SAMPLE_OPTIONS } from '../sample/committed';
import { SAMPLE_LAYOUTS, type SampleLayout } from '../sample/layouts';
import { SAMPLE_FORMATS, writeSampleData, type SampleFormat } from '../sample/write';
import { formatBytes } from '../load/progress';
import { parseCommandArgs, positiveInteger, UsageError, type Command } from './command';


const usage = `Usage: fleetkit sample-data --out DIR [--computers N] [--weeks W] [--seed S]
                            [--format json|json-array|csv|parquet|parquet-strings]
                            [--layout default|partitioned|dated] [--files-per-run N]

Writes a deterministic, realistic fleet in AppFlow's S3 layout: weekly runs of a Computers flow and a Policies flow.
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
    });
    process.stdout.write(`${JSON.stringify(summary, (_k, v) => (typeof v === 'number' && _k === 'bytes' ? formatBytes(v) : v), 2)}\n`);
    return 0;
  },
};
