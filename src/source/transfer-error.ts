import { ExitCode, FleetkitError } from '../errors';

/**
 * Bytes of a response that did not arrive whole: the connection broke, stalled or closed early after the request
 * itself succeeded. The SDK does not retry these (it has handed the body over), so the source does.
 */
export class TransferError extends FleetkitError {
  override readonly name = 'TransferError';

  /** `reason` is short, e.g. `ECONNRESET` or `received 512 of 1024 bytes`. */
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(`the transfer broke off (${reason})`, ExitCode.failed, options);
  }

  /** Wraps an error raised while reading a response body. */
  static fromBodyError(error: unknown): TransferError {
    const code = (error as { code?: unknown } | null)?.code;
    const name = error instanceof Error ? error.name : 'Error';
    return new TransferError(typeof code === 'string' ? code : name === 'Error' ? 'connection lost' : name, { cause: error });
  }
}
