import type { DataType, Table, Vector } from 'apache-arrow';
import { DuckDBTypeId } from '@duckdb/node-api';

/** What a table is made from: columns typed by DuckDB, rows keyed by column name (a QueryResult is one). */
export interface ArrowSource {
  readonly columns: readonly { readonly name: string; readonly typeId: DuckDBTypeId }[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

type Arrow = typeof import('apache-arrow');

/** apache-arrow, loaded by the first table made: it takes about 100 ms to load, which a command without Arrow spares. */
let loadedArrow: Arrow | undefined;
function arrow(): Arrow {
  return (loadedArrow ??= require('apache-arrow') as Arrow);
}

function arrowType(typeId: DuckDBTypeId, { Bool, DateDay, Float64, Int32, Int64, TimestampMicrosecond, Utf8 }: Arrow): DataType {
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

function arrowValue(value: unknown, type: DataType, { Float64, Int64, TimestampMicrosecond, Utf8 }: Arrow): unknown {
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
  const module = arrow();
  const { Table, vectorFromArray } = module;
  const vectors: Record<string, Vector> = {};
  for (const column of result.columns) {
    const type = arrowType(column.typeId, module);
    vectors[column.name] = vectorFromArray(
      result.rows.map((row) => arrowValue(row[column.name], type, module)),
      type,
    );
  }
  return new Table(vectors);
}

/** A table as the bytes of an Arrow IPC file. */
export function arrowFileBytes(table: Table): Uint8Array {
  return arrow().tableToIPC(table, 'file');
}
