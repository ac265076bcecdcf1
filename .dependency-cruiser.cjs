// The import rules of src/: one road, source → load → store → analysis → present → cli, with no arrow running back
// up and no circle. test/import-rules.test.ts holds the code to them; `npx depcruise src` shows the same (its count of
// "stale" known violations compares more than from → to and can be ignored: the test says which are fixed).

/** The rooms of the road, each a set of folders and files of src/. */
const rooms = {
  /** Shared by all: file formats, errors, configuration, the version. */
  ground: '^src/(formats/|errors\\.ts$|config\\.ts$|version\\.ts$)',
  source: '^src/source/',
  load: '^src/load/',
  store: '^src/store/',
  /** What asks the store questions in SQL: controls, baselines, charts, the report. */
  analysis: '^src/(analysis|baseline|charts|report)/',
  /** What shows results: chart rendering, notebook display, table/CSV/JSON output. */
  present: '^src/(render|notebook|output)/',
  /** The generator of sample exports (it writes Parquet through DuckDB). */
  sample: '^src/sample/',
  /** The CLI and the package's public API, which may import anything. */
  top: '^src/(cli/|cli\\.ts$|index\\.ts$)',
};

const either = (...names) => names.map((name) => `(${rooms[name]})`).join('|');

/** A room may import only the rooms named (and itself, and the ground). */
function mayImportOnly(name, comment, ...others) {
  return {
    name: `${name}-imports-only-${others.length === 0 ? 'itself' : others.join('-')}`,
    comment,
    severity: 'error',
    from: { path: rooms[name] },
    to: { path: '^src/', pathNot: either('ground', name, ...others) },
  };
}

/**
 * Imports that break a rule today, in code being reworked (charts and render, the report): each `from → to` exactly.
 * A new violation fails test/import-rules.test.ts; so does an entry here that no longer occurs (take it off).
 */
const knownImports = {
  'analysis-imports-only-store': [
    // Charts build their specs with render's Vega-Lite types, spec and font, and call render to draw them.
    ['src/charts/agent-status.ts', 'src/render/vega-lite-types.ts'],
    ['src/charts/agent-versions.ts', 'src/render/vega-lite-types.ts'],
    ['src/charts/coverage-heatmap.ts', 'src/render/vega-lite-types.ts'],
    ['src/charts/coverage-trend.ts', 'src/render/vega-lite-types.ts'],
    ['src/charts/fleet-size.ts', 'src/render/vega-lite-types.ts'],
    ['src/charts/policy-changes.ts', 'src/render/vega-lite-types.ts'],
    ['src/charts/silent-agents.ts', 'src/render/vega-lite-types.ts'],
    ['src/charts/kit/theme.ts', 'src/render/vega-lite-types.ts'],
    ['src/charts/kit/theme.ts', 'src/render/chart-font.ts'],
    ['src/charts/kit/chart.ts', 'src/render/chart-spec.ts'],
    ['src/charts/engine/render-chart.ts', 'src/render/chart-format.ts'],
    ['src/charts/engine/render-chart.ts', 'src/render/chart-spec.ts'],
    ['src/charts/engine/render-chart.ts', 'src/render/write-chart.ts'],
    // The report escapes its HTML with render's escapeHtml and draws its charts with toSvg.
    ['src/report/html.ts', 'src/render/escape-html.ts'],
    ['src/report/report-charts.ts', 'src/render/chart-spec.ts'],
    ['src/report/report-charts.ts', 'src/render/to-svg.ts'],
  ],
};

/** Circles today, each written from the import where dependency-cruiser reports it, round to where it began. */
const knownCircles = [];

// In dependency-cruiser's own form: a circle is reported at its first import, with the path from there back round.
const knownViolations = [
  ...Object.entries(knownImports).flatMap(([name, imports]) =>
    imports.map(([from, to]) => ({ type: 'dependency', from, to, rule: { name, severity: 'error' } })),
  ),
  ...knownCircles.map((files) => ({
    type: 'cycle',
    from: files[0],
    to: files[1],
    rule: { name: 'no-circular', severity: 'error' },
    cycle: [...files.slice(1), files[0]].map((name) => ({ name, dependencyTypes: [] })),
  })),
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files that import each other, directly or through others, are one room in disguise.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    mayImportOnly('ground', 'The ground floor imports nothing above it.'),
    mayImportOnly('source', 'A source lists and fetches files; it knows nothing of loading, the store or what comes after.'),
    mayImportOnly('load', 'Loading reads from a source and writes into the store.', 'source', 'store'),
    mayImportOnly('store', 'The store is a DuckDB engine with fleetkit\'s schema; nothing above it.'),
    mayImportOnly('analysis', 'Analysis asks the store; it never draws or prints.', 'store'),
    {
      name: 'the-report-is-the-top-of-analysis',
      comment: 'The report composes controls, baselines and charts; none of them imports the report.',
      severity: 'error',
      from: { path: '^src/(analysis|baseline|charts)/' },
      to: { path: '^src/report/' },
    },
    mayImportOnly('present', 'Presenting shows what analysis and the store give it.', 'analysis', 'store'),
    mayImportOnly('sample', 'The sample generator writes exports, with DuckDB for Parquet.', 'store'),
    {
      name: 'only-the-top-imports-the-top',
      comment: 'The CLI and src/index.ts stand above everything: nothing imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: rooms.top },
      to: { path: rooms.top },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports tie files together as much as any other.
    tsPreCompilationDeps: true,
    knownViolations,
    ignoreKnown: true,
  },
};
