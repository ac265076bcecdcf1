import { Formatter } from './format';
import type { Messages } from './messages';
import { previousQuarter } from './quarter';
import type { ReportData } from './report-data';

export interface ReportNotice {
  text: string;
  /** The quarter's own data is incomplete (not over, weeks without runs, load errors). */
  partial: boolean;
}

/** What a reader must know before trusting the figures: partial data, and a previous quarter without data. */
export function reportNotices(data: ReportData, m: Messages, f: Formatter): ReportNotice[] {
  const notices: ReportNotice[] = [];
  if (!data.quarterOver) notices.push({ text: m.notices.quarterNotOver(f.time(data.now)), partial: true });
  if (data.missingWeeks.length > 0) {
    const flows = new Set(data.missingWeeks.map((w) => `${w.object}\0${w.flow_name}`)).size;
    const weeks = new Set(data.missingWeeks.map((w) => String(w.week))).size;
    notices.push({ text: m.notices.missingWeeks(f.count(weeks), f.count(flows)), partial: true });
  }
  if (data.loadErrors.length > 0) notices.push({ text: m.notices.loadErrors(f.count(data.loadErrors.length)), partial: true });
  if (!data.previous) {
    const previous = previousQuarter(data.quarter);
    notices.push({ text: m.notices.noPreviousQuarter(m.quarterName(previous.year, previous.number)), partial: false });
  }
  return notices;
}
