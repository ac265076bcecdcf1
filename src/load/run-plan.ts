import { createHash } from 'node:crypto';
import { readExportKey, type ExportFileKey, type KeyReading } from '../source/layout';
import type { SourceObject } from '../source/types';
import { isUnreadable } from '../source/unreadable-entry';
import type { LoadNotice } from './load-notice';

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

export interface RunPlanning {
  runs: RunPlan[];
  skipped: SkippedObject[];
  /** Run folders left out because another folder holds the same execution id. */
  notices: LoadNotice[];
  /** Of the skipped, the objects that sit in no run folder: a stream's archive objects may be among them. */
  loose: { object: SourceObject; reason: string }[];
}

/**
 * Groups listed objects into runs, one per run folder, by the AppFlow key layouts; anything else is skipped with
 * its reason. An entry the source could not read joins the run it sits in (whose fetch then fails, naming it).
 */
export function planRuns(objects: SourceObject[], rootName: string): RunPlanning {
  const byFolder = new Map<string, PlannedFile[]>();
  const skipped: SkippedObject[] = [];
  const loose: RunPlanning['loose'] = [];
  for (const object of objects) {
    // An empty file inside a run folder stays with its run (sniffing skips it), so a run of empty files is refused
    // rather than never seen.
    if (object.skip !== undefined) {
      skipped.push({ key: object.key, reason: object.skip });
      continue;
    }
    if (object.size === 0 && object.key.endsWith('/')) {
      skipped.push({ key: object.key, reason: 'folder marker' });
      continue;
    }
    const reading = readObjectKey(object, rootName);
    if (reading.kind === 'skip') {
      skipped.push({ key: object.key, reason: isUnreadable(object) ? object.unreadable : reading.reason });
      if (!isUnreadable(object)) loose.push({ object, reason: reading.reason });
      continue;
    }
    const files = byFolder.get(reading.file.runKey) ?? [];
    files.push({ object, key: reading.file });
    byFolder.set(reading.file.runKey, files);
  }
  const { runs, notices } = oneFolderPerExecutionId([...byFolder.values()].map(toRunPlan));
  runs.sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || (a.runKey < b.runKey ? -1 : 1));
  return { runs, skipped, notices, loose };
}

/** An unreadable entry may be a folder: it belongs to the run it would hold files of, else to the one it sits in. */
function readObjectKey(object: SourceObject, rootName: string): KeyReading {
  if (isUnreadable(object)) {
    const asFolder = readExportKey(`${object.key}/-`, rootName);
    if (asFolder.kind === 'file') return { kind: 'file', file: { ...asFolder.file, key: object.key, fileName: object.key.split('/').pop()! } };
  }
  return readExportKey(object.key, rootName);
}

/**
 * Keeps one run per execution id when several folders hold it (a run copied under a second prefix or date): the
 * copy with the latest LastModified, ties to the first folder by key, so every load picks the same one.
 */
function oneFolderPerExecutionId(plans: RunPlan[]): { runs: RunPlan[]; notices: LoadNotice[] } {
  const chosen = new Map<string, RunPlan>();
  const others: RunPlan[] = [];
  for (const plan of plans) {
    const held = chosen.get(plan.snapshotId);
    if (held === undefined) {
      chosen.set(plan.snapshotId, plan);
      continue;
    }
    const later = plan.lastModified.getTime() - held.lastModified.getTime();
    const wins = later > 0 || (later === 0 && plan.runKey < held.runKey);
    chosen.set(plan.snapshotId, wins ? plan : held);
    others.push(wins ? held : plan);
  }
  const notices = others.map((other): LoadNotice => {
    const kept = chosen.get(other.snapshotId)!;
    return {
      kind: 'same-execution-id',
      runKey: kept.runKey,
      fileKey: null,
      line: null,
      message: `execution id ${other.snapshotId} is in two folders: loaded ${kept.runKey} (${keptWhy(kept, other)}), left out ${other.runKey}`,
    };
  });
  return { runs: [...chosen.values()], notices };
}

function keptWhy(kept: RunPlan, other: RunPlan): string {
  return kept.lastModified.getTime() > other.lastModified.getTime() ? 'its files are newer' : 'same time, first by key';
}

function toRunPlan(files: PlannedFile[]): RunPlan {
  files.sort((a, b) => (a.object.key < b.object.key ? -1 : 1));
  const first = files[0].key;
  const digest = createHash('sha256');
  for (const f of files) digest.update(f.object.key).update('\0').update(f.object.etag).update('\0');
  // An unreadable entry's time is its link's or folder's, not the export's: it counts only when nothing else tells.
  const readable = files.filter((f) => !isUnreadable(f.object));
  const timed = readable.length > 0 ? readable : files;
  return {
    snapshotId: first.snapshotId,
    flowName: first.flowName,
    runKey: first.runKey,
    schemaVersion: first.schemaVersion,
    period: first.period,
    files,
    lastModified: new Date(Math.max(...timed.map((f) => wholeSeconds(f.object.lastModified)))),
    bytes: files.reduce((n, f) => n + f.object.size, 0),
    signature: digest.digest('hex'),
  };
}

/** S3 keeps LastModified to the second (some servers report milliseconds, mirrors keep seconds): compare alike. */
function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}
