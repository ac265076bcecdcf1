import { quotedIdentifier, quotedString } from '@duckdb/node-api';

export interface ColumnDescription {
  column_name: string;
  column_type: string;
}

/**
 * Columns that hold a nested object or list in Workload Security records: the protection modules, status
 * and cloud summaries, settings, and lists such as interfaces, tasks and rule ids. CSV and all-string Parquet
 * write them as JSON text; every other text cell stays text, whatever it looks like (`[1,2]` as a host name).
 */
const NESTED_COLUMN =
  /^(antiMalware|webReputation|firewall|intrusionPrevention|integrityMonitoring|logInspection|applicationControl|activityMonitoring|deviceControl|SAP|interfaces|tasks|securityUpdates|interfaceTypes|\w*(Status|Summary|Settings|IDs|Messages))$/i;

/**
 * The record of one row of a tabular file (CSV, Parquet) as a JSON object over its columns. Text cells of nested
 * columns that hold JSON objects or arrays become JSON again via `fk_cell`.
 */
export function recordExpression(columns: ColumnDescription[]): string {
  const pairs = columns.map(({ column_name, column_type }) => {
    const column = quotedIdentifier(column_name);
    const value = column_type === 'VARCHAR' && NESTED_COLUMN.test(column_name) ? `fk_cell(${column})` : column;
    return `${quotedString(column_name)}, ${value}`;
  });
  return `json_object(${pairs.join(', ')})`;
}
