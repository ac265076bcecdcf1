import { findChartFontFiles } from './font-files';
import type { FontMetrics } from './font-metrics';
import { readFontMetrics } from './font-metrics';
import { chartFontFamily } from './chart-font';

/** The text mark properties vega hands to its `textMetrics.width`. */
interface TextItem {
  font?: string;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

interface VegaTextMetrics {
  width(item: TextItem, text: unknown): number;
  estimateWidth(item: TextItem, text: unknown): number;
}

const defaultFontSize = 11;
const boldWeight = 600;
/** Width in ems of a character the chart font lacks: East Asian wide characters fill the em, others about 0.6. */
const wideCharacterWidth = 1;
const otherMissingCharacterWidth = 0.6;

/**
 * Makes vega lay out text with the chart font's real advance widths (without node-canvas it only estimates,
 * 0.8 em per character), so labels in SVG and PNG neither collide nor leave gaps. Text in another font, or no
 * installed chart font, keeps vega's estimate.
 */
export function installChartTextMeasure(vega: object): void {
  const textMetrics = (vega as Partial<{ textMetrics: VegaTextMetrics }>).textMetrics;
  const files = findChartFontFiles();
  if (textMetrics === undefined || files === null) return;
  const regular = readFontMetrics(files.regular);
  const bold = files.bold === undefined ? regular : readFontMetrics(files.bold);
  const estimate = textMetrics.estimateWidth;
  textMetrics.width = (item, text) => {
    if (!usesChartFont(item)) return estimate(item, text);
    const content = text === null || text === undefined ? '' : String(text).trim();
    const fontSize = item.fontSize ?? defaultFontSize;
    const width = measure(isBold(item) ? bold : regular, content, fontSize);
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

function usesChartFont(item: TextItem): boolean {
  const first = (item.font ?? chartFontFamily).split(',')[0].trim().replace(/^["']|["']$/g, '');
  return first === chartFontFamily || first === 'sans-serif';
}

function isBold(item: TextItem): boolean {
  const weight = item.fontWeight;
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= boldWeight;
}

function measure(metrics: FontMetrics, text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    ems += metrics.characterWidth(codePoint) ?? (isWide(codePoint) ? wideCharacterWidth : otherMissingCharacterWidth);
  }
  return ems * fontSize;
}

/** CJK, kana, Hangul and full-width forms: the scripts of Japanese and other East Asian names. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x20000
  );
}
