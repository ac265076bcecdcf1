import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest's global setup: every test file, and every program a test starts, makes its temporary files under one
 * folder of this run (TMPDIR, which the workers inherit), removed when the run ends. Left to each test, a run left
 * hundreds of folders (and stores of up to 200 MB) behind.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'fleetkit-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
