import { describe, expect, it } from 'vitest';
import { readExportKey } from '../src/source/layout';

const EXEC = '0f3c2b9e-1a2b-4c3d-8e9f-0123456789ab';

function file(key: string, rootName = 'appflow') {
  const reading = readExportKey(key, rootName);
  if (reading.kind !== 'file') throw new Error(`expected a file, got skip: ${reading.reason}`);
  return reading.file;
}

describe('readExportKey', () => {
  it('reads the default layout <flow>/<execution-id>/<file>', () => {
    const f = file(`ws-computers/${EXEC}/part-00000`);
    expect(f).toMatchObject({ flowName: 'ws-computers', executionId: EXEC, snapshotId: EXEC, runKey: `ws-computers/${EXEC}`, schemaVersion: null, period: null, fileName: 'part-00000' });
  });

  it('reads the partitioned layout at every granularity', () => {
    const day = file(`ws-policies/schemaVersion_3/2026/03/14/${EXEC}/data.parquet`);
    expect(day.schemaVersion).toBe(3);
    expect(day.period).toEqual({ start: new Date('2026-03-14T00:00:00Z'), end: new Date('2026-03-15T00:00:00Z'), granularity: 'day' });
    expect(day.runKey).toBe(`ws-policies/schemaVersion_3/2026/03/14/${EXEC}`);

    expect(file(`f/schemaVersion_1/2026/${EXEC}/x`).period).toMatchObject({ granularity: 'year', end: new Date('2027-01-01T00:00:00Z') });
    expect(file(`f/schemaVersion_1/2026/12/${EXEC}/x`).period).toMatchObject({ granularity: 'month', end: new Date('2027-01-01T00:00:00Z') });
    expect(file(`f/schemaVersion_1/2026/03/14/23/${EXEC}/x`).period).toMatchObject({ granularity: 'hour', start: new Date('2026-03-14T23:00:00Z'), end: new Date('2026-03-15T00:00:00Z') });
    expect(file(`f/schemaVersion_1/2026/03/14/23/59/${EXEC}/x`).period).toMatchObject({ granularity: 'minute', end: new Date('2026-03-15T00:00:00Z') });
  });

  it('reads Hive field partitions, with null for Field=null', () => {
    const f = file(`ws-computers/schemaVersion_1/2026/03/14/${EXEC}/platform=Windows/groupID=null/part-1`);
    expect(f.partitions).toEqual({ platform: 'Windows', groupID: null });
    expect(f.runKey).toBe(`ws-computers/schemaVersion_1/2026/03/14/${EXEC}`);
  });

  it('reads the older date prefix <flow>/<YYYY>/<MM>/<DD>/<HH>/<file> and names the run by its folder', () => {
    const f = file('ws-computers/2025/11/02/07/part-0.json');
    expect(f).toMatchObject({ executionId: null, snapshotId: 'ws-computers/2025/11/02/07', runKey: 'ws-computers/2025/11/02/07', schemaVersion: null });
    expect(f.period?.start).toEqual(new Date('2025-11-02T07:00:00Z'));
  });

  it('takes the root as the flow when the root is itself a flow folder', () => {
    expect(file(`${EXEC}/part-1`, 'ws-computers')).toMatchObject({ flowName: 'ws-computers', runKey: EXEC });
    expect(file('2025/11/02/07/part-0.json', 'ws-computers').snapshotId).toBe('ws-computers/2025/11/02/07');
    expect(file(`schemaVersion_2/2026/01/01/${EXEC}/p`, 'Computers-Flow').flowName).toBe('Computers-Flow');
  });

  it('skips keys that are not inside a run folder, each with the reason a user is shown', () => {
    const cases: [key: string, rootName: string, reason: string][] = [
      ['ws-computers/', 'appflow', 'folder marker'],
      ['', 'appflow', 'empty key'],
      ['README.md', 'appflow', 'not inside a flow run folder'],
      ['platform=Linux/part-0', 'appflow', 'not inside a flow run folder'],
      ['ws-computers/README.md', 'appflow', 'not in an execution-id or date folder'],
      ['ws-computers/notes/today.txt', 'appflow', 'not in an execution-id or date folder'],
      ['ws-computers/v2/part-0', 'appflow', 'not in an execution-id or date folder'],
      ['ws-computers/2x/part-0', 'appflow', 'not in an execution-id or date folder'],
      ['ws-computers/2026/13/01/part-0', 'appflow', 'date folders that name no real date'],
      ['ws-computers/schemaVersion_1/2026/03/14/readme.txt', 'appflow', 'no execution-id folder under the date folders'],
      ['ws-computers/2026/03/part-0', 'appflow', 'date folders too coarse to tell runs apart'],
      ['ws-computers/2026/part-0', 'appflow', 'date folders too coarse to tell runs apart'],
      [`${EXEC}/part-0`, '', 'not inside a flow folder'],
      ['2025/11/02/07/part-0', '', 'not inside a flow folder'],
    ];
    for (const [key, rootName, reason] of cases) expect(readExportKey(key, rootName), key).toEqual({ kind: 'skip', reason });
  });

  it('takes a day folder without an execution id as the run, and the root as the flow when it is named', () => {
    expect(file('ws-computers/2025/11/02/part-0.json')).toMatchObject({ runKey: 'ws-computers/2025/11/02', snapshotId: 'ws-computers/2025/11/02', period: { granularity: 'day' } });
    expect(file(`${EXEC}/part-0`, 'flow')).toMatchObject({ flowName: 'flow', snapshotId: EXEC });
  });

  it('reads a key with doubled slashes as one with single ones', () => {
    expect(file(`ws-computers//${EXEC}//part-0`)).toMatchObject({ flowName: 'ws-computers', runKey: `ws-computers/${EXEC}`, fileName: 'part-0' });
  });

  it('takes no date folder outside its range: year, month, day, hour or minute', () => {
    for (const dates of ['1969/03/14', '2026/00/14', '2026/13/14', '2026/03/00', '2026/03/32', '2026/03/14/24', '2026/03/14/23/60']) {
      expect(readExportKey(`f/schemaVersion_1/${dates}/${EXEC}/x`, 'root').kind, dates).toBe('skip');
    }
    for (const dates of ['1970/01/01', '9999/12/31', '2026/03/14/00', '2026/03/14/23/59', '2026/03/14/00/00']) {
      expect(readExportKey(`f/schemaVersion_1/${dates}/${EXEC}/x`, 'root').kind, dates).toBe('file');
    }
  });

  it('does not take an impossible date for a date folder', () => {
    expect(readExportKey('f/2026/02/30/07/x.json', 'root').kind).toBe('skip');
    expect(readExportKey(`f/2026/02/30/${EXEC}/x.json`, 'root').kind).toBe('skip');
  });

  it('does not take an impossible day-only date, in any layout, nor roll it into the next month', () => {
    for (const key of ['f/2026/02/30/x.json', `f/schemaVersion_1/2026/02/30/${EXEC}/x`, `f/2025/02/29/${EXEC}/x`, `f/2026/04/31/${EXEC}/x`]) {
      expect(readExportKey(key, 'root').kind, key).toBe('skip');
    }
    expect(file(`f/schemaVersion_1/2024/02/29/${EXEC}/x`).period).toEqual({
      start: new Date('2024-02-29T00:00:00Z'),
      end: new Date('2024-03-01T00:00:00Z'),
      granularity: 'day',
    });
  });

  it('finds the flow folder under a bucketPrefix of any depth, the prefix naming the flow', () => {
    expect(file(`appflow/ws-computers/${EXEC}/part-0`)).toMatchObject({ flowName: 'appflow/ws-computers', runKey: `appflow/ws-computers/${EXEC}`, snapshotId: EXEC, executionId: EXEC });
    const deep = file(`security/exports/appflow/ws-policies/schemaVersion_1/2026/03/14/${EXEC}/platform=Linux/p`);
    expect(deep).toMatchObject({ flowName: 'security/exports/appflow/ws-policies', schemaVersion: 1, runKey: `security/exports/appflow/ws-policies/schemaVersion_1/2026/03/14/${EXEC}`, partitions: { platform: 'Linux' } });
    expect(deep.period?.start).toEqual(new Date('2026-03-14T00:00:00Z'));
    const dated = file('exports/2024/ws-computers/2025/11/02/07/part-0.json');
    expect(dated).toMatchObject({ flowName: 'exports/2024/ws-computers', snapshotId: 'exports/2024/ws-computers/2025/11/02/07', executionId: null });
    expect(dated.period?.start).toEqual(new Date('2025-11-02T07:00:00Z'));
  });

  it('tells apart two flows of one name under two prefixes', () => {
    const a = file('tenant-a/ws-computers/2025/11/02/07/part-0');
    const b = file('tenant-b/ws-computers/2025/11/02/07/part-0');
    expect([a.flowName, a.snapshotId]).toEqual(['tenant-a/ws-computers', 'tenant-a/ws-computers/2025/11/02/07']);
    expect([b.flowName, b.snapshotId]).toEqual(['tenant-b/ws-computers', 'tenant-b/ws-computers/2025/11/02/07']);
  });

  it('keeps a Hive value that is not valid percent-encoding as written', () => {
    expect(file(`f/${EXEC}/Field=%zz/name%2=x%20y/p`).partitions).toEqual({ Field: '%zz', 'name%2': 'x y' });
  });
});
