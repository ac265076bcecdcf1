import type { OsFamily, FleetCoverageRow } from './rows';
import { countNumber, isoTime } from './values';
import type { Vocabulary } from './vocabulary';

/** The title's suffix naming the OS family drawn; none for the whole fleet. */
export function osFamilySuffix(osFamily: OsFamily | 'all', words: Vocabulary): string {
  return osFamily === 'all' ? '' : ` (${words.osFamilies[osFamily]})`;
}

/** The `fleet-coverage` rows of one OS family, as the coverage charts plot them. */
export function coverageValues(rows: readonly FleetCoverageRow[], osFamily: OsFamily | 'all', words: Vocabulary) {
  return rows
    .filter((row) => row.os_family === osFamily)
    .map((row) => ({
      month: isoTime(row.month),
      module: words.modules[row.module],
      coverage: row.coverage ?? 0,
      covered: countNumber(row.covered),
      computers: countNumber(row.computers),
    }));
}
