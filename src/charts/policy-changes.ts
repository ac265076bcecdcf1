import type { PolicyChangeRow, RowsInput } from './rows';
import { rowsOf } from './rows';
import type { ChartSpec } from './spec';
import {
  changeTypeColors,
  changeTypeLabels,
  chartConfig,
  chartWidth,
  colorScale,
  countFormat,
  dayFormat,
  timeFormat,
  vegaLiteSchemaUrl,
} from './theme';
import { countNumber, isoTime } from './values';
import type { VegaLiteSpec } from './vega-lite-types';

const fieldsListedInTooltip = 5;
const policyLabelLimit = 280;

interface PolicyRunChange {
  changed_at: string;
  policy_id: number;
  policy_name: string;
  change_type: PolicyChangeRow['change_type'];
  fields: string[];
  computers_assigned: number;
}

/** One point per policy per run in which it changed, sized by the number of changed fields (`policy-changes`). */
export function policyChangesChart(input: RowsInput<PolicyChangeRow>): ChartSpec {
  const changes = changesByPolicyRun(rowsOf(input));
  const policyLabel = policyLabeller(changes);
  const values = changes.map((change) => ({
    changed_at: change.changed_at,
    policy: policyLabel(change),
    change: changeTypeLabels[change.change_type],
    fields_changed: change.fields.length,
    weight: Math.max(1, change.fields.length),
    fields: fieldSummary(change.fields),
    computers_assigned: change.computers_assigned,
  }));
  const mostFields = Math.max(1, ...values.map((value) => value.weight));
  return {
    $schema: vegaLiteSchemaUrl,
    title: {
      text: 'Policy changes',
      subtitle: 'Each point is a policy that changed between two runs of the policies flow',
    },
    width: chartWidth,
    height: { step: 26 },
    data: { values },
    mark: { type: 'point', filled: true, opacity: 0.85 },
    encoding: {
      x: {
        field: 'changed_at',
        type: 'temporal',
        scale: { type: 'utc', padding: 16 },
        title: 'First seen in run',
        axis: { format: dayFormat, grid: true },
      },
      y: { field: 'policy', type: 'nominal', title: null, sort: 'ascending', axis: { labelLimit: policyLabelLimit } },
      color: { field: 'change', type: 'nominal', title: 'Change', scale: colorScale(changeTypeLabels, changeTypeColors) },
      size: {
        field: 'weight',
        type: 'quantitative',
        title: 'Fields changed',
        scale: { domain: [1, mostFields], range: [60, 400] },
        legend: { values: [...new Set([1, Math.ceil(mostFields / 2), mostFields])], format: countFormat },
      },
      tooltip: [
        { field: 'changed_at', type: 'temporal', timeUnit: 'utcyearmonthdatehoursminutes', title: 'First seen', format: timeFormat },
        { field: 'policy', type: 'nominal', title: 'Policy' },
        { field: 'change', type: 'nominal', title: 'Change' },
        { field: 'fields_changed', type: 'quantitative', title: 'Fields changed', format: countFormat },
        { field: 'fields', type: 'nominal', title: 'Fields' },
        { field: 'computers_assigned', type: 'quantitative', title: 'Computers assigned', format: countFormat },
      ],
    },
    config: chartConfig,
  } satisfies VegaLiteSpec;
}

function changesByPolicyRun(rows: readonly PolicyChangeRow[]): PolicyRunChange[] {
  const changes = new Map<string, PolicyRunChange>();
  for (const row of rows) {
    const changedAt = isoTime(row.changed_at);
    const policyId = countNumber(row.policy_id);
    const key = `${changedAt} ${policyId}`;
    const change = changes.get(key) ?? {
      changed_at: changedAt,
      policy_id: policyId,
      policy_name: row.policy_name ?? '',
      change_type: row.change_type,
      fields: [],
      computers_assigned: 0,
    };
    if (row.change_type !== 'modified') change.change_type = row.change_type;
    if (row.field !== null) change.fields.push(row.field);
    change.computers_assigned = Math.max(change.computers_assigned, countNumber(row.computers_assigned));
    changes.set(key, change);
  }
  return [...changes.values()];
}

/** A policy's name, with its ID added only where two policies share a name (or it has none). */
function policyLabeller(changes: readonly PolicyRunChange[]): (change: PolicyRunChange) => string {
  const idsByName = new Map<string, Set<number>>();
  for (const change of changes) {
    const ids = idsByName.get(change.policy_name) ?? new Set<number>();
    ids.add(change.policy_id);
    idsByName.set(change.policy_name, ids);
  }
  return (change) => {
    if (change.policy_name === '') return `Policy ${change.policy_id}`;
    const shared = (idsByName.get(change.policy_name)?.size ?? 0) > 1;
    return shared ? `${change.policy_name} (ID ${change.policy_id})` : change.policy_name;
  };
}

function fieldSummary(fields: readonly string[]): string {
  if (fields.length === 0) return '(whole policy)';
  const listed = fields.slice(0, fieldsListedInTooltip).join(', ');
  const more = fields.length - fieldsListedInTooltip;
  return more > 0 ? `${listed} and ${more} more` : listed;
}
