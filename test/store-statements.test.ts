import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store?.closeSync());

describe('SQL text of several statements', () => {
  it('binds each statement to the parameters it names, and reads the last one', async () => {
    const sql = `CREATE TEMP TABLE picked AS SELECT $first::INTEGER AS n;
      INSERT INTO picked VALUES ($second);
      SELECT sum(n)::INTEGER AS total, $label AS label FROM picked`;
    const result = await store.query(sql, { first: 2, second: 5, label: 'sum' });
    expect(result.rows).toEqual([{ total: 7, label: 'sum' }]);
  });

  it('splits statements as DuckDB parses them, not at a semicolon that ends a line inside a string', async () => {
    await store.run("CREATE TEMP TABLE texts AS SELECT $text || ';\n' AS t;\nINSERT INTO texts VALUES ('b;\n')", { text: 'a' });
    expect((await store.query('SELECT t FROM texts ORDER BY t')).rows.map((row) => row.t)).toEqual(['a;\n', 'b;\n']);
  });
});
