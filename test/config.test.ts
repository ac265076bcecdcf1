import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { chromiumPath, defaults, engineSettings } from '../src/config';
import { Store } from '../src/store/store';
import { ExitCode, FleetkitError } from '../src/errors';
import { tempDir, writeKey } from './helpers/tree';

const work = tempDir('config');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Makes empty files standing for installed browsers under a fresh folder; returns the folder. */
function installed(name: string, ...paths: string[]): string {
  const folder = join(work, name);
  for (const path of paths) writeKey(folder, path, '');
  return folder;
}

function failure(find: () => string): FleetkitError {
  try {
    find();
  } catch (error) {
    expect(error).toBeInstanceOf(FleetkitError);
    return error as FleetkitError;
  }
  throw new Error('expected no Chromium to be found');
}

describe('chromiumPath: the Chromium that prints PDFs', () => {
  it('is FLEETKIT_CHROMIUM when set, on every platform; a path that is not there is a usage error naming it', () => {
    const own = join(installed('own', 'bin/my-chrome'), 'bin', 'my-chrome');
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(chromiumPath({ FLEETKIT_CHROMIUM: own, PATH: '' }, platform)).toBe(own);
    const missing = join(work, 'nowhere', 'chrome');
    const error = failure(() => chromiumPath({ FLEETKIT_CHROMIUM: missing }, 'linux'));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toBe(`FLEETKIT_CHROMIUM names ${missing}, which does not exist`);
  });

  it('on Linux is found on the PATH: chromium, then chromium-browser, then google-chrome', () => {
    const first = installed('path-1', 'google-chrome');
    const second = installed('path-2', 'chromium-browser', 'google-chrome');
    expect(chromiumPath({ PATH: `${first}:${second}` }, 'linux')).toBe(join(second, 'chromium-browser'));
    expect(chromiumPath({ PATH: `${first}:${installed('path-3')}` }, 'linux')).toBe(join(first, 'google-chrome'));
  });

  it('on macOS is found in /Applications or ~/Applications', () => {
    const home = installed('home', 'Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(chromiumPath({ HOME: home }, 'darwin')).toBe(join(home, 'Applications', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'));
  });

  it('on Windows is found under Program Files or AppData: Chrome, Chromium, else Edge', () => {
    const programFiles = installed('program-files', 'Microsoft/Edge/Application/msedge.exe');
    const programFilesX86 = installed('program-files-x86', 'Google/Chrome/Application/chrome.exe');
    const env = { ProgramFiles: programFiles, 'ProgramFiles(x86)': programFilesX86, LOCALAPPDATA: installed('appdata') };
    expect(chromiumPath(env, 'win32')).toBe(join(programFilesX86, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    expect(chromiumPath({ ProgramFiles: programFiles }, 'win32')).toBe(join(programFiles, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
  });

  it('found nowhere, fails with one line that says where it looked and names FLEETKIT_CHROMIUM', () => {
    const empty = installed('empty');
    const error = failure(() => chromiumPath({ PATH: empty }, 'linux'));
    expect(error.exitCode).toBe(ExitCode.failed);
    expect(error.message).toBe(
      'no Chromium or Chrome found on the PATH (chromium, chromium-browser, google-chrome, google-chrome-stable): install one, or set FLEETKIT_CHROMIUM to its path',
    );
    expect(failure(() => chromiumPath({ ProgramFiles: empty }, 'win32')).message).toContain(`under ${empty}`);
  });
});

describe('engineSettings: how DuckDB may use the machine', () => {
  it('takes the defaults, never more threads than cores', () => {
    expect(engineSettings({}, {})).toEqual({ memoryLimit: defaults.memoryLimit, threads: Math.min(defaults.threads, availableParallelism()) });
  });

  it('takes FLEETKIT_MEMORY_LIMIT and FLEETKIT_THREADS, and the flags over them', () => {
    const env = { FLEETKIT_MEMORY_LIMIT: ' 2GB ', FLEETKIT_THREADS: '3' };
    expect(engineSettings({}, env)).toEqual({ memoryLimit: '2GB', threads: 3 });
    expect(engineSettings({ memoryLimit: '300MiB', threads: 1 }, env)).toEqual({ memoryLimit: '300MiB', threads: 1 });
  });

  it('refuses a size or a thread count DuckDB would not take, naming where it came from', () => {
    expect(() => engineSettings({}, { FLEETKIT_MEMORY_LIMIT: 'lots' })).toThrow('FLEETKIT_MEMORY_LIMIT must be a size such as 512MB or 2GB, got "lots"');
    expect(() => engineSettings({ memoryLimit: '80%' }, {})).toThrow('--memory-limit must be a size');
    expect(() => engineSettings({}, { FLEETKIT_THREADS: '0' })).toThrow('FLEETKIT_THREADS must be a whole number of at least 1, got "0"');
  });

  it('is what a store opens DuckDB with', async () => {
    const store = await Store.open(':memory:', { memoryLimit: '300MB', threads: 1 });
    try {
      const { rows } = await store.query("SELECT current_setting('memory_limit') AS memory, current_setting('threads') AS threads");
      // DuckDB shows the limit in binary units: 300 MB is 286.1 MiB.
      expect(rows[0]).toEqual({ memory: '286.1 MiB', threads: 1 });
    } finally {
      store.closeSync();
    }
  });
});
