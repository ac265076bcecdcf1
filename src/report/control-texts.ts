import type { ControlParamValue } from '../baseline/baseline';
import type { ControlDefinition } from './control-catalog';
import type { ReportLanguage } from './messages';

type Templates = Record<string, string>;

/** The sentences of a module control, built from the module's name and the states it accepts. */
function moduleReasons(en: { module: string; expected: string }, ja: { module: string; expected: string }) {
  return {
    en: {
      no_agent: `No agent is installed, so ${en.module} cannot be checked.`,
      no_state: `The record has no ${en.module} state.`,
      ok: `The ${en.module} state is {state}.`,
      not_ok: `The ${en.module} state is {state}; it must be ${en.expected}.`,
    },
    ja: {
      no_agent: `エージェントが導入されていないため、${ja.module}を確認できません。`,
      no_state: `レコードに${ja.module}の状態がありません。`,
      ok: `${ja.module}の状態は {state} です。`,
      not_ok: `${ja.module}の状態は {state} です。${ja.expected}である必要があります。`,
    },
  };
}

const versionBehind = {
  en: 'Agent {version} is {behind} release(s) behind the newest version in use, {newest} (limit: {max_behind}).',
  ja: 'エージェント {version} は使用中の最新バージョン {newest} より {behind} リリース古いバージョンです（上限：{max_behind}）。',
};

/**
 * Each control's reasons by `reason_key`, with `{name}` filled from the row's `reason_args`. The English ones are
 * the sentences the control's SQL writes (a test holds them equal); the report uses these for other languages.
 */
const reasons: Record<string, Record<ReportLanguage, Templates>> = {
  'agent-installed': {
    en: {
      ok: 'Agent {version} is installed.',
      no_agent: 'No agent is installed or activated on this computer.',
      no_version: 'The record has no agent version, so the agent cannot be checked.',
    },
    ja: {
      ok: 'エージェント {version} が導入されています。',
      no_agent: 'このコンピュータにはエージェントが導入または有効化されていません。',
      no_version: 'レコードにエージェントのバージョンがないため、エージェントを確認できません。',
    },
  },
  'agent-active': {
    en: {
      no_agent: 'No agent is installed, so its status cannot be checked.',
      no_status: 'The record has no agent status.',
      ok: 'The agent status is active.',
      not_active: 'The agent status is {status}, not active.',
    },
    ja: {
      no_agent: 'エージェントが導入されていないため、状態を確認できません。',
      no_status: 'レコードにエージェントの状態がありません。',
      ok: 'エージェントの状態は active（有効）です。',
      not_active: 'エージェントの状態は {status} で、active（有効）ではありません。',
    },
  },
  'agent-communicated': {
    en: {
      no_agent: 'No agent is installed, so its last communication cannot be checked.',
      never: 'The record has no time of last agent communication: the agent has never communicated.',
      ok: 'The agent last communicated {days} days before the snapshot, within the limit of {max_days} days.',
      silent: 'The agent last communicated {days} days before the snapshot, more than the limit of {max_days} days.',
    },
    ja: {
      no_agent: 'エージェントが導入されていないため、最後の通信を確認できません。',
      never: 'レコードにエージェントの最終通信日時がありません。エージェントは一度も通信していません。',
      ok: 'エージェントの最後の通信は取得の {days} 日前で、上限の {max_days} 日以内です。',
      silent: 'エージェントの最後の通信は取得の {days} 日前で、上限の {max_days} 日を超えています。',
    },
  },
  'anti-malware-on': moduleReasons({ module: 'anti-malware', expected: 'on' }, { module: '不正プログラム対策', expected: 'on（オン）' }),
  'intrusion-prevention-prevent': moduleReasons(
    { module: 'intrusion prevention', expected: 'prevent' },
    { module: '侵入防御', expected: 'prevent（防御モード）' },
  ),
  'integrity-monitoring-on': moduleReasons(
    { module: 'integrity monitoring', expected: 'on or real-time' },
    { module: '変更監視', expected: 'on または real-time' },
  ),
  'log-inspection-on': moduleReasons({ module: 'log inspection', expected: 'on' }, { module: 'セキュリティログ監視', expected: 'on（オン）' }),
  'agent-version-current': {
    en: {
      no_agent: 'No agent is installed, so its version cannot be checked.',
      not_comparable: 'Agent version {version} cannot be compared: it is not numbers separated by dots.',
      newest: 'Agent {version} is the newest version in use.',
      ok: versionBehind.en,
      behind: versionBehind.en,
    },
    ja: {
      no_agent: 'エージェントが導入されていないため、バージョンを確認できません。',
      not_comparable: 'エージェントのバージョン {version} は、ドットで区切られた数字ではないため比較できません。',
      newest: 'エージェント {version} は使用中の最新バージョンです。',
      ok: versionBehind.ja,
      behind: versionBehind.ja,
    },
  },
};

/** Control titles in languages other than English (English titles are the first line of each control's SQL). */
const titles: Record<Exclude<ReportLanguage, 'en'>, Record<string, string>> = {
  ja: {
    'agent-installed': 'コンピュータにエージェントが導入され、有効化されている。',
    'agent-active': 'エージェントの状態が active（有効）である。',
    'agent-communicated': 'エージェントが取得前 {max_days} 日以内にマネージャと通信している。',
    'anti-malware-on': '不正プログラム対策がオンである。',
    'intrusion-prevention-prevent': '侵入防御が防御モードである（検出モードは記録のみ）。',
    'integrity-monitoring-on': '変更監視がオンである（定期またはリアルタイム）。',
    'log-inspection-on': 'セキュリティログ監視がオンである。',
    'agent-version-current':
      'エージェントが、フリートで使用中の最新バージョンから {max_behind} リリース以内である（リリースは導入されている異なるバージョンで、数値ごとに比較）。',
  },
};

function fill(template: string, args: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (args[name] === undefined ? whole : String(args[name])));
}

/** A control result's reason in `lang`, or null when the catalog has no sentence for its key. */
export function controlReason(
  lang: ReportLanguage,
  controlId: string,
  reasonKey: string,
  args: Record<string, unknown>,
): string | null {
  const template = reasons[controlId]?.[lang][reasonKey];
  return template === undefined ? null : fill(template, args);
}

/** What a control checks, in `lang`, with the baseline's parameter values in place. */
export function controlTitle(
  lang: ReportLanguage,
  control: ControlDefinition,
  params: Record<string, ControlParamValue>,
): string {
  const template = lang === 'en' ? control.title : (titles[lang][control.id] ?? control.title);
  return fill(template, params);
}
