import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { monthTooltip } from './kit/month-bars';
import { agentHealthParams } from './kit/query-params';
import type { AgentHealthRow } from './kit/rows';
import { chartConfig, chartHeight, countFormat, distinctCount, monthBarsWidth, percentFormat, vegaLiteSchemaUrl } from './kit/theme';
import { countNumber, isoTime } from './kit/values';

const silentColor = '#dc2626';
/** The `silent_days` default of queries/agent-health.sql, for the subtitle when none is given. */
const defaultSilentDays = 7;

const en = {
  title: 'Silent agents by month',
  subtitle: (days: number) => `Agents not heard from for more than ${days} days at the last run of each month`,
  month: 'Month',
  silentAgents: 'Silent agents',
  of: 'Of',
  share: 'Share',
};

const ja: typeof en = {
  title: '月別の通信のないエージェント',
  subtitle: (days) => `各月の最後の取得時点で ${days} 日を超えて通信のないエージェント`,
  month: '月',
  silentAgents: '通信のないエージェント',
  of: '母数',
  share: '割合',
};

/** Agents not heard from for more than `silentDays` at the last run of each month (`agent-health` `silent`). */
export const chart = defineChart<AgentHealthRow, typeof en>({
  query: 'agent-health',
  order: 40,
  queryParams: agentHealthParams,
  texts: { en, ja },
  draw({ rows, options, text, dates }) {
    const values = rows.map((row) => {
      const silent = countNumber(row.silent);
      const withAgent = countNumber(row.with_agent);
      return { month: isoTime(row.month), silent, with_agent: withAgent, share: withAgent > 0 ? silent / withAgent : 0 };
    });
    const month = {
      field: 'month',
      type: 'ordinal',
      timeUnit: 'utcyearmonth',
      title: text.month,
      axis: { format: dates.month },
    } as const;
    const silent = { field: 'silent', type: 'quantitative', title: text.silentAgents, axis: { format: countFormat } } as const;
    return {
      $schema: vegaLiteSchemaUrl,
      title: { text: text.title, subtitle: text.subtitle(options.silentDays ?? defaultSilentDays) },
      width: monthBarsWidth(distinctCount(values.map((value) => value.month))),
      height: chartHeight,
      data: { values },
      encoding: { x: month, y: silent },
      layer: [
        {
          mark: { type: 'bar', color: silentColor },
          encoding: {
            tooltip: [
              monthTooltip(text.month, dates),
              { field: 'silent', type: 'quantitative', title: text.silentAgents, format: countFormat },
              { field: 'with_agent', type: 'quantitative', title: text.of, format: countFormat },
              { field: 'share', type: 'quantitative', title: text.share, format: percentFormat },
            ],
          },
        },
        {
          mark: { type: 'text', dy: -8, color: '#0f172a' },
          encoding: { text: { field: 'share', type: 'quantitative', format: percentFormat } },
        },
      ],
      config: chartConfig,
    } satisfies VegaLiteSpec;
  },
});
