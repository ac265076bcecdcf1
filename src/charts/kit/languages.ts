import { languages, type Language } from '../../analysis/vocabulary';

export const chartLanguages = languages;
export type ChartLanguage = Language;

/** d3-time-format patterns of the times a chart shows, in each language. */
export interface DateFormats {
  month: string;
  day: string;
  /** A day without its year, where the axis shows many days of a few months. */
  shortDay: string;
  time: string;
}

export const dateFormats: Readonly<Record<ChartLanguage, DateFormats>> = {
  en: { month: '%b %Y', day: '%-d %b %Y', shortDay: '%-d %b', time: '%-d %b %Y %H:%M UTC' },
  ja: { month: '%Y年%-m月', day: '%Y年%-m月%-d日', shortDay: '%-m月%-d日', time: '%Y年%-m月%-d日 %H:%M UTC' },
};

export function isChartLanguage(lang: string): lang is ChartLanguage {
  return (chartLanguages as readonly string[]).includes(lang);
}
