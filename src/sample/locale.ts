/** Display strings the console localizes: status messages of computers, modules and policies. */
export interface ConsoleTexts {
  managedOnline: string;
  managedOffline: string;
  unmanagedUnknown: string;
  communicationsProblem: string;
  antiMalwareEngineOffline: string;
  unsupportedPlatform: string;
  on: string;
  off: string;
  offNotInstalled: string;
  onRules(count: number): string;
  onPreventRules(count: number): string;
  onDetectRules(count: number): string;
  onRealTimeRules(count: number): string;
}

export const ENGLISH: ConsoleTexts = {
  managedOnline: 'Managed (Online)',
  managedOffline: 'Managed (Offline)',
  unmanagedUnknown: 'Unmanaged (Unknown)',
  communicationsProblem: 'Communications Problem',
  antiMalwareEngineOffline: 'Anti-Malware Engine Offline',
  unsupportedPlatform: 'Unsupported Platform',
  on: 'On',
  off: 'Off',
  offNotInstalled: 'Off, not installed',
  onRules: (count) => `On, ${count} rules`,
  onPreventRules: (count) => `On, Prevent, ${count} rules`,
  onDetectRules: (count) => `On, Detect, ${count} rules`,
  onRealTimeRules: (count) => `On, Real Time, ${count} rules`,
};

export const JAPANESE: ConsoleTexts = {
  managedOnline: '管理対象 (オンライン)',
  managedOffline: '管理対象 (オフライン)',
  unmanagedUnknown: '管理対象外 (不明)',
  communicationsProblem: '通信の問題',
  antiMalwareEngineOffline: '不正プログラム対策エンジンオフライン',
  unsupportedPlatform: 'サポートされていないプラットフォーム',
  on: 'オン',
  off: 'オフ',
  offNotInstalled: 'オフ、インストールされていません',
  onRules: (count) => `オン、${count} ルール`,
  onPreventRules: (count) => `オン、防御、${count} ルール`,
  onDetectRules: (count) => `オン、検出、${count} ルール`,
  onRealTimeRules: (count) => `オン、リアルタイム、${count} ルール`,
};
