import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryResult } from '../src/store/query-result';
import { Store } from '../src/store/store';
import { arrowFileBytes } from '../src/store/to-arrow';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store?.closeSync());

const TYPED_ROW = `SELECT
  true AS flag, 7::TINYINT AS tiny, 300::SMALLINT AS small, 70000::INTEGER AS int, 200::UTINYINT AS utiny,
  60000::USMALLINT AS usmall, 4000000000::UINTEGER AS uint, 9007199254740993::BIGINT AS huge, 42::BIGINT AS count,
  0.25::FLOAT AS float, 2.5::DOUBLE AS double, 12.75::DECIMAL(6,2) AS decimal, DATE '2026-03-04' AS day,
  TIMESTAMP '2026-03-04 05:06:07.008' AS at, TIMESTAMPTZ '2026-03-04 05:06:07+00' AS at_zone,
  'web-01' AS name, ['a', 'b'] AS tags, {'module': 'firewall', 'rules': 3::BIGINT} AS detail,
  MAP {'antiMalware': 2::BIGINT, 'firewall': 9007199254740993::BIGINT} AS counts, NULL::VARCHAR AS nothing`;

function column(table: Table, name: string): unknown[] {
  const vector = table.getChild(name);
  if (vector === null) throw new Error(`no column ${name}`);
  return [...vector];
}

describe('a query result', () => {
  it('gives integers that fit as numbers, larger ones as BigInts, times as Dates and maps as objects', async () => {
    const result = await store.query(TYPED_ROW);
    expect(result.rowCount).toBe(1);
    const [row] = result.rows;
    expect(row.count).toBe(42);
    expect(row.huge).toBe(9007199254740993n);
    expect(row.uint).toBe(4000000000);
    expect(row.decimal).toBe(12.75);
    expect(row.at).toEqual(new Date(Date.UTC(2026, 2, 4, 5, 6, 7, 8)));
    expect(row.at_zone).toEqual(new Date(Date.UTC(2026, 2, 4, 5, 6, 7)));
    expect(row.tags).toEqual(['a', 'b']);
    expect(row.detail).toEqual({ module: 'firewall', rules: 3n });
    expect(row.counts).toEqual({ antiMalware: 2, firewall: 9007199254740993n });
    expect(row.nothing).toBeNull();
  });

  it("names each column with DuckDB's type", async () => {
    const result = await store.query('SELECT 1::BIGINT AS n, [1, 2] AS list, TIMESTAMPTZ \'2026-01-01 00:00:00+00\' AS t');
    expect(result.columns.map(({ name, type }) => [name, type])).toEqual([
      ['n', 'BIGINT'],
      ['list', 'INTEGER[]'],
      ['t', 'TIMESTAMP WITH TIME ZONE'],
    ]);
  });

  it('turns the elements of a list of BIGINTs into numbers where they fit', async () => {
    const { rows } = await store.query('SELECT [1, 9007199254740993]::BIGINT[] AS ids');
    expect(rows[0].ids).toEqual([1, 9007199254740993n]);
  });

  it('keeps the rows and columns it is made from', () => {
    const columns = [{ name: 'n', type: 'INTEGER', typeId: 4 }];
    const rows = [{ n: 1 }, { n: 2 }];
    const result = new QueryResult({ columns, rows });
    expect(result.columns).toBe(columns);
    expect(result.rows).toBe(rows);
    expect(result.rowCount).toBe(2);
  });
});

describe('a query result as an Arrow table', () => {
  it("types each column from DuckDB's type and keeps every value", async () => {
    const table = (await store.query(TYPED_ROW)).toArrow();
    const types = Object.fromEntries(table.schema.fields.map((field) => [field.name, String(field.type)]));
    expect(types).toEqual({
      flag: 'Bool',
      tiny: 'Int32',
      small: 'Int32',
      int: 'Int32',
      utiny: 'Int32',
      usmall: 'Int32',
      uint: 'Int64',
      huge: 'Int64',
      count: 'Int64',
      float: 'Float64',
      double: 'Float64',
      decimal: 'Float64',
      day: 'Date32<DAY>',
      at: 'Timestamp<MICROSECOND, UTC>',
      at_zone: 'Timestamp<MICROSECOND, UTC>',
      name: 'Utf8',
      tags: 'Utf8',
      detail: 'Utf8',
      counts: 'Utf8',
      nothing: 'Utf8',
    });
    const row = table.get(0)!.toJSON();
    expect(row.flag).toBe(true);
    expect([row.tiny, row.small, row.int, row.utiny, row.usmall]).toEqual([7, 300, 70000, 200, 60000]);
    expect([row.uint, row.huge, row.count]).toEqual([4000000000n, 9007199254740993n, 42n]);
    expect([row.float, row.double, row.decimal]).toEqual([0.25, 2.5, 12.75]);
    expect(row.day).toBe(Date.UTC(2026, 2, 4));
    expect(row.at).toBe(Date.UTC(2026, 2, 4, 5, 6, 7, 8));
    expect(row.at_zone).toBe(Date.UTC(2026, 2, 4, 5, 6, 7));
    expect(row.name).toBe('web-01');
    expect(JSON.parse(row.tags as string)).toEqual(['a', 'b']);
    expect(JSON.parse(row.detail as string)).toEqual({ module: 'firewall', rules: '3' });
    expect(JSON.parse(row.counts as string)).toEqual({ antiMalware: 2, firewall: '9007199254740993' });
    expect(row.nothing).toBeNull();
  });

  it('keeps nulls in every type and one row per result row', async () => {
    const table = (
      await store.query(`SELECT * FROM (VALUES (1::BIGINT, 1.5::DOUBLE, TIMESTAMP '2026-01-01', true, 'a'),
        (NULL, NULL, NULL, NULL, NULL), (3, 3.5, TIMESTAMP '2026-01-03', false, 'c')) t(n, x, seen, ok, s)`)
    ).toArrow();
    expect(table.numRows).toBe(3);
    expect(column(table, 'n')).toEqual([1n, null, 3n]);
    expect(column(table, 'x')).toEqual([1.5, null, 3.5]);
    expect(column(table, 'seen')).toEqual([Date.UTC(2026, 0, 1), null, Date.UTC(2026, 0, 3)]);
    expect(column(table, 'ok')).toEqual([true, null, false]);
    expect(column(table, 's')).toEqual(['a', null, 'c']);
  });

  it('writes an Arrow IPC file that reads back as the same table', async () => {
    const table = (await store.query("SELECT range::BIGINT AS n, 'host-' || range AS name FROM range(5)")).toArrow();
    const bytes = arrowFileBytes(table);
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('ARROW1');
    const back = tableFromIPC(bytes);
    expect(column(back, 'n')).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(column(back, 'name')).toEqual(['host-0', 'host-1', 'host-2', 'host-3', 'host-4']);
  });
});
