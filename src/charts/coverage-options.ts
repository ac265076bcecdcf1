import type { OsFamily } from './rows';
import { osFamilyLabels } from './theme';

export interface CoverageChartOptions {
  /** Which rows of `fleet-coverage` to draw: the whole fleet ('all', the default) or one OS family. */
  osFamily?: OsFamily | 'all';
}

export function osFamilySuffix(osFamily: OsFamily | 'all'): string {
  return osFamily === 'all' ? '' : ` (${osFamilyLabels[osFamily]})`;
}
