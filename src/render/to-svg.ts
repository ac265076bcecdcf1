import type { ChartSpec } from './chart-spec';
import type { VegaLiteSpec } from './vega-lite-types';
import { loadVegaModules } from './vega-modules';

/** Renders a Vega-Lite spec to a standalone SVG document in Node (no browser, no canvas). */
export async function toSvg(spec: ChartSpec): Promise<string> {
  const { vega, vegaLite } = await loadVegaModules();
  const compiled = vegaLite.compile(structuredClone(spec) as unknown as VegaLiteSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
