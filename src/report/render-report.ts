import type { BaselineControl, OsFamily, Severity } from '../baseline/baseline';
import { osFamilies } from '../baseline/baseline';
import type { Row } from '../store/query-result';
import type { ControlDefinition } from '../analysis/controls/control-definition';
import { controlDescription, controlReason } from '../analysis/controls/control-texts';
import { termLabels } from '../analysis/vocabulary';
import { asDate, Formatter } from './format';
import { html, trustedHtml, type Html } from './html';
import type { ChangeType, ControlStatus, Messages, ReportLanguage } from './messages';
import { lastDay, previousQuarter } from './quarter';
import type { QuarterFigures, ReportData, StatusCounts } from './report-data';
import { reportNotices } from './notices';
import { reportStyle } from './report-style';

/** A chart already drawn as SVG markup, with its heading. */
export interface RenderedSvgChart {
  title: string;
  svg: string;
}

export interface RenderContext {
  data: ReportData;
  lang: ReportLanguage;
  messages: Messages;
  charts: RenderedSvgChart[];
  /** Evidence files written beside the report, relative to it. */
  evidenceFiles: string[];
  generatedAt: Date;
  version: string;
  /** The store file the report read. */
  storePath: string;
}

/** The report as one self-contained HTML page: inline style and SVG, nothing fetched. */
export function renderReport(context: RenderContext): string {
  const { data, messages: m, lang } = context;
  const f = new Formatter(lang);
  const quarterName = m.quarterName(data.quarter.year, data.quarter.number);
  const page = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fleetkit ${context.version}">
<title>${m.documentTitle(quarterName)}</title>
<style>${trustedHtml(reportStyle(lang, m.runningHeader(quarterName), m.pageNumber))}</style>
</head>
<body>
<header class="title-page">
  <p class="fleet-line">${m.fleetLine}</p>
  <h1>${m.reportTitle}<span class="quarter">${quarterName}</span></h1>
  <p class="period">${m.period(f.day(data.quarter.start), f.day(lastDay(data.quarter)))}</p>
  ${metaTable(context, f)}
  ${notices(context, f)}
</header>
<main>
${summarySection(context, f)}
${controlsSection(context, f)}
${trendsSection(context)}
${exceptionsSection(context, f)}
${policyChangesSection(context, f)}
${eventsSection(context, f)}
${completenessSection(context, f)}
${appendixSection(context, f)}
</main>
</body>
</html>
`;
  return page.text;
}

function metaTable({ data, messages: m, generatedAt, version, storePath }: RenderContext, f: Formatter): Html {
  const run = data.current.lastRun;
  return html`<dl class="meta">
    <dt>${m.meta.stateAt}</dt><dd>${m.meta.stateAtValue(f.time(run.snapshotAt), run.snapshotId)}</dd>
    <dt>${m.meta.baseline}</dt><dd>${m.meta.baselineValue(data.baseline.name, data.baseline.controls.length)}</dd>
    <dt>${m.meta.generated}</dt><dd>${m.meta.generatedValue(f.time(generatedAt), version)}</dd>
    <dt>${m.meta.store}</dt><dd class="mono wrap">${storePath}</dd>
  </dl>`;
}

function notices({ data, messages: m }: RenderContext, f: Formatter): Html {
  const lines = reportNotices(data, m, f);
  if (lines.length === 0) return html``;
  return html`<section class="notice" role="note" aria-label="${m.notices.title}">
    <h2 class="notice-title">${m.notices.title}</h2>
    <ul>${lines.map((line) => html`<li>${line.text}</li>`)}</ul>
  </section>`;
}

function previousQuarterName(data: ReportData, m: Messages): string {
  const previous = previousQuarter(data.quarter);
  return m.quarterName(previous.year, previous.number);
}

function passRate(counts: Pick<StatusCounts, 'ok' | 'alarm' | 'error'> | undefined): number | null {
  if (!counts) return null;
  const checked = Number(counts.ok) + Number(counts.alarm) + Number(counts.error);
  return checked === 0 ? null : Number(counts.ok) / checked;
}

function summarySection(context: RenderContext, f: Formatter): Html {
  const { data, messages: m } = context;
  const cur = data.current;
  const prev = data.previous;
  type Line = { label: string; value: (q: QuarterFigures) => string; number: (q: QuarterFigures) => number | null; rate?: boolean };
  const withAgent: Line = {
    label: m.summary.withAgent,
    value: (q) => m.summary.passRateOf(f.percent(share(q.withAgent, q.computers)), f.count(q.withAgent), f.count(q.computers)),
    number: (q) => share(q.withAgent, q.computers),
    rate: true,
  };
  const installedEverywhere = data.baseline.controls.some(
    (c) => c.id === 'agent-installed' && c.scope.osFamilies === null && c.scope.policies === null,
  );
  const lines: Line[] = [
    { label: m.summary.computers, value: (q) => f.count(q.computers), number: (q) => q.computers },
    ...(installedEverywhere ? [] : [withAgent]),
    ...data.baseline.controls.map((chosen): Line => {
      const counts = (q: QuarterFigures) => q.byControl.find((c) => c.control_id === chosen.id);
      return {
        label: controlName(context, chosen.id),
        value: (q) => {
          const c = counts(q);
          const rate = passRate(c);
          if (!c || rate === null) return '—';
          return m.summary.passRateOf(f.percent(rate), f.count(c.ok), f.count(Number(c.ok) + Number(c.alarm) + Number(c.error)));
        },
        number: (q) => passRate(counts(q)),
        rate: true,
      };
    }),
    { label: m.summary.failingComputers, value: (q) => f.count(q.failingComputers), number: (q) => q.failingComputers },
    { label: m.summary.exceptions, value: (q) => f.count(q.exceptions), number: (q) => q.exceptions },
    { label: m.summary.policyChanges, value: (q) => f.count(q.policyChanges), number: (q) => q.policyChanges },
    { label: m.summary.policiesChanged, value: (q) => f.count(q.policiesChanged), number: (q) => q.policiesChanged },
  ];
  const change = (line: Line): string => {
    if (!prev) return '';
    const a = line.number(prev);
    const b = line.number(cur);
    if (a === null || b === null) return '';
    return line.rate ? m.summary.points(f.signed((b - a) * 100, 1)) : f.signed(b - a);
  };
  const prevName = previousQuarterName(data, m);
  const curName = m.quarterName(data.quarter.year, data.quarter.number);
  return html`<section id="summary">
  <h2>${m.summary.heading}</h2>
  <p>${m.summary.intro}</p>
  <table class="figures" data-table="summary">
    <thead><tr><th>${m.summary.figure}</th><th class="num">${m.summary.quarterEnd(prevName)}</th><th class="num">${m.summary.quarterEnd(curName)}</th><th class="num">${m.summary.change}</th></tr></thead>
    <tbody>${lines.map(
      (line) => html`<tr><th scope="row">${line.label}</th><td class="num muted">${prev ? line.value(prev) : m.summary.noData}</td><td class="num strong">${line.value(cur)}</td><td class="num">${change(line)}</td></tr>`,
    )}</tbody>
  </table>
</section>`;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function controlName({ data, lang }: Pick<RenderContext, 'data' | 'lang'>, id: string): string {
  return definition(data, id).texts[lang].title;
}

function definition(data: ReportData, id: string): ControlDefinition {
  return data.controls.find((c) => c.id === id) as ControlDefinition;
}

function scopeText(chosen: BaselineControl, m: Messages): string {
  const parts: string[] = [];
  if (chosen.scope.osFamilies) parts.push(m.controls.osFamilies(chosen.scope.osFamilies.map((o) => m.osFamilies[o]).join(', ')));
  if (chosen.scope.policies) parts.push(m.controls.policies(chosen.scope.policies.join(', ')));
  return parts.length ? parts.join('; ') : m.controls.allComputers;
}

function paramsText(chosen: BaselineControl, m: Messages): string {
  const entries = Object.entries(chosen.params);
  return entries.length ? entries.map(([k, v]) => `${k} = ${v}`).join(', ') : m.controls.none;
}

function controlsSection(context: RenderContext, f: Formatter): Html {
  const { data, messages: m, lang } = context;
  const families = osFamilies.filter((o) => data.byOsFamily.some((r) => r.os_family === o));
  return html`<section id="controls" class="page-break">
  <h2>${m.controls.heading}</h2>
  <h3>${m.controls.byControlHeading}</h3>
  <p>${m.controls.byControlIntro}</p>
  <table data-table="by-control">
    <thead><tr><th>${m.controls.control}</th><th class="nowrap">${m.controls.severity}</th><th class="scope">${m.controls.appliesTo}</th>
      <th class="num">${m.statuses.ok}</th><th class="num">${m.statuses.alarm}</th><th class="num">${m.statuses.error}</th><th class="num">${m.statuses.skip}</th><th class="num">${m.controls.passRate}</th></tr></thead>
    <tbody>${data.baseline.controls.map((chosen) => {
      const c = data.current.byControl.find((r) => r.control_id === chosen.id);
      const rate = passRate(c);
      return html`<tr>
        <td><strong>${controlName(context, chosen.id)}</strong><div class="detail">${controlDescription(lang, definition(data, chosen.id), chosen.params)}</div>
          <div class="detail mono">${chosen.id} · ${m.controls.parameters}: ${paramsText(chosen, m)}</div></td>
        <td>${severityBadge(chosen.severity, m)}</td>
        <td class="scope">${scopeText(chosen, m)}</td>
        <td class="num">${f.count(c?.ok ?? 0)}</td><td class="num">${f.count(c?.alarm ?? 0)}</td><td class="num">${f.count(c?.error ?? 0)}</td><td class="num">${f.count(c?.skip ?? 0)}</td>
        <td class="num">${rateBar(rate, f)}</td></tr>`;
    })}</tbody>
  </table>
  <h3>${m.controls.byOsHeading}</h3>
  <p>${m.controls.byOsIntro}</p>
  <table data-table="by-os-family">
    <thead><tr><th>${m.controls.control}</th>${families.map((o) => html`<th class="num">${m.osFamilies[o]}</th>`)}</tr></thead>
    <tbody>${data.baseline.controls.map(
      (chosen) => html`<tr><th scope="row">${controlName(context, chosen.id)}</th>${families.map((o) => {
        const c = data.byOsFamily.find((r) => r.control_id === chosen.id && r.os_family === o);
        const rate = passRate(c);
        const failing = Number(c?.alarm ?? 0) + Number(c?.error ?? 0);
        return html`<td class="num">${rate === null ? m.controls.noComputers : m.controls.cell(f.percent(rate), f.count(failing))}</td>`;
      })}</tr>`,
    )}</tbody>
  </table>
</section>`;
}

function rateBar(rate: number | null, f: Formatter): Html {
  if (rate === null) return html`—`;
  const width = (rate * 100).toFixed(1);
  return html`<span class="rate"><span class="bar"><span style="width:${width}%"></span></span>${f.percent(rate)}</span>`;
}

function severityBadge(severity: Severity, m: Messages): Html {
  return html`<span class="badge severity-${severity}">${m.severities[severity]}</span>`;
}

function statusBadge(status: ControlStatus, m: Messages): Html {
  return html`<span class="badge status-${status}">${m.statuses[status]}</span>`;
}

function trendsSection({ data, messages: m, charts }: RenderContext): Html {
  return html`<section id="trends" class="page-break">
  <h2>${m.trends.heading}</h2>
  <p>${m.trends.intro}</p>
  ${data.coverage.length === 0 && data.agentHealth.length === 0 ? html`<p class="empty">${m.trends.noMonths}</p>` : ''}
  ${charts.map((chart) => html`<figure class="chart" aria-label="${chart.title}">${trustedHtml(chart.svg)}</figure>`)}
</section>`;
}

function exceptionsSection({ data, messages: m, lang }: RenderContext, f: Formatter): Html {
  const cur = data.current;
  return html`<section id="exceptions" class="page-break">
  <h2>${m.exceptionList.heading}</h2>
  ${data.exceptions.length === 0
    ? html`<p class="empty">${m.exceptionList.none}</p>`
    : html`<p>${m.exceptionList.intro(f.count(cur.failingComputers), f.count(cur.exceptions))}</p>
  <table class="dense" data-table="exceptions">
    <thead><tr><th class="nowrap">${m.controls.severity}</th><th>${m.controls.control}</th><th>${m.exceptionList.computer}</th><th>${m.exceptionList.os}</th><th>${m.exceptionList.policy}</th><th>${m.exceptionList.reason}</th></tr></thead>
    <tbody>${data.exceptions.map(
      (row) => html`<tr>
      <td>${severityBadge(row.severity as Severity, m)}${row.status === 'error' ? html` ${statusBadge('error', m)}` : ''}</td>
      <td>${controlName({ data, lang }, String(row.control_id))}</td>
      <td class="computer">${row.host_name}<div class="detail mono">${row.computer_id}</div></td>
      <td>${m.osFamilies[row.os_family as OsFamily] ?? row.os_family}</td>
      <td>${row.policy_name ?? row.policy_id}</td>
      <td>${reasonText(row, definition(data, String(row.control_id)), lang)}</td></tr>`,
    )}</tbody>
  </table>`}
</section>`;
}

/** A result's reason in the report's language; the control's own sentence when the catalog has none. */
function reasonText(row: Row, control: ControlDefinition, lang: ReportLanguage): string {
  if (lang === 'en') return String(row.reason);
  const args = typeof row.reason_args === 'string' ? (JSON.parse(row.reason_args) as Record<string, unknown>) : {};
  return controlReason(lang, control, String(row.reason_key), args) ?? String(row.reason);
}

function policyChangesSection({ data, messages: m }: RenderContext, f: Formatter): Html {
  const cur = data.current;
  return html`<section id="policy-changes" class="page-break">
  <h2>${m.policyChanges.heading}</h2>
  ${data.policyChanges.length === 0
    ? html`<p class="empty">${m.policyChanges.none}</p>`
    : html`<p>${m.policyChanges.intro(f.count(cur.policyChanges), f.count(cur.policiesChanged))}</p>
  <table class="dense" data-table="policy-changes">
    <thead><tr><th>${m.policyChanges.changedAt}</th><th>${m.policyChanges.policy}</th><th>${m.policyChanges.change}</th><th>${m.policyChanges.field}</th><th>${m.policyChanges.oldValue}</th><th>${m.policyChanges.newValue}</th><th class="num">${m.policyChanges.computersAssigned}</th></tr></thead>
    <tbody>${data.policyChanges.map(
      (row) => html`<tr>
      <td class="nowrap">${f.time(row.changed_at)}</td>
      <td>${row.policy_name}<div class="detail mono">${row.policy_id}</div></td>
      <td>${m.changeTypes[row.change_type as ChangeType] ?? row.change_type}</td>
      <td class="mono wrap">${row.field}</td>
      <td class="mono wrap">${row.old_value}</td>
      <td class="mono wrap">${row.new_value}</td>
      <td class="num">${row.computers_assigned === null || row.computers_assigned === undefined ? '' : f.count(row.computers_assigned)}</td></tr>`,
    )}</tbody>
  </table>`}
</section>`;
}

function eventsSection({ data, messages: m, lang }: RenderContext, f: Formatter): Html {
  const events = data.events;
  const e = m.events;
  if (events === null) {
    return html`<section id="events" class="page-break">
  <h2>${e.heading}</h2>
  <p class="empty">${e.noneLoaded}</p>
</section>`;
  }
  const total = events.byType.reduce((n, row) => n + Number(row.events), 0);
  const labels = termLabels('event_types', lang);
  const label = (type: unknown) => labels[String(type)] ?? String(type);
  const gapDays = Array.isArray(events.coverage.gap_days) ? (events.coverage.gap_days as unknown[]) : [];
  const retention = events.retentionDays === null ? e.noRetention : e.retention(f.count(events.retentionDays));
  return html`<section id="events" class="page-break">
  <h2>${e.heading}</h2>
  ${events.byType.length === 0
    ? html`<p class="empty">${e.noneInQuarter}</p>`
    : html`<p>${e.intro(f.count(total), f.count(events.coverage.quarter_computers))}</p>
  <table data-table="events-by-type">
    <thead><tr><th>${e.eventType}</th><th class="num">${e.events}</th><th class="num">${e.computers}</th></tr></thead>
    <tbody>${events.byType.map((row) => html`<tr><td>${label(row.event_type)}</td><td class="num">${f.count(row.events)}</td><td class="num">${f.count(row.computers)}</td></tr>`)}</tbody>
  </table>`}
  <h3>${e.malwareHeading}</h3>
  ${events.malware.length === 0
    ? html`<p class="empty">${e.noMalware}</p>`
    : html`<table data-table="malware-outcomes">
    <thead><tr><th>${e.scanResult}</th><th class="num">${e.detections}</th><th class="num">${e.computers}</th><th class="num">${e.withoutAntiMalware}</th></tr></thead>
    <tbody>${events.malware.map((row) => html`<tr><td>${row.scan_result}</td><td class="num">${f.count(row.detections)}</td><td class="num">${f.count(row.computers)}</td><td class="num">${f.count(row.without_anti_malware_on)}</td></tr>`)}</tbody>
  </table>`}
  <h3>${e.ipsHeading}</h3>
  ${events.ips.length === 0
    ? html`<p class="empty">${e.noIps}</p>`
    : html`<table data-table="ips-modes">
    <thead><tr><th>${e.mode}</th><th class="num">${e.events}</th><th class="num">${e.computers}</th><th class="num">${e.rules}</th></tr></thead>
    <tbody>${events.ips.map((row) => html`<tr><td>${e.modes[row.mode as 'prevent' | 'detect'] ?? row.mode}</td><td class="num">${f.count(row.events)}</td><td class="num">${f.count(row.computers)}</td><td class="num">${f.count(row.rules)}</td></tr>`)}</tbody>
  </table>`}
  <h3>${e.archiveHeading}</h3>
  <p>${e.archiveSpan(f.day(events.coverage.first_day), f.day(events.coverage.last_day), f.count(events.coverage.covered_days))}
  ${gapDays.length === 0 ? e.noGaps : e.gaps(gapDays.map((day) => f.day(day)).join(', '))}</p>
  <p data-fact="event-retention">${retention}</p>
</section>`;
}

function completenessSection({ data, messages: m }: RenderContext, f: Formatter): Html {
  const missingFor = (row: Row): Row[] =>
    data.missingWeeks.filter((w) => w.object === row.object && w.flow_name === row.flow_name);
  return html`<section id="completeness" class="page-break">
  <h2>${m.completeness.heading}</h2>
  <p>${m.completeness.intro}</p>
  <table data-table="flow-runs">
    <thead><tr><th>${m.completeness.flow}</th><th>${m.completeness.object}</th><th class="num">${m.completeness.runs}</th><th>${m.completeness.firstRun}</th><th>${m.completeness.lastRun}</th><th>${m.completeness.weeksWithoutRun}</th></tr></thead>
    <tbody>${data.flowRuns.map((row) => {
      const missing = missingFor(row);
      return html`<tr>
      <td>${row.flow_name}</td><td>${row.object}</td><td class="num">${f.count(row.runs)}</td>
      <td class="nowrap">${f.time(row.first_run_at)}</td><td class="nowrap">${f.time(row.last_run_at)}</td>
      <td>${missing.length === 0
        ? m.completeness.allWeeksCovered
        : html`<span class="warn">${missing.map((w) => `${w.week} (${f.day(asDate(w.week_start))}–${f.day(asDate(w.week_end))})`).join(', ')}</span>`}</td></tr>`;
    })}</tbody>
  </table>
  <h3>${m.completeness.loadErrorsHeading}</h3>
  ${data.loadErrors.length === 0
    ? html`<p class="empty">${m.completeness.noLoadErrors}</p>`
    : html`<p>${m.completeness.loadErrorsIntro}</p>
  <table class="dense" data-table="load-errors">
    <thead><tr><th>${m.completeness.flow}</th><th>${m.completeness.run}</th><th>${m.completeness.runTime}</th><th>${m.completeness.file}</th><th>${m.completeness.error}</th><th>${m.completeness.recordedAt}</th></tr></thead>
    <tbody>${data.loadErrors.map(
      (row) => html`<tr><td>${row.flow_name}</td><td class="mono wrap">${row.run_key}</td><td class="nowrap">${row.snapshot_at ? f.time(row.snapshot_at) : m.completeness.notLoaded}</td><td class="mono wrap">${row.file_key}</td><td>${row.message}</td><td class="nowrap">${f.time(row.failed_at)}</td></tr>`,
    )}</tbody>
  </table>`}
</section>`;
}

function appendixSection({ data, messages: m, evidenceFiles }: RenderContext, f: Formatter): Html {
  const roles = (row: Row): string =>
    ((row.roles as string[]) ?? []).map((r) => m.appendix.roles[r as keyof Messages['appendix']['roles']] ?? r).join(', ');
  return html`<section id="appendix" class="page-break">
  <h2>${m.appendix.heading}</h2>
  <h3>${m.appendix.baselineHeading}</h3>
  <dl class="meta">
    <dt>${m.meta.baseline}</dt><dd>${data.baseline.name}${data.baseline.description ? html`<div class="detail">${data.baseline.description}</div>` : ''}</dd>
    <dt>${m.appendix.baselineFile}</dt><dd class="mono wrap">${data.baseline.file}</dd>
  </dl>
  <h3>${m.appendix.evidenceHeading}</h3>
  <p>${m.appendix.evidenceIntro}</p>
  <ul class="files">${evidenceFiles.map((file) => html`<li class="mono">${file}</li>`)}</ul>
  <h3>${m.appendix.snapshotsHeading}</h3>
  <p>${m.appendix.snapshotsIntro(f.count(data.snapshotsUsed.length))}</p>
  <table class="dense" data-table="snapshots">
    <thead><tr><th>${m.appendix.snapshotId}</th><th>${m.completeness.flow}</th><th>${m.appendix.time}</th><th>${m.appendix.usedFor}</th></tr></thead>
    <tbody>${data.snapshotsUsed.map(
      (row) => html`<tr><td class="mono wrap">${row.snapshot_id}</td><td>${row.flow_name}</td><td class="nowrap">${f.time(row.snapshot_at)}</td><td>${roles(row)}</td></tr>`,
    )}</tbody>
  </table>
</section>`;
}
