/** Row shapes of the named queries the charts read (columns as documented in queries/<name>.sql). */

/** A time as the store returns it: a `Date`, or text DuckDB or JSON gave (ISO-8601 or `2026-01-31 00:00:00+00`). */
export type TimeValue = Date | string;
/** A count: DuckDB `BIGINT` arrives as `bigint`, JSON text as a string. */
export type CountValue = number | bigint | string;

export const osFamilies = ['windows', 'linux', 'other'] as const;
export type OsFamily = (typeof osFamilies)[number];

/** The `module` values of `fleet-coverage`, in the order of legends and heatmap rows. */
export const coverageModules = [
  'agent',
  'anti_malware',
  'web_reputation',
  'firewall',
  'intrusion_prevention',
  'integrity_monitoring',
  'log_inspection',
  'application_control',
] as const;
export type CoverageModule = (typeof coverageModules)[number];

/** The `agent-health` columns that count agents by status, in the order the charts stack them. */
export const agentStatusColumns = ['active', 'warning', 'error', 'inactive', 'not_supported', 'unknown'] as const;
export type AgentStatusColumn = (typeof agentStatusColumns)[number];

export const changeTypes = ['created', 'modified', 'deleted'] as const;
export type ChangeType = (typeof changeTypes)[number];

/** `fleet-coverage`: one row per month × os_family × module. */
export interface FleetCoverageRow {
  month: TimeValue;
  snapshot_id?: string;
  snapshot_at?: TimeValue;
  os_family: OsFamily | 'all';
  module: CoverageModule;
  computers: CountValue;
  covered: CountValue;
  coverage: number | null;
  prevent?: CountValue | null;
  detect?: CountValue | null;
}

/** `fleet-size`: one row per month × os_family. */
export interface FleetSizeRow {
  month: TimeValue;
  snapshot_at?: TimeValue;
  os_family: OsFamily;
  computers: CountValue;
  with_agent: CountValue;
}

/** `agent-health`: one row per month. */
export interface AgentHealthRow {
  month: TimeValue;
  snapshot_at?: TimeValue;
  computers: CountValue;
  with_agent: CountValue;
  active: CountValue;
  warning: CountValue;
  error: CountValue;
  inactive: CountValue;
  not_supported: CountValue;
  unknown: CountValue;
  silent: CountValue;
  behind_newest?: CountValue;
  newest_version?: string | null;
}

/** `agent-versions`: one row per month × agent version. */
export interface AgentVersionRow {
  month: TimeValue;
  snapshot_at?: TimeValue;
  agent_version: string;
  computers: CountValue;
}

/** `policy-changes`: one row per changed leaf of a policy between two runs. */
export interface PolicyChangeRow {
  changed_at: TimeValue;
  previous_snapshot_at?: TimeValue | null;
  policy_id: CountValue;
  policy_name: string | null;
  change_type: ChangeType;
  field: string | null;
  old_value?: string | null;
  new_value?: string | null;
  computers_assigned?: CountValue | null;
  assigned_host_names?: readonly string[] | null;
}

/** A chart accepts the rows themselves or a query result that carries them. */
export type RowsInput<Row> = readonly Row[] | { readonly rows: readonly Row[] };

export function rowsOf<Row>(input: RowsInput<Row>): readonly Row[] {
  return isRowArray(input) ? input : input.rows;
}

function isRowArray<Row>(input: RowsInput<Row>): input is readonly Row[] {
  return Array.isArray(input);
}

/** `event-trend`: one row per period × event type. */
export interface EventTrendRow {
  period_start: TimeValue;
  event_type: string;
  events: CountValue;
  computers: CountValue;
}

/** `event-host-weeks`: one row per busy computer × week. */
export interface EventHostWeekRow {
  week_start: TimeValue;
  host_id: CountValue;
  host_name: string;
  events: CountValue;
  period_events: CountValue;
}

/** `event-top`: one row per rule, computer, malware or source address. */
export interface EventTopRow {
  subject: string;
  event_types: string;
  events: CountValue;
  computers: CountValue;
  first_seen: TimeValue;
  last_seen: TimeValue;
}
