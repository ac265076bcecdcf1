import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from './chart-spec';
import { chartFontFamily } from './chart-font';
import { findChartFontFiles, missingChartFontMessage } from './font-files';
import { toSvg } from './to-svg';

export interface PngOptions {
  /** Pixels per SVG unit: 2 (the default) gives a sharp image on high-density screens and in print. */
  scale?: number;
}

/**
 * Renders a Vega-Lite spec, or an SVG it was rendered to, as PNG. Only the chart font and its East Asian fallback
 * are loaded, so the image does not depend on which other fonts the machine has.
 */
export async function toPng(chart: ChartSpec | string, options: PngOptions = {}): Promise<Buffer> {
  const svg = typeof chart === 'string' ? chart : await toSvg(chart);
  const fonts = findChartFontFiles();
  if (fonts === null) throw new Error(`cannot render PNG: ${missingChartFontMessage()}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: [fonts.regular, ...(fonts.bold === undefined ? [] : [fonts.bold]), ...fonts.fallbacks],
      defaultFontFamily: chartFontFamily,
      sansSerifFamily: chartFontFamily,
    },
  });
  return resvg.render().asPng();
}
