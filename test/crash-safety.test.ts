import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store';
import { startCli, runCli } from './helpers/cli';
import { chunks, envelope, generateEvents } from './helpers/event-archive';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

const RUNS = 40;
const COMPUTERS = 4000;

function executionId(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

function writeTree(root: string): void {
  for (let run = 0; run < RUNS; run++) {
    const at = new Date(Date.UTC(2026, 0, 5 + run * 7, 3));
    const records = Array.from({ length: COMPUTERS }, (_, i) => ({
      ID: i + 1,
      hostName: `host-${i + 1}`,
      agentVersion: '20.0.1-100',
      computerStatus: { agentStatus: i % 7 === 0 ? 'warning' : 'active' },
      antiMalware: { state: (i + run) % 3 === 0 ? 'off' : 'on' },
      padding: 'x'.repeat(200),
    }));
    writeKey(root, `ws-computers/${executionId(run)}/part-0`, jsonLines(records.slice(0, COMPUTERS / 2)), at);
    writeKey(root, `ws-computers/${executionId(run)}/part-1`, jsonLines(records.slice(COMPUTERS / 2)), at);
  }
}

async function storeState(db: string) {
  const store = await openStore(db);
  try {
    const runs = (await store.query('SELECT snapshot_id, row_count, file_count FROM fk_runs ORDER BY snapshot_id')).rows;
    const records = (await store.query('SELECT snapshot_id, count(*) AS n, count(DISTINCT file_key) AS files FROM fk_records GROUP BY 1 ORDER BY 1')).rows;
    const files = (await store.query('SELECT snapshot_id, count(*) AS files FROM fk_files GROUP BY 1 ORDER BY 1')).rows;
    return { runs, records, files };
  } finally {
    store.close();
  }
}

describe('a load killed part-way', () => {
  it('leaves only whole runs in the store, and the next load finishes the job', async () => {
    const root = tempDir('crash');
    writeTree(root);
    const db = join(root, 'fleet.duckdb');

    const child = startCli(['load', root, '--db', db]);
    let loadedLines = 0;
    let stderr = '';
    const killed = new Promise<NodeJS.Signals | null>((resolve) => {
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        stderr += chunk;
        loadedLines = (stderr.match(/^loaded /gm) ?? []).length;
        if (loadedLines >= 5 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve(signal));
    });
    expect(await killed).toBe('SIGKILL');

    const after = await storeState(db);
    expect(after.runs.length).toBeGreaterThanOrEqual(5);
    expect(after.runs.length).toBeLessThan(RUNS);
    for (const run of after.runs) expect(run).toMatchObject({ row_count: COMPUTERS, file_count: 2 });
    expect(after.records).toEqual(after.runs.map((r) => ({ snapshot_id: r.snapshot_id, n: COMPUTERS, files: 2 })));
    expect(after.files).toEqual(after.runs.map((r) => ({ snapshot_id: r.snapshot_id, files: 2 })));

    const rerun = await runCli(['load', root, '--db', db]);
    expect(rerun.stderr).not.toMatch(/failed/);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(`${RUNS - after.runs.length} runs loaded`);
    const done = await storeState(db);
    expect(done.runs).toHaveLength(RUNS);
    expect(done.records.every((r) => r.n === COMPUTERS)).toBe(true);

    // Every run is compared with the one before it, those the killed load wrote included: antiMalware.state moves
    // for the computers whose (ID - 1 + run) % 3 is not 2.
    let moved = 0;
    for (let run = 1; run < RUNS; run++) for (let i = 0; i < COMPUTERS; i++) if ((i + run) % 3 !== 2) moved++;
    const store = await openStore(db);
    try {
      const changes = (await store.query('SELECT field, change_type, count(*) AS n FROM computer_changes GROUP BY ALL')).rows;
      expect(changes.map((c) => ({ ...c, n: Number(c.n) }))).toEqual([{ field: 'antiMalware.state', change_type: 'modified', n: moved }]);
    } finally {
      store.close();
    }
  });

  it('leaves only whole event archive objects in the store, and the next load adds the rest, each event once', async () => {
    const root = tempDir('crash-events');
    const OBJECTS = 2600;
    const PER_OBJECT = 6;
    const events = generateEvents({ count: OBJECTS * PER_OBJECT, hosts: 30, start: new Date('2026-04-01T00:00:00Z'), days: 20, seed: 17 });
    // Lambda archives: one object per message, by host name; every object repeats one event of the one before it.
    const idsOf = new Map<string, string[]>();
    for (const [i, batch] of chunks(events, PER_OBJECT).entries()) {
      const held = [...batch, ...(i > 0 ? [events[(i - 1) * PER_OBJECT]] : [])];
      const key = `lambda/host-${i % 30}/${1775000000000 + i}-${i}.txt`;
      writeKey(root, key, JSON.stringify(envelope(held, `m-${i}`)));
      idsOf.set(key, held.map((e) => String(e.UniqueID)));
    }
    const db = join(root, 'fleet.duckdb');

    const child = startCli(['load', root, '--db', db]);
    let stderr = '';
    const killed = new Promise<NodeJS.Signals | null>((resolve) => {
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        stderr += chunk;
        if (/^loaded \d+ events objects/m.test(stderr) && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve(signal));
    });
    expect(await killed).toBe('SIGKILL');

    const objectsOf = async () => {
      const store = await openStore(db);
      try {
        const objects = (await store.query('SELECT object_key FROM fk_stream_objects')).rows.map((r) => String(r.object_key));
        const ids = (await store.query('SELECT unique_id FROM events')).rows.map((r) => String(r.unique_id));
        return { objects, ids };
      } finally {
        store.close();
      }
    };
    const after = await objectsOf();
    expect(after.objects.length).toBeGreaterThan(0);
    expect(after.objects.length).toBeLessThan(OBJECTS);
    // The store holds whole objects only: every event of each object it holds, no event only an object it lacks holds,
    // and each event once.
    const heldIds = new Set(after.objects.flatMap((key) => idsOf.get(key)!));
    expect(new Set(after.ids)).toEqual(heldIds);
    expect(after.ids).toHaveLength(heldIds.size);

    const rerun = await runCli(['load', root, '--db', db]);
    expect(rerun.stderr).not.toMatch(/failed/);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(`events: ${OBJECTS - after.objects.length} archive objects loaded, ${after.objects.length} unchanged`);
    const done = await objectsOf();
    expect(done.objects).toHaveLength(OBJECTS);
    expect(done.ids).toHaveLength(events.length);
    expect(new Set(done.ids)).toEqual(new Set(events.map((e) => String(e.UniqueID))));
  });
});
