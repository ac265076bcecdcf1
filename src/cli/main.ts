import { debugEnabled } from '../config';
import { ExitCode, FleetkitError } from '../errors';
import { visibleControls } from '../output/visible-controls';
import { VERSION } from '../version';
import { commands } from './commands';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'fleetkit: history and analytics for Workload Security, from Amazon AppFlow exports in DuckDB',
    '',
    'Usage: fleetkit <command> [options]     (fleetkit <command> --help for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/** Runs the CLI; returns the exit status. Failures print one line on stderr (usage errors add the usage). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`fleetkit: unknown command "${visibleControls(name)}"\n\n${help()}\n`);
    return ExitCode.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    process.stderr.write(`fleetkit ${name}: ${failureText(error)}\n`);
    if (debugEnabled()) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return error instanceof FleetkitError ? error.exitCode : ExitCode.failed;
  }
}

/**
 * What a failure prints: a FleetkitError's message, written for the user, whole (a usage error adds the usage, a
 * baseline error its problems); anything else only its first line. Data in it (a host name in a DuckDB conversion
 * error, a key of a baseline file) is shown with its control characters made visible.
 */
function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = error instanceof FleetkitError ? message.split('\n') : message.split('\n').slice(0, 1);
  return lines.map(visibleControls).join('\n');
}
