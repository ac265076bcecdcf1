/**
 * The one font of every chart. Vega measures label widths with this font's metrics (see text-measure) and resvg
 * draws with the same file, so what is laid out is what is drawn. Japanese text, which DejaVu Sans lacks, falls
 * back to Noto Sans CJK; browsers without DejaVu Sans fall back to the rest of the list.
 */
export const chartFontFamily = 'DejaVu Sans';
export const chartFont = `${chartFontFamily}, Noto Sans CJK JP, Verdana, Geneva, sans-serif`;
