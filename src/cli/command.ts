import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ExitCode, FleetkitError } from '../errors';

export class UsageError extends FleetkitError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** A command's implementation; src/cli/commands.ts names it and loads it only when it runs. */
export interface Command {
  usage: string;
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments (`--help` is answered before, in main). Unknown options are usage errors. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}\n\n${usage}`);
  }
}

export function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${option} must be a whole number of at least 1, got "${value}"`);
  return Number(value);
}
