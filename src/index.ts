// fleetkit's public API: the same functions the CLI and the notebooks use.
export { loadSnapshots } from './load/load-snapshots';
export type { LoadOptions, LoadSummary, RunFailure } from './load/load-snapshots';
export type { LoadEvent } from './load/progress';

export { openStore, Store } from './store/store';
export type { SqlParams } from './store/store';
export { QueryResult } from './store/query-result';
export type { Column, Row } from './store/query-result';
export { listNamedQueries, ParameterError } from './store/named-queries';
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

export { generateRuns } from './sample/fleet';
export type { GeneratedRun } from './sample/fleet';
export { writeSampleData } from './sample/write';
export type { SampleFormat, SampleSummary, WriteSampleOptions } from './sample/write';
export { COMMITTED_SAMPLE_OPTIONS, SAMPLE_DATA_DIR } from './sample/committed';

export * from './charts';
export * from './render';
export * from './notebook';
export * from './report';
export { BaselineError, defaultBaselinePath, loadBaseline, validateBaseline } from './baseline';
export type { Baseline, BaselineControl, BaselineProblem, BaselineScope, Severity } from './baseline';

export { VERSION } from './version';
