import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartNames, charts, isChartName } from '../src/charts/engine/catalog';
import type { FleetCoverageRow } from '../src/charts/kit/rows';
import { colorSteps } from '../src/charts/kit/theme';
import { compareVersions } from '../src/charts/kit/versions';
import { fixtureChart, fixtureRows, projectRoot } from './charts-fixtures';

const schema = JSON.parse(
  readFileSync(join(projectRoot, 'node_modules', 'vega-lite', 'build', 'vega-lite-schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

function dataValues(spec: object): Record<string, unknown>[] {
  return (spec as { data: { values: Record<string, unknown>[] } }).data.values;
}

describe('chart specs', () => {
  it.each(chartNames)('%s validates against the Vega-Lite JSON schema', (name) => {
    const spec = fixtureChart(name);
    const valid = validate(spec);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(chartNames)('%s compiles with vega-lite without warnings', async (name) => {
    const vegaLite = await import('vega-lite');
    const warnings: string[] = [];
    const logger = {
      level: () => logger,
      error: (...message: unknown[]) => (warnings.push(message.join(' ')), logger),
      warn: (...message: unknown[]) => (warnings.push(message.join(' ')), logger),
      info: () => logger,
      debug: () => logger,
    };
    const compiled = vegaLite.compile(fixtureChart(name) as never, { logger: logger as never });
    expect(compiled.spec.marks?.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it('registers every chart under its CLI name with the query it reads', () => {
    const shipped = [
      'coverage-trend',
      'coverage-heatmap',
      'agent-status',
      'silent-agents',
      'agent-versions',
      'policy-changes',
      'fleet-size',
    ];
    // A chart added to the folder may stand anywhere among the shipped ones.
    expect(chartNames.filter((name) => shipped.includes(name))).toEqual(shipped);
    expect(charts['silent-agents'].query).toBe('agent-health');
    expect(isChartName('fleet-size')).toBe(true);
    expect(isChartName('toString')).toBe(false);
  });

  it('passes only the options given to the named query', () => {
    expect(charts['fleet-size'].queryParams({})).toEqual({});
    expect(charts['fleet-size'].queryParams({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(charts['agent-status'].queryParams({ to: '2026-03-31', silentDays: 14 })).toEqual({
      to: '2026-03-31',
      silent_days: 14,
    });
  });

  it('draws the whole fleet by default and one OS family on request', () => {
    const rows = fixtureRows('fleet-coverage') as FleetCoverageRow[];
    const all = dataValues(charts['coverage-trend'].build(rows));
    const windows = dataValues(charts['coverage-trend'].build(rows, { osFamily: 'windows' }));
    expect(all).toHaveLength(rows.filter((row) => row.os_family === 'all').length);
    expect(windows).toHaveLength(rows.filter((row) => row.os_family === 'windows').length);
    expect(JSON.stringify(charts['coverage-trend'].build(rows, { osFamily: 'windows' }))).toContain('(Windows)');
  });

  it('accepts rows as the store returns them: Date, bigint and text values, or a result with rows', () => {
    const row = {
      month: new Date('2026-02-01T00:00:00Z'),
      os_family: 'all',
      module: 'firewall',
      computers: 10n,
      covered: '7',
      coverage: 0.7,
    } satisfies FleetCoverageRow;
    expect(dataValues(charts['coverage-trend'].build({ rows: [row] }))).toEqual([
      { month: '2026-02-01T00:00:00.000Z', module: 'Firewall', coverage: 0.7, covered: 7, computers: 10 },
    ]);
    expect(() => charts['coverage-trend'].build([{ ...row, month: 'last spring' }])).toThrow('not a time: last spring');
  });

  it('folds the agent status columns into one stacked segment per status and month', () => {
    const rows = fixtureRows('agent-health');
    const values = dataValues(charts['agent-status'].build(rows));
    expect(values).toHaveLength(rows.length * 6);
    const january = values.filter((value) => value.month === '2026-01-01T00:00:00.000Z');
    expect(january.map((value) => [value.status, value.agents])).toEqual([
      ['Active', 280],
      ['Warning', 14],
      ['Error', 9],
      ['Inactive', 22],
      ['Not supported', 3],
      ['Unknown', 2],
    ]);
  });

  it('groups policy changes by policy and run, counting changed fields', () => {
    const values = dataValues(charts['policy-changes'].build(fixtureRows('policy-changes')));
    const pciMarch = values.find((value) => value.policy === 'PCI Linux' && value.change === 'Modified');
    expect(pciMarch).toMatchObject({ fields_changed: 6, computers_assigned: 35 });
    expect(String(pciMarch?.fields)).toMatch(/^logInspection\.state, .* and 1 more$/);
    const policies = new Set(values.map((value) => value.policy));
    expect(policies).toContain('Windows Servers (ID 4)');
    expect(policies).toContain('Windows Servers (ID 13)');
    expect(values.find((value) => value.change === 'Deleted')?.fields).toBe('(whole policy)');
  });

  it('orders agent versions numerically, newest first and darkest', () => {
    const versions = ['20.0.1-9500', '9.6.2-1234', '20.0.1-10100', '20.0.0-8438'];
    expect([...versions].sort(compareVersions)).toEqual(['9.6.2-1234', '20.0.0-8438', '20.0.1-9500', '20.0.1-10100']);
    const spec = charts['agent-versions'].build(fixtureRows('agent-versions')) as {
      encoding: { color: { scale: { domain: string[]; range: string[] } } };
    };
    expect(spec.encoding.color.scale.domain[0]).toBe('20.0.1-11000');
    expect(spec.encoding.color.scale.domain.at(-1)).toBe('9.6.2-1234');
    expect(spec.encoding.color.scale.range[0]).toBe('#1e3a8a');
    expect(colorSteps('#000000', '#ffffff', 3)).toEqual(['#000000', '#808080', '#ffffff']);
  });
});
