import type { VegaLiteSpec } from '../render/vega-lite-types';
import { defineChart } from './kit/chart';
import { periodParams } from './kit/query-params';
import type { ChangeType, PolicyChangeRow } from './kit/rows';
import { changeTypeColors, chartConfig, chartWidth, colorScale, countFormat, vegaLiteSchemaUrl } from './kit/theme';
import { countNumber, isoTime } from './kit/values';

const fieldsListedInTooltip = 5;
const policyLabelLimit = 280;

interface PolicyRunChange {
  changed_at: string;
  policy_id: number;
  policy_name: string;
  change_type: ChangeType;
  fields: string[];
  computers_assigned: number;
}

const en = {
  title: 'Policy changes',
  subtitle: 'Each point is a policy that changed between two runs of the policies flow',
  firstSeenInRun: 'First seen in run',
  firstSeen: 'First seen',
  change: 'Change',
  fieldsChanged: 'Fields changed',
  policy: 'Policy',
  fields: 'Fields',
  computersAssigned: 'Computers assigned',
  unnamedPolicy: (id: number) => `Policy ${id}`,
  sharedName: (name: string, id: number) => `${name} (ID ${id})`,
  wholePolicy: '(whole policy)',
  andMore: (listed: string, more: number) => `${listed} and ${more} more`,
};

const ja: typeof en = {
  title: 'ポリシーの変更',
  subtitle: '各点は、ポリシーのフローの2回の取得の間に変更されたポリシー',
  firstSeenInRun: '初めて記録された取得',
  firstSeen: '初回記録',
  change: '変更',
  fieldsChanged: '変更された項目数',
  policy: 'ポリシー',
  fields: '項目',
  computersAssigned: '割り当てコンピュータ数',
  unnamedPolicy: (id) => `ポリシー ${id}`,
  sharedName: (name, id) => `${name}（ID ${id}）`,
  wholePolicy: '（ポリシー全体）',
  andMore: (listed, more) => `${listed} ほか ${more} 件`,
};

/** One point per policy per run in which it changed, sized by the number of changed fields (`policy-changes`). */
export const chart = defineChart<PolicyChangeRow, typeof en>({
  query: 'policy-changes',
  order: 60,
  queryParams: periodParams,
  texts: { en, ja },
  draw({ rows, text, words, dates }) {
    const changes = changesByPolicyRun(rows);
    const policyLabel = policyLabeller(changes, text);
    const values = changes.map((change) => ({
      changed_at: change.changed_at,
      policy: policyLabel(change),
      change: words.changeTypes[change.change_type],
      fields_changed: change.fields.length,
      weight: Math.max(1, change.fields.length),
      fields: fieldSummary(change.fields, text),
      computers_assigned: change.computers_assigned,
    }));
    const mostFields = Math.max(1, ...values.map((value) => value.weight));
    return {
      $schema: vegaLiteSchemaUrl,
      title: { text: text.title, subtitle: text.subtitle },
      width: chartWidth,
      height: { step: 26 },
      data: { values },
      mark: { type: 'point', filled: true, opacity: 0.85 },
      encoding: {
        x: {
          field: 'changed_at',
          type: 'temporal',
          scale: { type: 'utc', padding: 16 },
          title: text.firstSeenInRun,
          axis: { format: dates.day, grid: true },
        },
        y: { field: 'policy', type: 'nominal', title: null, sort: 'ascending', axis: { labelLimit: policyLabelLimit } },
        color: { field: 'change', type: 'nominal', title: text.change, scale: colorScale(words.changeTypes, changeTypeColors) },
        size: {
          field: 'weight',
          type: 'quantitative',
          title: text.fieldsChanged,
          scale: { domain: [1, mostFields], range: [60, 400] },
          legend: { values: [...new Set([1, Math.ceil(mostFields / 2), mostFields])], format: countFormat },
        },
        tooltip: [
          {
            field: 'changed_at',
            type: 'temporal',
            timeUnit: 'utcyearmonthdatehoursminutes',
            title: text.firstSeen,
            format: dates.time,
          },
          { field: 'policy', type: 'nominal', title: text.policy },
          { field: 'change', type: 'nominal', title: text.change },
          { field: 'fields_changed', type: 'quantitative', title: text.fieldsChanged, format: countFormat },
          { field: 'fields', type: 'nominal', title: text.fields },
          { field: 'computers_assigned', type: 'quantitative', title: text.computersAssigned, format: countFormat },
        ],
      },
      config: chartConfig,
    } satisfies VegaLiteSpec;
  },
});

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
function policyLabeller(changes: readonly PolicyRunChange[], text: typeof en): (change: PolicyRunChange) => string {
  const idsByName = new Map<string, Set<number>>();
  for (const change of changes) {
    const ids = idsByName.get(change.policy_name) ?? new Set<number>();
    ids.add(change.policy_id);
    idsByName.set(change.policy_name, ids);
  }
  return (change) => {
    if (change.policy_name === '') return text.unnamedPolicy(change.policy_id);
    const shared = (idsByName.get(change.policy_name)?.size ?? 0) > 1;
    return shared ? text.sharedName(change.policy_name, change.policy_id) : change.policy_name;
  };
}

function fieldSummary(fields: readonly string[], text: typeof en): string {
  if (fields.length === 0) return text.wholePolicy;
  const listed = fields.slice(0, fieldsListedInTooltip).join(', ');
  const more = fields.length - fieldsListedInTooltip;
  return more > 0 ? text.andMore(listed, more) : listed;
}
