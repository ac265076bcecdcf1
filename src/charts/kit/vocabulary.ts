import type { ChartLanguage } from './languages';
import type { AgentStatusColumn, ChangeType, CoverageModule, OsFamily } from './rows';

/** The domain's words as the charts label them; each record's order is the order of legends and stacks. */
export interface Vocabulary {
  modules: Readonly<Record<CoverageModule, string>>;
  agentStatuses: Readonly<Record<AgentStatusColumn, string>>;
  osFamilies: Readonly<Record<OsFamily, string>>;
  changeTypes: Readonly<Record<ChangeType, string>>;
}

export const vocabulary: Readonly<Record<ChartLanguage, Vocabulary>> = {
  en: {
    modules: {
      agent: 'Agent installed',
      anti_malware: 'Anti-malware',
      web_reputation: 'Web reputation',
      firewall: 'Firewall',
      intrusion_prevention: 'Intrusion prevention',
      integrity_monitoring: 'Integrity monitoring',
      log_inspection: 'Log inspection',
      application_control: 'Application control',
    },
    agentStatuses: {
      active: 'Active',
      warning: 'Warning',
      error: 'Error',
      inactive: 'Inactive',
      not_supported: 'Not supported',
      unknown: 'Unknown',
    },
    osFamilies: { windows: 'Windows', linux: 'Linux', other: 'Other' },
    changeTypes: { created: 'Created', modified: 'Modified', deleted: 'Deleted' },
  },
  ja: {
    modules: {
      agent: 'エージェント導入',
      anti_malware: '不正プログラム対策',
      web_reputation: 'Webレピュテーション',
      firewall: 'ファイアウォール',
      intrusion_prevention: '侵入防御',
      integrity_monitoring: '変更監視',
      log_inspection: 'セキュリティログ監視',
      application_control: 'アプリケーションコントロール',
    },
    agentStatuses: {
      active: '有効',
      warning: '警告',
      error: 'エラー',
      inactive: '無効',
      not_supported: '未サポート',
      unknown: '不明',
    },
    osFamilies: { windows: 'Windows', linux: 'Linux', other: 'その他' },
    changeTypes: { created: '作成', modified: '変更', deleted: '削除' },
  },
};
