// S3 under faults: first loads of a multi-run export through a proxy that faults a share of requests (resets,
// truncated and short bodies, 500/503, stalls past the client timeout, slow replies, failing list pages).
// Usage: npm run bench:faults [-- --trials N --rate 0.2 --seed 1]   (trials alternate the CLI and loadSnapshots)
import { isDeepStrictEqual } from 'node:util';
import { rmSync } from 'node:fs';
import {
  hasStackTrace,
  runFaultTrial,
  trialTimeoutMs,
  unsetAwsSettings,
  writeFaultExport,
  type TrialWay,
} from '../test/helpers/fault-campaign';
import { FAULT_KINDS, type FaultKind } from '../test/helpers/fault-proxy';
import { startS3Server } from '../test/helpers/s3-server';
import { tempDir } from '../test/helpers/tree';
import { flag } from './measure';

const trials = Number(flag('trials', '20'));
const rate = Number(flag('rate', '0.2'));
const firstSeed = Number(flag('seed', '1'));

async function main(): Promise<void> {
  const work = tempDir('fault-campaign');
  const server = await startS3Server();
  for (const [name, value] of Object.entries({ ...server.env, ...unsetAwsSettings })) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  process.env['FLEETKIT_S3_TIMEOUT_MS'] = String(trialTimeoutMs);
  const exported = await writeFaultExport(server, 'fault-campaign', { runs: 6, filesPerRun: 4, recordsPerFile: 5 });
  const injected = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  let exact = 0;
  let stackTraces = 0;
  let requests = 0;
  const started = performance.now();
  try {
    for (let i = 0; i < trials; i++) {
      const way: TrialWay = i % 2 === 0 ? 'cli' : 'library';
      const seed = firstSeed + i;
      const result = await runFaultTrial({ server, exported, work, way, faults: { seed, rate } });
      const ok = result.exitCode === 0 && isDeepStrictEqual(result.stored, exported.expected);
      if (ok) exact++;
      if (hasStackTrace(result.stderr)) stackTraces++;
      requests += result.requests;
      for (const kind of FAULT_KINDS) injected[kind] += result.injected[kind];
      if (!ok) console.log(`trial ${i + 1} (seed ${seed}, ${way}) not exact: exit ${result.exitCode}\n${result.stderr.trim()}`);
    }
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const faults = Object.values(injected).reduce((n, count) => n + count, 0);
  console.log(`trials: ${trials} (fault rate ${rate}, ${exported.runFiles.size} runs × ${exported.runFiles.values().next().value?.length ?? 0} files, list pages of 5)`);
  console.log(`first-load exact: ${exact} of ${trials}`);
  console.log(`stack traces: ${stackTraces}`);
  console.log(`requests: ${requests}, faults injected: ${faults} (${FAULT_KINDS.map((kind) => `${kind} ${injected[kind]}`).join(', ')})`);
  console.log(`seconds: ${((performance.now() - started) / 1000).toFixed(1)}`);
  if (exact < trials || stackTraces > 0) process.exitCode = 1;
}

void main();
