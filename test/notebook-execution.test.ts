import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExecutedNotebook } from './notebook-jupyter';
import { notebookNames, outputText, outputsOf, runNotebooks } from './notebook-jupyter';

describe('notebooks', () => {
  let executed: Map<string, ExecutedNotebook>;

  it('run end to end in real Jupyter with the tslab kernel', async () => {
    executed = await runNotebooks(mkdtempSync(join(tmpdir(), 'fleetkit-notebooks-')));
    expect([...executed.keys()]).toEqual(notebookNames());
  }, 600_000);

  it.each(notebookNames())('%s drew tables and charts and raised no error', (name) => {
    const notebook = executed.get(name)!;
    const outputs = outputsOf(notebook);
    expect(outputs.filter((output) => output.output_type === 'error')).toEqual([]);
    const tables = outputs.filter((output) => outputText(output.data?.['text/html']).includes('<table'));
    const charts = outputs.filter((output) => outputText(output.data?.['image/svg+xml']).includes('<svg'));
    expect(tables.length).toBeGreaterThan(0);
    expect(charts.length).toBeGreaterThan(0);
  });
});
