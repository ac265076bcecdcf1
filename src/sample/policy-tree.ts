import type { ModuleStates } from './modules';

export const BASE_POLICY_ID = 1;
export const WINDOWS_POLICY_ID = 2;
export const WINDOWS_WEB_POLICY_ID = 3;
export const WINDOWS_DATABASE_POLICY_ID = 4;
/** Deleted part-way (week `policyDeletedWeek`); its computers move to `WINDOWS_POLICY_ID` the week before. */
export const RETIRED_POLICY_ID = 5;
export const LINUX_POLICY_ID = 6;
/** Renamed part-way (week `policyRenamedWeek`). */
export const RHEL_POLICY_ID = 7;
export const AMAZON_LINUX_WEB_POLICY_ID = 8;
export const CORE_SYSTEMS_POLICY_ID = 9;
export const DEVELOPMENT_POLICY_ID = 10;
/** Created part-way (week `policyCreatedWeek`). */
export const NEW_POLICY_ID = 11;

export const RENAMED_POLICY_NAME = 'Red Hat Enterprise Linux 8/9';

/** A policy as first seen: its own values; module states and settings not listed are inherited from the parent. */
export interface PolicyDefinition {
  id: number;
  parentId: number | null;
  name: string;
  description: string;
  recommendationScanMode: 'off' | 'ongoing';
  autoRequiresUpdate: 'off' | 'on';
  modules: Partial<ModuleStates>;
  settings: Readonly<Record<string, string>>;
}

/** The Base Policy states every module explicitly; the rest of the tree overrides a few. */
export const POLICY_TREE: readonly PolicyDefinition[] = [
  {
    id: BASE_POLICY_ID,
    parentId: null,
    name: 'Base Policy',
    description: 'Settings every computer inherits',
    recommendationScanMode: 'off',
    autoRequiresUpdate: 'off',
    modules: {
      antiMalware: 'on',
      webReputation: 'off',
      firewall: 'off',
      intrusionPrevention: 'detect',
      integrityMonitoring: 'off',
      logInspection: 'off',
      applicationControl: 'off',
      activityMonitoring: 'off',
      SAP: 'off',
    },
    settings: {},
  },
  {
    id: WINDOWS_POLICY_ID,
    parentId: BASE_POLICY_ID,
    name: 'Windows Server',
    description: 'All Windows servers',
    recommendationScanMode: 'ongoing',
    autoRequiresUpdate: 'on',
    modules: { webReputation: 'on', firewall: 'on' },
    settings: { platformSettingAgentSelfProtectionEnabled: 'true' },
  },
  {
    id: WINDOWS_WEB_POLICY_ID,
    parentId: WINDOWS_POLICY_ID,
    name: 'Windows Server 2019 - Web',
    description: 'IIS web servers',
    recommendationScanMode: 'ongoing',
    autoRequiresUpdate: 'on',
    modules: { intrusionPrevention: 'prevent' },
    settings: { webReputationSettingSecurityLevel: 'High' },
  },
  {
    id: WINDOWS_DATABASE_POLICY_ID,
    parentId: WINDOWS_POLICY_ID,
    name: 'Windows Server 2022 - Database',
    description: 'SQL Server hosts',
    recommendationScanMode: 'ongoing',
    autoRequiresUpdate: 'off',
    modules: { integrityMonitoring: 'real-time', logInspection: 'on' },
    settings: { antiMalwareSettingIdentifiedFilesSpaceMaxMbytes: '2048' },
  },
  {
    id: RETIRED_POLICY_ID,
    parentId: WINDOWS_POLICY_ID,
    name: 'Windows Server 2016 - Legacy Apps',
    description: 'Legacy line-of-business applications, to be retired',
    recommendationScanMode: 'off',
    autoRequiresUpdate: 'off',
    modules: { webReputation: 'off' },
    settings: { firewallSettingNetworkEngineMode: 'Tap' },
  },
  {
    id: LINUX_POLICY_ID,
    parentId: BASE_POLICY_ID,
    name: 'Linux Server',
    description: 'All Linux servers',
    recommendationScanMode: 'ongoing',
    autoRequiresUpdate: 'on',
    modules: { integrityMonitoring: 'on' },
    settings: { antiMalwareSettingSmartScanState: 'Off' },
  },
  {
    id: RHEL_POLICY_ID,
    parentId: LINUX_POLICY_ID,
    name: 'Red Hat Enterprise Linux 8',
    description: 'RHEL application servers',
    recommendationScanMode: 'ongoing',
    autoRequiresUpdate: 'on',
    modules: { intrusionPrevention: 'prevent', firewall: 'on' },
    settings: {},
  },
  {
    id: AMAZON_LINUX_WEB_POLICY_ID,
    parentId: LINUX_POLICY_ID,
    name: 'Amazon Linux - Web',
    description: 'nginx front ends on EC2',
    recommendationScanMode: 'ongoing',
    autoRequiresUpdate: 'on',
    modules: { intrusionPrevention: 'prevent', webReputation: 'on' },
    settings: { platformSettingHeartbeatInterval: '5' },
  },
  {
    id: CORE_SYSTEMS_POLICY_ID,
    parentId: WINDOWS_POLICY_ID,
    name: '本番環境 - 基幹システム',
    description: '基幹業務システム（本番）用のポリシー',
    recommendationScanMode: 'ongoing',
    autoRequiresUpdate: 'on',
    modules: { intrusionPrevention: 'prevent', integrityMonitoring: 'real-time', logInspection: 'on', applicationControl: 'on' },
    settings: { integrityMonitoringSettingAutoApplyRecommendationsEnabled: 'Yes' },
  },
  {
    id: DEVELOPMENT_POLICY_ID,
    parentId: BASE_POLICY_ID,
    name: '開発環境',
    description: '開発・検証環境用',
    recommendationScanMode: 'off',
    autoRequiresUpdate: 'off',
    modules: { intrusionPrevention: 'off' },
    settings: { platformSettingTroubleshootingLoggingLevel: 'Debug' },
  },
  {
    id: NEW_POLICY_ID,
    parentId: LINUX_POLICY_ID,
    name: 'Amazon Linux 2023 - コンテナホスト',
    description: 'ECS/EKS ワーカーノード用',
    recommendationScanMode: 'ongoing',
    autoRequiresUpdate: 'on',
    modules: { intrusionPrevention: 'prevent', activityMonitoring: 'on' },
    settings: { firewallSettingNetworkEngineMode: 'Tap' },
  },
];

/** Descriptions administrators switch to when they edit one. */
export const DESCRIPTION_EDITS: readonly string[] = [
  'Reviewed by the security team',
  'Owner: infrastructure team',
  '監査対応のため設定を見直し',
  '担当: セキュリティ運用チーム',
];
