import type { DuckDBResultReader, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { arrowTable } from './to-arrow';

export type Row = Record<string, unknown>;

/** Named parameters, bound to `$name` in SQL text. */
export type SqlParams = Record<string, DuckDBValue>;

export interface Column {
  name: string;
  /** DuckDB's type name, e.g. `BIGINT`, `TIMESTAMP WITH TIME ZONE`, `VARCHAR[]`. */
  type: string;
  typeId: DuckDBTypeId;
}

/** A query's result: typed rows (integers that fit are numbers, times are Dates, maps are objects) and columns. */
export class QueryResult {
  readonly columns: Column[];
  readonly rows: Row[];

  constructor(reader: DuckDBResultReader | { columns: Column[]; rows: Row[] }) {
    if ('rows' in reader && 'columns' in reader) {
      this.columns = reader.columns;
      this.rows = reader.rows;
      return;
    }
    const types: DuckDBType[] = reader.columnTypes();
    this.columns = reader.columnNames().map((name, i) => ({ name, type: types[i].toString(), typeId: types[i].typeId }));
    // Column by column: getRowObjectsJS converts a cell at a time and took five times as long over 250,000 rows.
    const values = reader.getColumnsJS();
    this.rows = new Array<Row>(reader.currentRowCount);
    for (let r = 0; r < this.rows.length; r++) {
      const out: Row = {};
      for (let i = 0; i < this.columns.length; i++) out[this.columns[i].name] = plainValue(values[i][r], types[i]);
      this.rows[r] = out;
    }
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** The result as an Apache Arrow table, typed from DuckDB's column types. */
  toArrow(): Table {
    return arrowTable(this);
  }
}

function plainValue(value: unknown, type: DuckDBType): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (type.typeId === DuckDBTypeId.MAP && Array.isArray(value)) {
    const valueType = (type as unknown as { valueType: DuckDBType }).valueType;
    return Object.fromEntries(
      (value as { key: unknown; value: unknown }[]).map((e) => [String(e.key), plainValue(e.value, valueType)]),
    );
  }
  if (type.typeId === DuckDBTypeId.LIST && Array.isArray(value)) {
    const valueType = (type as unknown as { valueType: DuckDBType }).valueType;
    return value.map((v) => plainValue(v, valueType));
  }
  return value;
}
