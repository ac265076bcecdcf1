import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { agentHealthParams } from './kit/query-params';
import type { AgentHealthRow } from './kit/rows';
import { agentStatusColumns } from './kit/rows';
import { monthAxis, monthBarsFrame, monthTooltip, stackOrder } from './kit/month-bars';
import { agentStatusColors, colorScale, countFormat } from './kit/theme';
import { countNumber, isoTime } from './kit/values';

const en = {
  title: 'Agent status by month',
  subtitle: 'Computers with an agent, by agent status, at the last run of each month',
  month: 'Month',
  agents: 'Agents',
  agentStatus: 'Agent status',
  status: 'Status',
  of: 'Of',
};

const ja: typeof en = {
  title: '月別のエージェントの状態',
  subtitle: 'エージェント導入済みコンピュータのエージェントの状態別内訳（各月の最後の取得時点）',
  month: '月',
  agents: 'エージェント数',
  agentStatus: 'エージェントの状態',
  status: '状態',
  of: '母数',
};

/** Agents by status at the last run of each month, stacked (`agent-health`, one bar segment per status column). */
export const chart = defineChart<AgentHealthRow, typeof en>({
  query: 'agent-health',
  order: 30,
  queryParams: agentHealthParams,
  texts: { en, ja },
  draw({ rows, text, words, dates }) {
    const values = rows.flatMap((row) =>
      agentStatusColumns.map((status, order) => ({
        month: isoTime(row.month),
        status: words.agentStatuses[status],
        order,
        agents: countNumber(row[status]),
        with_agent: countNumber(row.with_agent),
      })),
    );
    return {
      ...monthBarsFrame({ text: text.title, subtitle: text.subtitle }, values),
      encoding: {
        x: monthAxis(text.month, dates),
        y: { field: 'agents', type: 'quantitative', stack: 'zero', title: text.agents, axis: { format: countFormat } },
        color: {
          field: 'status',
          type: 'nominal',
          title: text.agentStatus,
          scale: colorScale(words.agentStatuses, agentStatusColors),
        },
        order: stackOrder('order'),
        tooltip: [
          monthTooltip(text.month, dates),
          { field: 'status', type: 'nominal', title: text.status },
          { field: 'agents', type: 'quantitative', title: text.agents, format: countFormat },
          { field: 'with_agent', type: 'quantitative', title: text.of, format: countFormat },
        ],
      },
    } satisfies VegaLiteSpec;
  },
});
