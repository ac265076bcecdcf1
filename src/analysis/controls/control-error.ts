import { readFileSync } from 'node:fs';
import { ExitCode, FleetkitError } from '../../errors';

/** A control folder that cannot be used: the message names the file and what is wrong, on one line. */
export class ControlError extends FleetkitError {
  constructor(message: string) {
    super(message, ExitCode.failed);
    this.name = 'ControlError';
  }
}

/** A control file's JSON, or a ControlError naming the file. */
export function readControlJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ControlError(`${file}: not JSON (${(error as Error).message})`);
  }
}
