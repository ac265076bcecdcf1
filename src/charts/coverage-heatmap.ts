import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { monthTooltip } from './kit/month-bars';
import { coverageValues, osFamilySuffix } from './kit/coverage';
import { periodParams } from './kit/query-params';
import type { FleetCoverageRow } from './kit/rows';
import { chartConfig, countFormat, percentFormat, vegaLiteSchemaUrl } from './kit/theme';

const darkCellThreshold = 0.6;

const en = {
  title: 'Coverage heatmap: module × month',
  subtitle: 'Share of computers covered at the last run of each month',
  month: 'Month',
  module: 'Module',
  coverage: 'Coverage',
  covered: 'Covered',
  of: 'Of',
};

const ja: typeof en = {
  title: '適用率ヒートマップ：モジュール × 月',
  subtitle: '各月の最後の取得時点で保護が適用されているコンピュータの割合',
  month: '月',
  module: 'モジュール',
  coverage: '適用率',
  covered: '適用',
  of: '母数',
};

/** Coverage of each module in each month as a grid of cells (`fleet-coverage`, os_family 'all'). */
export const chart = defineChart<FleetCoverageRow, typeof en>({
  query: 'fleet-coverage',
  order: 20,
  queryParams: periodParams,
  texts: { en, ja },
  draw({ rows, options, text, words, dates }) {
    const osFamily = options.osFamily ?? 'all';
    const values = coverageValues(rows, osFamily, words);
    const moduleOrder = Object.values(words.modules);
    const month = {
      field: 'month',
      type: 'ordinal',
      timeUnit: 'utcyearmonth',
      title: null,
      axis: { format: dates.month, orient: 'top', domain: false, ticks: false },
    } as const;
    const module = {
      field: 'module',
      type: 'nominal',
      title: null,
      sort: moduleOrder,
      axis: { domain: false, ticks: false },
    } as const;
    return {
      $schema: vegaLiteSchemaUrl,
      title: { text: `${text.title}${osFamilySuffix(osFamily, words)}`, subtitle: text.subtitle },
      width: { step: 64 },
      height: { step: 28 },
      data: { values },
      encoding: { x: month, y: module },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
          encoding: {
            color: {
              field: 'coverage',
              type: 'quantitative',
              title: text.coverage,
              scale: { domain: [0, 1], scheme: 'yellowgreenblue' },
              legend: { format: percentFormat, gradientLength: 160 },
            },
            tooltip: [
              monthTooltip(text.month, dates),
              { field: 'module', type: 'nominal', title: text.module },
              { field: 'coverage', type: 'quantitative', title: text.coverage, format: percentFormat },
              { field: 'covered', type: 'quantitative', title: text.covered, format: countFormat },
              { field: 'computers', type: 'quantitative', title: text.of, format: countFormat },
            ],
          },
        },
        {
          mark: { type: 'text', fontSize: 10 },
          encoding: {
            text: { field: 'coverage', type: 'quantitative', format: percentFormat },
            color: {
              condition: { test: `datum.coverage > ${darkCellThreshold}`, value: 'white' },
              value: '#0f172a',
            },
          },
        },
      ],
      config: chartConfig,
    } satisfies VegaLiteSpec;
  },
});
