import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { tempDir } from './helpers/tree';

// The README's first command on the bundled sample: the whole job, so it stays out of the edit loop (test:fast).
describe('fleetkit demo', () => {
  it('loads the bundled sample data and prints what the store holds', async () => {
    const demoDb = join(tempDir('demo'), 'demo.duckdb');
    const result = await runCli(['demo', '--db', demoDb]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^140 runs loaded, 0 unchanged, /);
    expect(result.stdout).toMatch(/computers\s+70\s+2025-07-07\s+2026-11-16/);
    expect(result.stdout).toContain('Protection coverage at the latest run');
    const again = await runCli(['demo', '--db', demoDb]);
    expect(again.stdout).toMatch(/^0 runs loaded, 140 unchanged/);
  }, 180_000);
});
