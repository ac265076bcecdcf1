export type Granularity = 'year' | 'month' | 'day' | 'hour' | 'minute';

/** Where a file sits in an AppFlow export tree, read off its key. */
export interface ExportFileKey {
  key: string;
  /**
   * The flow folder's path under the root, its `bucketPrefix` included (`appflow/ws-computers`), or the root's name
   * when the root is the flow folder: two flows of one name under two prefixes are two flows.
   */
  flowName: string;
  schemaVersion: number | null;
  /** UTC period named by the date folders, null when the key has none. */
  period: { start: Date; end: Date; granularity: Granularity } | null;
  executionId: string | null;
  /** The run folder's path under the root: the execution-id folder, else the deepest date folder. */
  runKey: string;
  /** The run's identity: the execution id, else the run folder's path. */
  snapshotId: string;
  partitions: Record<string, string | null>;
  fileName: string;
}

export type KeyReading = { kind: 'file'; file: ExportFileKey } | { kind: 'skip'; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCHEMA_VERSION = /^schemaVersion_(\d+)$/;
const HIVE_PARTITION = /^([^=]+)=(.*)$/;
const DATE_FOLDERS: { pattern: RegExp; granularity: Granularity; min: number; max: number }[] = [
  { pattern: /^\d{4}$/, granularity: 'year', min: 1970, max: 9999 },
  { pattern: /^\d{2}$/, granularity: 'month', min: 1, max: 12 },
  { pattern: /^\d{2}$/, granularity: 'day', min: 1, max: 31 },
  { pattern: /^\d{2}$/, granularity: 'hour', min: 0, max: 23 },
  { pattern: /^\d{2}$/, granularity: 'minute', min: 0, max: 59 },
];

export function periodOf(parts: number[]): { start: Date; end: Date; granularity: Granularity } {
  const [year, month = 1, day = 1, hour = 0, minute = 0] = parts;
  const start = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const end = new Date(start);
  const granularity = DATE_FOLDERS[parts.length - 1].granularity;
  if (granularity === 'year') end.setUTCFullYear(year + 1);
  else if (granularity === 'month') end.setUTCMonth(month);
  else if (granularity === 'day') end.setUTCDate(day + 1);
  else if (granularity === 'hour') end.setUTCHours(hour + 1);
  else end.setUTCMinutes(minute + 1);
  return { start, end, granularity };
}

/** The date parts named by `segments[from..to)`, or null unless all of them are date folders of a real date. */
function readDateFolders(segments: string[], from: number, to: number): number[] | null {
  const parts: number[] = [];
  for (let i = from; i < to; i++) {
    // dateFoldersEndingAt never asks for more folders than DATE_FOLDERS has rules.
    const rule = DATE_FOLDERS[parts.length];
    if (!rule.pattern.test(segments[i])) return null;
    const value = Number(segments[i]);
    if (value < rule.min || value > rule.max) return null;
    parts.push(value);
  }
  if (parts.length >= 3 && new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).getUTCDate() !== parts[2]) return null;
  return parts;
}

/** The longest run of date folders (year first) that ends right before `end`. */
function dateFoldersEndingAt(segments: string[], end: number): { from: number; parts: number[] } {
  // Stryker disable next-line MethodExpression,EqualityOperator: starting lower or ending at an empty run reads only folders that are no date, to the same result.
  for (let from = Math.max(0, end - DATE_FOLDERS.length); from < end; from++) {
    const parts = readDateFolders(segments, from, end);
    if (parts !== null) return { from, parts };
  }
  return { from: end, parts: [] };
}

const skip = (reason: string): KeyReading => ({ kind: 'skip', reason });

/** A Hive value as written, when it is not valid percent-encoding (a literal `%` AppFlow did not escape). */
function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Reads a key (relative to the source root) in any AppFlow layout, under a `bucketPrefix` of any depth:
 * `[<prefix>/]<flow>/<execution-id>/<file>`,
 * `[<prefix>/]<flow>/schemaVersion_<n>/<YYYY>/<MM>/<DD>[/<HH>[/<mm>]]/<execution-id>/[<Field>=<value>/…]<file>`,
 * `[<prefix>/]<flow>/<YYYY>/<MM>/<DD>/<HH>/…<file>`.
 * The run folder is the last folder above the Hive partitions; the flow folder is the one above the run's
 * execution-id, date and schema folders. When nothing is above them, the root is the flow: `rootName` names it.
 */
export function readExportKey(key: string, rootName: string): KeyReading {
  if (key.endsWith('/')) return skip('folder marker');
  const segments = key.split('/').filter((s) => s !== '');
  if (segments.length === 0) return skip('empty key');
  const fileName = segments[segments.length - 1];
  let runEnd = segments.length - 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: segments[-1] is undefined, which no pattern matches.
  while (runEnd > 0 && HIVE_PARTITION.test(segments[runEnd - 1])) runEnd--;
  if (runEnd === 0) return skip('not inside a flow run folder');

  const executionId = UUID.test(segments[runEnd - 1]) ? segments[runEnd - 1].toLowerCase() : null;
  const datesEnd = executionId === null ? runEnd : runEnd - 1;
  const dates = dateFoldersEndingAt(segments, datesEnd);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: segments[-1] is undefined, which no pattern matches.
  if (dates.parts.length === 0 && datesEnd > 0 && /^\d+$/.test(segments[datesEnd - 1])) {
    return skip('date folders that name no real date');
  }
  let flowEnd = dates.from;
  let schemaVersion: number | null = null;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: segments[-1] is undefined, which no pattern matches.
  const version = flowEnd > 0 ? SCHEMA_VERSION.exec(segments[flowEnd - 1]) : null;
  if (version) {
    schemaVersion = Number(version[1]);
    flowEnd--;
  }
  if (executionId === null) {
    if (dates.parts.length === 0) return skip('not in an execution-id or date folder');
    if (schemaVersion !== null) return skip('no execution-id folder under the date folders');
    if (dates.parts.length < 3) return skip('date folders too coarse to tell runs apart');
  }
  if (flowEnd === 0 && rootName === '') return skip('not inside a flow folder');
  const flowName = flowEnd === 0 ? rootName : segments.slice(0, flowEnd).join('/');
  const period = dates.parts.length > 0 ? periodOf(dates.parts) : null;
  const runKey = segments.slice(0, runEnd).join('/');

  const partitions: Record<string, string | null> = {};
  for (const segment of segments.slice(runEnd, -1)) {
    const [, field, value] = HIVE_PARTITION.exec(segment)!;
    partitions[decodeOrKeep(field)] = value === 'null' ? null : decodeOrKeep(value);
  }
  const snapshotId = executionId ?? (flowEnd === 0 ? `${flowName}/${runKey}` : runKey);
  return { kind: 'file', file: { key, flowName, schemaVersion, period, executionId, runKey, snapshotId, partitions, fileName } };
}
