import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { periodParams } from './kit/query-params';
import type { AgentVersionRow } from './kit/rows';
import {
  chartConfig,
  chartHeight,
  colorSteps,
  countFormat,
  distinctCount,
  monthBarsWidth,
  newestVersionColor,
  oldestVersionColor,
  percentFormat,
  vegaLiteSchemaUrl,
} from './kit/theme';
import { countNumber, isoTime } from './kit/values';
import { compareVersions } from './kit/versions';

const en = {
  title: 'Agent version adoption',
  subtitle: 'Share of agents on each version at the last run of each month',
  month: 'Month',
  shareOfAgents: 'Share of agents',
  agentVersion: 'Agent version',
  version: 'Version',
  agents: 'Agents',
};

const ja: typeof en = {
  title: 'エージェントのバージョンの普及',
  subtitle: '各月の最後の取得時点で各バージョンを使っているエージェントの割合',
  month: '月',
  shareOfAgents: 'エージェントの割合',
  agentVersion: 'エージェントのバージョン',
  version: 'バージョン',
  agents: 'エージェント数',
};

/** Share of agents on each version at the last run of each month, newest version darkest (`agent-versions`). */
export const chart = defineChart<AgentVersionRow, typeof en>({
  query: 'agent-versions',
  order: 50,
  queryParams: periodParams,
  texts: { en, ja },
  draw({ rows, text, dates }) {
    const newestFirst = [...new Set(rows.map((row) => row.agent_version))].sort(compareVersions).reverse();
    const values = rows.map((row) => ({
      month: isoTime(row.month),
      version: row.agent_version,
      rank: newestFirst.indexOf(row.agent_version),
      computers: countNumber(row.computers),
    }));
    return {
      $schema: vegaLiteSchemaUrl,
      title: { text: text.title, subtitle: text.subtitle },
      width: monthBarsWidth(distinctCount(values.map((value) => value.month))),
      height: chartHeight,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'month', type: 'ordinal', timeUnit: 'utcyearmonth', title: text.month, axis: { format: dates.month } },
        y: {
          field: 'computers',
          type: 'quantitative',
          stack: 'normalize',
          title: text.shareOfAgents,
          axis: { format: percentFormat },
        },
        color: {
          field: 'version',
          type: 'ordinal',
          title: text.agentVersion,
          scale: { domain: newestFirst, range: colorSteps(newestVersionColor, oldestVersionColor, newestFirst.length) },
        },
        order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
        tooltip: [
          { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: text.month, format: dates.month },
          { field: 'version', type: 'nominal', title: text.version },
          { field: 'computers', type: 'quantitative', title: text.agents, format: countFormat },
        ],
      },
      config: chartConfig,
    } satisfies VegaLiteSpec;
  },
});
