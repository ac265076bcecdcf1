import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  hasStackTrace,
  runFaultTrial,
  trialTimeoutMs,
  unsetAwsSettings,
  writeFaultExport,
  type FaultExport,
  type TrialResult,
  type TrialWay,
} from './helpers/fault-campaign';
import { FAULT_KINDS, type FaultKind } from './helpers/fault-proxy';
import { startS3Server, type S3TestServer } from './helpers/s3-server';
import { tempDir } from './helpers/tree';

let server: S3TestServer;
let exported: FaultExport;
let work: string;

beforeAll(async () => {
  work = tempDir('s3-faults');
  server = await startS3Server();
  exported = await writeFaultExport(server, 'faulty', { runs: 6, filesPerRun: 4, recordsPerFile: 5 });
  for (const [name, value] of Object.entries({ ...server.env, ...unsetAwsSettings })) vi.stubEnv(name, value);
  vi.stubEnv('FLEETKIT_S3_TIMEOUT_MS', String(trialTimeoutMs));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
});

const total = (injected: Record<FaultKind, number>) => Object.values(injected).reduce((n, count) => n + count, 0);

describe('a first load through a proxy that faults 20% of requests ends exact', () => {
  const trials: { seed: number; way: TrialWay }[] = [
    { seed: 1, way: 'cli' },
    { seed: 2, way: 'library' },
    { seed: 3, way: 'cli' },
    { seed: 4, way: 'library' },
  ];
  const seenKinds = new Set<FaultKind>();
  let listPagesFaulted = 0;

  it.each(trials)('seed $seed through the $way', async ({ seed, way }) => {
    const result: TrialResult = await runFaultTrial({ server, exported, work, way, faults: { seed, rate: 0.2 } });
    expect(result.stderr).toBe(result.stderr.replace(/^.*(error|failed).*$/gim, ''));
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.exitCode).toBe(0);
    expect(result.stored).toEqual(exported.expected);
    expect(total(result.injected)).toBeGreaterThan(0);
    expect(result.listRequests).toBeGreaterThan(1);
    for (const kind of FAULT_KINDS) if (result.injected[kind] > 0) seenKinds.add(kind);
    listPagesFaulted += result.listFaults;
  });

  it('the trials injected every kind of fault, list pages included', () => {
    expect([...seenKinds].sort()).toEqual([...FAULT_KINDS].sort());
    expect(listPagesFaulted).toBeGreaterThan(0);
  });
});

describe('a persistent fault fails only its own run', () => {
  it('an object that always answers 500 and one whose body always arrives short: two runs fail, named; the rest load', async () => {
    const [first, second] = [...exported.runFiles.entries()];
    const always500 = first![1][1]!;
    const alwaysShort = second![1][2]!;
    const result = await runFaultTrial({
      server,
      exported,
      work,
      way: 'cli',
      faults: {
        seed: 7,
        rate: 0,
        always: (request) =>
          request.isList ? undefined : request.path.endsWith(always500) ? 'status-500' : request.path.endsWith(alwaysShort) ? 'short' : undefined,
      },
    });
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain('2 of 6 runs failed');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^4 runs loaded, 0 unchanged, 2 failed/);
    expect(result.stderr).toContain(`s3://faulty/${always500}`);
    expect(result.stderr).toContain('InternalError');
    expect(result.stderr).toMatch(
      new RegExp(`The connection to http://127\\.0\\.0\\.1:\\d+ failed \\(received \\d+ of \\d+ bytes\\) while reading s3://faulty/${alwaysShort.replaceAll('.', '\\.')}; run the load again\\.`),
    );
    const failedRuns = new Set([first![0], second![0]]);
    expect(result.stored).toEqual(exported.expected.filter((computer) => !failedRuns.has(computer.run)));
  });
});
