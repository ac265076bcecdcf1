import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store';
import { runCli } from './helpers/cli';
import { chunks, countsByTypeAndDay, envelope, firehoseKey, generateEvents, writeArchiveObject } from './helpers/event-archive';
import { startS3Server, type S3TestServer } from './helpers/s3-server';
import { tempDir } from './helpers/tree';

const BUCKET = 'sec-archive';
const noProfile = { AWS_PROFILE: undefined, AWS_DEFAULT_PROFILE: undefined, AWS_ENDPOINT_URL: undefined, AWS_ENDPOINT_URL_S3: undefined };
let server: S3TestServer;

beforeAll(async () => {
  server = await startS3Server();
  await server.createBucket(BUCKET);
});
afterAll(async () => {
  await server?.stop();
});

describe('loading an event archive from S3', () => {
  it('loads GZIP Firehose objects once each, every event once, and a second load downloads nothing', async () => {
    const root = tempDir('s3-events-src');
    const events = generateEvents({ count: 400, hosts: 10, start: new Date('2026-05-01T00:00:00Z'), days: 5, seed: 3 });
    const objects = chunks(events, 40);
    for (const [i, batch] of objects.entries()) {
      // Every object but the first repeats the last message of the one before it, as a Firehose retry does.
      const messages = chunks(batch, 4).map((m, j) => JSON.stringify(envelope(m, `m-${i}-${j}`)));
      if (i > 0) messages.push(JSON.stringify(envelope(objects[i - 1].slice(-4), `m-${i - 1}-9`)));
      writeArchiveObject(root, firehoseKey('ws-events', new Date(batch[0].LogDate), i, true), messages.join('\n') + '\n', true);
    }
    await server.uploadTree(root, BUCKET, 'archive');
    const work = tempDir('s3-events-work');
    const db = join(work, 'fleet.duckdb');
    const load = () =>
      runCli(['load', `s3://${BUCKET}/archive`, '--db', db, '--endpoint', server.endpoint, '--cache', join(work, 'cache')], { env: { ...server.env, ...noProfile } });

    const first = await load();
    expect(first.stderr).not.toContain('error');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`events: ${objects.length} archive objects loaded, 0 unchanged; 400 events added (36 delivered again, kept once)`);
    expect(first.stdout).toContain(`${objects.length} files downloaded`);
    const store = await openStore(db);
    try {
      const counted = await store.query(`SELECT event_type, strftime(log_date AT TIME ZONE 'UTC', '%Y-%m-%d') AS day, count(*) AS n FROM events GROUP BY ALL`);
      expect(new Map(counted.rows.map((row) => [`${row.event_type}|${row.day}`, Number(row.n)]))).toEqual(countsByTypeAndDay(events));
    } finally {
      store.close();
    }

    const second = await load();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`events: 0 archive objects loaded, ${objects.length} unchanged; 0 events added`);
    expect(second.stdout).toContain('0 files downloaded');
  });
});
