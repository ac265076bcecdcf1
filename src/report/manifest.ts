import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Row } from '../store/query-result';
import type { ReportLanguage } from './messages';
import type { ReportData } from './report-data';

export interface ManifestFile {
  /** Relative to the report folder, `/`-separated. */
  path: string;
  bytes: number;
  sha256: string;
}

/** What an auditor needs to trace the report back to the exports: files and digests, runs, baseline, version. */
export interface ReportManifest {
  fleetkit_version: string;
  generated_at: string;
  quarter: string;
  period: { start: string; end: string };
  as_of: string;
  partial: boolean;
  lang: ReportLanguage;
  store: string;
  baseline: { name: string; file: string; sha256: string; content: unknown };
  snapshots: { snapshot_id: string; object: string; flow_name: string; snapshot_at: string; roles: string[] }[];
  files: ManifestFile[];
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export interface ManifestInput {
  data: ReportData;
  outDir: string;
  /** Files to list, relative to `outDir`. */
  files: string[];
  lang: ReportLanguage;
  partial: boolean;
  generatedAt: Date;
  version: string;
  storePath: string;
}

/** Writes `manifest.json` into the report folder and returns its path. */
export async function writeManifest(input: ManifestInput): Promise<string> {
  const { data } = input;
  const files: ManifestFile[] = [];
  for (const path of input.files) {
    const full = join(input.outDir, path);
    files.push({ path, bytes: statSync(full).size, sha256: await sha256File(full) });
  }
  const manifest: ReportManifest = {
    fleetkit_version: input.version,
    generated_at: input.generatedAt.toISOString(),
    quarter: data.quarter.label,
    period: { start: data.quarter.start.toISOString(), end: data.quarter.end.toISOString() },
    as_of: data.current.asOf,
    partial: input.partial,
    lang: input.lang,
    store: input.storePath,
    baseline: {
      name: data.baseline.name,
      file: data.baseline.file,
      sha256: createHash('sha256').update(data.baseline.text).digest('hex'),
      content: JSON.parse(data.baseline.text),
    },
    snapshots: data.snapshotsUsed.map(snapshotEntry),
    files,
  };
  const path = join(input.outDir, 'manifest.json');
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

function snapshotEntry(row: Row): ReportManifest['snapshots'][number] {
  return {
    snapshot_id: String(row.snapshot_id),
    object: String(row.object),
    flow_name: String(row.flow_name),
    snapshot_at: (row.snapshot_at as Date).toISOString(),
    roles: (row.roles as string[]) ?? [],
  };
}
