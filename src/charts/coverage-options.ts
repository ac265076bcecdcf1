import type { FleetCoverageRow, OsFamily, RowsInput } from './rows';
import { rowsOf } from './rows';
import { moduleLabels, osFamilyLabels } from './theme';
import { countNumber, isoTime } from './values';

export interface CoverageChartOptions {
  /** Which rows of `fleet-coverage` to draw: the whole fleet ('all', the default) or one OS family. */
  osFamily?: OsFamily | 'all';
}

export function osFamilySuffix(osFamily: OsFamily | 'all'): string {
  return osFamily === 'all' ? '' : ` (${osFamilyLabels[osFamily]})`;
}

/** The `fleet-coverage` rows of one OS family, as the coverage charts plot them. */
export function coverageValues(input: RowsInput<FleetCoverageRow>, osFamily: OsFamily | 'all') {
  return rowsOf(input)
    .filter((row) => row.os_family === osFamily)
    .map((row) => ({
      month: isoTime(row.month),
      module: moduleLabels[row.module],
      coverage: row.coverage ?? 0,
      covered: countNumber(row.covered),
      computers: countNumber(row.computers),
    }));
}
