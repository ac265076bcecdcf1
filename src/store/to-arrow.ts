import type { DataType, Table, Vector } from 'apache-arrow';
import { DuckDBTypeId } from '@duckdb/node-api';

/** What a table is made from: columns typed by DuckDB, rows keyed by column name (a QueryResult is one). */
export interface ArrowSource {
  readonly columns: readonly { readonly name: string; readonly typeId: DuckDBTypeId }[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** apache-arrow, loaded by the first table made: it takes about 100 ms to load, which a command without Arrow spares. */
let loadedArrow: typeof import('apache-arrow') | undefined;
function arrow(): typeof import('apache-arrow') {
  return (loadedArrow ??= require('apache-arrow') as typeof import('apache-arrow'));
}

function arrowType(typeId: DuckDBTypeId): DataType {
  const { Bool, DateDay, Float64, Int32, Int64, TimestampMicrosecond, Utf8 } = arrow();
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool();
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return new Int32();
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
      return new Int64();
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return new Float64();
    case DuckDBTypeId.DATE:
      return new DateDay();
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new TimestampMicrosecond('UTC');
    default:
      return new Utf8();
  }
}

function arrowValue(value: unknown, type: DataType): unknown {
  const { Float64, Int64, TimestampMicrosecond, Utf8 } = arrow();
  if (value === null || value === undefined) return null;
  if (type instanceof Int64) return BigInt(value as number | bigint);
  if (type instanceof Float64) return Number(value);
  if (type instanceof TimestampMicrosecond) return (value as Date).getTime();
  if (type instanceof Utf8) return typeof value === 'string' ? value : JSON.stringify(value, jsonReplacer);
  return value;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export function arrowTable(result: ArrowSource): Table {
  const { Table, vectorFromArray } = arrow();
  const vectors: Record<string, Vector> = {};
  for (const column of result.columns) {
    const type = arrowType(column.typeId);
    vectors[column.name] = vectorFromArray(
      result.rows.map((row) => arrowValue(row[column.name], type)),
      type,
    );
  }
  return new Table(vectors);
}
