import type { ReportLanguage } from './messages';

/** Text as a CSS string literal (for `content:`), safe inside a `<style>` element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const fontStacks: Record<ReportLanguage, string> = {
  en: '"DejaVu Sans", "Noto Sans CJK JP", "Helvetica Neue", Arial, sans-serif',
  ja: '"Noto Sans CJK JP", "DejaVu Sans", "Hiragino Sans", "Yu Gothic", sans-serif',
};

/** The report's style sheet: a readable page on screen and an A4 document in print, with a running header. */
export function reportStyle(lang: ReportLanguage, runningHeader: string, pageLabel: string): string {
  return `
@page {
  size: A4;
  margin: 20mm 14mm 18mm 14mm;
  @top-left { content: ${cssString(runningHeader)}; font: 8pt ${fontStacks[lang]}; color: #475569; }
  @top-right { content: "fleetkit"; font: 8pt ${fontStacks[lang]}; color: #94a3b8; }
  @bottom-right { content: ${cssString(pageLabel)} " " counter(page) " / " counter(pages); font: 8pt ${fontStacks[lang]}; color: #475569; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
:root { --ink: #0f172a; --muted: #475569; --line: #e2e8f0; --accent: #1d4ed8; --ok: #15803d; --bad: #b91c1c; }
* { box-sizing: border-box; }
html { font-family: ${fontStacks[lang]}; color: var(--ink); font-size: 14px; line-height: 1.45; }
body { margin: 0 auto; max-width: 1060px; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 28px; margin: 4px 0 6px; letter-spacing: -0.01em; }
h1 .quarter { display: inline-block; margin-left: 12px; padding: 2px 10px; border-radius: 6px; background: var(--accent); color: #fff; font-size: 22px; vertical-align: 3px; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 6px 0 10px; }
.fleet-line { color: var(--muted); margin: 0; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
.period { color: var(--muted); margin: 0 0 14px; }
.title-page { border-bottom: 1px solid var(--line); padding-bottom: 12px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 10px 0; font-size: 13px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.notice { border: 1px solid #f59e0b; background: #fffbeb; border-left: 6px solid #f59e0b; padding: 8px 14px; margin: 14px 0 4px; border-radius: 4px; }
.notice-title { font-size: 14px; margin: 2px 0 4px; padding: 0; border: 0; color: #92400e; }
.notice ul { margin: 0; padding-left: 18px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; font-size: 12.5px; }
thead { display: table-header-group; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
thead th { background: #f1f5f9; border-bottom: 1.5px solid #94a3b8; font-weight: 600; }
tbody th { font-weight: 500; }
tr { break-inside: avoid; }
table.dense { font-size: 11px; }
table.dense td, table.dense th { padding: 3px 6px; }
table.figures td.strong { font-weight: 700; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); }
.detail { color: var(--muted); font-size: 11px; margin-top: 2px; }
.mono { font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK JP", monospace; font-size: 10.5px; }
.wrap { overflow-wrap: anywhere; word-break: break-word; }
.nowrap { white-space: nowrap; }
.computer { overflow-wrap: anywhere; }
.scope { min-width: 10em; }
.empty { color: var(--muted); font-style: italic; }
.warn { color: #92400e; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 10.5px; font-weight: 600; white-space: nowrap; }
.severity-critical { background: #7f1d1d; color: #fff; }
.severity-high { background: #dc2626; color: #fff; }
.severity-medium { background: #f59e0b; color: #111827; }
.severity-low { background: #cbd5e1; color: #111827; }
.status-error { background: #111827; color: #fff; }
.rate { display: inline-flex; align-items: center; gap: 6px; justify-content: flex-end; }
.bar { display: inline-block; width: 64px; height: 8px; background: #fee2e2; border-radius: 4px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--ok); }
figure.chart { margin: 12px 0 20px; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
ul.files { columns: 2; padding-left: 18px; }
@media print {
  html { font-size: 9.5pt; }
  table { font-size: 8.5pt; }
  table.dense { font-size: 7.5pt; }
  .bar { width: 40px; }
  body { max-width: none; padding: 0; }
  .page-break { break-before: page; }
  h2, h3 { break-after: avoid; }
  .notice, thead th, .badge, .bar, .bar > span, h1 .quarter { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
}
