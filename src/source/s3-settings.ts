import { SourceError } from './s3-errors';

/** How hard fleetkit tries before a request or a transfer counts as failed. */
export interface S3RetrySettings {
  /** Attempts per request (the SDK's standard retry) and per download (fleetkit's transfer retry). */
  attempts: number;
  /** Longest wait to connect, for the first byte of a reply, and between two bytes of a body. */
  timeoutMs: number;
}

export const defaultAttempts = 5;
export const defaultTimeoutMs = 30_000;

/** The options, else `AWS_MAX_ATTEMPTS` and `FLEETKIT_S3_TIMEOUT_MS`, else the defaults. */
export function s3RetrySettings(
  options: { maxAttempts?: number | undefined; timeoutMs?: number | undefined },
  env: NodeJS.ProcessEnv = process.env,
): S3RetrySettings {
  return {
    attempts: options.maxAttempts ?? fromEnv(env, 'AWS_MAX_ATTEMPTS') ?? defaultAttempts,
    timeoutMs: options.timeoutMs ?? fromEnv(env, 'FLEETKIT_S3_TIMEOUT_MS') ?? defaultTimeoutMs,
  };
}

function fromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new SourceError(`${name} must be a whole number of at least 1, got "${text}".`);
  }
  return value;
}
