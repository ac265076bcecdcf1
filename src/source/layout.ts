export type Granularity = 'year' | 'month' | 'day' | 'hour' | 'minute';

/** Where a file sits in an AppFlow export tree, read off its key. */
export interface ExportFileKey {
  key: string;
  flowName: string;
  schemaVersion: number | null;
  /** UTC period named by the date folders, null when the key has none. */
  period: { start: Date; end: Date; granularity: Granularity } | null;
  executionId: string | null;
  /** Key prefix shared by every file of the run (the execution-id folder, else the deepest date folder). */
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

function isFlowStart(segment: string): boolean {
  return UUID.test(segment) || SCHEMA_VERSION.test(segment) || DATE_FOLDERS[0].pattern.test(segment);
}

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

function readDateFolders(segments: string[], from: number): number[] {
  const parts: number[] = [];
  for (let i = from; i < segments.length - 1 && parts.length < DATE_FOLDERS.length; i++) {
    const rule = DATE_FOLDERS[parts.length];
    if (!rule.pattern.test(segments[i])) break;
    const value = Number(segments[i]);
    if (value < rule.min || value > rule.max) break;
    parts.push(value);
  }
  if (parts.length >= 3 && new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).getUTCDate() !== parts[2]) {
    return parts.slice(0, 2);
  }
  return parts;
}

/**
 * Reads a key (relative to the source root) in any AppFlow layout:
 * `<flow>/<execution-id>/<file>`,
 * `<flow>/schemaVersion_<n>/<YYYY>/<MM>/<DD>[/<HH>[/<mm>]]/<execution-id>/[<Field>=<value>/…]<file>`,
 * `<flow>/<YYYY>/<MM>/<DD>/<HH>/…<file>`.
 * When the root is itself a flow folder, `rootName` stands for the flow name.
 */
export function readExportKey(key: string, rootName: string): KeyReading {
  if (key.endsWith('/')) return { kind: 'skip', reason: 'folder marker' };
  const segments = key.split('/').filter((s) => s !== '');
  if (segments.length === 0) return { kind: 'skip', reason: 'empty key' };
  const flowStart = isFlowStart(segments[0]) && rootName !== '' ? 0 : 1;
  const flowName = flowStart === 0 ? rootName : segments[0];
  let at = flowStart;
  const fileName = segments[segments.length - 1];
  if (at >= segments.length - 1) return { kind: 'skip', reason: 'not inside a flow run folder' };

  let schemaVersion: number | null = null;
  const version = SCHEMA_VERSION.exec(segments[at]);
  if (version) {
    schemaVersion = Number(version[1]);
    at++;
  }
  const dateParts = readDateFolders(segments, at);
  if (dateParts.length > 0 && dateParts.length < 3 && schemaVersion === null && !UUID.test(segments[at + dateParts.length] ?? '')) {
    return { kind: 'skip', reason: 'date folders too coarse to tell runs apart' };
  }
  at += dateParts.length;
  const period = dateParts.length > 0 ? periodOf(dateParts) : null;

  let executionId: string | null = null;
  if (at < segments.length - 1 && UUID.test(segments[at])) {
    executionId = segments[at].toLowerCase();
    at++;
  } else if (period === null) {
    return { kind: 'skip', reason: 'no execution-id or date folder' };
  } else if (schemaVersion !== null) {
    return { kind: 'skip', reason: 'no execution-id folder under the date folders' };
  }
  const runKey = segments.slice(0, at).join('/');

  const partitions: Record<string, string | null> = {};
  for (; at < segments.length - 1; at++) {
    const partition = HIVE_PARTITION.exec(segments[at]);
    if (!partition) return { kind: 'skip', reason: `unexpected folder "${segments[at]}" inside run ${runKey}` };
    partitions[decodeURIComponent(partition[1])] = partition[2] === 'null' ? null : decodeURIComponent(partition[2]);
  }
  const snapshotId = executionId ?? (flowStart === 0 ? `${flowName}/${runKey}` : runKey);
  return { kind: 'file', file: { key, flowName, schemaVersion, period, executionId, runKey, snapshotId, partitions, fileName } };
}
