import type { Baseline, BaselineScope, ControlParamValue } from '../baseline/baseline';
import { bindParameters } from '../store/named-queries';
import type { Row } from '../store/query-result';
import { sqlFile, sqlFolder } from '../store/sql-files';
import type { Store } from '../store/store';
import { AS_OF_PARAM, type ControlDefinition } from './control-catalog';

/** Installs the macros controls are written with (`queries/controls/macros/`), for this session. */
export async function installControlMacros(store: Store): Promise<void> {
  for (const { text } of sqlFolder('controls/macros')) await store.run(text);
}

function controlValues(control: ControlDefinition, asOf: string, params: Record<string, ControlParamValue>) {
  return bindParameters(control.query, { ...params, [AS_OF_PARAM]: asOf });
}

/**
 * One control's rows for every computer as of `asOf` (TIMESTAMPTZ text), with the given parameter values (the
 * control's defaults for those left out). Needs `installControlMacros` first.
 */
export async function runControl(
  store: Store,
  control: ControlDefinition,
  asOf: string,
  params: Record<string, ControlParamValue> = {},
): Promise<Row[]> {
  return (await store.query(control.query.sql, controlValues(control, asOf, params))).rows;
}

function scopeJson(scope: BaselineScope): string {
  return JSON.stringify({
    os_family: scope.osFamilies ?? [],
    policy_ids: (scope.policies ?? []).filter((p) => typeof p === 'number'),
    policy_names: (scope.policies ?? []).filter((p) => typeof p === 'string'),
  });
}

/**
 * Checks every control of the baseline as of `asOf` and keeps the results of the computers in each control's scope
 * in the session's `fk_report_control_results`, under `period`.
 */
export async function recordControlResults(
  store: Store,
  baseline: Baseline,
  controls: ControlDefinition[],
  asOf: string,
  period: 'current' | 'previous',
): Promise<void> {
  for (const chosen of baseline.controls) {
    const control = controls.find((c) => c.id === chosen.id);
    if (!control) throw new Error(`The baseline names control "${chosen.id}", which is not in queries/controls.`);
    const sql = sqlFile('report/insert-control-results').replace('{{control}}', () => control.query.sql.trim().replace(/;$/, ''));
    await store.run(sql, {
      ...controlValues(control, asOf, chosen.params),
      period,
      severity: chosen.severity,
      scope: scopeJson(chosen.scope),
    });
  }
}
