import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { expect } from 'vitest';

/** `fleet-size.svg` → `fleet-size.changed.svg`, beside the golden (ignored by git). */
export function changedPath(golden: string): string {
  const ext = extname(golden);
  return join(dirname(golden), `${basename(golden, ext)}.changed${ext}`);
}

/**
 * Compares `actual` with the golden file. On a mismatch it writes `<name>.changed.<ext>` beside the golden and
 * fails (under CI too, so the file can be kept): look at the difference, and move the changed file over the golden
 * if the change is meant. A missing golden is created and the test says so on stderr, except under CI (`CI=true`),
 * where it fails: CI never creates or rewrites a golden.
 */
export function expectGolden(golden: string, actual: string): void {
  const changed = changedPath(golden);
  if (!existsSync(golden)) {
    expect(process.env.CI === 'true', `${golden} is missing; under CI a golden file is never created`).toBe(false);
    writeFileSync(golden, actual);
    console.warn(`created the golden file ${golden}: look at it before committing`);
    return;
  }
  const expected = readFileSync(golden, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `differs from ${golden}; the new output is in ${changed}`).toBe(expected);
}
