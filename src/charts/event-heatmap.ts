import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { periodParams } from './kit/query-params';
import type { EventHostWeekRow } from './kit/rows';
import { chartConfig, countFormat, vegaLiteSchemaUrl } from './kit/theme';
import { countNumber, isoTime } from './kit/values';

const en = {
  title: 'Busiest computers by week',
  subtitle: 'Events recorded each week by the 20 computers that recorded the most',
  week: 'Week of',
  computer: 'Computer',
  events: 'Events',
  periodEvents: 'Events in the period',
};

const ja: typeof en = {
  title: '週別のイベントが多いコンピュータ',
  subtitle: 'イベントの多い上位20台のコンピュータが各週に記録したイベント数',
  week: '週の開始日',
  computer: 'コンピュータ',
  events: 'イベント数',
  periodEvents: '期間内のイベント数',
};

/** Computers × weeks, each cell the events the computer recorded that week (`event-host-weeks`). */
export const chart = defineChart<EventHostWeekRow, typeof en>({
  query: 'event-host-weeks',
  order: 90,
  queryParams: periodParams,
  texts: { en, ja },
  draw({ rows, text, dates }) {
    const values = rows.map((row) => ({
      week: isoTime(row.week_start),
      computer: row.host_name,
      events: countNumber(row.events),
      period_events: countNumber(row.period_events),
    }));
    const busiestFirst = [...new Set(values.map((value) => value.computer))];
    return {
      $schema: vegaLiteSchemaUrl,
      title: { text: text.title, subtitle: text.subtitle },
      width: { step: 34 },
      height: { step: 18 },
      data: { values },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: {
        x: { field: 'week', type: 'ordinal', timeUnit: 'utcyearmonthdate', title: text.week, axis: { format: dates.shortDay, labelAngle: -45 } },
        y: { field: 'computer', type: 'nominal', title: null, sort: busiestFirst },
        color: {
          field: 'events',
          type: 'quantitative',
          title: text.events,
          scale: { scheme: 'orangered' },
          legend: { format: countFormat, gradientLength: 160 },
        },
        tooltip: [
          { field: 'week', type: 'temporal', timeUnit: 'utcyearmonthdate', title: text.week, format: dates.day },
          { field: 'computer', type: 'nominal', title: text.computer },
          { field: 'events', type: 'quantitative', title: text.events, format: countFormat },
          { field: 'period_events', type: 'quantitative', title: text.periodEvents, format: countFormat },
        ],
      },
      config: chartConfig,
    } satisfies VegaLiteSpec;
  },
});
