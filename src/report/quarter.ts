import { ExitCode, FleetkitError } from '../errors';

/** A calendar quarter in UTC, e.g. 2026Q3: from `start` (inclusive) to `end` (exclusive). */
export interface Quarter {
  label: string;
  year: number;
  number: 1 | 2 | 3 | 4;
  start: Date;
  end: Date;
}

/** A quarter that is not written like 2026Q3: a usage error. */
export class QuarterError extends FleetkitError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** Reads `2026Q3` (also `2026q3`). */
export function parseQuarter(text: string): Quarter {
  const match = /^(\d{4})[Qq]([1-4])$/.exec(text.trim());
  if (!match) throw new QuarterError(`Quarter "${text}" is not valid: expected a year and a quarter such as 2026Q3.`);
  return quarterOf(Number(match[1]), Number(match[2]) as Quarter['number']);
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.number === 1 ? quarterOf(quarter.year - 1, 4) : quarterOf(quarter.year, (quarter.number - 1) as Quarter['number']);
}

/** The quarter's last instant as DuckDB reads it (microsecond precision): the as-of time of "quarter end". */
export function quarterEndInstant(quarter: Quarter): string {
  return `${isoDate(lastDay(quarter))} 23:59:59.999999+00`;
}

/** The quarter's last day. */
export function lastDay(quarter: Quarter): Date {
  return new Date(quarter.end.getTime() - 86_400_000);
}

/** `YYYY-MM-DD` of a time, in UTC. */
export function isoDate(time: Date): string {
  return time.toISOString().slice(0, 10);
}

function quarterOf(year: number, number: Quarter['number']): Quarter {
  const firstMonth = (number - 1) * 3;
  return {
    label: `${year}Q${number}`,
    year,
    number,
    start: new Date(Date.UTC(year, firstMonth, 1)),
    end: new Date(Date.UTC(year, firstMonth + 3, 1)),
  };
}
