import { createHash } from 'node:crypto';
import { readExportKey, type ExportFileKey } from '../source/layout';
import type { SourceObject } from '../source/types';

export interface PlannedFile {
  object: SourceObject;
  key: ExportFileKey;
}

/** The files of one flow run, as listed. */
export interface RunPlan {
  snapshotId: string;
  flowName: string;
  runKey: string;
  schemaVersion: number | null;
  period: ExportFileKey['period'];
  files: PlannedFile[];
  lastModified: Date;
  bytes: number;
  /** Changes when any file of the run is added, removed or rewritten. */
  signature: string;
}

export interface SkippedObject {
  key: string;
  reason: string;
}

/** Groups listed objects into runs by the AppFlow key layouts; anything else is skipped with its reason. */
export function planRuns(objects: SourceObject[], rootName: string): { runs: RunPlan[]; skipped: SkippedObject[] } {
  const byRun = new Map<string, PlannedFile[]>();
  const skipped: SkippedObject[] = [];
  for (const object of objects) {
    if (object.size === 0) {
      skipped.push({ key: object.key, reason: object.key.endsWith('/') ? 'folder marker' : 'empty file' });
      continue;
    }
    const reading = readExportKey(object.key, rootName);
    if (reading.kind === 'skip') {
      skipped.push({ key: object.key, reason: reading.reason });
      continue;
    }
    const id = `${reading.file.flowName}\0${reading.file.snapshotId}`;
    const files = byRun.get(id) ?? [];
    files.push({ object, key: reading.file });
    byRun.set(id, files);
  }
  const runs = [...byRun.values()].map(toRunPlan);
  runs.sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || (a.runKey < b.runKey ? -1 : 1));
  return { runs, skipped };
}

function toRunPlan(files: PlannedFile[]): RunPlan {
  files.sort((a, b) => (a.object.key < b.object.key ? -1 : 1));
  const first = files[0].key;
  const digest = createHash('sha256');
  for (const f of files) digest.update(f.object.key).update('\0').update(f.object.etag).update('\0');
  return {
    snapshotId: first.snapshotId,
    flowName: first.flowName,
    runKey: first.runKey,
    schemaVersion: first.schemaVersion,
    period: first.period,
    files,
    lastModified: new Date(Math.max(...files.map((f) => wholeSeconds(f.object.lastModified)))),
    bytes: files.reduce((n, f) => n + f.object.size, 0),
    signature: digest.digest('hex'),
  };
}

/** S3 keeps LastModified to the second (some servers report milliseconds, mirrors keep seconds): compare alike. */
function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}
