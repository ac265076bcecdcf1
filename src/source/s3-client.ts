import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { S3ErrorContext } from './s3-errors';

export interface S3ClientOptions {
  /** A custom S3-compatible endpoint (MinIO, LocalStack, …); `AWS_ENDPOINT_URL_S3` also works. */
  endpoint?: string;
  region?: string;
  /** A profile from the shared AWS config files; otherwise the default credential chain. */
  profile?: string;
  /** Attempts per request under the SDK's standard retry policy (default: the SDK's, normally 3). */
  maxAttempts?: number;
}

const fallbackRegion = 'us-east-1';

/** An S3 client configured the way AWS CLI users expect, and what error messages should say about it. */
export function createS3Client(options: S3ClientOptions): { client: S3Client; errorContext: S3ErrorContext } {
  const configuredEndpoint =
    options.endpoint ?? process.env['AWS_ENDPOINT_URL_S3'] ?? process.env['AWS_ENDPOINT_URL'];
  const config: S3ClientConfig = {
    region: options.region ?? regionFromSdkChain(options.profile),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(configuredEndpoint === undefined
      ? {}
      : {
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
  };
  return {
    client: new S3Client(config),
    errorContext: {
      endpointDescription: configuredEndpoint ?? 'Amazon S3',
      profile: options.profile ?? process.env['AWS_PROFILE'],
    },
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
