/**
 * A Vega-Lite specification as plain JSON data. The builders check theirs against vega-lite's own types; the
 * public API names this type instead so its declarations do not depend on the ESM-only vega-lite package
 * (CommonJS callers and the older TypeScript in tslab read them as they are).
 */
export type ChartSpec = { [property: string]: unknown };
