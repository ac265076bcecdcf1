import { FIXED_SETTINGS } from './fixed-settings';

/**
 * The policy settings administrators edit in the sample, each with the values an administrator may choose; the first
 * is the Base Policy's. Booleans are written both as "true"/"false" and "Yes"/"No", as the API does.
 */
export const POLICY_SETTINGS: readonly (readonly [name: string, values: readonly string[]])[] = [
  ['platformSettingHeartbeatInterval', ['10', '5', '20']],
  ['platformSettingHeartbeatMissedAlertThreshold', ['2', '3', '5']],
  ['platformSettingAgentCommunicationsDirection', ['Bidirectional', 'Agent/Appliance Initiated', 'Manager Initiated']],
  ['platformSettingAgentSelfProtectionEnabled', ['false', 'true']],
  ['platformSettingAgentSelfProtectionPasswordEnabled', ['false', 'true']],
  ['platformSettingRecommendationOngoingScansInterval', ['7 Days', '1 Day', '30 Days']],
  ['platformSettingTroubleshootingLoggingLevel', ['Do Not Override', 'Debug']],
  ['platformSettingSmartProtectionAntiMalwareGlobalServerEnabled', ['true', 'false']],
  ['platformSettingAgentEventsSendInterval', ['60', '30', '300']],
  ['platformSettingInactiveAgentCleanupOverrideEnabled', ['false', 'true']],
  ['platformSettingScanOpenPortListenPortsEnabled', ['No', 'Yes']],
  ['antiMalwareSettingSmartScanState', ['Automatic', 'Off']],
  ['antiMalwareSettingPredictiveMachineLearningEnabled', ['true', 'false']],
  ['antiMalwareSettingDocumentExploitProtectionEnabled', ['true', 'false']],
  ['antiMalwareSettingBehaviorMonitoringScanExclusionList', ['', 'C:\\Program Files\\Backup\\agent.exe']],
  ['antiMalwareSettingFileHashEnabled', ['false', 'true']],
  ['antiMalwareSettingIdentifiedFilesSpaceMaxMbytes', ['1024', '2048', '512']],
  ['antiMalwareSettingSpywareApprovedList', ['', 'adware/pup-remote-admin']],
  ['webReputationSettingSecurityLevel', ['Medium', 'High', 'Low']],
  ['webReputationSettingBlockedUrlKeywords', ['', 'casino,torrent']],
  ['webReputationSettingSmartProtectionLocalServerEnabled', ['No', 'Yes']],
  ['firewallSettingNetworkEngineMode', ['Inline', 'Tap']],
  ['firewallSettingReconnaissanceEnabled', ['true', 'false']],
  ['firewallSettingReconnaissanceNotifyFingerprintProbeEnabled', ['Yes', 'No']],
  ['firewallSettingAntiEvasionSecurityPosture', ['Normal', 'Strict', 'Custom']],
  ['firewallSettingFailureResponseEngineSystem', ['Fail closed', 'Fail open']],
  ['firewallSettingEventLogFileMaxSize', ['4', '8']],
  ['intrusionPreventionSettingAutoApplyRecommendationsEnabled', ['Yes', 'No']],
  ['intrusionPreventionSettingEventRate', ['Medium', 'High']],
  ['integrityMonitoringSettingAutoApplyRecommendationsEnabled', ['No', 'Yes']],
  ['integrityMonitoringSettingRealtimeEnabled', ['true', 'false']],
  ['integrityMonitoringSettingContentHashAlgorithm', ['sha256', 'sha1,sha256']],
  ['integrityMonitoringSettingCpuUsageLevel', ['High', 'Medium', 'Low']],
  ['logInspectionSettingAutoApplyRecommendationsEnabled', ['Yes', 'No']],
  ['logInspectionSettingSeverityClippingAgentEventSendSyslogLevelMin', ['Medium (6)', 'High (8)', 'Low (3)']],
  ['applicationControlSettingSharedRulesetID', ['0', '3']],
  ['activityMonitoringSettingActivityEnabled', ['false', 'true']],
  ['sapSettingScanMode', ['Standard', 'Deep']],
];

export interface SettingValue {
  value: string;
}

/** The names of every setting a record carries (222, as many as a real computer record has), in name order. */
const SETTING_NAMES: readonly string[] = [...POLICY_SETTINGS, ...FIXED_SETTINGS].map(([name]) => name).sort();

const FIXED_VALUES: ReadonlyMap<string, SettingValue> = new Map(FIXED_SETTINGS.map(([name, value]) => [name, { value }]));

/**
 * A record's `policySettings` or `computerSettings`: the edited settings (`POLICY_SETTINGS`) from `values`, the rest
 * their fixed value.
 */
export function settingsRecord(values: Readonly<Record<string, string>>): Record<string, SettingValue> {
  const record: Record<string, SettingValue> = {};
  for (const name of SETTING_NAMES) record[name] = FIXED_VALUES.get(name) ?? { value: values[name] };
  return record;
}
