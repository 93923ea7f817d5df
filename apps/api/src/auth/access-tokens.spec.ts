import { createHmac } from 'node:crypto';
import { describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../config/env.js';
import { AccessTokens } from './access-tokens.js';

const SECRET = 'a-test-secret-of-enough-length-for-hs256-000000';

/** `secret: undefined` is AUTH_SECRET unset: a random secret per process. */
function tokens({ secret }: { secret: string | undefined } = { secret: SECRET }): AccessTokens {
  return new AccessTokens({ auth: { secret, accessTokenTtlSeconds: 900 } } as AppConfig);
}

/** A JWT written by hand: any header and claims, signed with HMAC (SHA-256 unless told) under `secret`. */
function handMade(header: Record<string, unknown>, claims: Record<string, unknown>, secret = SECRET, hash = 'sha256'): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part(header)}.${part(claims)}`;
  return `${body}.${createHmac(hash, secret).update(body).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const valid = () => ({ sub: 'user-1', sid: 'session-1', iss: 'mrc-network', iat: now(), exp: now() + 60 });

describe('AccessTokens', () => {
  it('reads back the user and session of a token it issued, which expires after the configured time', async () => {
    const issued = await tokens().issue({ userId: 'user-1', sessionId: 'session-1' });
    expect(await tokens().read(issued.token)).toEqual({ userId: 'user-1', sessionId: 'session-1' });
    expect(Math.abs(issued.expiresAt.getTime() - (Date.now() + 900_000))).toBeLessThan(5_000);
  });

  it('reads a token written by any HS256 implementation with the same claims', async () => {
    expect(await tokens().read(handMade({ alg: 'HS256', typ: 'JWT' }, valid()))).toEqual({ userId: 'user-1', sessionId: 'session-1' });
  });

  it.each([
    ['signed with another secret', handMade({ alg: 'HS256' }, valid(), 'another-secret-another-secret-another-secret')],
    ['expired', handMade({ alg: 'HS256' }, { ...valid(), exp: now() - 60 })],
    ['without an expiry', handMade({ alg: 'HS256' }, { ...valid(), exp: undefined })],
    ['without a subject', handMade({ alg: 'HS256' }, { ...valid(), sub: undefined })],
    ['without a session', handMade({ alg: 'HS256' }, { ...valid(), sid: undefined })],
    ['from another issuer', handMade({ alg: 'HS256' }, { ...valid(), iss: 'someone-else' })],
    ['without an issuer', handMade({ alg: 'HS256' }, { ...valid(), iss: undefined })],
    ['not yet valid', handMade({ alg: 'HS256' }, { ...valid(), nbf: now() + 60 })],
    ['of another algorithm, rightly signed for it', handMade({ alg: 'HS512' }, valid(), SECRET, 'sha512')],
    ['unsigned (alg none)', `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(valid())).toString('base64url')}.`],
    ['not a JWT at all', 'not-a-token'],
  ])('refuses a token %s', async (_, token) => {
    expect(await tokens().read(token)).toBeNull();
  });

  it('refuses a token it has read before once that token has expired: the verifier remembers none past its expiry', async () => {
    const reader = tokens();
    const token = handMade({ alg: 'HS256' }, { ...valid(), exp: now() + 2 });
    expect(await reader.read(token)).not.toBeNull();
    expect(await reader.read(token)).not.toBeNull();
    const later = Date.now() + 5_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => later);
    try {
      expect(await reader.read(token)).toBeNull();
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses a token issued under a random secret once the process has another one', async () => {
    const issuer = tokens({ secret: undefined });
    const issued = await issuer.issue({ userId: 'user-1', sessionId: 'session-1' });
    expect(await issuer.read(issued.token)).not.toBeNull();
    expect(await tokens({ secret: undefined }).read(issued.token)).toBeNull();
  });
});
