import { computerProfile } from './computer-profiles';
import type { ComputerProfile } from './computer-profiles';
import { computerInterfaces } from './interfaces';
import type { Interfaces } from './interfaces';
import { withSchemaV3Spelling } from './key-casing';
import type { ConsoleTexts } from './locale';
import { MODULES, MODULE_STATES, isRuleModule, moduleStatusMessage } from './modules';
import type { ModuleKey } from './modules';
import type { EffectivePolicy, PolicyBook } from './policies';
import {
  AMAZON_LINUX_WEB_POLICY_ID,
  BASE_POLICY_ID,
  CORE_SYSTEMS_POLICY_ID,
  DEVELOPMENT_POLICY_ID,
  LINUX_POLICY_ID,
  NEW_POLICY_ID,
  RETIRED_POLICY_ID,
  RHEL_POLICY_ID,
  WINDOWS_DATABASE_POLICY_ID,
  WINDOWS_POLICY_ID,
  WINDOWS_WEB_POLICY_ID,
} from './policy-tree';
import { DAY_MS, Stream, WEEK_MS, runTime } from './plan';
import type { FleetPlan } from './plan';
import { unitHash } from './random';
import { securityUpdates } from './security-updates';

/** What changes about a computer from week to week. */
interface ComputerState {
  silentSinceMs: number | null;
  silentUntilWeek: number;
  driftModule: ModuleKey | null;
  driftState: string;
  driftUntilWeek: number;
  engineErrorUntilWeek: number;
  /** Since when security updates fail (the last update is then), or null. */
  updatesFailingSinceMs: number | null;
  updatesFailingUntilWeek: number;
  policyId: number | null;
  assignedAtMs: number;
  policySuccessMs: number;
  /** Last scans the agent reported; kept when the module is later turned off. */
  lastMalwareScanMs: number | null;
  lastIntegrityScanMs: number | null;
}

const CHANCE_SILENCE_STARTS = 0.012;
const CHANCE_DRIFT_STARTS = 0.006;
const CHANCE_ENGINE_ERROR = 0.004;
const CHANCE_UPDATES_START_FAILING = 0.003;
/** Agents silent for longer than this are in error rather than warning. */
const ERROR_AFTER_SILENT_MS = 14 * DAY_MS;
const DRIFTING_MODULES: readonly ModuleKey[] = ['antiMalware', 'webReputation', 'firewall', 'intrusionPrevention', 'integrityMonitoring', 'logInspection'];
/** Sunday 18:00 UTC (Monday 03:00 in Tokyo), when scheduled scans run. */
const SCHEDULED_SCAN_EPOCH_OFFSET_MS = 3 * DAY_MS + 18 * 3600 * 1000;

function lastScheduledScanMs(beforeMs: number): number {
  return beforeMs - ((beforeMs - SCHEDULED_SCAN_EPOCH_OFFSET_MS) % WEEK_MS);
}

function moduleStateOf(module: ModuleKey, policy: EffectivePolicy, state: ComputerState): string {
  return state.driftModule === module ? state.driftState : policy.modules[module];
}

/**
 * The computers over time. Call `advanceTo` for every week in order (runs that are missing included), then
 * `records` for the weeks that have a run.
 */
export class Fleet {
  private readonly profiles: ComputerProfile[];
  private readonly interfaces: Interfaces[];
  private readonly states: ComputerState[];

  constructor(
    private readonly plan: FleetPlan,
    private readonly policies: PolicyBook,
  ) {
    this.profiles = Array.from({ length: plan.computers }, (_, index) => computerProfile(plan, index));
    this.interfaces = this.profiles.map((profile) => computerInterfaces(plan, profile));
    this.states = this.profiles.map((profile) => ({
      silentSinceMs: null,
      silentUntilWeek: 0,
      driftModule: null,
      driftState: '',
      driftUntilWeek: 0,
      engineErrorUntilWeek: 0,
      updatesFailingSinceMs: null,
      updatesFailingUntilWeek: 0,
      policyId: null,
      assignedAtMs: 0,
      policySuccessMs: profile.agentInstalledAtMs + 30_000,
      lastMalwareScanMs: null,
      lastIntegrityScanMs: null,
    }));
  }

  advanceTo(week: number): void {
    const runAtMs = runTime(this.plan, week, 'computers').getTime();
    for (const profile of this.profiles) {
      if (week < profile.joinWeek || week >= profile.leaveWeek) continue;
      this.advanceComputer(profile, this.states[profile.index], week, runAtMs);
      this.advanceUpdates(profile, this.states[profile.index], week, runAtMs);
    }
  }

  records(week: number, texts: ConsoleTexts, schemaVersion: number): Record<string, unknown>[] {
    const runAtMs = runTime(this.plan, week, 'computers').getTime();
    const records: Record<string, unknown>[] = [];
    for (const profile of this.profiles) {
      if (week < profile.joinWeek || week >= profile.leaveWeek) continue;
      records.push(this.record(profile, this.states[profile.index], week, runAtMs, texts, schemaVersion));
    }
    return records;
  }

  private policyFor(profile: ComputerProfile, week: number): number | null {
    if (week < profile.agentFromWeek) return null;
    const windows = profile.family === 'windows';
    switch (profile.role) {
      case 'legacy':
        return week >= this.plan.policyDeletedWeek - 1 ? WINDOWS_POLICY_ID : RETIRED_POLICY_ID;
      case 'web':
        return windows ? WINDOWS_WEB_POLICY_ID : AMAZON_LINUX_WEB_POLICY_ID;
      case 'database':
        return WINDOWS_DATABASE_POLICY_ID;
      case 'core':
        return CORE_SYSTEMS_POLICY_ID;
      case 'development':
        return DEVELOPMENT_POLICY_ID;
      case 'rhel':
        return RHEL_POLICY_ID;
      case 'container': {
        const created = this.plan.policyCreatedWeek;
        const moved = week >= created && (week >= created + profile.policyMoveDelay || profile.agentFromWeek >= created);
        return moved ? NEW_POLICY_ID : AMAZON_LINUX_WEB_POLICY_ID;
      }
      case 'general':
        return windows ? WINDOWS_POLICY_ID : LINUX_POLICY_ID;
    }
  }

  private advanceComputer(profile: ComputerProfile, state: ComputerState, week: number, runAtMs: number): void {
    const { seed } = this.plan;
    const id = profile.id;
    const hasAgent = week >= profile.agentFromWeek;

    const policyId = this.policyFor(profile, week);
    if (policyId !== state.policyId) {
      state.policyId = policyId;
      state.assignedAtMs = week === profile.agentFromWeek ? profile.agentInstalledAtMs : runAtMs - Math.floor(unitHash(seed, Stream.assignment, id, week) * 5 * DAY_MS);
    }
    if (!hasAgent || policyId === null) return;
    const policy = this.policies.effective(policyId);

    if (state.silentSinceMs !== null && week >= state.silentUntilWeek) state.silentSinceMs = null;
    const installedBeforeRun = week > profile.agentFromWeek || profile.agentFromWeek === 0;
    if (state.silentSinceMs === null && installedBeforeRun) {
      const fading = week >= profile.leaveWeek - profile.fadeWeeks;
      if (fading || unitHash(seed, Stream.silence, id, week) < CHANCE_SILENCE_STARTS) {
        const length = unitHash(seed, Stream.silenceLength, id, week);
        state.silentSinceMs = runAtMs - 3_600_000 - Math.floor(length * 6 * DAY_MS);
        state.silentUntilWeek = fading ? Infinity : week + (length < 0.75 ? 1 + Math.floor(length * 4) : 4 + Math.floor((length - 0.75) * 64));
      }
    }

    if (state.driftModule !== null && week >= state.driftUntilWeek) state.driftModule = null;
    if (state.driftModule === null && unitHash(seed, Stream.drift, id, week) < CHANCE_DRIFT_STARTS) {
      const module = DRIFTING_MODULES[Math.floor(unitHash(seed, Stream.driftModule, id, week) * DRIFTING_MODULES.length)];
      const states = MODULE_STATES[module];
      const current = states.indexOf(policy.modules[module]);
      state.driftModule = module;
      state.driftState = current === states.length - 1 ? states[0] : states[current + 1];
      state.driftUntilWeek = week + 2 + Math.floor(unitHash(seed, Stream.driftLength, id, week) * 13);
    }

    if (state.silentSinceMs === null && week >= state.engineErrorUntilWeek && unitHash(seed, Stream.engineError, id, week) < CHANCE_ENGINE_ERROR) {
      state.engineErrorUntilWeek = week + 1;
    }

    if (state.silentSinceMs === null) {
      const scanMs = lastScheduledScanMs(runAtMs);
      if (moduleStateOf('antiMalware', policy, state) !== 'off') state.lastMalwareScanMs = scanMs;
      if (moduleStateOf('integrityMonitoring', policy, state) !== 'off') state.lastIntegrityScanMs = scanMs + 3_600_000;
    }

    const requestMs = Math.max(state.assignedAtMs, policy.changedAtMs, profile.agentInstalledAtMs);
    const reachable = state.silentSinceMs === null || state.silentSinceMs > requestMs;
    if (reachable && requestMs > state.policySuccessMs) {
      state.policySuccessMs = requestMs + 5_000 + Math.floor(unitHash(seed, Stream.policySent, id, week) * 55_000);
    }
  }

  /** Now and then a computer's security updates fail for a few weeks (a relay or proxy problem); its agent stays online. */
  private advanceUpdates(profile: ComputerProfile, state: ComputerState, week: number, runAtMs: number): void {
    const { seed } = this.plan;
    if (state.updatesFailingSinceMs !== null && week >= state.updatesFailingUntilWeek) state.updatesFailingSinceMs = null;
    const installedBeforeRun = week > profile.agentFromWeek || profile.agentFromWeek === 0;
    if (state.updatesFailingSinceMs !== null || !installedBeforeRun) return;
    if (unitHash(seed, Stream.updateFailure, profile.id, week) >= CHANCE_UPDATES_START_FAILING) return;
    const length = unitHash(seed, Stream.updateFailureLength, profile.id, week);
    state.updatesFailingSinceMs = runAtMs - 3_600_000 - Math.floor(length * 6 * DAY_MS);
    state.updatesFailingUntilWeek = week + 2 + Math.floor(length * 4);
  }

  private record(
    profile: ComputerProfile,
    state: ComputerState,
    week: number,
    runAtMs: number,
    texts: ConsoleTexts,
    schemaVersion: number,
  ): Record<string, unknown> {
    const hasAgent = week >= profile.agentFromWeek;
    const policy = state.policyId === null ? null : this.policies.effective(state.policyId);
    const effectivePolicy = policy ?? this.policies.effective(BASE_POLICY_ID);
    const settings = effectivePolicy.settings;
    const silentSinceMs = hasAgent ? state.silentSinceMs : null;
    const engineError = hasAgent && silentSinceMs === null && week < state.engineErrorUntilWeek;
    const [agentStatus, agentStatusMessages] = this.agentStatus(profile, hasAgent, silentSinceMs, engineError, runAtMs, texts);
    const heartbeatMs = Number(settings.platformSettingHeartbeatInterval) * 60_000;
    const contactMs = silentSinceMs ?? runAtMs - Math.floor(unitHash(this.plan.seed, Stream.heartbeat, profile.id, week) * heartbeatMs);
    const requestMs = policy ? Math.max(state.assignedAtMs, policy.changedAtMs, profile.agentInstalledAtMs) : null;

    const record: Record<string, unknown> = {
      ID: profile.id,
      hostName: profile.hostName,
      displayName: profile.displayName,
      description: profile.description,
      platform: hasAgent || !profile.platformHiddenWithoutAgent ? profile.platform : '',
      groupID: profile.groupID,
      policyID: state.policyId,
      relayListID: profile.relayListID,
      assetImportanceID: profile.assetImportanceID,
      hostGUID: profile.hostGUID,
      biosUUID: profile.biosUUID,
      lastIPUsed: profile.lastIPUsed,
      agentFingerPrint: hasAgent ? profile.agentFingerPrint : null,
      agentVersion: hasAgent ? this.agentVersion(profile, week) : '0.0.0.0',
      lastAgentCommunication: hasAgent ? contactMs : null,
      lastSendPolicyRequest: requestMs,
      lastSendPolicySuccess: policy ? state.policySuccessMs : null,
      computerStatus: { agentStatus, agentStatusMessages },
      securityUpdates: hasAgent ? securityUpdates(this.plan, profile.family, this.lastUpdateMs(state, contactMs), runAtMs) : null,
      computerSettings: effectivePolicy.settingsRecord,
      interfaces: this.interfaces[profile.index],
    };
    if (profile.ec2) record.ec2VirtualMachineSummary = { ...profile.ec2, state: silentSinceMs === null ? 'POWER ON' : 'POWER OFF' };
    for (const module of MODULES) {
      record[module] = this.moduleRecord(module, policy, state, hasAgent, agentStatus, engineError, texts);
    }
    if (schemaVersion >= 2) record.agentGUID = hasAgent ? profile.agentGUID : null;
    return schemaVersion >= 3 ? withSchemaV3Spelling(record) : record;
  }

  /** An agent updates an hour before it last reported, unless its updates fail. */
  private lastUpdateMs(state: ComputerState, contactMs: number): number {
    const reportedMs = contactMs - 3_600_000;
    return state.updatesFailingSinceMs === null ? reportedMs : Math.min(reportedMs, state.updatesFailingSinceMs);
  }

  private agentStatus(
    profile: ComputerProfile,
    hasAgent: boolean,
    silentSinceMs: number | null,
    engineError: boolean,
    runAtMs: number,
    texts: ConsoleTexts,
  ): [string, string[]] {
    if (!hasAgent) return ['inactive', [texts.unmanagedUnknown]];
    if (silentSinceMs !== null) {
      return runAtMs - silentSinceMs > ERROR_AFTER_SILENT_MS ? ['error', [texts.managedOffline, texts.communicationsProblem]] : ['warning', [texts.managedOffline]];
    }
    if (profile.notSupported) return ['not-supported', [texts.managedOnline, texts.unsupportedPlatform]];
    if (engineError) return ['error', [texts.managedOnline, texts.antiMalwareEngineOffline]];
    return ['active', [texts.managedOnline]];
  }

  private agentVersion(profile: ComputerProfile, week: number): string {
    let release = profile.initialRelease;
    if (!profile.laggard) {
      this.plan.releases.forEach(({ week: releasedWeek }, index) => {
        if (index > release && releasedWeek >= 1 && week >= releasedWeek + profile.upgradeDelays[index]) release = index;
      });
    }
    return this.plan.releases[release].version;
  }

  private moduleRecord(
    module: ModuleKey,
    policy: EffectivePolicy | null,
    state: ComputerState,
    hasAgent: boolean,
    agentStatus: string,
    engineError: boolean,
    texts: ConsoleTexts,
  ): Record<string, unknown> {
    const moduleState = !hasAgent || !policy ? 'off' : moduleStateOf(module, policy, state);
    const ruleIDs = isRuleModule(module) ? (policy?.rules[module] ?? []) : [];
    const moduleStatus = !hasAgent
      ? { agentStatus: 'inactive', agentStatusMessage: texts.offNotInstalled }
      : moduleState === 'off'
        ? { agentStatus: 'inactive', agentStatusMessage: texts.off }
        : module === 'antiMalware' && engineError
          ? { agentStatus: 'error', agentStatusMessage: texts.antiMalwareEngineOffline }
          : { agentStatus, agentStatusMessage: moduleStatusMessage(texts, module, moduleState, ruleIDs.length) };
    const record: Record<string, unknown> = { state: moduleState, moduleStatus };
    if (module === 'antiMalware') {
      record.realTimeScanConfigurationID = 1;
      record.lastScheduledScan = state.lastMalwareScanMs;
    }
    if (isRuleModule(module)) record.ruleIDs = ruleIDs;
    if (module === 'integrityMonitoring') record.lastIntegrityScan = state.lastIntegrityScanMs;
    if (module === 'applicationControl') record.blockUnrecognized = false;
    return record;
  }
}
