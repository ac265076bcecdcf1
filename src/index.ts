// fleetkit's public API: the same functions the CLI and the notebooks use. Everything not named here is internal.
export { loadSnapshots } from './load/load-snapshots';
export type { LoadNotice, LoadOptions, LoadSummary, RunFailure } from './load/load-snapshots';
export type { StreamCounts } from './load/load-summary';
export type { LoadEvent } from './load/progress';

export { openStore, Store } from './store/store';
export type { SqlParams } from './store/store';
export type { StoreReader } from './store/store-reader';
export { QueryResult } from './store/query-result';
export type { Column, Row } from './store/query-result';
export { listNamedQueries, ParameterError } from './store/named-queries';
export { eventRetentionDays, pruneEventsBefore, setEventRetention } from './store/event-retention';
export type { NamedQuery, QueryParameter } from './store/named-queries';

export { createFolderSource } from './source/folder-source';
export { createS3Source } from './source/s3-source';
export type { S3Source, S3SourceOptions } from './source/s3-source';
export { SourceError } from './source/s3-errors';
export { readExportKey } from './source/layout';
export type { ExportFileKey, Granularity } from './source/layout';
export { snapshotTime } from './source/snapshot-time';
export type { Source, SourceObject } from './source/types';

export { toCsv } from './output/to-csv';
export { toJson } from './output/to-json';
export { toTable } from './output/to-table';

export { chartConfig, chartNames, charts, renderChart } from './charts';
export type { Chart, ChartName, RenderChartOptions, RenderedChart } from './charts';
export { chartFormats, toHtml, toPng, toSvg, writeChart } from './render';
export type { ChartFormat, ChartSpec, PngOptions } from './render';

export { show, toDanfo } from './notebook';
export type { DanfoDataFrame, Showable, ShowOptions } from './notebook';

export { buildReport, installControlMacros, listControls, QuarterError, ReportDataError, ReportError, reportLanguages, runControl } from './report';
export type { BuildReportOptions, ControlDefinition, ControlSummary, ManifestFile, ReportLanguage, ReportManifest, ReportSummary } from './report';
export { BaselineError, defaultBaselinePath, loadBaseline, validateBaseline } from './baseline';
export type { Baseline, BaselineControl, BaselineProblem, BaselineScope, Severity } from './baseline';

export { generateRuns } from './sample/fleet';
export type { GeneratedRun } from './sample/fleet';
export { writeSampleData } from './sample/write';
export type { SampleFormat, SampleSummary, WriteSampleOptions } from './sample/write';
export { COMMITTED_SAMPLE_OPTIONS, SAMPLE_DATA_DIR } from './sample/committed';
export { writeEventArchive } from './sample/events';
export type { EventArchiveOptions, EventArchiveSummary } from './sample/events';

export { ExitCode, FleetkitError } from './errors';
export type { ExitStatus } from './errors';
export { VERSION } from './version';
