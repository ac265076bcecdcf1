import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChartSpec } from './chart-spec';
import { chartFont } from './chart-font';
import { escapeHtml } from './escape-html';

/** The browser builds (UMD) shipped next to each package's ESM entry point. */
const browserBuilds = [
  { entry: 'vega', file: 'vega.min.js' },
  { entry: 'vega-lite', file: 'vega-lite.min.js' },
  { entry: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

let inlinedLibraries: string | undefined;

function libraryScripts(): string {
  inlinedLibraries ??= browserBuilds
    .map(({ entry, file }) => readFileSync(join(dirname(require.resolve(entry)), file), 'utf8'))
    .map((code) => `<script>${scriptSafe(code)}</script>`)
    .join('\n');
  return inlinedLibraries;
}

/** Keeps inline script text from closing its element early. */
function scriptSafe(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

/** JSON that can sit inside a <script> element whatever strings the data holds. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function titleOf(spec: ChartSpec): string {
  const title = spec.title;
  const text = typeof title === 'object' && title !== null && 'text' in title ? title.text : title;
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.join(' ');
  return 'Chart';
}

/**
 * A self-contained interactive page: vega, vega-lite and vega-embed are inlined from node_modules, the data is in
 * the spec, and nothing is fetched from the network (the editor link is switched off).
 */
export function toHtml(spec: ChartSpec): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(titleOf(spec))}</title>
<style>body { margin: 24px; font-family: ${chartFont}; background: white; }</style>
${libraryScripts()}
</head>
<body>
<div id="chart"></div>
<script type="application/json" id="chart-spec">${scriptSafeJson(spec)}</script>
<script>
vegaEmbed('#chart', JSON.parse(document.getElementById('chart-spec').textContent), {
  renderer: 'svg',
  actions: { export: true, source: true, compiled: false, editor: false },
}).catch(function (error) {
  document.getElementById('chart').textContent = 'The chart could not be drawn: ' + error.message;
});
</script>
</body>
</html>
`;
}
