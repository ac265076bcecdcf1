import { describe, expect, it } from 'vitest';
import { progressReporter } from '../src/load/progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, out: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

const events = (report: ReturnType<typeof progressReporter>) => {
  report({ type: 'listed', objects: 5, runs: 3, runsToLoad: 2, files: 3, bytes: 3 * 1024 * 1024 });
  report({ type: 'file-fetched', bytes: 1024 * 1024 });
  report({ type: 'file-fetched', bytes: 1024 * 1024 });
  report({ type: 'run-loaded', runKey: 'ws-computers/run-a', rows: 1234, files: 2, reloaded: false });
  report({ type: 'file-fetched', bytes: 1024 * 1024 });
  report({ type: 'run-failed', runKey: 'ws-policies/run-b', message: 'p.csv line 3: 3 cells where the header has 2' });
  report.finish();
};

describe('load progress', () => {
  it('draws a bar with runs, files, bytes and rows on a terminal', () => {
    const { written, out } = stream(true);
    events(progressReporter(out, 'auto'));
    const screen = written.join('');
    expect(screen).toContain('\r');
    expect(screen).toMatch(/runs 2\/2, 1 failed · files 3\/3 · 3\.0 MB\/3\.0 MB · 1,234 rows/);
    expect(screen).toContain('failed ws-policies/run-b: p.csv line 3');
    expect(screen.endsWith('\n')).toBe(true);
  });

  it('prints plain lines when not on a terminal', () => {
    const { written, out } = stream(false);
    events(progressReporter(out, 'auto'));
    expect(written).toEqual([
      'listed 5 objects: 3 runs, 2 to load (3 files, 3.0 MB)\n',
      'loaded ws-computers/run-a: 2 files, 1234 rows\n',
      'failed ws-policies/run-b: p.csv line 3: 3 cells where the header has 2\n',
    ]);
  });

  it('prints nothing when quiet', () => {
    const { written, out } = stream(true);
    events(progressReporter(out, 'quiet'));
    expect(written).toEqual([]);
  });
});
