import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartNames } from '../src/charts/registry';
import { toSvg } from '../src/render/to-svg';
import { chartGoldenDir, fixtureChart } from './charts-fixtures';

/** Golden SVGs change only on purpose: run with UPDATE_GOLDEN=1, then look at the new files before committing. */
const updateGolden = process.env.UPDATE_GOLDEN === '1';

describe('chart SVG golden files', () => {
  it.each(chartNames)('%s renders as its golden SVG', async (name) => {
    const vega = (await import('vega')) as unknown as { resetSVGDefIds(): void };
    vega.resetSVGDefIds();
    const svg = await toSvg(fixtureChart(name));
    const golden = join(chartGoldenDir, `${name}.svg`);
    if (updateGolden) writeFileSync(golden, svg);
    expect(existsSync(golden), `${golden} is missing: run the test with UPDATE_GOLDEN=1`).toBe(true);
    expect(svg).toBe(readFileSync(golden, 'utf8'));
  });

  it('runs in UTC, as the golden files were made', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(0);
  });
});
