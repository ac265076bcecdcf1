import { ExitCode, FleetkitError } from '../../errors';

/** A control folder that cannot be used: the message names the file and what is wrong, on one line. */
export class ControlError extends FleetkitError {
  constructor(message: string) {
    super(message, ExitCode.failed);
    this.name = 'ControlError';
  }
}
