export const chartFormats = ['svg', 'png', 'html', 'vl.json'] as const;
export type ChartFormat = (typeof chartFormats)[number];

export function isChartFormat(format: string): format is ChartFormat {
  return (chartFormats as readonly string[]).includes(format);
}

/** The format a file name asks for by its extension (`chart.vl.json` → 'vl.json'), if it names one. */
export function chartFormatOfFile(fileName: string): ChartFormat | undefined {
  const lower = fileName.toLowerCase();
  return [...chartFormats].sort((a, b) => b.length - a.length).find((format) => lower.endsWith(`.${format}`));
}
