import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ICruiseOptions, IViolation } from 'dependency-cruiser';
import { tempDir, writeKey } from './helpers/tree';

const root = resolve(__dirname, '..');
const work = tempDir('import-rules');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The options of .dependency-cruiser.cjs, with every violation reported (the known ones are told apart below). */
async function options(): Promise<ICruiseOptions> {
  const { default: extractOptions } = await import('dependency-cruiser/config-utl/extract-depcruise-options');
  return { ...(await extractOptions(join(root, '.dependency-cruiser.cjs'))), ignoreKnown: false };
}

async function violations(baseDir: string): Promise<IViolation[]> {
  const { cruise } = await import('dependency-cruiser');
  const result = await cruise(['src'], { ...(await options()), baseDir });
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations;
}

/** One line a person reads: the rule, and the import (for a circle, the files round the circle). */
function describeViolation(v: Pick<IViolation, 'rule' | 'from' | 'to' | 'cycle'>): string {
  if (v.cycle) return `${v.rule.name}: ${[...v.cycle.map((step) => step.name)].sort().join(' ⟲ ')}`;
  return `${v.rule.name}: ${v.from} → ${v.to}`;
}

describe('the import rules of src/ (one road, no arrow back up, no circle)', () => {
  it('hold for src/ today, but for the known violations listed in .dependency-cruiser.cjs', async () => {
    const known = (await options()).knownViolations ?? [];
    const found = await violations(root);
    const isKnown = (v: IViolation) => known.some((k) => k.rule.name === v.rule.name && k.from === v.from && k.to === v.to);
    expect(found.filter((v) => !isKnown(v)).map(describeViolation)).toEqual([]);
    const stillThere = (k: (typeof known)[number]) => found.some((v) => v.rule.name === k.rule.name && v.from === k.from && v.to === k.to);
    expect(known.filter((k) => !stillThere(k)).map(describeViolation), 'fixed: take them off the known list').toEqual([]);
  }, 60_000);

  it('forbid every arrow back up and every circle, room by room', async () => {
    const tree = join(work, 'house');
    // Each file imports what its line names; the comment says which rule, if any, the import breaks.
    const files: Record<string, string[]> = {
      'src/errors.ts': [],
      'src/config.ts': ['./errors'],
      'src/formats/sniff.ts': ['../store/store'], // ground-imports-only-itself
      'src/source/s3.ts': ['../formats/sniff', '../config', '../store/store'], // source-imports-only-itself
      'src/load/plan.ts': [],
      'src/load/load.ts': ['../source/s3', '../store/store', './plan', '../charts/chart'], // load-imports-only-source-store
      'src/store/store.ts': ['../errors', './rows', '../load/plan'], // store-imports-only-itself
      'src/store/rows.ts': ['./store'], // no-circular, with store.ts
      'src/analysis/vocabulary.ts': ['../store/store'],
      'src/baseline/baseline.ts': ['../analysis/vocabulary', '../charts/chart'], // analysis-imports-only-store
      'src/charts/chart.ts': ['../analysis/vocabulary', '../render/svg'],
      'src/report/report.ts': ['../charts/chart', '../baseline/baseline', '../store/store'],
      'src/render/svg.ts': [],
      'src/render/theme.ts': ['../output/table'], // render-knows-no-chart
      // present-imports-only-analysis-store, the-report-is-the-top-of-present
      'src/notebook/show.ts': ['../render/svg', '../charts/chart', '../store/store', '../load/plan', '../report/report'],
      'src/output/table.ts': ['../cli/main'], // present-imports-only-analysis-store, only-the-top-imports-the-top
      'src/sample/write.ts': ['../store/store', '../source/s3'], // sample-imports-only-store
      'src/cli/main.ts': ['../load/load', '../report/report', '../notebook/show', '../sample/write', '../version'],
      'src/version.ts': [],
      'src/index.ts': ['./cli/main', './load/load'],
    };
    for (const [file, imports] of Object.entries(files)) {
      writeKey(tree, file, `${imports.map((path) => `import '${path}';`).join('\n')}\nexport {};\n`);
    }
    const expected = [
      'ground-imports-only-itself: src/formats/sniff.ts → src/store/store.ts',
      'source-imports-only-itself: src/source/s3.ts → src/store/store.ts',
      'load-imports-only-source-store: src/load/load.ts → src/charts/chart.ts',
      'store-imports-only-itself: src/store/store.ts → src/load/plan.ts',
      'no-circular: src/store/rows.ts ⟲ src/store/store.ts',
      'analysis-imports-only-store: src/baseline/baseline.ts → src/charts/chart.ts',
      'render-knows-no-chart: src/render/theme.ts → src/output/table.ts',
      'the-report-is-the-top-of-present: src/notebook/show.ts → src/report/report.ts',
      'present-imports-only-analysis-store: src/notebook/show.ts → src/load/plan.ts',
      'present-imports-only-analysis-store: src/output/table.ts → src/cli/main.ts',
      'only-the-top-imports-the-top: src/output/table.ts → src/cli/main.ts',
      'sample-imports-only-store: src/sample/write.ts → src/source/s3.ts',
    ];
    expect((await violations(tree)).map(describeViolation).sort()).toEqual(expected.sort());
  }, 60_000);

  it('let no module but src/config.ts read the environment', () => {
    const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const readers = sources.filter((file) => /process\.env\b/.test(readFileSync(join(root, 'src', file), 'utf8')));
    expect(readers).toEqual(['config.ts']);
  });
});
