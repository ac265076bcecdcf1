import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { awsProfile, s3EndpointFromEnvironment } from '../config';
import { redactEndpoint } from './redact-url';
import type { S3ErrorContext } from './s3-errors';
import { s3HttpHandlerOptions } from './s3-http';
import { s3RetrySettings, type S3RetrySettings } from './s3-settings';

export interface S3ClientOptions {
  /** A custom S3-compatible endpoint (MinIO, LocalStack, …); `AWS_ENDPOINT_URL_S3` also works. */
  endpoint?: string;
  region?: string;
  /** A profile from the shared AWS config files; otherwise the default credential chain. */
  profile?: string;
  /** Attempts per request under the SDK's standard retry policy, and per download (default AWS_MAX_ATTEMPTS, else 5). */
  maxAttempts?: number;
  /** Longest wait to connect, for a reply, and between two bytes of a body (default FLEETKIT_S3_TIMEOUT_MS, else 30 s). */
  timeoutMs?: number;
}

const fallbackRegion = 'us-east-1';

/** An S3 client configured the way AWS CLI users expect, what error messages should say about it, and its retry settings. */
export function createS3Client(options: S3ClientOptions): {
  client: S3Client;
  errorContext: S3ErrorContext;
  retry: S3RetrySettings;
} {
  const configuredEndpoint = options.endpoint ?? s3EndpointFromEnvironment();
  const retry = s3RetrySettings(options);
  const config: S3ClientConfig = {
    region: options.region ?? regionFromSdkChain(options.profile),
    maxAttempts: retry.attempts,
    requestHandler: s3HttpHandlerOptions(retry.timeoutMs),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(configuredEndpoint === undefined
      ? {}
      : {
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
  };
  const endpoint = configuredEndpoint === undefined ? undefined : redactEndpoint(configuredEndpoint);
  return {
    client: new S3Client(config),
    errorContext: {
      endpointDescription: endpoint?.shown ?? 'Amazon S3',
      scrub: endpoint?.scrub ?? ((text) => text),
      profile: options.profile ?? awsProfile(),
    },
    retry,
  };
}

/** The region the SDK would pick (AWS_REGION, the profile's `region`), or us-east-1 when nothing sets one. */
function regionFromSdkChain(profile: string | undefined): () => Promise<string> {
  let region: Promise<string> | undefined;
  return () => {
    region ??= (async () => {
      const probe = new S3Client(profile === undefined ? {} : { profile });
      try {
        return await probe.config.region();
      } catch {
        return fallbackRegion;
      } finally {
        probe.destroy();
      }
    })();
    return region;
  };
}
