import { ExitCode, FleetkitError } from '../errors';
import { VERSION } from '../version';
import { UsageError, type Command } from './command';
import { chartCommand } from './chart-command';
import { demoCommand } from './demo-command';
import { loadCommand } from './load-command';
import { queryCommand } from './query-command';
import { reportCommand } from './report-command';
import { sampleDataCommand } from './sample-data-command';

const commands: Command[] = [loadCommand, queryCommand, chartCommand, reportCommand, demoCommand, sampleDataCommand];

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
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`fleetkit: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`fleetkit ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`fleetkit ${name}: ${message.split('\n')[0]}\n`);
    if (process.env.FLEETKIT_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return error instanceof FleetkitError ? error.exitCode : ExitCode.failed;
  }
}
