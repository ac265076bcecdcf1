import type { ConsoleTexts } from './locale';

/** The protection modules every computer and policy record carries, in record order. */
export const MODULES = [
  'antiMalware',
  'webReputation',
  'firewall',
  'intrusionPrevention',
  'integrityMonitoring',
  'logInspection',
  'applicationControl',
  'activityMonitoring',
  'SAP',
] as const;

export type ModuleKey = (typeof MODULES)[number];

/** The `state` values of each module, strongest first, `off` last. */
export const MODULE_STATES: Readonly<Record<ModuleKey, readonly string[]>> = {
  antiMalware: ['on', 'off'],
  webReputation: ['on', 'off'],
  firewall: ['on', 'off'],
  intrusionPrevention: ['prevent', 'detect', 'off'],
  integrityMonitoring: ['real-time', 'on', 'off'],
  logInspection: ['on', 'off'],
  applicationControl: ['on', 'off'],
  activityMonitoring: ['on', 'off'],
  SAP: ['on', 'off'],
};

export type ModuleStates = Record<ModuleKey, string>;

/** Modules whose records list assigned rule IDs. */
export const RULE_MODULES = ['firewall', 'intrusionPrevention', 'integrityMonitoring', 'logInspection'] as const;

export type RuleModule = (typeof RULE_MODULES)[number];

export type RuleLists = Record<RuleModule, number[]>;

export function isRuleModule(module: ModuleKey): module is RuleModule {
  return (RULE_MODULES as readonly string[]).includes(module);
}

/** The console's status line for a module that is set to `state` with `ruleCount` rules. */
export function moduleStatusMessage(texts: ConsoleTexts, module: ModuleKey, state: string, ruleCount: number): string {
  if (state === 'off') return texts.off;
  if (state === 'prevent') return texts.onPreventRules(ruleCount);
  if (state === 'detect') return texts.onDetectRules(ruleCount);
  if (state === 'real-time') return texts.onRealTimeRules(ruleCount);
  return isRuleModule(module) ? texts.onRules(ruleCount) : texts.on;
}
