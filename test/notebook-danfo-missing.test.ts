import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('tells how to install danfo when neither danfojs-node nor danfojs can be found', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fleetkit-no-danfo-'));
  await build({
    entryPoints: [join(__dirname, '..', 'src', 'notebook', 'to-danfo.ts')],
    outfile: join(dir, 'to-danfo.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
  const script = `try { require('./to-danfo.js').toDanfo([{ a: 1 }]); } catch (error) { process.stdout.write(error.message); }`;
  const message = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  expect(message).toBe(
    'toDanfo needs danfo.js, which is not installed: run "npm install danfojs-node", ' +
      'or "npm install danfojs" where danfojs-node cannot download its native binary',
  );
});
