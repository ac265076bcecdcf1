export { buildReport, ReportError, type BuildReportOptions, type ControlSummary, type ReportSummary } from './build-report';
export { listControls, type ControlDefinition } from './control-catalog';
export { reportLanguages, type ReportLanguage } from './messages';
export type { ManifestFile, ReportManifest } from './manifest';
export { QuarterError } from './quarter';
export { ReportDataError } from './report-data';
export { installControlMacros, runControl } from './run-controls';
