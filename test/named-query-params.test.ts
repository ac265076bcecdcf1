import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors';
import { bindParameters, findNamedQuery, listNamedQueries, ParameterError, parseNamedQuery } from '../src/store/named-queries';

const TYPED = parseNamedQuery(
  'typed',
  [
    '-- @param n INTEGER default 5 how many',
    '--   Which computers are where  ',
    '-- @param big BIGINT',
    '-- @param ratio DOUBLE default NULL a share',
    '-- @param on boolean default true',
    '-- @param day DATE',
    '-- @param at TIMESTAMPTZ',
    '-- @param local TIMESTAMP',
    '-- @param label VARCHAR default all',
    '-- @param unused INTEGER',
    'SELECT $n, $big, $ratio, $on, $day, $at, $local, $label',
    '-- a trailing comment',
  ].join('\n'),
);

function refusal(given: Record<string, unknown>): ParameterError {
  try {
    bindParameters(TYPED, given);
  } catch (error) {
    if (error instanceof ParameterError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(given)} was bound`);
}

describe("a named query's header", () => {
  it('takes its first comment line that is not a parameter as what it answers', () => {
    expect(TYPED.description).toBe('Which computers are where  ');
    expect(parseNamedQuery('bare', 'SELECT 1').description).toBe('');
    expect(parseNamedQuery('p', '-- @param n INTEGER\nSELECT $n').description).toBe('');
    expect(parseNamedQuery('code', 'SELECT 1 -- not a header\n').description).toBe('');
  });

  it('reads each @param line: name, type in capitals, default (NULL as none) and description', () => {
    expect(TYPED.params.slice(0, 4)).toEqual([
      { name: 'n', type: 'INTEGER', defaultValue: '5', description: 'how many' },
      { name: 'big', type: 'BIGINT', defaultValue: null, description: '' },
      { name: 'ratio', type: 'DOUBLE', defaultValue: null, description: 'a share' },
      { name: 'on', type: 'BOOLEAN', defaultValue: 'true', description: '' },
    ]);
    expect(TYPED.params.map((p) => p.name)).toEqual(['n', 'big', 'ratio', 'on', 'day', 'at', 'local', 'label', 'unused']);
  });
});

describe('the named queries', () => {
  it('are the .sql files at the top of queries/, by name, in order', () => {
    const files = readdirSync(join(__dirname, '..', 'queries'))
      .filter((file) => file.endsWith('.sql'))
      .map((file) => file.replace(/\.sql$/, ''))
      .sort();
    const names = listNamedQueries().map((query) => query.name);
    expect(names).toEqual(files);
    expect(names.length).toBeGreaterThan(5);
  });

  it('are found by name, and an unknown name is not', () => {
    const [first] = listNamedQueries();
    expect(findNamedQuery(first.name)?.sql).toBe(first.sql);
    expect(findNamedQuery('no-such-query')).toBeNull();
  });
});

describe('binding a named query', () => {
  it('converts each value to its type and fills defaults, binding only what the SQL names', () => {
    const bound = bindParameters(TYPED, {
      big: '9007199254740993',
      ratio: '0.5',
      on: 'FALSE',
      day: '2026-03-14',
      at: new Date(Date.UTC(2026, 2, 14, 9)),
      local: '2026-03-14 09:00:00',
    });
    expect(bound).toEqual({
      n: 5,
      big: 9007199254740993n,
      ratio: 0.5,
      on: false,
      day: '2026-03-14',
      at: '2026-03-14T09:00:00.000Z',
      local: '2026-03-14 09:00:00',
      label: 'all',
    });
  });

  it('binds a missing value with no default as NULL, and takes true in any case', () => {
    const bound = bindParameters(TYPED, { on: 'True', n: '-3' });
    expect(bound.big).toBeNull();
    expect(bound.day).toBeNull();
    expect(bound.on).toBe(true);
    expect(bound.n).toBe(-3);
  });

  it('refuses a parameter the query does not take, naming those it takes', () => {
    const error = refusal({ limit: 3 });
    expect(error.message).toBe(
      'query typed has no parameter "limit" (it takes: n, big, ratio, on, day, at, local, label, unused)',
    );
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(() => bindParameters(parseNamedQuery('plain', 'SELECT 1'), { x: 1 })).toThrow(
      'query plain has no parameter "x" (it takes: no parameters)',
    );
  });

  it.each([
    [{ n: '1.5' }, 'parameter n of query typed must be a whole number, got "1.5"'],
    [{ n: 'x12' }, 'parameter n of query typed must be a whole number, got "x12"'],
    [{ big: '12x' }, 'parameter big of query typed must be a whole number, got "12x"'],
    [{ ratio: 'half' }, 'parameter ratio of query typed must be a number, got "half"'],
    [{ ratio: ' ' }, 'parameter ratio of query typed must be a number, got " "'],
    [{ on: 'yes' }, 'parameter on of query typed must be true or false, got "yes"'],
    [{ on: 'xtrue' }, 'parameter on of query typed must be true or false, got "xtrue"'],
    [{ on: 'truex' }, 'parameter on of query typed must be true or false, got "truex"'],
    [{ day: '2026-3-14' }, 'parameter day of query typed must be a date like 2026-03-14, got "2026-3-14"'],
    [{ day: 'x2026-03-14' }, 'parameter day of query typed must be a date like 2026-03-14, got "x2026-03-14"'],
    [{ day: '2026-03-14x' }, 'parameter day of query typed must be a date like 2026-03-14, got "2026-03-14x"'],
    [{ day: '2026-13-45' }, 'parameter day of query typed must be a date like 2026-03-14, got "2026-13-45"'],
    [{ at: 'soon' }, 'parameter at of query typed must be a date or time like 2026-03-14 or 2026-03-14T09:00:00Z, got "soon"'],
    [{ local: 'later' }, 'parameter local of query typed must be a date or time like 2026-03-14 or 2026-03-14T09:00:00Z, got "later"'],
  ])('refuses %j', (given, message) => {
    const error = refusal(given);
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(ExitCode.usage);
  });
});
