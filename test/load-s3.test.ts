import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleData, type WriteSampleOptions } from '../src/sample/write';
import { openStore } from '../src/store/store';
import { runCli, runProgram, type Finished } from './helpers/cli';
import { startS3Server, type S3TestServer } from './helpers/s3-server';
import { tempDir } from './helpers/tree';

const BUCKET = 'appflow-exports';
const AWS = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';

/** Each variant is its own prefix (its flows keep AppFlow's names), in a different layout and format. */
const VARIANTS: (Omit<WriteSampleOptions, 'outDir'> & { name: string })[] = [
  { name: 'default-json-lines', computers: 60, weeks: 36, seed: 11, layout: 'default', format: 'json', filesPerRun: 20 },
  { name: 'partitioned-csv', computers: 30, weeks: 6, seed: 12, layout: 'partitioned', format: 'csv', filesPerRun: 2, schemaV2FromWeek: 3 },
  { name: 'dated-json-array', computers: 30, weeks: 6, seed: 13, layout: 'dated', format: 'json-array' },
  { name: 'partitioned-parquet', computers: 30, weeks: 6, seed: 14, layout: 'partitioned', format: 'parquet', missingWeeks: [2] },
  { name: 'partitioned-parquet-strings', computers: 30, weeks: 6, seed: 15, layout: 'partitioned', format: 'parquet-strings' },
];

const noProfile = { AWS_PROFILE: undefined, AWS_DEFAULT_PROFILE: undefined, AWS_ENDPOINT_URL: undefined, AWS_ENDPOINT_URL_S3: undefined };

let server: S3TestServer;
const firstLoads = new Map<string, Finished & { db: string }>();
let work: string;

async function aws(args: string[]) {
  const result = await runProgram(AWS, ['--endpoint-url', server.endpoint, ...args], {
    env: { ...server.env, ...noProfile, AWS_PAGER: '' },
  });
  if (result.status !== 0) throw new Error(`aws ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function loadS3(prefix: string, db: string, extra: string[] = [], cache = join(work, 'cache')) {
  return runCli(['load', `s3://${BUCKET}/${prefix}`, '--db', db, '--endpoint', server.endpoint, '--cache', cache, ...extra], {
    env: { ...server.env, ...noProfile },
  });
}

async function snapshotRows(db: string) {
  const store = await openStore(db);
  try {
    const snapshots = await store.query(
      'SELECT snapshot_id, object, flow_name, snapshot_at, time_source, schema_version, file_count, row_count FROM snapshots ORDER BY snapshot_id',
    );
    const records = await store.query('SELECT snapshot_id, count(*) AS n, bit_xor(hash(record::VARCHAR)) AS digest FROM fk_records GROUP BY 1 ORDER BY 1');
    return { snapshots: snapshots.rows, records: records.rows };
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  work = tempDir('s3-load');
  server = await startS3Server();
  await server.createBucket(BUCKET);
  for (const { name, ...options } of VARIANTS) {
    await writeSampleData({ ...options, outDir: join(work, 'generated', name) });
  }
  await aws(['s3', 'cp', '--recursive', '--only-show-errors', join(work, 'generated'), `s3://${BUCKET}/`]);
  await server.putObject(BUCKET, 'default-json-lines/README.md', '# AppFlow exports of Workload Security\n');
  await server.putObject(BUCKET, 'default-json-lines/ws-computers/', '');
  await aws(['s3', 'sync', '--only-show-errors', `s3://${BUCKET}/`, join(work, 'mirror')]);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe('loading AppFlow exports from S3 (fauxqs on loopback, uploaded and mirrored by awscli)', () => {
  it.each(VARIANTS.map((v) => v.name))('%s: S3 and its `aws s3 sync` mirror give identical snapshots and records', async (name) => {
    const s3Db = join(work, `${name}-s3.duckdb`);
    const folderDb = join(work, `${name}-folder.duckdb`);
    const viaS3 = await loadS3(name, s3Db);
    expect(viaS3.stderr).not.toMatch(/failed|error/);
    expect(viaS3.status).toBe(0);
    firstLoads.set(name, { ...viaS3, db: s3Db });
    const viaFolder = await runCli(['load', join(work, 'mirror', name), '--db', folderDb, '--quiet']);
    expect(viaFolder.status).toBe(0);

    const fromS3 = await snapshotRows(s3Db);
    const fromFolder = await snapshotRows(folderDb);
    expect(fromS3.snapshots.length).toBeGreaterThan(0);
    expect(fromS3).toEqual(fromFolder);
    const variant = VARIANTS.find((v) => v.name === name)!;
    const expectedRuns = 2 * (variant.weeks - (variant.missingWeeks?.length ?? 0));
    expect(fromS3.snapshots).toHaveLength(expectedRuns);
    if (variant.layout === 'partitioned') {
      // A run is no older than the newest communication its computers show, which may place it after its date folder's start.
      expect(fromS3.snapshots.every((s) => s.time_source === 'partition' || s.time_source === 'records')).toBe(true);
    }
  });

  it('lists more than 1,000 keys, skips the README and the folder key, and a second load loads nothing', async () => {
    const first = firstLoads.get('default-json-lines');
    if (first === undefined) throw new Error('the default-json-lines variant must load first');
    const generated = (await readdir(join(work, 'generated', 'default-json-lines'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const files = generated.length;
    const empty = (await Promise.all(generated.map((e) => stat(join(e.parentPath, e.name))))).filter((s) => s.size === 0).length;
    expect(files + 2).toBeGreaterThan(1000);
    expect(first.stderr).toContain(`listed ${files + 2} objects: 72 runs, 72 to load`);
    expect(first.stdout).toMatch(new RegExp(`^72 runs loaded, 0 unchanged, .* ${files - empty} files downloaded, ${empty + 2} objects skipped`));
    expect(first.stdout).toContain('skipped 1 × folder marker');
    expect(first.stdout).toContain('skipped 1 × not inside a flow run folder');
    const second = await loadS3('default-json-lines', first.db);
    expect(second.stdout).toMatch(/^0 runs loaded, 72 unchanged, 0 rows, .* 0 files downloaded/);
  });

  it('reloads only the run whose object changed, and fails only the run with a malformed object', async () => {
    const db = join(work, 'changes.duckdb');
    expect((await loadS3('dated-json-array', db, ['--quiet'])).status).toBe(0);
    const keys = (await aws(['s3', 'ls', '--recursive', `s3://${BUCKET}/dated-json-array/ws-computers/`]))
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/).slice(3).join(' '))
      .sort();
    await server.putObject(BUCKET, keys[0], JSON.stringify([{ ID: 1, hostName: 'replaced', agentVersion: '0.0.0.0' }]));
    await server.putObject(BUCKET, keys[1], '[{"ID": 2, "hostName": "broken"},\n{"ID": 3 "hostName": "x"}]');

    const again = await loadS3('dated-json-array', db);
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/0 runs loaded, 1 reloaded, 10 unchanged, 1 failed/);
    expect(again.stderr).toContain(`error: s3://${BUCKET}/${keys[1]} line 2: expected "," or "}"`);
    expect(again.stderr).toContain('1 of 12 runs failed to load');

    const store = await openStore(db);
    try {
      const replaced = await store.query(`SELECT count(*) AS n, any_value(record->>'$.hostName') AS host FROM fk_records r JOIN fk_files f USING (snapshot_id) WHERE f.file_key = $key`, { key: keys[0].replace('dated-json-array/', '') });
      expect(replaced.rows).toEqual([{ n: 1, host: 'replaced' }]);
      const broken = await store.query('SELECT count(*) AS n FROM fk_files WHERE file_key = $key', { key: keys[1].replace('dated-json-array/', '') });
      expect(broken.rows).toEqual([{ n: 1 }]);
    } finally {
      store.close();
    }
  });
});
