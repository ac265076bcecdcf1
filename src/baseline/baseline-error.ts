import { FleetkitError } from '../errors';

/** One thing wrong in a baseline file: where, what was expected there and what was found. */
export interface BaselineProblem {
  /** Dot path inside the file, e.g. `controls.anti-malware-on.severity`; `(file)` for the file as a whole. */
  path: string;
  expected: string;
  found: string;
}

/** A baseline file that cannot be used; the message lists every problem, one line each: the report failed. */
export class BaselineError extends FleetkitError {
  constructor(
    readonly file: string,
    readonly problems: BaselineProblem[],
  ) {
    super(
      `Baseline ${file} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.path}: expected ${p.expected}, found ${p.found}`).join('\n'),
    );
    this.name = 'BaselineError';
  }
}
