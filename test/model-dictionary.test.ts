import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns } from '../src/sample/fleet';
import { bindParameters, listNamedQueries } from '../src/store/named-queries';
import { loadGeneratedRuns, openModelFixture, type ModelFixture } from './helpers/model-fixture';

interface Section {
  name: string;
  text: string;
  columns: string[];
}

/** `### \`name\`` sections of docs/data-model.md with their `| \`column\` | type | meaning |` rows. */
function documentedSections(): Section[] {
  const markdown = readFileSync(join(__dirname, '..', 'docs', 'data-model.md'), 'utf8');
  const sections: Section[] = [];
  for (const part of markdown.split(/^(?=#{2,3} )/m)) {
    const heading = /^### `([^`]+)`/.exec(part);
    if (!heading) continue;
    const columns = [...part.matchAll(/^\| `(\w+)` \| ([^|]+?) \| .+ \|$/gm)].map((m) => `${m[1]} ${m[2]}`);
    sections.push({ name: heading[1], text: part, columns });
  }
  return sections;
}

const sections = documentedSections();
let fixture: ModelFixture;

beforeAll(async () => {
  fixture = await openModelFixture();
  await loadGeneratedRuns(fixture, generateRuns({ computers: 16, weeks: 5, seed: 9 }));
});

afterAll(async () => {
  await fixture?.close();
});

async function describeColumns(relation: string): Promise<string[]> {
  const described = await fixture.store.query(`DESCRIBE SELECT * FROM ${relation}`);
  return described.rows.map((r) => `${r.column_name} ${r.column_type}`);
}

/** A documented macro signature called with sample arguments. */
function sampleCall(signature: string): string {
  return signature
    .replace(/\bobject_name\b/, `'computers'`)
    .replace(/\bts\b/, 'now()')
    .replace(/\b(from_date|to_date)\b/g, 'NULL');
}

describe('docs/data-model.md', () => {
  it('documents every view and table macro with the columns and types DuckDB reports', async () => {
    const relations = sections.filter((s) => !s.name.includes('-'));
    expect(relations.map((s) => s.name)).toEqual(
      expect.arrayContaining(['snapshots', 'computer_snapshots', 'policy_snapshots', 'policy_changes']),
    );
    for (const section of relations) {
      expect(section.columns.length, section.name).toBeGreaterThan(0);
      expect(section.columns, section.name).toEqual(await describeColumns(sampleCall(section.name)));
    }
  });

  it('leaves no view or table macro of the store undocumented', async () => {
    const markdown = readFileSync(join(__dirname, '..', 'docs', 'data-model.md'), 'utf8');
    const views = await fixture.store.query(`SELECT view_name AS name FROM duckdb_views() WHERE NOT internal AND NOT temporary`);
    const macros = await fixture.store.query(
      `SELECT DISTINCT function_name AS name FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal`,
    );
    for (const { name } of [...views.rows, ...macros.rows]) expect(markdown, String(name)).toContain(`\`${name}`);
  });

  it('gives the as-of macros the columns of their views', async () => {
    expect(await describeColumns('computers_as_of(now())')).toEqual(await describeColumns('computer_snapshots'));
    expect(await describeColumns('policies_as_of(now())')).toEqual(await describeColumns('policy_snapshots'));
  });

  it('documents every named query: its parameters, and its columns and types as it returns them', async () => {
    const someComputer = (await fixture.store.query('SELECT min(computer_id) AS id FROM computer_snapshots')).rows[0].id;
    for (const query of listNamedQueries()) {
      const section = sections.find((s) => s.name === query.name);
      expect(section, query.name).toBeDefined();
      for (const p of query.params) expect(section!.text, `${query.name} ${p.name}`).toContain(`\`${p.name}\` ${p.type}`);
      const params = query.params.some((p) => p.name === 'computer_id') ? { computer_id: String(someComputer) } : {};
      const result = await fixture.store.query(query.sql, bindParameters(query, params));
      expect(section!.columns, query.name).toEqual(result.columns.map((c) => `${c.name} ${c.type}`));
    }
  });
});
