import type { GeneratedRun } from './fleet';

/**
 * AppFlow's S3 key layouts:
 * - `default`: `<flow>/<executionId>/<file>`
 * - `partitioned`: `<flow>/schemaVersion_<n>/<YYYY>/<MM>/<DD>/<executionId>/<file>` (UTC day of the run)
 * - `dated`: `<flow>/<YYYY>/<MM>/<DD>/<HH>/<file>` (the older AWS-sample form, no execution id)
 */
export type SampleLayout = 'default' | 'partitioned' | 'dated';

export const SAMPLE_LAYOUTS: readonly SampleLayout[] = ['default', 'partitioned', 'dated'];

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** The `/`-separated key prefix (relative to the bucket prefix) that holds a run's files. */
export function runPrefix(layout: SampleLayout, run: GeneratedRun): string {
  const at = run.runAt;
  const day = `${at.getUTCFullYear()}/${twoDigits(at.getUTCMonth() + 1)}/${twoDigits(at.getUTCDate())}`;
  switch (layout) {
    case 'default':
      return `${run.flowName}/${run.executionId}`;
    case 'partitioned':
      return `${run.flowName}/schemaVersion_${run.schemaVersion}/${day}/${run.executionId}`;
    case 'dated':
      return `${run.flowName}/${day}/${twoDigits(at.getUTCHours())}`;
  }
}
