import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { periodParams } from './kit/query-params';
import type { FleetSizeRow, OsFamily } from './kit/rows';
import { monthAxis, monthBarsFrame, monthTooltip, stackOrder } from './kit/month-bars';
import { colorScale, countFormat, osFamilyColors } from './kit/theme';
import { countNumber, isoTime } from './kit/values';

const osFamilyOrder = Object.keys(osFamilyColors) as OsFamily[];

const en = {
  title: 'Fleet size by operating system',
  subtitle: 'Computers at the last run of each month',
  month: 'Month',
  computers: 'Computers',
  osFamily: 'OS family',
  withAgent: 'With an agent',
};

const ja: typeof en = {
  title: 'OS別のコンピュータ数',
  subtitle: '各月の最後の取得時点のコンピュータ数',
  month: '月',
  computers: 'コンピュータ数',
  osFamily: 'OSファミリ',
  withAgent: 'エージェント導入済み',
};

/** Computers at the last run of each month, stacked by operating-system family (`fleet-size`). */
export const chart = defineChart<FleetSizeRow, typeof en>({
  query: 'fleet-size',
  order: 70,
  queryParams: periodParams,
  texts: { en, ja },
  draw({ rows, text, words, dates }) {
    const values = rows.map((row) => ({
      month: isoTime(row.month),
      os_family: words.osFamilies[row.os_family],
      order: osFamilyOrder.indexOf(row.os_family),
      computers: countNumber(row.computers),
      with_agent: countNumber(row.with_agent),
    }));
    return {
      ...monthBarsFrame({ text: text.title, subtitle: text.subtitle }, values),
      encoding: {
        x: monthAxis(text.month, dates),
        y: { field: 'computers', type: 'quantitative', stack: 'zero', title: text.computers, axis: { format: countFormat } },
        color: {
          field: 'os_family',
          type: 'nominal',
          title: text.osFamily,
          scale: colorScale(words.osFamilies, osFamilyColors),
        },
        order: stackOrder('order'),
        tooltip: [
          monthTooltip(text.month, dates),
          { field: 'os_family', type: 'nominal', title: text.osFamily },
          { field: 'computers', type: 'quantitative', title: text.computers, format: countFormat },
          { field: 'with_agent', type: 'quantitative', title: text.withAgent, format: countFormat },
        ],
      },
    } satisfies VegaLiteSpec;
  },
});
