import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { periodParams } from './kit/query-params';
import type { AgentVersionRow } from './kit/rows';
import { monthAxis, monthBarsFrame, monthTooltip, stackOrder } from './kit/month-bars';
import { colorSteps, countFormat, newestVersionColor, oldestVersionColor, percentFormat } from './kit/theme';
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
      ...monthBarsFrame({ text: text.title, subtitle: text.subtitle }, values),
      encoding: {
        x: monthAxis(text.month, dates),
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
        order: stackOrder('rank'),
        tooltip: [
          monthTooltip(text.month, dates),
          { field: 'version', type: 'nominal', title: text.version },
          { field: 'computers', type: 'quantitative', title: text.agents, format: countFormat },
        ],
      },
    } satisfies VegaLiteSpec;
  },
});
