import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors';
import { describeS3Error, SourceError, type S3ErrorContext, type S3Operation } from '../src/source/s3-errors';
import { TransferError } from '../src/source/transfer-error';

const list: S3Operation = { action: 'list', bucket: 'exports', prefix: 'appflow/' };
const get: S3Operation = { action: 'get', bucket: 'exports', key: 'appflow/ws-computers/run/part-0' };
const context: S3ErrorContext = {
  endpointDescription: 'http://127.0.0.1:9000',
  scrub: (text) => text.replaceAll('s3cr3t', '***'),
};

/** An error shaped as the AWS SDK throws it: a name, maybe a Node code, maybe the HTTP status in `$metadata`. */
function sdkError(name: string, message: string, extra: { code?: unknown; status?: unknown } = {}): Error {
  const error = new Error(message);
  error.name = name;
  if ('code' in extra) Object.assign(error, { code: extra.code });
  if ('status' in extra) Object.assign(error, { $metadata: { httpStatusCode: extra.status } });
  return error;
}

function described(error: unknown, operation: S3Operation, ctx: S3ErrorContext = context) {
  const result = describeS3Error(error, operation, ctx);
  return { message: result.message, exitCode: result.exitCode };
}

const credentialHelp =
  'provide them with AWS_PROFILE or --profile, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ' +
  '`aws sso login` for an SSO profile, or an instance/task role';

describe('describeS3Error', () => {
  it('names missing credentials, with the profile when one was chosen, as an access failure', () => {
    const missing = sdkError('CredentialsProviderError', 'Could not load credentials\n  from any providers');
    expect(described(missing, list)).toEqual({
      message: `No usable AWS credentials (Could not load credentials from any providers): ${credentialHelp}.`,
      exitCode: ExitCode.access,
    });
    const token = sdkError('TokenProviderError', 'SSO session expired');
    expect(described(token, list, { ...context, profile: 'audit' })).toEqual({
      message: `No usable AWS credentials for profile "audit" (SSO session expired): ${credentialHelp}.`,
      exitCode: ExitCode.access,
    });
  });

  it('says AWS rejected the credentials, naming what was being read', () => {
    for (const name of ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'TokenRefreshRequired']) {
      expect(described(sdkError(name, 'no'), get), name).toEqual({
        message: `AWS rejected the credentials while reading s3://exports/appflow/ws-computers/run/part-0 (${name}: no): ${credentialHelp}.`,
        exitCode: ExitCode.access,
      });
    }
  });

  it('says a bucket does not exist as "nothing usable"', () => {
    expect(described(sdkError('NoSuchBucket', 'gone'), list)).toEqual({
      message: 'Bucket "exports" does not exist (NoSuchBucket at http://127.0.0.1:9000).',
      exitCode: ExitCode.nothingUsable,
    });
  });

  it('names the permission a denied list or read needs, by name or by a bare 403', () => {
    const listing = {
      message: 'Access denied listing s3://exports/appflow/: the credentials need s3:ListBucket on arn:aws:s3:::exports.',
      exitCode: ExitCode.access,
    };
    expect(described(sdkError('AccessDenied', 'Access Denied'), list)).toEqual(listing);
    expect(described(sdkError('UnknownError', '', { status: 403 }), list)).toEqual(listing);
    expect(described(sdkError('AccessDenied', 'Access Denied', { status: 403 }), get)).toEqual({
      message:
        'Access denied reading s3://exports/appflow/ws-computers/run/part-0: ' +
        'the credentials need s3:GetObject on arn:aws:s3:::exports/appflow/ws-computers/run/part-0.',
      exitCode: ExitCode.access,
    });
  });

  it('takes a status only when it is a number', () => {
    const message = described(sdkError('UnknownError', 'odd', { status: '403' }), list).message;
    expect(message).toBe('Reading s3://exports/appflow/ failed: UnknownError: odd');
  });

  it('tells the user to run again when a body broke off, a key vanished or changed after listing', () => {
    expect(described(new TransferError('received 512 of 1024 bytes'), get)).toEqual({
      message:
        'The connection to http://127.0.0.1:9000 failed (received 512 of 1024 bytes) while reading ' +
        's3://exports/appflow/ws-computers/run/part-0; run the load again.',
      exitCode: ExitCode.failed,
    });
    expect(described(sdkError('NoSuchKey', 'gone'), get).message).toBe(
      's3://exports/appflow/ws-computers/run/part-0 was deleted after it was listed; run the load again.',
    );
    expect(described(sdkError('PreconditionFailed', 'etag'), get).message).toBe(
      's3://exports/appflow/ws-computers/run/part-0 changed after it was listed (its ETag no longer matches); run the load again.',
    );
  });

  it('does not speak of a listed key when a listing fails with NoSuchKey or PreconditionFailed', () => {
    expect(described(sdkError('NoSuchKey', 'gone'), list).message).toBe('Reading s3://exports/appflow/ failed: NoSuchKey: gone');
    expect(described(sdkError('PreconditionFailed', 'etag'), list).message).toBe(
      'Reading s3://exports/appflow/ failed: PreconditionFailed: etag',
    );
  });

  it('tells an endpoint it cannot reach from a connection that broke', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']) {
      expect(described(sdkError('Error', 'connect', { code }), list).message, code).toBe(
        `Cannot reach http://127.0.0.1:9000 (${code}) while reading s3://exports/appflow/.`,
      );
    }
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']) {
      expect(described(sdkError('Error', 'socket', { code }), get).message, code).toBe(
        `The connection to http://127.0.0.1:9000 failed (${code}) while reading s3://exports/appflow/ws-computers/run/part-0; run the load again.`,
      );
    }
    expect(described(sdkError('TimeoutError', 'slow'), list)).toEqual({
      message: 'The connection to http://127.0.0.1:9000 failed (TimeoutError) while reading s3://exports/appflow/; run the load again.',
      exitCode: ExitCode.failed,
    });
  });

  it('falls back to the name and the message on one line, for codes it does not know or that are no string', () => {
    expect(described(sdkError('Error', 'odd  failure\n\twith\r\nlines ', { code: 'EWHATEVER' }), list)).toEqual({
      message: 'Reading s3://exports/appflow/ failed: Error: odd failure with lines',
      exitCode: ExitCode.failed,
    });
    expect(described(sdkError('Error', 'numeric', { code: 104 }), list).message).toBe('Reading s3://exports/appflow/ failed: Error: numeric');
    expect(described('a thrown string', list).message).toBe('Reading s3://exports/appflow/ failed: Error: a thrown string');
    expect(described(null, list).message).toBe('Reading s3://exports/appflow/ failed: Error: null');
  });

  it('scrubs what the SDK wrote, keeps the cause, and passes a SourceError through as it is', () => {
    const cause = sdkError('Error', 'GET http://user:s3cr3t@host/x failed');
    const error = describeS3Error(cause, list, context);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.name).toBe('SourceError');
    expect(error.message).toBe('Reading s3://exports/appflow/ failed: Error: GET http://user:***@host/x failed');
    expect(error.cause).toBe(cause);
    const already = new SourceError('already said', { exitCode: ExitCode.nothingUsable });
    expect(describeS3Error(already, get, context)).toBe(already);
    expect(new SourceError('plain').exitCode).toBe(ExitCode.failed);
  });
});
