export { buildReport, ReportError, type BuildReportOptions, type ControlSummary, type ReportSummary } from './build-report';
export { ControlError } from '../analysis/controls/control-error';
export { listControls } from '../analysis/controls/control-catalog';
export type { ControlDefinition } from '../analysis/controls/control-definition';
export { reportLanguages, type ReportLanguage } from './messages';
export type { ManifestFile, ReportManifest } from './manifest';
export { QuarterError } from './quarter';
export { ReportDataError } from './report-data';
export { installControlMacros, runControl } from '../analysis/controls/control-engine';
