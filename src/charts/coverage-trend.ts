import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { monthTooltip } from './kit/month-bars';
import { coverageValues, osFamilySuffix } from './kit/coverage';
import { periodParams } from './kit/query-params';
import type { FleetCoverageRow } from './kit/rows';
import { chartConfig, chartHeight, chartWidth, colorScale, countFormat, moduleColors, percentFormat, vegaLiteSchemaUrl } from './kit/theme';

const en = {
  title: 'Protection coverage by module',
  subtitle: 'Agent: share of all computers. Modules: share of computers with an agent. Last run of each month.',
  month: 'Month',
  coverage: 'Coverage',
  module: 'Module',
  covered: 'Covered',
  of: 'Of',
};

const ja: typeof en = {
  title: 'モジュール別の保護の適用率',
  subtitle:
    'エージェント：全コンピュータに占める割合。モジュール：エージェント導入済みコンピュータに占める割合。各月の最後の取得時点。',
  month: '月',
  coverage: '適用率',
  module: 'モジュール',
  covered: '適用',
  of: '母数',
};

/** Share of the whole fleet with an agent, and of agents with each module on, month by month (`fleet-coverage`). */
export const chart = defineChart<FleetCoverageRow, typeof en>({
  query: 'fleet-coverage',
  order: 10,
  queryParams: periodParams,
  texts: { en, ja },
  draw({ rows, options, text, words, dates }) {
    const osFamily = options.osFamily ?? 'all';
    const values = coverageValues(rows, osFamily, words);
    return {
      $schema: vegaLiteSchemaUrl,
      title: { text: `${text.title}${osFamilySuffix(osFamily, words)}`, subtitle: text.subtitle },
      width: chartWidth,
      height: chartHeight,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: {
        x: {
          field: 'month',
          type: 'temporal',
          timeUnit: 'utcyearmonth',
          title: text.month,
          axis: { format: dates.month, tickCount: { interval: 'month', step: 1 } },
        },
        y: {
          field: 'coverage',
          type: 'quantitative',
          title: text.coverage,
          scale: { domain: [0, 1] },
          axis: { format: percentFormat },
        },
        color: { field: 'module', type: 'nominal', title: text.module, scale: colorScale(words.modules, moduleColors) },
        tooltip: [
          monthTooltip(text.month, dates),
          { field: 'module', type: 'nominal', title: text.module },
          { field: 'coverage', type: 'quantitative', title: text.coverage, format: percentFormat },
          { field: 'covered', type: 'quantitative', title: text.covered, format: countFormat },
          { field: 'computers', type: 'quantitative', title: text.of, format: countFormat },
        ],
      },
      config: chartConfig,
    } satisfies VegaLiteSpec;
  },
});
