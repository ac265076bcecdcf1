import { installChartTextMeasure } from './text-measure';

/** vega and vega-lite are ESM-only (vega with top-level await), so CommonJS reaches them by a real `import()`. */
const importVega = () => import('vega');
const importVegaLite = () => import('vega-lite');

export type Vega = Awaited<ReturnType<typeof importVega>>;
export type VegaLite = Awaited<ReturnType<typeof importVegaLite>>;

let vegaModules: Promise<{ vega: Vega; vegaLite: VegaLite }> | undefined;

/** Loads vega and vega-lite once, at run time, and makes vega measure text with the chart font. */
export function loadVegaModules(): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  vegaModules ??= Promise.all([importVega(), importVegaLite()]).then(([vega, vegaLite]) => {
    installChartTextMeasure(vega);
    return { vega, vegaLite };
  });
  return vegaModules;
}
