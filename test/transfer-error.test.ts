import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors';
import { TransferError } from '../src/source/transfer-error';

describe('a body that did not arrive whole', () => {
  it('says why in short, under its own name, and fails the load', () => {
    const error = new TransferError('received 512 of 1024 bytes');
    expect(error.message).toBe('the transfer broke off (received 512 of 1024 bytes)');
    expect(error.name).toBe('TransferError');
    expect(error.exitCode).toBe(ExitCode.failed);
    expect(error.reason).toBe('received 512 of 1024 bytes');
  });

  it('is named by the socket error code, else by the error class, else as a lost connection', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(TransferError.fromBodyError(reset).reason).toBe('ECONNRESET');
    expect(TransferError.fromBodyError(reset).cause).toBe(reset);
    expect(TransferError.fromBodyError(new TypeError('terminated')).reason).toBe('TypeError');
    expect(TransferError.fromBodyError(new Error('aborted')).reason).toBe('connection lost');
    expect(TransferError.fromBodyError(Object.assign(new Error('x'), { code: 42 })).reason).toBe('connection lost');
    expect(TransferError.fromBodyError(null).reason).toBe('connection lost');
    expect(TransferError.fromBodyError('a string').message).toBe('the transfer broke off (connection lost)');
  });
});
