import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from './charts-fixtures';
import { outputText, outputsOf, runNotebooks, writeNotebook } from './notebook-jupyter';

it('imports fleetkit in a real tslab kernel with import and with require, and shows a table and a chart', async () => {
  const project = mkdtempSync(join(tmpdir(), 'fleetkit-tslab-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(projectRoot, join(project, 'node_modules', 'fleetkit'));
  const notebook = join(project, 'imports.ipynb');
  writeNotebook(notebook, [
    "import { charts, show } from 'fleetkit';\nawait show([{ host_name: '<script>alert(1)</script>', computers: 3n }]);",
    "const fleetkit = require('fleetkit');\nconsole.log(`require: ${typeof fleetkit.show} ${fleetkit.charts === charts}`);",
    "await show(charts['fleet-size'].build([{ month: '2026-01-01', os_family: 'linux', computers: 3, with_agent: 2 }]));",
  ]);
  const executed = (await runNotebooks(join(project, 'out'), [notebook])).get('imports.ipynb')!;
  const [table, required, chart] = executed.cells.map((cell) => cell.outputs ?? []);
  expect(outputText(table[0].data?.['text/html'])).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(outputText(required[0].text)).toBe('require: function true\n');
  expect(outputText(chart[0].data?.['image/svg+xml'])).toContain('Fleet size by operating system');
  expect(outputsOf(executed).filter((output) => output.output_type === 'error')).toEqual([]);
}, 180_000);
