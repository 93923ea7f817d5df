import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../config/env.js';
import { AccessTokens } from './access-tokens.js';

describe('AccessTokens', () => {
  const tokens = () => new AccessTokens({ auth: { secret: 'access-tokens-spec-0123456789abcdef0123', accessTokenTtlSeconds: 60 } } as AppConfig);
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reads its own token again and again until the second it expires, then never', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-27T10:00:00.000Z') });
    const issuer = tokens();
    const { token, expiresAt } = await issuer.issue({ userId: 'user-1', sessionId: 'session-1' });
    expect(await issuer.read(token)).toEqual({ userId: 'user-1', sessionId: 'session-1' });
    jest.setSystemTime(expiresAt.getTime() - 1);
    expect(await issuer.read(token)).toEqual({ userId: 'user-1', sessionId: 'session-1' });
    // Read (and so kept) a moment ago; expired now all the same.
    jest.setSystemTime(expiresAt.getTime());
    expect(await issuer.read(token)).toBeNull();
  });

  it("refuses a token changed in one character, and another key's token, even after reading the real one", async () => {
    const issuer = tokens();
    const { token } = await issuer.issue({ userId: 'user-1', sessionId: 'session-1' });
    expect(await issuer.read(token)).not.toBeNull();
    // A character inside the signature (the last one holds padding bits too).
    const at = token.length - 10;
    const changed = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    expect(await issuer.read(changed)).toBeNull();
    const stranger = new AccessTokens({ auth: { secret: 'another-secret-0123456789abcdef0123456', accessTokenTtlSeconds: 60 } } as AppConfig);
    expect(await stranger.read(token)).toBeNull();
  });
});
