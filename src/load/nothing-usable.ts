import { ExitCode, FleetkitError } from '../errors';
import type { SkippedObject } from './run-plan';

const expected =
  'expected AppFlow run folders under any prefix: <flow>/<execution-id>/<file>, ' +
  '<flow>/schemaVersion_<n>/<YYYY>/<MM>/<DD>[/<HH>[/<mm>]]/<execution-id>/<file> or <flow>/<YYYY>/<MM>/<DD>/<HH>/<file>, ' +
  'or event archives (SNS messages or arrays of events, as Firehose or Lambda writes them)';

/** The refusal of a source where no listed object is in a run folder: what it saw, then what it expected. */
export function nothingUsable(sourceUri: string, listed: number, skipped: SkippedObject[]): FleetkitError {
  if (listed === 0) return new FleetkitError(`${sourceUri}: lists no objects; ${expected}`, ExitCode.nothingUsable);
  const reasons = new Map<string, number>();
  for (const s of skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const top = [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  const seen = top.map(([reason, count]) => `${count} × ${reason}`).join(', ');
  const objects = listed === 1 ? '1 object' : `${listed} objects`;
  return new FleetkitError(`${sourceUri}: ${objects} listed, none in a flow run folder nor an event archive (${seen}); ${expected}`, ExitCode.nothingUsable);
}
