import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BaselineError, defaultBaselinePath, loadBaseline, validateBaseline } from '../src/baseline';
import { listControls } from '../src/analysis/controls/control-catalog';

const controls = listControls();
const dir = mkdtempSync(join(tmpdir(), 'fk-baseline-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(value: unknown) {
  try {
    validateBaseline(value, controls, 'test.json', JSON.stringify(value));
  } catch (error) {
    expect(error).toBeInstanceOf(BaselineError);
    return (error as BaselineError).problems;
  }
  throw new Error('the baseline was accepted');
}

describe('baseline files', () => {
  it('ships a default baseline that applies every shipped control', () => {
    const baseline = loadBaseline();
    expect(baseline.file).toBe(defaultBaselinePath);
    expect(baseline.controls.map((c) => c.id).sort()).toEqual(controls.map((c) => c.id).sort());
    const communicated = baseline.controls.find((c) => c.id === 'agent-communicated');
    expect(communicated?.params).toEqual({ max_days: 7 });
    expect(baseline.controls.find((c) => c.id === 'agent-version-current')?.params).toEqual({ max_behind: 2 });
    expect(baseline.controls.every((c) => c.scope.osFamilies === null && c.scope.policies === null)).toBe(true);
  });

  it('reads scopes, parameters and the defaults of parameters left out', () => {
    const baseline = validateBaseline(
      {
        name: 'Servers',
        controls: {
          'anti-malware-on': { severity: 'critical', applies_to: { os_family: ['windows'], policies: [12, 'Linux Servers'] } },
          'agent-communicated': { severity: 'low' },
        },
      },
      controls,
      'servers.json',
      '{}',
    );
    expect(baseline.controls).toEqual([
      { id: 'anti-malware-on', severity: 'critical', params: {}, scope: { osFamilies: ['windows'], policies: [12, 'Linux Servers'] } },
      { id: 'agent-communicated', severity: 'low', params: { max_days: 7 }, scope: { osFamilies: null, policies: null } },
    ]);
  });

  it('lists every bad field with its path, what was expected and what was found', () => {
    const problems = problemsOf({
      name: '',
      colour: 'blue',
      controls: {
        'anti-malware-on': { severity: 'urgent', applies_to: { os_family: ['windows', 'beos'], policies: [] } },
        'agent-communicated': { severity: 'high', params: { max_days: -1, max_hours: 3 } },
        'no-such-control': { severity: 'low' },
        'agent-active': 'high',
        'log-inspection-on': {},
      },
    });
    expect(problems).toEqual([
      { path: 'colour', expected: 'only the keys "name", "description", "controls"', found: 'the key "colour"' },
      { path: 'name', expected: 'a non-empty text', found: '""' },
      { path: 'controls.anti-malware-on.severity', expected: 'one of critical, high, medium, low', found: '"urgent"' },
      { path: 'controls.anti-malware-on.applies_to.os_family[1]', expected: 'one of windows, linux, other', found: '"beos"' },
      {
        path: 'controls.anti-malware-on.applies_to.policies',
        expected: 'a non-empty list, each item a policy id (a whole number) or a policy name (text)',
        found: 'an empty list',
      },
      { path: 'controls.agent-communicated.params.max_days', expected: 'a whole number of 0 or more', found: '-1' },
      { path: 'controls.agent-communicated.params.max_hours', expected: 'only the control\'s parameters "max_days"', found: 'the key "max_hours"' },
      {
        path: 'controls.no-such-control',
        expected: `a control id, one of ${controls.map((c) => c.id).join(', ')}`,
        found: '"no-such-control"',
      },
      { path: 'controls.agent-active', expected: 'an object with "severity" and optionally "params" and "applies_to"', found: '"high"' },
      { path: 'controls.log-inspection-on.severity', expected: 'one of critical, high, medium, low', found: 'nothing' },
    ]);
  });

  it('names the file and every problem in the error message', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'x', controls: { 'log-inspection-on': { severity: 'high', params: { x: 1 } } } }));
    expect(() => loadBaseline(file)).toThrow(
      `Baseline ${file} is not valid (1 problem):\n  - controls.log-inspection-on.params.x: expected no parameters for this control, found the key "x"`,
    );
  });

  it('says when the file is not JSON or does not exist', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "name": "x", ');
    expect(() => loadBaseline(file)).toThrow(/broken\.json is not valid \(1 problem\):\n {2}- \(file\): expected JSON text, found /);
    expect(() => loadBaseline(join(dir, 'missing.json'))).toThrow(/\(file\): expected a readable file, found ENOENT/);
  });

  it('rejects a file without controls and a duplicate scope entry', () => {
    expect(problemsOf({ name: 'empty', controls: {} })).toEqual([
      { path: 'controls', expected: 'an object with at least one control, keyed by control id', found: 'an object' },
    ]);
    expect(problemsOf([1, 2])).toEqual([{ path: '(file)', expected: 'an object with "name" and "controls"', found: 'a list ([1,2])' }]);
    expect(
      problemsOf({ name: 'dup', controls: { 'agent-active': { severity: 'low', applies_to: { os_family: ['linux', 'linux'] } } } }),
    ).toEqual([{ path: 'controls.agent-active.applies_to.os_family[1]', expected: 'each item only once', found: '"linux"' }]);
  });
});
