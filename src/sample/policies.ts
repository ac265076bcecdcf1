import type { ConsoleTexts } from './locale';
import { MODULES, MODULE_STATES, RULE_MODULES, isRuleModule, moduleStatusMessage } from './modules';
import type { ModuleKey, ModuleStates, RuleLists, RuleModule } from './modules';
import { DAY_MS, Stream, runTime } from './plan';
import type { FleetPlan } from './plan';
import { POLICY_SETTINGS, settingsRecord } from './policy-settings';
import type { SettingValue } from './policy-settings';
import { BASE_POLICY_ID, DESCRIPTION_EDITS, NEW_POLICY_ID, POLICY_TREE, RENAMED_POLICY_NAME, RETIRED_POLICY_ID, RHEL_POLICY_ID } from './policy-tree';
import type { PolicyDefinition } from './policy-tree';
import { Random } from './random';
import { EDITED_RULE_ID_RANGES, assignedRules, recommendedRules } from './rule-lists';

/** A policy as the console shows it at one moment: inherited values resolved. */
export interface EffectivePolicy {
  id: number;
  modules: ModuleStates;
  settings: Readonly<Record<string, string>>;
  /** Every setting as a record's `policySettings` or `computerSettings` shows it. */
  settingsRecord: Readonly<Record<string, SettingValue>>;
  /** The rules its records list: edited by hand and recommended. */
  rules: Readonly<RuleLists>;
  /** Last time anything the policy sends to its computers changed (ms since the epoch). */
  changedAtMs: number;
}

interface PolicyState {
  id: number;
  parentId: number | null;
  name: string;
  description: string;
  recommendationScanMode: string;
  autoRequiresUpdate: string;
  modules: Partial<ModuleStates>;
  settings: Record<string, string>;
  /** Rules assigned by hand, which edits add and remove. */
  rules: RuleLists;
  recommendedRules: Readonly<RuleLists>;
  changedAtMs: number;
}

const RULE_COUNTS: Readonly<Record<RuleModule, readonly [number, number]>> = {
  firewall: [2, 4],
  intrusionPrevention: [4, 9],
  integrityMonitoring: [2, 4],
  logInspection: [2, 3],
};

const EDITED_MODULES: readonly (readonly [ModuleKey, number])[] = [
  ['antiMalware', 2],
  ['webReputation', 3],
  ['firewall', 3],
  ['intrusionPrevention', 4],
  ['integrityMonitoring', 3],
  ['logInspection', 3],
  ['applicationControl', 2],
  ['activityMonitoring', 1],
  ['SAP', 1],
];

type EditKind = 'module' | 'setting' | 'rules' | 'scan-mode' | 'auto-requires-update' | 'description';

const EDIT_KINDS: readonly (readonly [EditKind, number])[] = [
  ['module', 8],
  ['setting', 8],
  ['rules', 2],
  ['scan-mode', 0.5],
  ['auto-requires-update', 0.5],
  ['description', 1],
];

function sortedUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function initialRules(random: Random): RuleLists {
  const lists = {} as RuleLists;
  for (const module of RULE_MODULES) {
    const [low, high] = EDITED_RULE_ID_RANGES[module];
    const [fewest, most] = RULE_COUNTS[module];
    const count = random.int(fewest, most);
    lists[module] = sortedUnique(Array.from({ length: count }, () => random.int(low, high)));
  }
  return lists;
}

/**
 * The policy tree over time: which policies exist, their own values, and the edits administrators make
 * (a few a month, at random times in the week before a run). Call `advanceTo` for every week in order.
 */
export class PolicyBook {
  private readonly policies = new Map<number, PolicyState>();
  private effectiveCache = new Map<number, EffectivePolicy>();

  constructor(private readonly plan: FleetPlan) {}

  advanceTo(week: number): void {
    this.effectiveCache = new Map();
    if (week === 0) {
      for (const definition of POLICY_TREE) {
        if (definition.id !== NEW_POLICY_ID) this.create(definition, this.beforeStartMs(definition.id));
      }
    }
    if (week === this.plan.policyCreatedWeek) {
      const definition = POLICY_TREE.find((policy) => policy.id === NEW_POLICY_ID);
      if (definition) this.create(definition, this.editTimeMs(week, new Random(this.plan.seed, Stream.policyEdits, week, 0)));
    }
    if (week === this.plan.policyDeletedWeek) this.policies.delete(RETIRED_POLICY_ID);
    if (week === this.plan.policyRenamedWeek) {
      const atMs = this.editTimeMs(week, new Random(this.plan.seed, Stream.policyEdits, week, RHEL_POLICY_ID));
      this.own(RHEL_POLICY_ID, (policy) => (policy.name = RENAMED_POLICY_NAME), atMs);
    }
    if (week > 0) this.applyRandomEdits(week);
  }

  /** IDs of the policies that exist now, ascending. */
  ids(): number[] {
    return [...this.policies.keys()].sort((a, b) => a - b);
  }

  effective(id: number): EffectivePolicy {
    const cached = this.effectiveCache.get(id);
    if (cached) return cached;
    const policy = this.policies.get(id);
    if (!policy) throw new Error(`policy ${id} does not exist`);
    const parent = policy.parentId === null ? null : this.effective(policy.parentId);
    const settings = { ...parent?.settings, ...policy.settings };
    const effective: EffectivePolicy = {
      id,
      modules: { ...(parent?.modules as ModuleStates), ...policy.modules },
      settings,
      settingsRecord: settingsRecord(settings),
      rules: assignedRules(policy.rules, policy.recommendedRules),
      changedAtMs: policy.changedAtMs,
    };
    this.effectiveCache.set(id, effective);
    return effective;
  }

  records(texts: ConsoleTexts, schemaVersion: number): Record<string, unknown>[] {
    return this.ids().map((id) => this.record(id, texts, schemaVersion));
  }

  private record(id: number, texts: ConsoleTexts, schemaVersion: number): Record<string, unknown> {
    const policy = this.policies.get(id) as PolicyState;
    const effective = this.effective(id);
    const record: Record<string, unknown> = {
      ID: policy.id,
      parentID: policy.parentId,
      name: policy.name,
      description: policy.description,
      recommendationScanMode: policy.recommendationScanMode,
      autoRequiresUpdate: policy.autoRequiresUpdate,
    };
    for (const module of MODULES) {
      const state = effective.modules[module];
      const ruleCount = isRuleModule(module) ? effective.rules[module].length : 0;
      const moduleRecord: Record<string, unknown> = {
        state,
        moduleStatus: { status: state === 'off' ? 'inactive' : 'active', statusMessage: moduleStatusMessage(texts, module, state, ruleCount) },
      };
      if (module === 'antiMalware') {
        moduleRecord.realTimeScanConfigurationID = 1;
        moduleRecord.manualScanConfigurationID = 2;
        moduleRecord.scheduledScanConfigurationID = 3;
      }
      if (isRuleModule(module)) moduleRecord.ruleIDs = effective.rules[module];
      if (module === 'applicationControl') moduleRecord.blockUnrecognized = false;
      record[module] = moduleRecord;
    }
    if (schemaVersion >= 2) record.deviceControl = { state: 'off', moduleStatus: { status: 'inactive', statusMessage: texts.off } };
    record.policySettings = effective.settingsRecord;
    return record;
  }

  private create(definition: PolicyDefinition, atMs: number): void {
    const settings: Record<string, string> = {};
    if (definition.parentId === null) for (const [name, values] of POLICY_SETTINGS) settings[name] = values[0];
    Object.assign(settings, definition.settings);
    this.policies.set(definition.id, {
      id: definition.id,
      parentId: definition.parentId,
      name: definition.name,
      description: definition.description,
      recommendationScanMode: definition.recommendationScanMode,
      autoRequiresUpdate: definition.autoRequiresUpdate,
      modules: { ...definition.modules },
      settings,
      rules: initialRules(new Random(this.plan.seed, Stream.policyEdits, -1, definition.id)),
      recommendedRules: recommendedRules(this.plan.seed, definition.id),
      changedAtMs: atMs,
    });
  }

  private beforeStartMs(id: number): number {
    const random = new Random(this.plan.seed, Stream.policyEdits, -2, id);
    return this.plan.start.getTime() - random.int(20, 400) * DAY_MS - random.int(0, 86_399) * 1000;
  }

  private editTimeMs(week: number, random: Random): number {
    return runTime(this.plan, week, 'computers').getTime() - DAY_MS - random.int(0, 5 * 86_400 - 1) * 1000;
  }

  /** Changes a value the policy holds for itself: only this policy's computers get an update. */
  private own(id: number, change: (policy: PolicyState) => void, atMs: number): void {
    const policy = this.policies.get(id);
    if (!policy) return;
    change(policy);
    policy.changedAtMs = atMs;
  }

  /** Changes a value the policy's descendants inherit: the whole subtree gets an update. */
  private inherited(id: number, change: (policy: PolicyState) => void, atMs: number): void {
    this.own(id, change, atMs);
    const subtree = [id];
    for (let i = 0; i < subtree.length; i++) {
      for (const child of this.policies.values()) {
        if (child.parentId !== subtree[i]) continue;
        child.changedAtMs = atMs;
        subtree.push(child.id);
      }
    }
  }

  private applyRandomEdits(week: number): void {
    const random = new Random(this.plan.seed, Stream.policyEdits, week);
    const roll = random.next();
    const count = roll < 0.3 ? 0 : roll < 0.8 ? 1 : 2;
    for (let i = 0; i < count; i++) {
      const ids = this.ids();
      const id = random.weighted(ids.map((candidate) => [candidate, candidate === BASE_POLICY_ID ? 0.3 : 1] as const));
      const atMs = this.editTimeMs(week, random);
      this.applyEdit(id, random.weighted(EDIT_KINDS), random, atMs);
    }
  }

  private applyEdit(id: number, kind: EditKind, random: Random, atMs: number): void {
    const current = this.effective(id);
    switch (kind) {
      case 'module': {
        const [module, state] = moduleEdit(current.modules, random);
        this.inherited(id, (policy) => (policy.modules[module] = state), atMs);
        break;
      }
      case 'setting': {
        const [name, values] = random.pick(POLICY_SETTINGS);
        const choices = values.filter((value) => value !== current.settings[name]);
        const value = random.pick(choices);
        this.inherited(id, (policy) => (policy.settings[name] = value), atMs);
        break;
      }
      case 'rules': {
        const module = random.pick(RULE_MODULES);
        const [low, high] = EDITED_RULE_ID_RANGES[module];
        const list = (this.policies.get(id) as PolicyState).rules[module];
        const removed = list.length > 2 && random.chance(0.3) ? random.int(0, list.length - 1) : -1;
        const next = removed >= 0 ? list.filter((_, index) => index !== removed) : sortedUnique([...list, random.int(low, high)]);
        this.own(id, (policy) => (policy.rules = { ...policy.rules, [module]: next }), atMs);
        break;
      }
      case 'scan-mode':
        this.own(id, (policy) => (policy.recommendationScanMode = policy.recommendationScanMode === 'off' ? 'ongoing' : 'off'), atMs);
        break;
      case 'auto-requires-update':
        this.own(id, (policy) => (policy.autoRequiresUpdate = policy.autoRequiresUpdate === 'off' ? 'on' : 'off'), atMs);
        break;
      case 'description': {
        const description = random.pick(DESCRIPTION_EDITS.filter((text) => text !== this.policies.get(id)?.description));
        this.own(id, (policy) => (policy.description = description), atMs);
        break;
      }
    }
    this.effectiveCache = new Map();
  }
}

/**
 * Administrators mostly turn a module up one step (off → on, detect → prevent); now and then one down, but
 * never anti-malware.
 */
function moduleEdit(current: ModuleStates, random: Random): [ModuleKey, string] {
  const step = random.chance(0.8) ? -1 : 1;
  const movable = (direction: number) =>
    EDITED_MODULES.filter(([module]) => {
      const next = MODULE_STATES[module].indexOf(current[module]) + direction;
      return next >= 0 && next < MODULE_STATES[module].length && !(direction > 0 && module === 'antiMalware');
    });
  const direction = movable(step).length > 0 ? step : -step;
  const module = random.weighted(movable(direction));
  const states = MODULE_STATES[module];
  return [module, states[states.indexOf(current[module]) + direction]];
}
