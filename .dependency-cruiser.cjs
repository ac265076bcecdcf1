// The import rules of src/: one road, source → load → store → analysis → present → cli, with no arrow running back
// up and no circle. test/import-rules.test.ts holds the code to them; `npx depcruise src` shows the same.

/** The rooms of the road, each a set of folders and files of src/. */
const rooms = {
  /** Shared by all: file formats, errors, configuration, the version. */
  ground: '^src/(formats/|errors\\.ts$|config\\.ts$|version\\.ts$)',
  source: '^src/source/',
  load: '^src/load/',
  store: '^src/store/',
  /** What asks the store questions in SQL and judges the answers: controls, baselines, the vocabulary. */
  analysis: '^src/(analysis|baseline)/',
  /** What people look at: charts and their rendering, the report, notebook display, table/CSV/JSON output. */
  present: '^src/(charts|report|render|notebook|output)/',
  /** Vega-Lite to SVG/PNG/HTML and the escaping under it: the base the rest of present stands on. */
  render: '^src/render/',
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

/** Imports that break a rule today, each `from → to` exactly; a fixed one must be taken off (the test says which). */
const knownImports = {};

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
    mayImportOnly('present', 'Presenting shows what analysis and the store give it.', 'analysis', 'store'),
    {
      name: 'the-report-is-the-top-of-present',
      comment: 'The report composes charts, controls and baselines; nothing else in present imports it.',
      severity: 'error',
      from: { path: '^src/(charts|render|notebook|output)/' },
      to: { path: '^src/report/' },
    },
    {
      name: 'render-knows-no-chart',
      comment: 'Rendering turns any Vega-Lite spec into pictures; it knows no chart, report, notebook or output.',
      severity: 'error',
      from: { path: rooms.render },
      to: { path: '^src/(charts|report|notebook|output)/' },
    },
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
