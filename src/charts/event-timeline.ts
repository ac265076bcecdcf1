import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { periodParams } from './kit/query-params';
import type { EventTrendRow } from './kit/rows';
import { chartConfig, chartHeight, chartWidth, countFormat, eventTypeColors, vegaLiteSchemaUrl } from './kit/theme';
import { countNumber, isoTime } from './kit/values';

const en = {
  title: 'Security and system events by week',
  subtitle: 'Events recorded each week (by their LogDate), each counted once, by type',
  week: 'Week of',
  events: 'Events',
  eventType: 'Event type',
  computers: 'Computers',
};

const ja: typeof en = {
  title: '週別のセキュリティイベントとシステムイベント',
  subtitle: '各週に記録されたイベント数（LogDate基準、重複配信は1件）の種類別内訳',
  week: '週の開始日',
  events: 'イベント数',
  eventType: 'イベントの種類',
  computers: 'コンピュータ数',
};

/** Events per week across months, stacked by type (`event-trend`, grain week). */
export const chart = defineChart<EventTrendRow, typeof en>({
  query: 'event-trend',
  order: 80,
  queryParams: (options) => ({ ...periodParams(options), grain: 'week' }),
  texts: { en, ja },
  draw({ rows, text, words, dates }) {
    const known = Object.keys(words.eventTypes);
    const label = (type: string) => words.eventTypes[type] ?? type;
    const values = rows.map((row) => ({
      week: isoTime(row.period_start),
      event_type: label(row.event_type),
      order: known.includes(row.event_type) ? known.indexOf(row.event_type) : known.length,
      events: countNumber(row.events),
      computers: countNumber(row.computers),
    }));
    const drawn = known.filter((type) => rows.some((row) => row.event_type === type));
    const others = [...new Set(rows.map((row) => row.event_type).filter((type) => !known.includes(type)))].sort();
    return {
      $schema: vegaLiteSchemaUrl,
      title: { text: text.title, subtitle: text.subtitle },
      width: chartWidth,
      height: chartHeight,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'week', type: 'ordinal', timeUnit: 'utcyearmonthdate', title: text.week, axis: { format: dates.day, labelAngle: -45 } },
        y: { field: 'events', type: 'quantitative', stack: 'zero', title: text.events, axis: { format: countFormat } },
        color: {
          field: 'event_type',
          type: 'nominal',
          title: text.eventType,
          scale: {
            domain: [...drawn.map(label), ...others],
            range: [...drawn.map((type) => eventTypeColors[type]), ...others.map(() => '#a8a29e')],
          },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [
          { field: 'week', type: 'temporal', timeUnit: 'utcyearmonthdate', title: text.week, format: dates.day },
          { field: 'event_type', type: 'nominal', title: text.eventType },
          { field: 'events', type: 'quantitative', title: text.events, format: countFormat },
          { field: 'computers', type: 'quantitative', title: text.computers, format: countFormat },
        ],
      },
      config: chartConfig,
    } satisfies VegaLiteSpec;
  },
});
