import { quotedIdentifier, quotedString } from './sql-text';

export interface ColumnDescription {
  column_name: string;
  column_type: string;
}

/**
 * The record of one row of a tabular file (CSV, Parquet) as a JSON object over its columns. Text cells that hold
 * JSON objects or arrays (how CSV and all-string Parquet carry nested fields) become JSON again via `fk_cell`.
 */
export function recordExpression(columns: ColumnDescription[]): string {
  const pairs = columns.map(({ column_name, column_type }) => {
    const column = quotedIdentifier(column_name);
    const value = column_type === 'VARCHAR' ? `fk_cell(${column})` : column;
    return `${quotedString(column_name)}, ${value}`;
  });
  return `json_object(${pairs.join(', ')})`;
}
