import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { periodParams } from './kit/query-params';
import type { EventTopRow } from './kit/rows';
import { chartConfig, chartWidth, countFormat, vegaLiteSchemaUrl } from './kit/theme';
import { countNumber, isoTime } from './kit/values';

const en = {
  title: 'Rules that fired most',
  subtitle: 'Firewall, intrusion prevention, integrity and log inspection events by rule, the top 10',
  rule: 'Rule',
  events: 'Events',
  computers: 'Computers',
  firstSeen: 'First',
  lastSeen: 'Last',
};

const ja: typeof en = {
  title: 'イベントの多いルール',
  subtitle: 'ファイアウォール・侵入防御・変更監視・セキュリティログ監視のイベント数（ルール別上位10件）',
  rule: 'ルール',
  events: 'イベント数',
  computers: 'コンピュータ数',
  firstSeen: '最初',
  lastSeen: '最後',
};

/** The top rules by events, as horizontal bars (`event-top`, by rule). */
export const chart = defineChart<EventTopRow, typeof en>({
  query: 'event-top',
  order: 100,
  queryParams: (options) => ({ ...periodParams(options), by: 'rule', top: 10 }),
  texts: { en, ja },
  draw({ rows, text, dates }) {
    const values = rows.map((row) => ({
      rule: row.subject,
      events: countNumber(row.events),
      computers: countNumber(row.computers),
      first_seen: isoTime(row.first_seen),
      last_seen: isoTime(row.last_seen),
    }));
    return {
      $schema: vegaLiteSchemaUrl,
      title: { text: text.title, subtitle: text.subtitle },
      width: chartWidth - 240,
      height: { step: 24 },
      data: { values },
      mark: { type: 'bar', color: '#dc2626' },
      encoding: {
        y: { field: 'rule', type: 'nominal', title: null, sort: values.map((value) => value.rule), axis: { labelLimit: 240 } },
        x: { field: 'events', type: 'quantitative', title: text.events, axis: { format: countFormat } },
        tooltip: [
          { field: 'rule', type: 'nominal', title: text.rule },
          { field: 'events', type: 'quantitative', title: text.events, format: countFormat },
          { field: 'computers', type: 'quantitative', title: text.computers, format: countFormat },
          { field: 'first_seen', type: 'temporal', title: text.firstSeen, format: dates.time },
          { field: 'last_seen', type: 'temporal', title: text.lastSeen, format: dates.time },
        ],
      },
      config: chartConfig,
    } satisfies VegaLiteSpec;
  },
});
