import { controlValues } from '../analysis/controls/control-engine';
import type { ControlDefinition } from '../analysis/controls/control-definition';
import type { Baseline, BaselineScope } from '../baseline/baseline';
import { sqlFile } from '../store/sql-files';
import type { Store } from '../store/store';

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
    if (!control) throw new Error(`The baseline names control "${chosen.id}", which is not in the catalog.`);
    const sql = sqlFile('report/insert-control-results').replace('{{control}}', () => control.query.sql);
    await store.run(sql, {
      ...controlValues(control, asOf, chosen.params),
      period,
      severity: chosen.severity,
      scope: scopeJson(chosen.scope),
    });
  }
}
