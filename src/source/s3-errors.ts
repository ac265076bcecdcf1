import { ExitCode, FleetkitError, type ExitStatus } from '../errors';
import { TransferError } from './transfer-error';

/** A failure the user can act on, with a one-line message the CLI prints as is. */
export class SourceError extends FleetkitError {
  override readonly name = 'SourceError';

  constructor(message: string, options?: { cause?: unknown; exitCode?: ExitStatus }) {
    super(message, options?.exitCode ?? ExitCode.failed, options);
  }
}

const credentialHelp =
  'provide them with AWS_PROFILE or --profile, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ' +
  '`aws sso login` for an SSO profile, or an instance/task role';

const rejectedCredentialCodes = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
]);

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const brokenConnectionCodes = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** What the failed request was doing, so the message can name the permission and resource. */
export type S3Operation =
  | { action: 'list'; bucket: string; prefix: string }
  | { action: 'get'; bucket: string; key: string };

/** Where the request went (without its secrets) and which shared-config profile supplied its credentials, if any. */
export interface S3ErrorContext {
  endpointDescription: string;
  /** Removes the endpoint's secrets from text the SDK wrote, which may quote the endpoint. */
  scrub: (text: string) => string;
  profile?: string | undefined;
}

/** Turns an error from the AWS SDK into a SourceError that says what went wrong and what to do, and never a secret. */
export function describeS3Error(error: unknown, operation: S3Operation, context: S3ErrorContext): SourceError {
  if (error instanceof SourceError) return error;
  const described = describe(error, operation, context);
  return new SourceError(context.scrub(described.message), { cause: error, exitCode: described.exitCode });
}

function describe(error: unknown, operation: S3Operation, context: S3ErrorContext): { message: string; exitCode?: ExitStatus } {
  const name = errorName(error);
  const code = errorCode(error);
  const status = httpStatus(error);
  const detail = oneLine(error instanceof Error ? error.message : String(error));
  const target = operationTarget(operation);
  const access = ExitCode.access;

  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    const source = context.profile === undefined ? '' : ` for profile "${context.profile}"`;
    return { message: `No usable AWS credentials${source} (${detail}): ${credentialHelp}.`, exitCode: access };
  }
  if (rejectedCredentialCodes.has(name)) {
    return {
      message: `AWS rejected the credentials while reading ${target} (${name}: ${detail}): ${credentialHelp}.`,
      exitCode: access,
    };
  }
  if (name === 'NoSuchBucket') {
    return {
      message: `Bucket "${operation.bucket}" does not exist (NoSuchBucket at ${context.endpointDescription}).`,
      exitCode: ExitCode.nothingUsable,
    };
  }
  if (name === 'AccessDenied' || status === 403) {
    return { message: accessDeniedMessage(operation), exitCode: access };
  }
  if (error instanceof TransferError) {
    return {
      message: `The connection to ${context.endpointDescription} failed (${error.reason}) while reading ${target}; run the load again.`,
    };
  }
  if (name === 'NoSuchKey' && operation.action === 'get') {
    return { message: `${target} was deleted after it was listed; run the load again.` };
  }
  if (name === 'PreconditionFailed' && operation.action === 'get') {
    return { message: `${target} changed after it was listed (its ETag no longer matches); run the load again.` };
  }
  if (code !== undefined && unreachableCodes.has(code)) {
    return { message: `Cannot reach ${context.endpointDescription} (${code}) while reading ${target}.` };
  }
  if ((code !== undefined && brokenConnectionCodes.has(code)) || name === 'TimeoutError') {
    return {
      message: `The connection to ${context.endpointDescription} failed (${code ?? name}) while reading ${target}; run the load again.`,
    };
  }
  return { message: `Reading ${target} failed: ${name}: ${detail}` };
}

function accessDeniedMessage(operation: S3Operation): string {
  if (operation.action === 'list') {
    return (
      `Access denied listing s3://${operation.bucket}/${operation.prefix}: ` +
      `the credentials need s3:ListBucket on arn:aws:s3:::${operation.bucket}.`
    );
  }
  return (
    `Access denied reading s3://${operation.bucket}/${operation.key}: ` +
    `the credentials need s3:GetObject on arn:aws:s3:::${operation.bucket}/${operation.key}.`
  );
}

function operationTarget(operation: S3Operation): string {
  return operation.action === 'list'
    ? `s3://${operation.bucket}/${operation.prefix}`
    : `s3://${operation.bucket}/${operation.key}`;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
