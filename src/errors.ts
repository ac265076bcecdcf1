/** The exit status of every command, as the CLI documents it. */
export const ExitCode = {
  ok: 0,
  /** Done in part or failed: some runs refused, a query or report failed. */
  failed: 1,
  /** Unknown command, option or query name; a missing required parameter. */
  usage: 2,
  /** The source lists nothing, or nothing it lists is an export fleetkit can read. */
  nothingUsable: 3,
  /** Missing credentials, access denied. */
  access: 4,
  /** Another process held the store longer than the lock wait. */
  storeBusy: 5,
  /** `report --fail-on` found results at or above the level. */
  gate: 6,
} as const;

export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the user can act on: a one-line message the CLI prints as is, and the exit status it ends with. */
export class FleetkitError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitStatus = ExitCode.failed,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
