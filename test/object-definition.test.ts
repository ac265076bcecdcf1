import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FleetkitError } from '../src/errors';
import { readObjectDefinition } from '../src/store/object-catalog';
import { tempDir, writeKey } from './helpers/tree';

const SNAPSHOT = {
  kind: 'snapshot',
  flowName: 'widget',
  recognisedBy: [['widgetName'], ['widgetColour', 'widgetSize']],
  id: 'ID',
  fields: ['ID', 'widgetName'],
};
const SNAPSHOT_SQL = { stage: 'SELECT 1 AS stage', clear: 'SELECT 1 AS clear', 'facts/10-first': 'SELECT 10', 'facts/20-second': 'SELECT 20' };

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** A queries/ folder holding one object, `widgets`, from its object.json text and SQL files. */
function queriesWith(definition: string | object, sql: Record<string, string>): string {
  const root = tempDir('object-definition');
  roots.push(root);
  writeKey(root, 'objects/widgets/object.json', typeof definition === 'string' ? definition : JSON.stringify(definition));
  for (const [name, text] of Object.entries(sql)) writeKey(root, `objects/widgets/${name}.sql`, text);
  return root;
}

describe("an object's definition", () => {
  it('reads a snapshot object: its flow-name pattern, fields, id and SQL in file-name order', () => {
    const object = readObjectDefinition('widgets', queriesWith(SNAPSHOT, SNAPSHOT_SQL));
    expect(object).toEqual({
      name: 'widgets',
      kind: 'snapshot',
      flowName: /widget/i,
      recognisedBy: [['widgetName'], ['widgetColour', 'widgetSize']],
      id: 'ID',
      fields: ['ID', 'widgetName'],
      stage: 'SELECT 1 AS stage',
      facts: [
        { name: 'objects/widgets/facts/10-first', text: 'SELECT 10' },
        { name: 'objects/widgets/facts/20-second', text: 'SELECT 20' },
      ],
      clear: 'SELECT 1 AS clear',
      settle: null,
      recordTime: null,
    });
    expect(object.kind === 'snapshot' && object.flowName.test('exports/WS-WIDGETS-flow')).toBe(true);
  });

  it('reads the settling and record-time SQL of a snapshot object that has them', () => {
    const root = queriesWith(SNAPSHOT, {
      ...SNAPSHOT_SQL,
      'settle/plan': 'SELECT 1 AS plan',
      'settle/share': 'SELECT 1 AS share',
      'settle/done': 'SELECT 1 AS done',
      'record-time': 'SELECT 1 AS record_time',
    });
    const object = readObjectDefinition('widgets', root);
    expect(object.kind === 'snapshot' && object.settle).toEqual({ plan: 'SELECT 1 AS plan', share: 'SELECT 1 AS share', done: 'SELECT 1 AS done' });
    expect(object.kind === 'snapshot' && object.recordTime).toBe('SELECT 1 AS record_time');
  });

  it('reads a stream object: the fields that recognise it and its load SQL', () => {
    const root = queriesWith({ kind: 'stream', recognisedBy: [['EventType']] }, { load: 'SELECT 1 AS load' });
    expect(readObjectDefinition('widgets', root)).toEqual({ name: 'widgets', kind: 'stream', recognisedBy: [['EventType']], load: 'SELECT 1 AS load' });
  });

  it.each([
    ['{ "kind": ', 'not a readable object definition (', {}],
    [{ ...SNAPSHOT, kind: 'table' }, '"kind" must be snapshot or stream, not "table"', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, kind: '' }, '"kind" must be a non-empty string', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, kind: 3 }, '"kind" must be a non-empty string', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, recognisedBy: [] }, '"recognisedBy" must be a non-empty list of field lists', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, recognisedBy: 'widgetName' }, '"recognisedBy" must be a non-empty list of field lists', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, recognisedBy: [['widgetName'], []] }, '"recognisedBy[1]" must be a non-empty list of field names', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, recognisedBy: [['widgetName', '']] }, '"recognisedBy[0]" must be a non-empty list of field names', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, recognisedBy: [['widgetName', 7]] }, '"recognisedBy[0]" must be a non-empty list of field names', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, recognisedBy: ['widgetName'] }, '"recognisedBy[0]" must be a non-empty list of field names', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, fields: [] }, '"fields" must be a non-empty list of field names', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, id: '' }, '"id" must be a non-empty string', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, flowName: undefined }, '"flowName" must be a non-empty string', SNAPSHOT_SQL],
    [{ ...SNAPSHOT, flowName: 'widget(' }, '"flowName" is not a regular expression (', SNAPSHOT_SQL],
    [SNAPSHOT, 'its folder has no stage.sql', { clear: 'SELECT 1', 'facts/10-first': 'SELECT 10' }],
    [SNAPSHOT, 'its folder has no clear.sql', { stage: 'SELECT 1', 'facts/10-first': 'SELECT 10' }],
    [SNAPSHOT, 'its folder has no facts/*.sql', { stage: 'SELECT 1', clear: 'SELECT 1' }],
    [SNAPSHOT, 'its folder has no settle/done.sql', { ...SNAPSHOT_SQL, 'settle/plan': 'SELECT 1', 'settle/share': 'SELECT 1' }],
    [{ kind: 'stream', recognisedBy: [['EventType']] }, 'its folder has no load.sql', {}],
  ])('refuses %j, naming its object.json', (definition, reason, sql) => {
    const root = queriesWith(definition, sql);
    const read = () => readObjectDefinition('widgets', root);
    expect(read).toThrow(FleetkitError);
    expect(read).toThrow(`${join(root, 'objects', 'widgets', 'object.json')}: ${reason}`);
  });
});
