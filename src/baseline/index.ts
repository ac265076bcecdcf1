export type { Baseline, BaselineControl, BaselineScope, OsFamily, Severity } from './baseline';
export { BaselineError, type BaselineProblem } from './baseline-error';
export { defaultBaselinePath, loadBaseline } from './load-baseline';
export { validateBaseline } from './validate-baseline';
