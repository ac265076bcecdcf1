import type { DateFormats } from './languages';
import { chartConfig, chartHeight, distinctCount, monthBarsWidth, vegaLiteSchemaUrl } from './theme';

/**
 * What every chart of bars by month shares: the frame (title, size, data, mark, theme) and the month's axis and
 * tooltip. A chart spreads the frame and adds its own y, colour, order and tooltip fields.
 */
export function monthBarsFrame<Value extends { month: string }>(
  title: { text: string; subtitle: string },
  values: Value[],
) {
  return {
    $schema: vegaLiteSchemaUrl,
    title,
    width: monthBarsWidth(distinctCount(values.map((value) => value.month))),
    height: chartHeight,
    data: { values },
    mark: { type: 'bar' },
    config: chartConfig,
  } as const;
}

export function monthAxis(title: string, dates: DateFormats) {
  return { field: 'month', type: 'ordinal', timeUnit: 'utcyearmonth', title, axis: { format: dates.month } } as const;
}

export function monthTooltip(title: string, dates: DateFormats) {
  return { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title, format: dates.month } as const;
}

/** Segments stack bottom up in ascending order of `field`. */
export function stackOrder(field: string) {
  return { field, type: 'quantitative', sort: 'ascending' } as const;
}
