import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartNames } from '../src/charts/engine/catalog';
import { toSvg } from '../src/render/to-svg';
import { chartGoldenDir, fixtureChart } from './charts-fixtures';
import { expectGolden } from './helpers/golden';

describe('chart SVG golden files', () => {
  it.each(chartNames)('%s renders as its golden SVG', async (name) => {
    const vega = (await import('vega')) as unknown as { resetSVGDefIds(): void };
    vega.resetSVGDefIds();
    const svg = await toSvg(fixtureChart(name));
    expectGolden(join(chartGoldenDir, `${name}.svg`), svg);
  });

  it('runs outside UTC (vitest.config.ts), so a chart that drew local time would not match its golden', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
  });
});
