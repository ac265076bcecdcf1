import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

const RUN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const T = new Date('2026-03-14T09:00:00Z');
const computer = (id: unknown) => ({ ID: id, hostName: `host-${String(id)}`, agentVersion: '20.0.1-100' });

describe('the load summary', () => {
  it('prints one notice line per run and kind, however many records it counts', async () => {
    const root = tempDir('summary-notices');
    const copies = 40;
    writeKey(root, `ws-computers/${RUN}/part-0`, jsonLines([computer(1), ...Array.from({ length: copies }, () => computer(2))]), T);
    const result = await runCli(['load', root, '--db', join(root, 'fleet.duckdb')]);
    expect(result.status).toBe(0);
    const notices = result.stdout.split('\n').filter((line) => line.startsWith('  notice: '));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`(and ${copies - 2} more like it in this run: see the load_errors view)`);
  });

  it('never sends control characters from the records to the terminal', async () => {
    const root = tempDir('summary-controls');
    const hostile = '\u001b]0;PWNED\u0007\u001b[2J';
    writeKey(root, `ws-computers/${RUN}/part-0`, jsonLines([computer(1), computer(hostile)]), T);
    writeKey(root, `ws-computers/${OTHER}/part-0`, `${JSON.stringify(computer(3))}\n{"ID": "${'\\u001b[2J'}", "hostName": \n`, T);
    const result = await runCli(['load', root, '--db', join(root, 'fleet.duckdb')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('notice: ');
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('exits 3 when every run it lists holds nothing to load', async () => {
    const root = tempDir('summary-nothing');
    writeKey(root, `ws-computers/${RUN}/notes.md`, '# not an export\n', T);
    writeKey(root, `ws-computers/${OTHER}/part-0`, '[]', T);
    const result = await runCli(['load', root, '--db', join(root, 'fleet.duckdb'), '--quiet']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`run ws-computers/${RUN}: no records`);
    expect(result.stderr).toContain(`run ws-computers/${OTHER}`);
  });
});
