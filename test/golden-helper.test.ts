import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changedPath, expectGolden } from './helpers/golden';
import { tempDir } from './helpers/tree';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('golden files', () => {
  it('outside CI, creates a missing golden and says so', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const golden = join(tempDir('golden'), 'chart.svg');
    expectGolden(golden, '<svg/>');
    expect(readFileSync(golden, 'utf8')).toBe('<svg/>');
    expect(warn.mock.calls.flat().join(' ')).toContain(`created the golden file ${golden}`);
  });

  it('on a mismatch, writes <name>.changed.<ext> beside the golden, keeps the golden and fails', () => {
    vi.stubEnv('CI', '');
    const golden = join(tempDir('golden'), 'chart.svg');
    writeFileSync(golden, '<svg>old</svg>');
    expect(() => expectGolden(golden, '<svg>new</svg>')).toThrow(/chart\.changed\.svg/);
    expect(changedPath(golden)).toBe(join(golden, '..', 'chart.changed.svg'));
    expect(readFileSync(changedPath(golden), 'utf8')).toBe('<svg>new</svg>');
    expect(readFileSync(golden, 'utf8')).toBe('<svg>old</svg>');
    expectGolden(golden, '<svg>old</svg>');
    expect(existsSync(changedPath(golden)), 'a match removes the stale changed file').toBe(false);
  });

  it('under CI=true, a missing golden fails and is not created; a mismatch never rewrites it', () => {
    vi.stubEnv('CI', 'true');
    const dir = tempDir('golden');
    const missing = join(dir, 'missing.svg');
    expect(() => expectGolden(missing, '<svg/>')).toThrow(/missing/);
    expect(existsSync(missing)).toBe(false);
    const golden = join(dir, 'chart.svg');
    writeFileSync(golden, '<svg>old</svg>');
    expect(() => expectGolden(golden, '<svg>new</svg>')).toThrow();
    expect(readFileSync(golden, 'utf8')).toBe('<svg>old</svg>');
  });
});
