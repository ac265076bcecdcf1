import { Formatter } from './format';
import type { Messages } from './messages';
import { previousQuarter } from './quarter';
import type { ReportData } from './report-data';

export interface ReportNotice {
  text: string;
  /** The quarter's own data is incomplete (not over, weeks without runs, load errors). */
  partial: boolean;
}

/**
 * What a reader must know before trusting the figures: partial data, a previous quarter without data, and flows of
 * the same object that the figures leave out (they read one flow per object, never the sum).
 */
export function reportNotices(data: ReportData, m: Messages, f: Formatter): ReportNotice[] {
  const notices: ReportNotice[] = [];
  if (!data.quarterOver) notices.push({ text: m.notices.quarterNotOver(f.time(data.now)), partial: true });
  if (data.missingWeeks.length > 0) {
    const flows = new Set(data.missingWeeks.map((w) => `${w.object}\0${w.flow_name}`)).size;
    const weeks = new Set(data.missingWeeks.map((w) => String(w.week))).size;
    notices.push({ text: m.notices.missingWeeks(f.count(weeks), f.count(flows)), partial: true });
  }
  if (data.loadErrors.length > 0) notices.push({ text: m.notices.loadErrors(f.count(data.loadErrors.length)), partial: true });
  if (data.flowsUsed.length > 0) {
    const used = data.flowsUsed.map((row) => `${row.flow_used} (${row.object})`).join(', ');
    const others = data.flowsUsed.flatMap((row) => (row.other_flows as string[]).map((flow) => `${flow} (${row.object})`)).join(', ');
    notices.push({ text: m.notices.otherFlows(used, others), partial: false });
  }
  if (!data.previous) {
    const previous = previousQuarter(data.quarter);
    notices.push({ text: m.notices.noPreviousQuarter(m.quarterName(previous.year, previous.number)), partial: false });
  }
  return notices;
}
