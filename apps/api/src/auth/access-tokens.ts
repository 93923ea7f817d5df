import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

export interface AccessToken {
  token: string;
  expiresAt: Date;
}

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

const ISSUER = 'mrc-network';

/**
 * Short-lived access tokens (JWT, HS256) naming a user and a session. They carry no role: every
 * request looks the session and the user up, so a deactivation or a role change applies at once.
 */
@Injectable()
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = config.auth.secret ? new TextEncoder().encode(config.auth.secret) : randomBytes(32);
  }

  async issue(claims: AccessClaims): Promise<AccessToken> {
    const expiresAt = new Date(Date.now() + this.config.auth.accessTokenTtlSeconds * 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  async read(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
      return { userId: payload.sub, sessionId: payload.sid };
    } catch {
      return null;
    }
  }
}
