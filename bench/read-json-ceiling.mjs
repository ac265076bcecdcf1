// The ceiling for loading (see queries/bench/read-json-ceiling.sql) with the given DuckDB memory limit and threads;
// prints the row count.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [glob, dbPath, memoryLimit, threads] = process.argv.slice(2);
const sqlFile = (name) => readFileSync(new URL(`../queries/bench/${name}.sql`, import.meta.url), 'utf8');
const db = await DuckDBInstance.create(dbPath, { memory_limit: memoryLimit, threads });
const connection = await db.connect();
await connection.run(sqlFile('read-json-ceiling'), { glob });
const reader = await connection.runAndReadAll(sqlFile('count-records'));
console.log(String(reader.getRowObjectsJS()[0].n));
