import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, FleetkitError } from '../src/errors';
import { loadSnapshots } from '../src/load/load-snapshots';
import { planRuns } from '../src/load/run-plan';
import { openStore } from '../src/store/store';
import { CLI, runCli, runProgram } from './helpers/cli';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

const E = (n: number) => `${String(n).repeat(8)}-${String(n).repeat(4)}-4${String(n).repeat(3)}-8${String(n).repeat(3)}-${String(n).repeat(12)}`;
const T = new Date('2026-03-14T09:00:00Z');

const computers = (...ids: number[]) => jsonLines(ids.map((id) => ({ ID: id, hostName: `host-${id}`, agentVersion: '20.0.1-100' })));

async function storeRows(db: string, sql: string) {
  const store = await openStore(db);
  try {
    return (await store.query(sql)).rows;
  } finally {
    store.close();
  }
}

const loadedRuns = (db: string) =>
  storeRows(db, 'SELECT snapshot_id, flow_name, run_key, row_count FROM snapshots ORDER BY snapshot_id');

describe('finding flows under a bucket root', () => {
  it('finds flow folders under a bucketPrefix of any depth, and tells same-named flows under two prefixes apart', async () => {
    const mirror = tempDir('mirror');
    const db = join(tempDir('mirror-store'), 'fleet.duckdb');
    const expected: { snapshot_id: string; flow_name: string; run_key: string; row_count: number }[] = [];
    const put = (runKey: string, flowName: string, snapshotId: string, ids: number[]) => {
      writeKey(mirror, `${runKey}/part-0`, computers(...ids), T);
      expected.push({ snapshot_id: snapshotId, flow_name: flowName, run_key: runKey, row_count: ids.length });
    };
    writeKey(mirror, 'README.md', '# bucket\n', T);
    put(`appflow/ws-computers/${E(1)}`, 'appflow/ws-computers', E(1), [1, 2]);
    put(`security/exports/appflow/ws-inventory/schemaVersion_1/2026/03/14/${E(2)}`, 'security/exports/appflow/ws-inventory', E(2), [7]);
    put('archive/legacy-computers/2026/03/14/08', 'archive/legacy-computers', 'archive/legacy-computers/2026/03/14/08', [3, 4, 5]);
    put('tenant-a/ws-computers/2026/03/14/08', 'tenant-a/ws-computers', 'tenant-a/ws-computers/2026/03/14/08', [1]);
    put('tenant-b/ws-computers/2026/03/14/08', 'tenant-b/ws-computers', 'tenant-b/ws-computers/2026/03/14/08', [1, 2]);

    const result = await runCli(['load', mirror, '--db', db, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(await loadedRuns(db)).toEqual(expected.sort((a, b) => (a.snapshot_id < b.snapshot_id ? -1 : 1)));
  });

  it('reads a flow folder once when a symbolic link gives it a second name', async () => {
    const mirror = tempDir('alias');
    const db = join(tempDir('alias-store'), 'fleet.duckdb');
    writeKey(mirror, `ws-computers/${E(1)}/part-0`, computers(1, 2), T);
    symlinkSync(join(mirror, 'ws-computers'), join(mirror, 'alias'));
    const summary = await loadSnapshots({ source: mirror, db });
    expect(summary).toMatchObject({ runsLoaded: 1, runsFailed: 0 });
    expect(summary.skipped.map((s) => s.key)).toEqual(['alias']);
    expect(await storeRows(db, 'SELECT flow_name, row_count FROM snapshots')).toEqual([{ flow_name: 'ws-computers', row_count: 2 }]);
  });

  it('tells the object by the flow folder itself, not by a prefix above it', async () => {
    const mirror = tempDir('prefix-object');
    const db = join(tempDir('prefix-object-store'), 'fleet.duckdb');
    const policies = jsonLines([{ ID: 1, name: 'Base', parentID: null, policySettings: { x: { value: '1' } } }]);
    writeKey(mirror, `computer-exports/ws-policies/${E(1)}/part-0`, policies, T);
    writeKey(mirror, `computer-exports/tenant-x/${E(2)}/part-0`, policies, T);
    const summary = await loadSnapshots({ source: mirror, db });
    expect(summary).toMatchObject({ runsLoaded: 2, runsFailed: 0 });
    expect(await storeRows(db, 'SELECT flow_name, object FROM snapshots ORDER BY flow_name')).toEqual([
      { flow_name: 'computer-exports/tenant-x', object: 'policies' },
      { flow_name: 'computer-exports/ws-policies', object: 'policies' },
    ]);
  });

  it('still takes the root as the flow when it is one flow folder', async () => {
    const mirror = tempDir('one-flow');
    const db = join(tempDir('one-flow-store'), 'fleet.duckdb');
    writeKey(mirror, `appflow/ws-computers/${E(1)}/part-0`, computers(1, 2), T);
    writeKey(mirror, 'appflow/ws-computers/2026/03/14/08/part-0', computers(3), T);
    const summary = await loadSnapshots({ source: join(mirror, 'appflow', 'ws-computers'), db });
    expect(summary).toMatchObject({ runsLoaded: 2, runsFailed: 0 });
    expect(await loadedRuns(db)).toEqual([
      { snapshot_id: E(1), flow_name: 'ws-computers', run_key: E(1), row_count: 2 },
      { snapshot_id: 'ws-computers/2026/03/14/08', flow_name: 'ws-computers', run_key: '2026/03/14/08', row_count: 1 },
    ]);
  });
});

describe('a source with nothing usable', () => {
  it('exits 3 with one line saying what it saw and what it expected, and makes no store', async () => {
    const mirror = tempDir('unusable');
    const db = join(tempDir('unusable-store'), 'fleet.duckdb');
    const keys = ['README.md', 'notes/today.txt', 'ws-computers/2026/03/part-0', 'ws-computers/notes.txt'];
    for (const key of keys) writeKey(mirror, key, 'x\n', T);

    const result = await runCli(['load', mirror, '--db', db]);
    expect(result.status).toBe(ExitCode.nothingUsable);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${keys.length} objects listed`);
    expect(lines[0]).toContain('date folders too coarse to tell runs apart');
    expect(lines[0]).toContain('<flow>/<execution-id>/<file>');
    expect(existsSync(db)).toBe(false);
  });

  it('exits 3 for a folder that lists nothing, and the library caller gets the same error', async () => {
    const empty = tempDir('empty');
    const db = join(tempDir('empty-store'), 'fleet.duckdb');
    const result = await runCli(['load', empty, '--db', db]);
    expect(result.status).toBe(ExitCode.nothingUsable);
    expect(result.stderr).toMatch(/lists no objects; expected .*<flow>\/<execution-id>\/<file>/);

    const refusal = await loadSnapshots({ source: empty, db }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FleetkitError);
    expect((refusal as FleetkitError).exitCode).toBe(ExitCode.nothingUsable);
  });
});

describe('odd folder entries fail or skip only their own run or file', () => {
  /** Two good runs beside whatever odd entry a test adds. */
  function folderWithGoodRuns(name: string) {
    const root = tempDir(name);
    writeKey(root, `ws-computers/${E(1)}/part-0`, computers(1, 2), T);
    writeKey(root, `ws-computers/${E(2)}/part-0`, computers(1, 2, 3), T);
    return { root, db: join(tempDir(`${name}-store`), 'fleet.duckdb') };
  }
  const goodRuns = [E(1), E(2)];

  it('a dangling symbolic link in a run fails that run, naming the link; one outside runs is skipped and counted', async () => {
    const { root, db } = folderWithGoodRuns('dangling');
    writeKey(root, `ws-computers/${E(3)}/part-0`, computers(9), T);
    symlinkSync(join(root, 'gone'), join(root, 'ws-computers', E(3), 'part-1'));
    symlinkSync(join(root, 'gone-too'), join(root, 'stray.json'));

    const summary = await loadSnapshots({ source: root, db });
    expect(summary.failures).toEqual([
      { runKey: `ws-computers/${E(3)}`, fileKey: null, message: `${root}/ws-computers/${E(3)}/part-1: a dangling symbolic link (its target is missing)`, kind: 'run-failed' },
    ]);
    expect(summary.skipped).toContainEqual({ key: 'stray.json', reason: 'a dangling symbolic link (its target is missing)' });
    expect((await loadedRuns(db)).map((r) => r.snapshot_id)).toEqual(goodRuns);
    // The failed run is placed by its export's file time, not by when the link was made.
    expect(await storeRows(db, 'SELECT run_key, snapshot_at FROM fk_load_errors')).toEqual([{ run_key: `ws-computers/${E(3)}`, snapshot_at: T }]);
  });

  it('a symbolic link loop fails only its run', async () => {
    const { root, db } = folderWithGoodRuns('loop');
    const run = join(root, 'ws-computers', E(3));
    writeKey(root, `ws-computers/${E(3)}/part-0`, computers(9), T);
    symlinkSync(join(run, 'loop-b'), join(run, 'loop-a'));
    symlinkSync(join(run, 'loop-a'), join(run, 'loop-b'));

    const summary = await loadSnapshots({ source: root, db });
    expect(summary.failures.map((f) => [f.runKey, f.message])).toEqual([[`ws-computers/${E(3)}`, `${run}/loop-a: a symbolic link loop`]]);
    expect((await loadedRuns(db)).map((r) => r.snapshot_id)).toEqual(goodRuns);
  });

  it('follows a symbolic link to a run folder once, and skips a link back to a folder above it', async () => {
    const { root, db } = folderWithGoodRuns('linked');
    const elsewhere = tempDir('linked-target');
    writeKey(elsewhere, `${E(3)}/part-0`, computers(4, 5, 6, 7), T);
    symlinkSync(join(elsewhere, E(3)), join(root, 'ws-computers', E(3)));
    symlinkSync(root, join(root, 'ws-computers', 'again'));

    const summary = await loadSnapshots({ source: root, db });
    expect(summary.failures).toEqual([]);
    expect(summary.skipped).toEqual([{ key: 'ws-computers/again', reason: `a symbolic link to ${root}, a folder above it (a loop)` }]);
    expect(await loadedRuns(db)).toEqual([
      ...goodRuns.map((id, i) => ({ snapshot_id: id, flow_name: 'ws-computers', run_key: `ws-computers/${id}`, row_count: i + 2 })),
      { snapshot_id: E(3), flow_name: 'ws-computers', run_key: `ws-computers/${E(3)}`, row_count: 4 },
    ]);
  });

  // Tests run as root, whom mode 000 does not stop: the CLI runs without the capabilities that bypass file modes.
  it('a run folder that cannot be opened fails that run, naming the folder', async () => {
    const { root, db } = folderWithGoodRuns('locked');
    writeKey(root, `ws-computers/${E(3)}/part-0`, computers(9), T);
    const locked = join(root, 'ws-computers', E(3));
    chmodSync(locked, 0o000);
    try {
      const asUser = process.getuid?.() === 0
        ? runProgram('setpriv', ['--bounding-set=-dac_override,-dac_read_search', process.execPath, CLI, 'load', root, '--db', db, '--quiet'])
        : runCli(['load', root, '--db', db, '--quiet']);
      const result = await asUser;
      expect(result.status).toBe(ExitCode.failed);
      expect(result.stderr).toContain(`error: ${locked}: a folder that cannot be listed (permission denied)`);
    } finally {
      chmodSync(locked, 0o755);
    }
    expect((await loadedRuns(db)).map((r) => r.snapshot_id)).toEqual(goodRuns);
    expect(await storeRows(db, 'SELECT run_key FROM fk_load_errors')).toEqual([{ run_key: `ws-computers/${E(3)}` }]);
  });

  it('keeps a Hive partition value with a bad % escape as written', async () => {
    const { root, db } = folderWithGoodRuns('escape');
    writeKey(root, `ws-computers/schemaVersion_1/2026/03/14/${E(3)}/Field=%zz/part-0`, computers(9), T);
    const summary = await loadSnapshots({ source: root, db });
    expect(summary).toMatchObject({ runsLoaded: 3, runsFailed: 0 });
    expect(await storeRows(db, `SELECT partitions::VARCHAR AS p FROM fk_files WHERE snapshot_id = '${E(3)}'`)).toEqual([{ p: '{"Field":"%zz"}' }]);
  });
});

describe('two folders with the same execution id', () => {
  it('load one run, the copy with the latest LastModified, report the other, and never flip', async () => {
    const root = tempDir('same-id');
    const db = join(tempDir('same-id-store'), 'fleet.duckdb');
    const later = new Date(T.getTime() + 60_000);
    writeKey(root, `ws-computers/${E(1)}/part-0`, computers(1, 2), T);
    writeKey(root, `ws-computers-copy/${E(1)}/part-0`, computers(1, 2, 3), later);
    writeKey(root, `ws-computers/${E(2)}/part-0`, computers(1), T);

    const first = await loadSnapshots({ source: root, db });
    expect(first).toMatchObject({ runsListed: 2, runsLoaded: 2, runsFailed: 0 });
    expect(first.notices.filter((n) => n.kind === 'same-execution-id')).toEqual([
      expect.objectContaining({ runKey: `ws-computers-copy/${E(1)}`, message: expect.stringContaining(`ws-computers/${E(1)}`) }),
    ]);
    const stored = [
      { snapshot_id: E(1), flow_name: 'ws-computers-copy', run_key: `ws-computers-copy/${E(1)}`, row_count: 3 },
      { snapshot_id: E(2), flow_name: 'ws-computers', run_key: `ws-computers/${E(2)}`, row_count: 1 },
    ];
    expect(await loadedRuns(db)).toEqual(stored);

    for (let i = 0; i < 2; i++) {
      const again = await loadSnapshots({ source: root, db });
      expect(again).toMatchObject({ runsLoaded: 0, runsReloaded: 0, runsUnchanged: 2 });
      expect(await loadedRuns(db)).toEqual(stored);
    }
  });

  it('load a run copied under two dates or prefixes once, ties going to the first folder by key', async () => {
    const root = tempDir('same-id-dates');
    const db = join(tempDir('same-id-dates-store'), 'fleet.duckdb');
    const dated = (day: string) => `ws-computers/schemaVersion_1/2026/03/${day}/${E(1)}`;
    writeKey(root, `${dated('14')}/part-0`, computers(1, 2), T);
    writeKey(root, `${dated('15')}/part-0`, computers(1, 2), T);
    writeKey(root, `backup/ws-computers/${E(1)}/part-0`, computers(1, 2), T);

    const summary = await loadSnapshots({ source: root, db });
    expect(summary).toMatchObject({ runsListed: 1, runsLoaded: 1, rowsLoaded: 2 });
    const notices = summary.notices.filter((n) => n.kind === 'same-execution-id');
    expect(notices.map((n) => n.runKey)).toEqual([`backup/ws-computers/${E(1)}`, `backup/ws-computers/${E(1)}`]);
    expect(notices.map((n) => n.message).join('\n')).toContain(dated('14'));
    expect(notices.map((n) => n.message).join('\n')).toContain(dated('15'));
    expect(await storeRows(db, 'SELECT count(*)::INTEGER AS n, min(file_key) AS file FROM fk_records')).toEqual([{ n: 2, file: `backup/ws-computers/${E(1)}/part-0` }]);
  });
});

describe('when a run was taken', () => {
  it("is the latest LastModified of the run's files", async () => {
    const root = tempDir('times');
    const db = join(tempDir('times-store'), 'fleet.duckdb');
    const times = [new Date('2026-03-14T09:00:05Z'), new Date('2026-03-14T09:03:41Z'), new Date('2026-03-14T09:01:17Z')];
    times.forEach((t, i) => writeKey(root, `ws-computers/${E(1)}/part-${i}`, computers(i + 1), t));
    const latest = new Date(Math.max(...times.map((t) => t.getTime())));

    const plan = planRuns(times.map((t, i) => ({ key: `ws-computers/${E(1)}/part-${i}`, size: 10, lastModified: t, etag: String(i) })), 'root');
    expect(plan.runs.map((r) => r.lastModified)).toEqual([latest]);
    await loadSnapshots({ source: root, db });
    expect(await storeRows(db, 'SELECT last_modified FROM snapshots')).toEqual([{ last_modified: latest }]);
  });
});
