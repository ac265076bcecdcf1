import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runProgram } from './helpers/cli';
import { tempDir } from './helpers/tree';

const names = ['loadSnapshots', 'openStore', 'QueryResult', 'renderChart', 'toSvg', 'show', 'toDanfo', 'buildReport', 'writeSampleData'];

function consumer(): string {
  const dir = tempDir('consumer');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(resolve(CLI, '..', '..'), join(dir, 'node_modules', 'fleetkit'));
  writeFileSync(join(dir, 'esm.mjs'), `import { ${names.join(', ')} } from 'fleetkit';\nconsole.log([${names.join(', ')}].map((x) => typeof x).join(' '));\n`);
  writeFileSync(join(dir, 'cjs.cjs'), `const fleetkit = require('fleetkit');\nconsole.log(${JSON.stringify(names)}.map((n) => typeof fleetkit[n]).join(' '));\n`);
  return dir;
}

describe('the package as a dependency', () => {
  it('loads by name from an ES module and from CommonJS require, without top-level await', async () => {
    const dir = consumer();
    const expected = names.map(() => 'function').join(' ');
    const esm = await runProgram(process.execPath, [join(dir, 'esm.mjs')], { cwd: dir });
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe(expected);
    const cjs = await runProgram(process.execPath, [join(dir, 'cjs.cjs')], { cwd: dir });
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout.trim()).toBe(expected);
  });
});
