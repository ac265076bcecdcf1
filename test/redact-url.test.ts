import { describe, expect, it } from 'vitest';
import { redactEndpoint } from '../src/source/redact-url';

describe('an endpoint as messages show it', () => {
  it('keeps scheme, host, port and path, and hides user, password and query string', () => {
    expect(redactEndpoint('http://127.0.0.1:9000').shown).toBe('http://127.0.0.1:9000');
    expect(redactEndpoint('https://s3.example.com/base/').shown).toBe('https://s3.example.com/base/');
    expect(redactEndpoint('https://alice:s3cr3t-pw@s3.example.com:8443/x').shown).toBe('https://***@s3.example.com:8443/x');
    expect(redactEndpoint('https://alice@s3.example.com').shown).toBe('https://***@s3.example.com');
    expect(redactEndpoint('https://:s3cr3t-pw@s3.example.com').shown).toBe('https://***@s3.example.com');
    expect(redactEndpoint('https://s3.example.com/?X-Amz-Security-Token=tok3n-value').shown).toBe('https://s3.example.com?***');
  });

  it('names an endpoint that is no URL without quoting it, and scrubs it whole', () => {
    const redacted = redactEndpoint('not a url with s3cr3t');
    expect(redacted.shown).toBe('the configured endpoint (not a valid URL)');
    expect(redacted.scrub('failed at not a url with s3cr3t, twice: not a url with s3cr3t')).toBe('failed at ***, twice: ***');
  });
});

describe('scrubbing text that may quote an endpoint', () => {
  const endpoint = 'https://alice:p%40ss-w0rd@s3.example.com:8443/base?X-Amz-Security-Token=tok%2Fen-1234&a=b#frag-ment';
  const redacted = redactEndpoint(endpoint);
  const secrets = ['alice', 'p%40ss-w0rd', 'p@ss-w0rd', 'tok%2Fen-1234', 'tok/en-1234', 'frag-ment', 'X-Amz-Security-Token=tok/en-1234'];

  it('shows the whole URL, as given or as URL normalises it, as the endpoint shown', () => {
    expect(redacted.scrub(`connect ${endpoint} refused`)).toBe(`connect ${redacted.shown} refused`);
    const given = 'HTTPS://alice:Pw-long-1@S3.EXAMPLE.com/base?t=tok3n-9';
    const normalised = new URL(given).href;
    expect(normalised).toBe('https://alice:Pw-long-1@s3.example.com/base?t=tok3n-9');
    const mixed = redactEndpoint(given);
    expect(mixed.scrub(`GET ${normalised} then ${given}`)).toBe(`GET ${mixed.shown} then ${mixed.shown}`);
    expect(mixed.shown).toBe('https://***@s3.example.com/base?***');
  });

  it('replaces every secret piece quoted alone, encoded or decoded, with ***', () => {
    for (const secret of secrets) {
      const scrubbed = redacted.scrub(`the server said: ${secret}.`);
      expect(scrubbed, secret).toBe('the server said: ***.');
    }
  });

  it('leaves the text alone when it quotes no secret, and short pieces (a=b) as they are', () => {
    expect(redacted.scrub('a=b and s3.example.com:8443 are not secrets')).toBe('a=b and s3.example.com:8443 are not secrets');
  });

  it('replaces a longer piece before a shorter one inside it', () => {
    const scrubbed = redacted.scrub('query X-Amz-Security-Token=tok/en-1234 failed');
    expect(scrubbed).toBe('query *** failed');
  });

  it('shows a whole URL with only one kind of secret as the endpoint shown', () => {
    for (const only of ['https://alice:longpass1@s3.example.com', 'https://alice@s3.example.com', 'https://s3.example.com/?t=tok3n-9', 'https://s3.example.com/#frag-ment']) {
      const one = redactEndpoint(only);
      expect(one.scrub(`GET ${only} failed`), only).toBe(`GET ${one.shown} failed`);
    }
  });

  it('scrubs a query value as the text quotes it: decoded, or escaped the other way', () => {
    const spaced = redactEndpoint('https://s3.example.com/?t=tok+en-12');
    expect(spaced.scrub('value tok en-12 and tok%20en-12')).toBe('value *** and ***');
  });

  it('has nothing to scrub for an endpoint without secrets', () => {
    const plain = redactEndpoint('http://127.0.0.1:9000/');
    expect(plain.scrub('http://127.0.0.1:9000/ refused')).toBe('http://127.0.0.1:9000/ refused');
  });

  it('leaves a malformed escape in a secret as it is, still scrubbing the secret', () => {
    const odd = redactEndpoint('https://bob:bad%zzpass@s3.example.com');
    expect(odd.shown).toBe('https://***@s3.example.com');
    expect(odd.scrub('auth bad%zzpass rejected')).toBe('auth *** rejected');
  });
});
