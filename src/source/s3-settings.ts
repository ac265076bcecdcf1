import { s3Attempts, s3TimeoutMs } from '../config';

/** How hard fleetkit tries before a request or a transfer counts as failed. */
export interface S3RetrySettings {
  /** Attempts per request (the SDK's standard retry) and per download (fleetkit's transfer retry). */
  attempts: number;
  /** Longest wait to connect, for the first byte of a reply, and between two bytes of a body. */
  timeoutMs: number;
}

/** The options, else `AWS_MAX_ATTEMPTS` and `FLEETKIT_S3_TIMEOUT_MS`, else the defaults. */
export function s3RetrySettings(options: { maxAttempts?: number | undefined; timeoutMs?: number | undefined }): S3RetrySettings {
  return {
    attempts: options.maxAttempts ?? s3Attempts(),
    timeoutMs: options.timeoutMs ?? s3TimeoutMs(),
  };
}
