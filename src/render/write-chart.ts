import { writeFile } from 'node:fs/promises';
import type { ChartSpec } from './chart-spec';
import type { ChartFormat } from './chart-format';
import { toHtml } from './to-html';
import { toPng } from './to-png';
import { toSvg } from './to-svg';

/** The chart in one of the output formats, as the bytes or text to write. */
export async function renderChartAs(spec: ChartSpec, format: ChartFormat): Promise<string | Buffer> {
  switch (format) {
    case 'svg':
      return toSvg(spec);
    case 'png':
      return toPng(spec);
    case 'html':
      return toHtml(spec);
    case 'vl.json':
      return `${JSON.stringify(spec, null, 2)}\n`;
  }
}

export async function writeChart(spec: ChartSpec, format: ChartFormat, outFile: string): Promise<void> {
  await writeFile(outFile, await renderChartAs(spec, format));
}
