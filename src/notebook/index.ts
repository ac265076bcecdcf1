export { show, showHtml } from './show';
export type { ArrowTableLike, DanfoFrameLike, RowsResult, Showable, ShowOptions } from './show';
export { toDanfo } from './to-danfo';
export type { DanfoDataFrame } from './to-danfo';
