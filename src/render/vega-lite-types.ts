import type { VegaLite } from './vega-modules';

/**
 * vega-lite's own types for the builders to check their specs against (`satisfies`). They come through the type of
 * the module's dynamic import, the one way a CommonJS file may name an ESM-only package's types; public
 * declarations use ChartSpec instead.
 */
export type VegaLiteSpec = Parameters<VegaLite['compile']>[0];
export type VegaLiteConfig = NonNullable<VegaLiteSpec['config']>;
