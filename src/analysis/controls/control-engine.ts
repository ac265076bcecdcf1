import type { DuckDBValue } from '@duckdb/node-api';
import { bindParameters } from '../../store/named-queries';
import type { Row } from '../../store/query-result';
import { sqlFile, sqlFolder } from '../../store/sql-files';
import type { Store } from '../../store/store';
import { termValues } from '../vocabulary';
import { listControls } from './control-catalog';
import { AS_OF_PARAM, CHECK_COLUMNS, type ControlDefinition } from './control-definition';
import { ControlError } from './control-error';

/**
 * Installs, for this session, the macros controls are written with (`queries/controls/macros/`) and the catalog
 * the engine checks their results against: each control's reasons and the statuses a result may have.
 */
export async function installControlMacros(store: Store, controls: ControlDefinition[] = listControls()): Promise<void> {
  for (const { text } of sqlFolder('controls/macros')) await store.run(text);
  const catalog = controls.map((c) => ({
    control_id: c.id,
    texts_file: c.files.texts,
    reasons: Object.entries(c.texts).flatMap(([lang, t]) => Object.entries(t.reasons).map(([reason_key, text]) => ({ lang, reason_key, text }))),
  }));
  await store.run(sqlFile('controls/control-texts'), {
    controls: JSON.stringify(catalog),
    statuses: JSON.stringify(termValues('control_statuses')),
  });
}

/** The bound values of a control's query: `asOf`, the given parameters and the control's defaults for the rest. */
export function controlValues(control: ControlDefinition, asOf: string, params: Record<string, unknown>): Record<string, DuckDBValue> {
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
  params: Record<string, unknown> = {},
): Promise<Row[]> {
  return (await store.query(control.query.sql, controlValues(control, asOf, params))).rows;
}

/**
 * Checks that a control's SQL binds against the store (without running it) and returns the columns a check must:
 * a `ControlError` naming its check.sql says what does not. Needs `installControlMacros` first.
 */
export async function checkControlBinds(store: Store, control: ControlDefinition): Promise<void> {
  const values = controlValues(control, new Date().toISOString(), {});
  const firstLine = (error: unknown) => String((error as Error).message).split('\n')[0];
  let columns: string[];
  try {
    const described = await store.query(sqlFile('controls/describe-check').replace('{{check}}', () => control.check), values);
    columns = described.rows.map((r) => String(r.column_name));
  } catch (error) {
    throw new ControlError(`${control.files.check}: does not bind against the store: ${firstLine(error)}`);
  }
  const missing = CHECK_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new ControlError(`${control.files.check}: returns no ${missing.join(', ')} (a check returns ${CHECK_COLUMNS.join(', ')})`);
  }
  try {
    await store.query(sqlFile('controls/explain-control').replace('{{control}}', () => control.query.sql), values);
  } catch (error) {
    throw new ControlError(`${control.files.check}: its columns do not fit the engine: ${firstLine(error)}`);
  }
}
