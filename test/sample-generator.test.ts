import { describe, expect, it } from 'vitest';
import { generateRuns, type GeneratedRun } from '../src/sample/fleet';
import { COMPUTERS_FLOW, POLICIES_FLOW, planFleet, type FleetOptions } from '../src/sample/plan';
import { MODULES, MODULE_STATES } from '../src/sample/modules';
import { runPrefix } from '../src/sample/layouts';

type Computer = {
  ID: number;
  platform: string;
  displayName: string;
  policyID: number | null;
  agentVersion: string;
  agentFingerPrint: string | null;
  lastAgentCommunication: number | null;
  lastSendPolicyRequest: number | null;
  lastSendPolicySuccess: number | null;
  computerStatus: { agentStatus: string; agentStatusMessages: string[] };
  ec2VirtualMachineSummary?: { instanceID: string; state: string };
  agentGUID?: string | null;
} & Record<string, unknown>;

type Policy = { ID: number; parentID: number | null; name: string; policySettings: Record<string, { value: string }> } & Record<string, unknown>;

const OPTIONS: FleetOptions = { computers: 300, weeks: 40, seed: 11, missingWeeks: [5], schemaV2FromWeek: 20 };
const plan = planFleet(OPTIONS);
const runs = [...generateRuns(OPTIONS)];
const computerRuns = runs.filter((run) => run.object === 'computers');
const policyRuns = runs.filter((run) => run.object === 'policies');
const computersOf = (run: GeneratedRun) => run.records as Computer[];
const policiesOf = (run: GeneratedRun) => run.records as Policy[];
const policyRunOfWeek = (week: number) => policyRuns.find((run) => run.week === week) as GeneratedRun;
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const moduleState = (record: Record<string, unknown>, module: string) => (record[module] as { state: string }).state;

describe('generateRuns', () => {
  it('gives identical runs for the same options and different ones for another seed', () => {
    const small: FleetOptions = { computers: 60, weeks: 10, seed: 3, missingWeeks: [4], schemaV2FromWeek: 6 };
    const first = JSON.stringify([...generateRuns(small)]);
    expect(JSON.stringify([...generateRuns({ ...small })])).toBe(first);
    expect(JSON.stringify([...generateRuns({ ...small, seed: 4 })])).not.toBe(first);
  });

  it('yields both flows weekly in time order, with no run in a missing week', () => {
    expect(computerRuns.map((run) => run.week)).toEqual([...Array(40).keys()].filter((week) => week !== 5));
    expect(policyRuns.map((run) => run.week)).toEqual(computerRuns.map((run) => run.week));
    for (let i = 1; i < runs.length; i++) expect(runs[i].runAt.getTime()).toBeGreaterThan(runs[i - 1].runAt.getTime());
    expect(new Set(computerRuns.map((run) => run.flowName))).toEqual(new Set([COMPUTERS_FLOW]));
    expect(new Set(policyRuns.map((run) => run.flowName))).toEqual(new Set([POLICIES_FLOW]));
    expect(runs[0].runAt.toISOString().slice(0, 13)).toBe('2025-07-07T01');
    const ids = runs.map((run) => run.executionId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('moves to schemaVersion 2 at the chosen week: computers gain agentGUID, policies gain deviceControl', () => {
    for (const run of runs) {
      const v2 = run.week >= 20;
      expect(run.schemaVersion).toBe(v2 ? 2 : 1);
      const field = run.object === 'computers' ? 'agentGUID' : 'deviceControl';
      for (const record of run.records) expect(field in record).toBe(v2);
    }
  });

  it('grows the fleet and decommissions some computers', () => {
    const first = computersOf(computerRuns[0]);
    const last = computersOf(computerRuns[computerRuns.length - 1]);
    expect(new Set(computerRuns.flatMap((run) => computersOf(run).map((computer) => computer.ID))).size).toBe(300);
    expect(last.length).toBeGreaterThan(first.length);
    const lastIds = new Set(last.map((computer) => computer.ID));
    expect(first.filter((computer) => !lastIds.has(computer.ID)).length).toBeGreaterThan(5);
    for (const run of computerRuns) expect(new Set(computersOf(run).map((computer) => computer.ID)).size).toBe(run.records.length);
  });

  it('has Windows and Linux platforms and some empty ones', () => {
    const platforms = computersOf(computerRuns[0]).map((computer) => computer.platform);
    expect(platforms.filter((platform) => platform.startsWith('Microsoft Windows Server')).length).toBeGreaterThan(60);
    expect(platforms.filter((platform) => /Linux/.test(platform)).length).toBeGreaterThan(60);
    expect(platforms).toContain('Amazon Linux 2 (64 bit)');
    expect(platforms.filter((platform) => platform === '').length).toBeGreaterThan(0);
  });

  it('has unmanaged cloud instances, and gives some of them an agent later', () => {
    const first = computersOf(computerRuns[0]);
    const unmanaged = first.filter((computer) => computer.agentVersion === '0.0.0.0');
    expect(unmanaged.length).toBeGreaterThan(5);
    for (const computer of unmanaged) {
      expect(computer.agentFingerPrint).toBeNull();
      expect(computer.policyID).toBeNull();
      expect(computer.computerStatus).toEqual({ agentStatus: 'inactive', agentStatusMessages: ['Unmanaged (Unknown)'] });
      expect(computer.ec2VirtualMachineSummary?.instanceID).toMatch(/^i-0[0-9a-f]{16}$/);
      expect(moduleState(computer, 'antiMalware')).toBe('off');
    }
    const last = new Map(computersOf(computerRuns[computerRuns.length - 1]).map((computer) => [computer.ID, computer]));
    const installed = unmanaged.filter((computer) => (last.get(computer.ID)?.agentVersion ?? '0.0.0.0') !== '0.0.0.0');
    expect(installed.length).toBeGreaterThan(0);
  });

  it('rolls new agent versions out over weeks while laggards stay behind', () => {
    const release = plan.releases.find((candidate) => candidate.week > 10) as { version: string; week: number };
    const shares = computerRuns.map((run) => {
      const managed = computersOf(run).filter((computer) => computer.agentVersion !== '0.0.0.0');
      return managed.filter((computer) => computer.agentVersion === release.version).length / managed.length;
    });
    const releaseIndex = computerRuns.findIndex((run) => run.week === release.week);
    expect(shares.slice(0, releaseIndex).every((share) => share === 0)).toBe(true);
    const peak = Math.max(...shares);
    expect(peak).toBeGreaterThan(0.6);
    expect(shares.filter((share) => share > 0.05 && share < peak * 0.8).length).toBeGreaterThanOrEqual(3);
    const lastVersions = new Set(computersOf(computerRuns[computerRuns.length - 1]).map((computer) => computer.agentVersion));
    expect(lastVersions.size).toBeGreaterThanOrEqual(4);
  });

  it('has stale agents in warning or error with old lastAgentCommunication', () => {
    let stale = 0;
    for (const run of computerRuns) {
      for (const computer of computersOf(run)) {
        if (computer.lastAgentCommunication === null) continue;
        const silentDays = (run.runAt.getTime() - computer.lastAgentCommunication) / 86_400_000;
        expect(silentDays).toBeGreaterThanOrEqual(0);
        if (silentDays > 7) {
          stale++;
          expect(['warning', 'error']).toContain(computer.computerStatus.agentStatus);
        } else if (silentDays < 0.01) {
          expect(computer.computerStatus.agentStatus).not.toBe('warning');
        }
      }
    }
    expect(stale).toBeGreaterThan(50);
    const statuses = new Set(computerRuns.flatMap((run) => computersOf(run).map((computer) => computer.computerStatus.agentStatus)));
    expect(statuses).toEqual(new Set(['active', 'warning', 'error', 'inactive', 'not-supported']));
  });

  it('keeps computers on existing policies, with some module states drifting from their policy', () => {
    let drifting = 0;
    for (const run of computerRuns) {
      const policies = new Map(policiesOf(policyRunOfWeek(run.week)).map((policy) => [policy.ID, policy]));
      for (const computer of computersOf(run)) {
        if (computer.policyID === null) {
          expect(computer.agentVersion).toBe('0.0.0.0');
          continue;
        }
        const policy = policies.get(computer.policyID);
        expect(policy, `computer ${computer.ID} week ${run.week} policy ${computer.policyID}`).toBeDefined();
        if (MODULES.some((module) => moduleState(computer, module) !== moduleState(policy as Policy, module))) drifting++;
      }
    }
    expect(drifting).toBeGreaterThan(20);
  });

  it('changes module adoption from month to month', () => {
    const lastRunOfMonth = new Map<string, GeneratedRun>();
    for (const run of computerRuns) lastRunOfMonth.set(run.runAt.toISOString().slice(0, 7), run);
    const coverage = (run: GeneratedRun, module: string) => {
      const managed = computersOf(run).filter((computer) => computer.agentVersion !== '0.0.0.0');
      return managed.filter((computer) => moduleState(computer, module) !== 'off').length / managed.length;
    };
    const months = [...lastRunOfMonth.values()];
    const monthsWithChange = new Set<number>();
    for (let i = 1; i < months.length; i++) {
      for (const module of MODULES) if (Math.abs(coverage(months[i], module) - coverage(months[i - 1], module)) > 0.02) monthsWithChange.add(i);
    }
    expect(months.length).toBe(10);
    expect(monthsWithChange.size).toBeGreaterThanOrEqual(4);
  });

  it('keeps 8 to 12 policies in one parent tree, with one created and one deleted part-way', () => {
    for (const run of policyRuns) {
      const policies = policiesOf(run);
      expect(policies.length).toBeGreaterThanOrEqual(8);
      expect(policies.length).toBeLessThanOrEqual(12);
      const ids = new Set(policies.map((policy) => policy.ID));
      expect(policies.filter((policy) => policy.parentID === null).map((policy) => policy.name)).toEqual(['Base Policy']);
      for (const policy of policies) if (policy.parentID !== null) expect(ids.has(policy.parentID)).toBe(true);
    }
    const idsOf = (week: number) => new Set(policiesOf(policyRunOfWeek(week)).map((policy) => policy.ID));
    const created = [...idsOf(39)].filter((id) => !idsOf(0).has(id));
    const deleted = [...idsOf(0)].filter((id) => !idsOf(39).has(id));
    expect(created).toHaveLength(1);
    expect(deleted).toHaveLength(1);
    expect(idsOf(plan.policyCreatedWeek - 1).has(created[0])).toBe(false);
    expect(idsOf(plan.policyCreatedWeek).has(created[0])).toBe(true);
    expect(idsOf(plan.policyDeletedWeek - 1).has(deleted[0])).toBe(true);
    expect(idsOf(plan.policyDeletedWeek).has(deleted[0])).toBe(false);
  });

  it('edits policy module states and settings a few times a month', () => {
    const editedWeeks = new Set<number>();
    const editedFields = new Set<string>();
    for (let i = 1; i < policyRuns.length; i++) {
      const before = new Map(policiesOf(policyRuns[i - 1]).map((policy) => [policy.ID, policy]));
      for (const policy of policiesOf(policyRuns[i])) {
        const old = before.get(policy.ID);
        if (!old) continue;
        for (const module of MODULES) {
          if (moduleState(old, module) !== moduleState(policy, module)) {
            editedWeeks.add(policyRuns[i].week);
            editedFields.add('module');
          }
        }
        for (const [name, setting] of Object.entries(policy.policySettings)) {
          if (old.policySettings[name].value !== setting.value) {
            editedWeeks.add(policyRuns[i].week);
            editedFields.add('setting');
          }
        }
        if (old.name !== policy.name) editedFields.add('name');
      }
    }
    expect(editedFields).toEqual(new Set(['module', 'setting', 'name']));
    expect(editedWeeks.size).toBeGreaterThanOrEqual(12);
  });

  it('writes settings as strings, with booleans both as true/false and Yes/No', () => {
    const values = Object.values(policiesOf(policyRuns[0])[0].policySettings).map((setting) => setting.value);
    expect(values.length).toBeGreaterThanOrEqual(30);
    for (const value of values) expect(typeof value).toBe('string');
    for (const value of ['true', 'false', 'Yes', 'No']) expect(values).toContain(value);
  });

  it('has Japanese names, and Japanese status messages once the console is Japanese', () => {
    expect(computersOf(computerRuns[0]).some((computer) => japanese.test(computer.displayName))).toBe(true);
    expect(policiesOf(policyRuns[0]).some((policy) => japanese.test(policy.name))).toBe(true);
    for (const run of computerRuns) {
      const messages = computersOf(run).flatMap((computer) => computer.computerStatus.agentStatusMessages);
      if (run.week < plan.japaneseLocaleFromWeek) {
        expect(messages).toContain('Managed (Online)');
        expect(messages.some((message) => japanese.test(message))).toBe(false);
      } else {
        expect(messages).toContain('管理対象 (オンライン)');
        expect(messages).not.toContain('Managed (Online)');
      }
    }
  });

  it('writes records in the API v1 shapes', () => {
    for (const run of [computerRuns[0], computerRuns[computerRuns.length - 1]]) {
      const runAtMs = run.runAt.getTime();
      for (const computer of computersOf(run)) {
        expect(Number.isInteger(computer.ID)).toBe(true);
        for (const module of MODULES) {
          const value = computer[module] as { state: string; moduleStatus: { agentStatus: string; agentStatusMessage: string } };
          expect(MODULE_STATES[module]).toContain(value.state);
          expect(Object.keys(value.moduleStatus)).toEqual(['agentStatus', 'agentStatusMessage']);
        }
        if (computer.agentVersion === '0.0.0.0') continue;
        expect(computer.agentVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        expect(computer.agentFingerPrint).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
        for (const time of [computer.lastAgentCommunication, computer.lastSendPolicyRequest, computer.lastSendPolicySuccess]) {
          expect(Number.isInteger(time)).toBe(true);
          expect(time).toBeGreaterThan(Date.UTC(2022, 0, 1));
          expect(time).toBeLessThanOrEqual(runAtMs);
        }
      }
      for (const policy of policiesOf(policyRuns[0])) {
        for (const module of MODULES) {
          const value = policy[module] as { state: string; moduleStatus: Record<string, string> };
          expect(MODULE_STATES[module]).toContain(value.state);
          expect(Object.keys(value.moduleStatus)).toEqual(['status', 'statusMessage']);
        }
      }
    }
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateRuns({ computers: 0, weeks: 3, seed: 1 }).next()).toThrow(RangeError);
    expect(() => generateRuns({ computers: 5, weeks: 1.5, seed: 1 }).next()).toThrow(RangeError);
    expect(() => generateRuns({ computers: 5, weeks: 3, seed: 1, missingWeeks: [-1] }).next()).toThrow(RangeError);
    expect(() => generateRuns({ computers: 5, weeks: 3, seed: 1, schemaV3FromWeek: -1 }).next()).toThrow(RangeError);
    expect(() => generateRuns({ computers: 5, weeks: 3, seed: 1, schemaV2FromWeek: 2, schemaV3FromWeek: 1 }).next()).toThrow(RangeError);
  });
});

type Component = { name: string; version: string; latest: boolean };
type Interface = { ID: number; name: string; displayName: string; MACs: string[]; IPs: string[]; detected: boolean; DHCP: boolean };
const HOUR_MS = 3_600_000;
const componentsOf = (computer: Computer) => (computer.securityUpdates as { antiMalware: Component[] } | null)?.antiMalware ?? null;
const outdated = (computer: Computer) => (componentsOf(computer) ?? []).some((component) => !component.latest);
const silentMs = (run: GeneratedRun, computer: Computer) => run.runAt.getTime() - (computer.lastAgentCommunication as number);
const managed = (run: GeneratedRun) => computersOf(run).filter((computer) => computer.agentVersion !== '0.0.0.0');

describe('generateRuns: record size and shape', () => {
  it('writes about 222 settings per computer and policy, every computer the same as its policy', () => {
    for (const run of [computerRuns[0], computerRuns[computerRuns.length - 1]]) {
      const policies = new Map(policiesOf(policyRunOfWeek(run.week)).map((policy) => [policy.ID, policy]));
      for (const policy of policies.values()) {
        expect(Object.keys(policy.policySettings).length).toBeGreaterThanOrEqual(200);
        for (const setting of Object.values(policy.policySettings)) expect(Object.keys(setting)).toEqual(['value']);
      }
      for (const computer of computersOf(run)) {
        const settings = computer.computerSettings as Record<string, { value: string }>;
        expect(Object.keys(settings).length).toBeGreaterThanOrEqual(200);
        for (const setting of Object.values(settings)) expect(typeof setting.value).toBe('string');
        expect(settings).toEqual(policies.get(computer.policyID ?? 1)?.policySettings);
      }
    }
  });

  it('lists a few hundred intrusion prevention rules per policy and tens of integrity and log rules, edited one at a time', () => {
    const ruleIDs = (record: Record<string, unknown>, module: string) => (record[module] as { ruleIDs: number[] }).ruleIDs;
    for (const run of policyRuns) {
      for (const policy of policiesOf(run)) {
        expect(ruleIDs(policy, 'intrusionPrevention').length).toBeGreaterThanOrEqual(100);
        expect(ruleIDs(policy, 'intrusionPrevention').length).toBeLessThan(1000);
        for (const module of ['integrityMonitoring', 'logInspection']) {
          expect(ruleIDs(policy, module).length).toBeGreaterThanOrEqual(10);
          expect(ruleIDs(policy, module).length).toBeLessThan(100);
        }
        for (const module of ['firewall', 'intrusionPrevention', 'integrityMonitoring', 'logInspection']) {
          const list = ruleIDs(policy, module);
          expect(list.every((id, i) => Number.isInteger(id) && (i === 0 || id > list[i - 1]))).toBe(true);
        }
      }
    }
    const editSizes: number[] = [];
    for (let i = 1; i < policyRuns.length; i++) {
      const before = new Map(policiesOf(policyRuns[i - 1]).map((policy) => [policy.ID, policy]));
      for (const policy of policiesOf(policyRuns[i])) {
        const old = before.get(policy.ID);
        if (!old) continue;
        for (const module of ['firewall', 'intrusionPrevention', 'integrityMonitoring', 'logInspection']) {
          const [a, b] = [new Set(ruleIDs(old, module)), new Set(ruleIDs(policy, module))];
          const changed = [...a].filter((id) => !b.has(id)).length + [...b].filter((id) => !a.has(id)).length;
          if (changed > 0) editSizes.push(changed);
        }
      }
    }
    expect(editSizes.length).toBeGreaterThan(0);
    expect(Math.max(...editSizes)).toBeLessThanOrEqual(2);
  });

  it('reports pattern and engine versions, outdated for silent agents and for a few whose updates fail for weeks', () => {
    const names = new Set<string>();
    let silent = 0;
    let failing = 0;
    let recent = 0;
    const failingRuns = new Map<number, number[]>();
    for (const [index, run] of computerRuns.entries()) {
      for (const computer of managed(run)) {
        const components = componentsOf(computer) as Component[];
        expect(components.length).toBeGreaterThanOrEqual(6);
        for (const component of components) {
          expect(Object.keys(component)).toEqual(['name', 'version', 'latest']);
          expect(component.version).toMatch(/^\d+\.\d+\.\d+$/);
          names.add(component.name);
        }
        expect((computer.securityUpdates as { lastChanged: number }).lastChanged).toBeLessThan(run.runAt.getTime());
        if (silentMs(run, computer) > 24 * HOUR_MS) {
          silent++;
          expect(outdated(computer), `computer ${computer.ID} week ${run.week}`).toBe(true);
        } else if (silentMs(run, computer) < HOUR_MS) {
          recent++;
          if (outdated(computer)) {
            failing++;
            failingRuns.set(computer.ID, [...(failingRuns.get(computer.ID) ?? []), index]);
          }
        }
      }
      for (const computer of computersOf(run)) if (computer.agentVersion === '0.0.0.0') expect(computer.securityUpdates).toBeNull();
    }
    for (const name of ['Smart Scan Agent Pattern', 'Virus Pattern', 'Spyware/Grayware Pattern', 'IntelliTrap Pattern', 'Anti-malware Engine', 'Advanced Threat Scan Engine']) {
      expect(names).toContain(name);
    }
    expect(silent).toBeGreaterThan(50);
    expect(failing).toBeGreaterThan(0);
    expect(failing / recent).toBeLessThan(0.05);
    const outdatedInConsecutiveRuns = [...failingRuns.values()].some((indexes) => indexes.some((index, i) => i > 0 && indexes[i - 1] === index - 1));
    expect(outdatedInConsecutiveRuns).toBe(true);
  });

  it('gives each computer one to three network interfaces, the same in every run', () => {
    const first = new Map<number, unknown>();
    for (const run of computerRuns) {
      for (const computer of computersOf(run)) {
        const { interfaces } = computer.interfaces as { interfaces: Interface[] };
        expect(interfaces.length).toBeGreaterThanOrEqual(1);
        expect(interfaces.length).toBeLessThanOrEqual(3);
        for (const item of interfaces) expect(Object.keys(item).sort()).toEqual(['DHCP', 'ID', 'IPs', 'MACs', 'detected', 'displayName', 'name']);
        expect(interfaces[0].IPs[0].split('/')[0]).toBe(computer.lastIPUsed);
        if (!first.has(computer.ID)) first.set(computer.ID, computer.interfaces);
        expect(computer.interfaces).toEqual(first.get(computer.ID));
      }
    }
    const ids = [...first.values()].flatMap((value) => (value as { interfaces: Interface[] }).interfaces.map((item) => item.ID));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('drifts key casing only in schemaVersion 3 runs, and only in keys the model does not read', () => {
    const options: FleetOptions = { computers: 40, weeks: 8, seed: 5, schemaV2FromWeek: 2, schemaV3FromWeek: 5 };
    const drifted = [...generateRuns(options)];
    const plain = [...generateRuns({ ...options, schemaV3FromWeek: undefined })];
    const read = ['ID', 'hostName', 'displayName', 'platform', 'policyID', 'groupID', 'agentVersion', 'lastAgentCommunication', 'lastSendPolicyRequest',
      'lastSendPolicySuccess', 'computerStatus', 'securityUpdates', 'computerSettings', ...MODULES];
    for (const [index, run] of drifted.entries()) {
      expect(run.schemaVersion).toBe(run.week >= 5 ? 3 : run.week >= 2 ? 2 : 1);
      expect(runPrefix('partitioned', run).split('/')[1]).toBe(`schemaVersion_${run.schemaVersion}`);
      const twin = plain[index];
      expect(run.records.length).toBe(twin.records.length);
      for (const [i, record] of run.records.entries()) {
        const original = twin.records[i];
        const keys = Object.keys(record);
        expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
        const respelled = Object.fromEntries(Object.keys(original).map((key) => [key, record[keys.find((k) => k.toLowerCase() === key.toLowerCase()) as string]]));
        expect(respelled).toEqual(original);
        const spelledOtherwise = keys.filter((key) => !(key in original));
        if (run.schemaVersion < 3 || run.object === 'policies') expect(spelledOtherwise).toEqual([]);
        else {
          expect(spelledOtherwise).toEqual(expect.arrayContaining(['agentGuid', 'hostGuid']));
          for (const key of read) if (key in original) expect(keys).toContain(key);
        }
      }
    }
  });
});
