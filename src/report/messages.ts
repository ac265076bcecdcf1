import { languages, termLabels, type Language } from '../analysis/vocabulary';

export const reportLanguages = languages;
export type ReportLanguage = Language;

export type ControlStatus = 'ok' | 'alarm' | 'skip' | 'info' | 'error';
export type ChangeType = 'created' | 'modified' | 'deleted';

/** Every heading, label and sentence of the report, in one language. */
export interface Messages {
  documentTitle: (quarter: string) => string;
  reportTitle: string;
  quarterName: (year: number, quarter: number) => string;
  period: (first: string, last: string) => string;
  fleetLine: string;
  runningHeader: (quarter: string) => string;
  pageNumber: string;

  meta: {
    stateAt: string;
    stateAtValue: (time: string, snapshotId: string) => string;
    baseline: string;
    baselineValue: (name: string, controls: number) => string;
    generated: string;
    generatedValue: (time: string, version: string) => string;
    store: string;
  };

  notices: {
    title: string;
    quarterNotOver: (now: string) => string;
    missingWeeks: (weeks: string, flows: string) => string;
    loadErrors: (errors: string) => string;
    otherFlows: (used: string, others: string) => string;
    noPreviousQuarter: (quarter: string) => string;
  };

  summary: {
    heading: string;
    intro: string;
    figure: string;
    quarterEnd: (quarter: string) => string;
    change: string;
    computers: string;
    withAgent: string;
    failingComputers: string;
    exceptions: string;
    policyChanges: string;
    policiesChanged: string;
    passRateOf: (rate: string, ok: string, of: string) => string;
    noData: string;
    points: (delta: string) => string;
  };

  controls: {
    heading: string;
    byControlHeading: string;
    byControlIntro: string;
    byOsHeading: string;
    byOsIntro: string;
    control: string;
    severity: string;
    appliesTo: string;
    parameters: string;
    passRate: string;
    allComputers: string;
    osFamilies: (list: string) => string;
    policies: (list: string) => string;
    none: string;
    cell: (rate: string, failing: string) => string;
    noComputers: string;
  };

  trends: {
    heading: string;
    intro: string;
    noMonths: string;
  };

  exceptionList: {
    heading: string;
    intro: (computers: string, exceptions: string) => string;
    none: string;
    computer: string;
    os: string;
    policy: string;
    reason: string;
  };

  policyChanges: {
    heading: string;
    intro: (changes: string, policies: string) => string;
    none: string;
    changedAt: string;
    policy: string;
    change: string;
    field: string;
    oldValue: string;
    newValue: string;
    computersAssigned: string;
  };

  events: {
    heading: string;
    noneLoaded: string;
    intro: (events: string, computers: string) => string;
    noneInQuarter: string;
    eventType: string;
    events: string;
    computers: string;
    malwareHeading: string;
    noMalware: string;
    scanResult: string;
    detections: string;
    withoutAntiMalware: string;
    ipsHeading: string;
    noIps: string;
    mode: string;
    modes: Record<'prevent' | 'detect', string>;
    rules: string;
    archiveHeading: string;
    archiveSpan: (first: string, last: string, days: string) => string;
    gaps: (days: string) => string;
    noGaps: string;
    retention: (days: string) => string;
    noRetention: string;
  };

  completeness: {
    heading: string;
    intro: string;
    flow: string;
    object: string;
    runs: string;
    firstRun: string;
    lastRun: string;
    weeksWithoutRun: string;
    allWeeksCovered: string;
    loadErrorsHeading: string;
    loadErrorsIntro: string;
    noLoadErrors: string;
    run: string;
    runTime: string;
    notLoaded: string;
    file: string;
    error: string;
    recordedAt: string;
  };

  appendix: {
    heading: string;
    baselineHeading: string;
    baselineFile: string;
    evidenceHeading: string;
    evidenceIntro: string;
    snapshotsHeading: string;
    snapshotsIntro: (count: string) => string;
    snapshotId: string;
    time: string;
    usedFor: string;
    roles: Record<'quarter_end' | 'previous_quarter_end' | 'in_quarter', string>;
  };

  /** Labels of the vocabulary's terms (queries/vocabulary.json), by value. */
  statuses: Record<string, string>;
  severities: Record<string, string>;
  osFamilies: Record<string, string>;
  changeTypes: Record<string, string>;
}

function vocabularyLabels(lang: Language): Pick<Messages, 'statuses' | 'severities' | 'osFamilies' | 'changeTypes'> {
  return {
    statuses: termLabels('control_statuses', lang),
    severities: termLabels('severities', lang),
    osFamilies: termLabels('os_families', lang),
    changeTypes: termLabels('change_types', lang),
  };
}

const en: Messages = {
  documentTitle: (quarter) => `Quarterly compliance report ${quarter}`,
  reportTitle: 'Quarterly compliance report',
  quarterName: (year, quarter) => `${year} Q${quarter}`,
  period: (first, last) => `${first} to ${last} (UTC)`,
  fleetLine: 'Trend Micro Cloud One Workload Security: computers and policies exported by Amazon AppFlow',
  runningHeader: (quarter) => `Quarterly compliance report ${quarter}`,
  pageNumber: 'Page',

  meta: {
    stateAt: 'State at quarter end',
    stateAtValue: (time, snapshotId) => `last computers run of the quarter, ${time} (run ${snapshotId})`,
    baseline: 'Baseline',
    baselineValue: (name, controls) => `${name} (${controls} controls)`,
    generated: 'Generated',
    generatedValue: (time, version) => `${time} by fleetkit ${version}`,
    store: 'Store',
  },

  notices: {
    title: 'Partial data',
    quarterNotOver: (now) =>
      `The quarter is not over: this report was made on ${now} and shows the latest state loaded, not the state at quarter end.`,
    missingWeeks: (weeks, flows) =>
      `${weeks} week(s) of the quarter have no run of ${flows} flow(s): figures may miss changes made in those weeks (see Data completeness).`,
    loadErrors: (errors) => `${errors} load error(s) were recorded for the quarter's runs (see Data completeness).`,
    otherFlows: (used, others) =>
      `More than one flow holds the same object. Figures read one flow per object, never their sum: ${used}. Not counted: ${others} (see Data completeness).`,
    noPreviousQuarter: (quarter) => `No computers run was loaded for ${quarter}: the previous quarter's column is empty.`,
  },

  summary: {
    heading: 'Summary',
    intro: 'Key figures at the end of the quarter, beside the end of the previous quarter. Pass rates count the computers each control applies to, leaving out those it skips.',
    figure: 'Figure',
    quarterEnd: (quarter) => `${quarter} end`,
    change: 'Change',
    computers: 'Computers',
    withAgent: 'Computers with an agent',
    failingComputers: 'Computers failing at least one control',
    exceptions: 'Exceptions (failed control results)',
    policyChanges: 'Policy setting changes in the quarter',
    policiesChanged: 'Policies changed in the quarter',
    passRateOf: (rate, ok, of) => `${rate} (${ok} of ${of})`,
    noData: 'no data',
    points: (delta) => `${delta} pts`,
  },

  controls: {
    heading: 'Control results',
    byControlHeading: 'By control',
    byControlIntro: 'Each control of the baseline, checked on every computer it applies to at quarter end.',
    byOsHeading: 'By operating system family',
    byOsIntro: 'Pass rate of each control per operating system family, with the number of computers failing it.',
    control: 'Control',
    severity: 'Severity',
    appliesTo: 'Applies to',
    parameters: 'Parameters',
    passRate: 'Pass rate',
    allComputers: 'All computers',
    osFamilies: (list) => `OS family: ${list}`,
    policies: (list) => `Policies: ${list}`,
    none: 'none',
    cell: (rate, failing) => `${rate} (${failing} failing)`,
    noComputers: 'no computers',
  },

  trends: {
    heading: 'Trends across the quarter',
    intro: 'Coverage and agent health at the last run of each month, from the last month of the previous quarter to the end of this one.',
    noMonths: 'No monthly figures are available for this period.',
  },

  exceptionList: {
    heading: 'Exceptions',
    intro: (computers, exceptions) =>
      `${computers} computer(s) fail at least one control at quarter end, with ${exceptions} exception(s) in all. Most severe first.`,
    none: 'No computer fails a control at quarter end.',
    computer: 'Computer',
    os: 'OS',
    policy: 'Policy',
    reason: 'Reason',
  },

  policyChanges: {
    heading: 'Policy changes in the quarter',
    intro: (changes, policies) => `${changes} setting change(s) in ${policies} polic(ies), found by comparing consecutive policy runs.`,
    none: 'No policy changed in the quarter.',
    changedAt: 'Seen at',
    policy: 'Policy',
    change: 'Change',
    field: 'Setting',
    oldValue: 'Old value',
    newValue: 'New value',
    computersAssigned: 'Computers assigned',
  },

  events: {
    heading: 'Security and system events in the quarter',
    noneLoaded:
      'The store holds no security or system events: fleetkit loads them from the archive that Event Forwarding writes through Amazon SNS to S3 (`fleetkit load s3://…`).',
    intro: (events, computers) => `${events} events recorded in the quarter (each counted once, by when the agent recorded it), on ${computers} computers.`,
    noneInQuarter: 'No event was recorded in the quarter.',
    eventType: 'Event type',
    events: 'Events',
    computers: 'Computers',
    malwareHeading: 'Malware found, and what became of it',
    noMalware: 'No malware was found in the quarter.',
    scanResult: 'Outcome',
    detections: 'Detections',
    withoutAntiMalware: 'Anti-malware not on then',
    ipsHeading: 'Intrusion prevention: stopped or only detected',
    noIps: 'No intrusion prevention event was recorded in the quarter.',
    mode: 'Mode',
    modes: { prevent: 'Stopped (prevent)', detect: 'Only detected (detect-only rules)' },
    rules: 'Rules',
    archiveHeading: 'The event archive',
    archiveSpan: (first, last, days) => `The archive holds events from ${first} to ${last}; ${days} days of the quarter fall within it.`,
    gaps: (days) => `Days within it with no event (gaps in the forwarding or the archive): ${days}.`,
    noGaps: 'Every one of those days has events.',
    retention: (days) => `Retention in force: events older than ${days} days are removed by every load (fleetkit prune --keep-events-days).`,
    noRetention: 'Retention in force: none; events are kept until removed with fleetkit prune.',
  },

  completeness: {
    heading: 'Data completeness',
    intro: 'The runs of each flow in the quarter, and the weeks (Monday to Sunday, UTC) with no run. A week without a run hides any change made and undone within it.',
    flow: 'Flow',
    object: 'Object',
    runs: 'Runs',
    firstRun: 'First run',
    lastRun: 'Last run',
    weeksWithoutRun: 'Weeks without a run',
    allWeeksCovered: 'none',
    loadErrorsHeading: 'Load errors',
    loadErrorsIntro:
      'Runs the store could not load, as last recorded. A run that was never loaded has no known time, so it is listed whatever its quarter; a run that loads later leaves this list.',
    noLoadErrors: 'No load errors were recorded for the quarter\u2019s runs.',
    run: 'Run',
    runTime: 'Run time',
    notLoaded: 'not loaded',
    file: 'File',
    error: 'Error',
    recordedAt: 'Recorded at',
  },

  appendix: {
    heading: 'Baseline and evidence',
    baselineHeading: 'Baseline',
    baselineFile: 'File',
    evidenceHeading: 'Evidence',
    evidenceIntro: 'Files written beside this report. manifest.json holds the SHA-256 digest of each, the runs used and the baseline.',
    snapshotsHeading: 'Runs used',
    snapshotsIntro: (count) => `${count} run(s) of the store were read for this report.`,
    snapshotId: 'Run (snapshot id)',
    time: 'Time',
    usedFor: 'Used for',
    roles: { quarter_end: 'quarter end', previous_quarter_end: 'previous quarter end', in_quarter: 'in the quarter' },
  },

  ...vocabularyLabels('en'),
};

const ja: Messages = {
  documentTitle: (quarter) => `四半期コンプライアンスレポート ${quarter}`,
  reportTitle: '四半期コンプライアンスレポート',
  quarterName: (year, quarter) => `${year}年 第${quarter}四半期`,
  period: (first, last) => `${first}～${last}（UTC）`,
  fleetLine: 'Trend Micro Cloud One Workload Security：Amazon AppFlow がエクスポートしたコンピュータとポリシー',
  runningHeader: (quarter) => `四半期コンプライアンスレポート ${quarter}`,
  pageNumber: 'ページ',

  meta: {
    stateAt: '四半期末の状態',
    stateAtValue: (time, snapshotId) => `四半期最後のコンピュータ取得 ${time}（実行 ${snapshotId}）`,
    baseline: 'ベースライン',
    baselineValue: (name, controls) => `${name}（コントロール ${controls} 件）`,
    generated: '作成',
    generatedValue: (time, version) => `${time}、fleetkit ${version}`,
    store: 'ストア',
  },

  notices: {
    title: 'データが不完全です',
    quarterNotOver: (now) =>
      `この四半期はまだ終わっていません。本レポートは ${now} に作成され、四半期末ではなく読み込み済みの最新の状態を示しています。`,
    missingWeeks: (weeks, flows) =>
      `四半期のうち ${weeks} 週に ${flows} 件のフローの実行がありません。その週の変更は数値に反映されていない可能性があります（「データの完全性」を参照）。`,
    loadErrors: (errors) => `四半期の実行について読み込みエラーが ${errors} 件記録されています（「データの完全性」を参照）。`,
    otherFlows: (used, others) =>
      `同じオブジェクトを複数のフローが保持しています。数値はオブジェクトごとに 1 つのフローだけを読み、合算しません: ${used}。集計に含めていないフロー: ${others}（「データの完全性」を参照）。`,
    noPreviousQuarter: (quarter) => `${quarter} のコンピュータ取得は読み込まれていません。前四半期の列は空欄です。`,
  },

  summary: {
    heading: '概要',
    intro: '四半期末の主な数値を前四半期末と並べて示します。合格率は各コントロールの対象となるコンピュータで数え、対象外のものは除きます。',
    figure: '項目',
    quarterEnd: (quarter) => `${quarter}末`,
    change: '増減',
    computers: 'コンピュータ数',
    withAgent: 'エージェント導入済みのコンピュータ',
    failingComputers: '不合格のコントロールがあるコンピュータ',
    exceptions: '例外（不合格のコントロール結果）',
    policyChanges: '四半期中のポリシー設定変更',
    policiesChanged: '四半期中に変更されたポリシー',
    passRateOf: (rate, ok, of) => `${rate}（${of} 台中 ${ok} 台）`,
    noData: 'データなし',
    points: (delta) => `${delta} ポイント`,
  },

  controls: {
    heading: 'コントロールの結果',
    byControlHeading: 'コントロール別',
    byControlIntro: 'ベースラインの各コントロールを、四半期末に対象となるすべてのコンピュータで確認した結果です。',
    byOsHeading: 'OS ファミリー別',
    byOsIntro: 'OS ファミリーごとの各コントロールの合格率と、不合格のコンピュータ数です。',
    control: 'コントロール',
    severity: '重大度',
    appliesTo: '対象',
    parameters: 'パラメータ',
    passRate: '合格率',
    allComputers: 'すべてのコンピュータ',
    osFamilies: (list) => `OS ファミリー：${list}`,
    policies: (list) => `ポリシー：${list}`,
    none: 'なし',
    cell: (rate, failing) => `${rate}（不合格 ${failing} 台）`,
    noComputers: '対象なし',
  },

  trends: {
    heading: '四半期の推移',
    intro: '各月の最後の取得時点における保護の適用率とエージェントの状態です。前四半期の最終月から今四半期末までを示します。',
    noMonths: 'この期間の月次の数値はありません。',
  },

  exceptionList: {
    heading: '例外',
    intro: (computers, exceptions) =>
      `四半期末に ${computers} 台のコンピュータが少なくとも 1 つのコントロールに不合格で、例外は合計 ${exceptions} 件です。重大度の高い順に示します。`,
    none: '四半期末に不合格のコンピュータはありません。',
    computer: 'コンピュータ',
    os: 'OS',
    policy: 'ポリシー',
    reason: '理由',
  },

  policyChanges: {
    heading: '四半期中のポリシー変更',
    intro: (changes, policies) => `連続するポリシー取得を比較して見つかった、${policies} 件のポリシーの設定変更 ${changes} 件です。`,
    none: 'この四半期に変更されたポリシーはありません。',
    changedAt: '確認日時',
    policy: 'ポリシー',
    change: '種類',
    field: '設定',
    oldValue: '変更前',
    newValue: '変更後',
    computersAssigned: '割り当てコンピュータ数',
  },

  events: {
    heading: '四半期のセキュリティイベントとシステムイベント',
    noneLoaded:
      'ストアにはセキュリティイベントもシステムイベントもありません。イベント転送がAmazon SNS経由でS3に書き出したアーカイブから読み込めます（fleetkit load s3://…）。',
    intro: (events, computers) => `四半期に記録されたイベントは${events}件（エージェントが記録した日時基準、重複配信は1件）、コンピュータ${computers}台です。`,
    noneInQuarter: '四半期に記録されたイベントはありません。',
    eventType: 'イベントの種類',
    events: 'イベント数',
    computers: 'コンピュータ数',
    malwareHeading: '検出された不正プログラムとその処理結果',
    noMalware: '四半期に不正プログラムは検出されていません。',
    scanResult: '処理結果',
    detections: '検出数',
    withoutAntiMalware: '当時不正プログラム対策がオンでない',
    ipsHeading: '侵入防御：防御したか検出のみか',
    noIps: '四半期に侵入防御イベントは記録されていません。',
    mode: 'モード',
    modes: { prevent: '防御（遮断）', detect: '検出のみ（検出モードのルール）' },
    rules: 'ルール数',
    archiveHeading: 'イベントアーカイブ',
    archiveSpan: (first, last, days) => `アーカイブには${first}から${last}までのイベントがあり、四半期のうち${days}日がその範囲に入ります。`,
    gaps: (days) => `その範囲でイベントのない日（転送またはアーカイブの欠落）：${days}。`,
    noGaps: 'その範囲のどの日にもイベントがあります。',
    retention: (days) => `適用中の保持期間：${days}日より古いイベントは読み込みのたびに削除されます（fleetkit prune --keep-events-days）。`,
    noRetention: '適用中の保持期間：なし。イベントは fleetkit prune で削除するまで保持されます。',
  },

  completeness: {
    heading: 'データの完全性',
    intro: '四半期中の各フローの実行と、実行のない週（月曜～日曜、UTC）です。実行のない週に行われて元に戻された変更は見えません。',
    flow: 'フロー',
    object: 'オブジェクト',
    runs: '実行数',
    firstRun: '最初の実行',
    lastRun: '最後の実行',
    weeksWithoutRun: '実行のない週',
    allWeeksCovered: 'なし',
    loadErrorsHeading: '読み込みエラー',
    loadErrorsIntro:
      'ストアが読み込めなかった実行です（最後に記録された内容）。一度も読み込まれていない実行は日時が分からないため、四半期にかかわらず示します。後で読み込まれた実行は一覧から消えます。',
    noLoadErrors: '四半期の実行について読み込みエラーは記録されていません。',
    run: '実行',
    runTime: '実行日時',
    notLoaded: '未読み込み',
    file: 'ファイル',
    error: 'エラー',
    recordedAt: '記録日時',
  },

  appendix: {
    heading: 'ベースラインと証跡',
    baselineHeading: 'ベースライン',
    baselineFile: 'ファイル',
    evidenceHeading: '証跡',
    evidenceIntro: '本レポートと同じ場所に書き出したファイルです。manifest.json に各ファイルの SHA-256 ダイジェスト、使用した実行、ベースラインを記録しています。',
    snapshotsHeading: '使用した実行',
    snapshotsIntro: (count) => `本レポートはストアの ${count} 件の実行を読み取りました。`,
    snapshotId: '実行（スナップショット ID）',
    time: '日時',
    usedFor: '用途',
    roles: { quarter_end: '四半期末', previous_quarter_end: '前四半期末', in_quarter: '四半期中' },
  },

  ...vocabularyLabels('ja'),
};

export const messages: Readonly<Record<ReportLanguage, Messages>> = { en, ja };
