import type { ChartSpec } from '../../render/chart-spec';
import type { ChartLanguage, DateFormats } from './languages';
import { dateFormats } from './languages';
import type { OsFamily, RowsInput } from './rows';
import { rowsOf } from './rows';
import type { Vocabulary } from './vocabulary';
import { vocabulary } from './vocabulary';

/**
 * What narrows a chart: `from`/`to` (dates YYYY-MM-DD or times) and the silence threshold in days go to its query;
 * `osFamily` picks the rows the coverage charts draw; `lang` the language of its texts (English by default).
 */
export interface ChartOptions {
  from?: string;
  to?: string;
  silentDays?: number;
  osFamily?: OsFamily | 'all';
  lang?: ChartLanguage;
}

/** A chart as the engine finds it: the `chart` export of a file `src/charts/<name>.ts`, named by the file. */
export interface Chart {
  /** The title in English, as `fleetkit chart --help` lists it. */
  readonly title: string;
  /** The named query (queries/<query>.sql) whose rows the chart draws. */
  readonly query: string;
  /** Where the chart stands in lists (`chartNames`, `fleetkit chart --help`): lowest first. */
  readonly order: number;
  /** The named query's parameters for these options; options not given are left to the query's defaults. */
  queryParams(options: ChartOptions): Record<string, string | number>;
  /** Builds the chart from rows (or a result) of `query`, as the store returns them. */
  build(rows: RowsInput<object>, options?: ChartOptions): ChartSpec;
}

/** What a chart's `draw` gets: its rows, the options, and its texts and the domain's words in the asked language. */
export interface ChartDrawing<Row, Texts> {
  rows: readonly Row[];
  options: ChartOptions;
  text: Texts;
  words: Vocabulary;
  dates: DateFormats;
}

export interface ChartDefinition<Row, Texts extends { title: string }> {
  query: string;
  order: number;
  queryParams(options: ChartOptions): Record<string, string | number>;
  /** The chart's own texts, one table per language. */
  texts: Readonly<Record<ChartLanguage, Texts>>;
  draw(drawing: ChartDrawing<Row, Texts>): ChartSpec;
}

/**
 * Makes a chart of a definition. `Row` is the row shape of its query: the engine hands any query's rows to
 * `build`, trusting them to have the query's columns, as the store promises.
 */
export function defineChart<Row, Texts extends { title: string }>(definition: ChartDefinition<Row, Texts>): Chart {
  const { query, order, queryParams, texts, draw } = definition;
  return {
    title: texts.en.title,
    query,
    order,
    queryParams,
    build(input, options = {}) {
      const lang = options.lang ?? 'en';
      const rows = rowsOf(input as RowsInput<Row>);
      return draw({ rows, options, text: texts[lang], words: vocabulary[lang], dates: dateFormats[lang] });
    },
  };
}
