import { spawnSync } from 'node:child_process';

export interface Measured {
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

/** Runs a command as its own process under GNU time: wall seconds and peak resident memory as the kernel counts them. */
export function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const result = spawnSync('/usr/bin/time', ['-f', '@@time %e %M', command, ...args], { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  const line = /@@time ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || line === null) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  return { seconds: Number(line[1]), peakRssMb: Number(line[2]) / 1024, stdout: result.stdout };
}

export function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
