import type { ReportLanguage } from './messages';

/** How the report writes numbers, shares and times in one language (times always in UTC). */
export class Formatter {
  private readonly integer: Intl.NumberFormat;
  private readonly decimal: Intl.NumberFormat;

  constructor(readonly lang: ReportLanguage) {
    const locale = lang === 'ja' ? 'ja-JP' : 'en-GB';
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  count(value: unknown): string {
    return this.integer.format(Number(value));
  }

  /** A share of 0..1 as a percentage with one decimal; a dash when there is nothing to share. */
  percent(share: number | null): string {
    return share === null ? '—' : `${this.decimal.format(share * 100)}%`;
  }

  /** A signed difference: `+12`, `−3`, `±0`. */
  signed(value: number, digits = 0): string {
    const text = digits ? this.decimal.format(Math.abs(value)) : this.integer.format(Math.abs(value));
    if (Math.abs(value) < 10 ** -(digits + 1)) return `±${digits ? this.decimal.format(0) : '0'}`;
    return `${value > 0 ? '+' : '−'}${text}`;
  }

  /** `2026-09-30 23:59 UTC`. */
  time(value: unknown): string {
    const date = asDate(value);
    return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  }

  /** `30 September 2026` or `2026年9月30日`. */
  day(value: unknown): string {
    const date = asDate(value);
    if (!date) return '';
    if (this.lang === 'ja') return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
    return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
}

/** A Date from what the store returns for a time or a date (a Date, or ISO/DuckDB text). */
export function asDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && value !== '') {
    const date = new Date(/^\d{4}-\d{2}-\d{2} /.test(value) ? value.replace(' ', 'T').replace(/\+00$/, 'Z') : value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
