import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runProgram } from './helpers/cli';

/** The packages a command loads, from the module cache of a process that ran `fleetkit <args>`. */
async function packagesLoaded(args: string[]): Promise<string[]> {
  const main = join(CLI, '..', 'cli', 'main.js');
  const script = `require(${JSON.stringify(main)}).main(${JSON.stringify(args)}).then(() => {
    const names = Object.keys(require.cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(p)?.[1]).filter(Boolean);
    process.stderr.write(JSON.stringify([...new Set(names)]));
  });`;
  const finished = await runProgram(process.execPath, ['-e', script]);
  return JSON.parse(finished.stderr) as string[];
}

describe('a command loads only what it needs', () => {
  it('help loads neither DuckDB, nor the S3 client, nor the chart renderer; query loads DuckDB only', async () => {
    const help = await packagesLoaded(['--help']);
    expect(help.filter((name) => /duckdb|aws-sdk|vega|resvg/.test(name))).toEqual([]);
    const query = await packagesLoaded(['query', '--list']);
    expect(query).toContain('@duckdb/node-api');
    expect(query.filter((name) => /aws-sdk|vega|resvg/.test(name))).toEqual([]);
  });
});
