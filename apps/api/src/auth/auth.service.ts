import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { UnauthenticatedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { UserEntity } from '../users/user.entity.js';
import { type AccessToken, AccessTokens } from './access-tokens.js';
import { type Actor, actorFor } from './actor.js';
import { PasswordService } from './passwords.js';
import { RateLimits } from './rate-limits.js';
import { SessionEntity } from './session.entity.js';

export interface SignedIn {
  access: AccessToken;
  user: UserEntity;
  /** The new refresh cookie value: `<session id>.<secret>`. */
  refreshToken: string;
  sessionExpiresAt: Date;
}

/** The same words for a wrong email, a wrong password and a deactivated account: no account enumeration. */
const WRONG_CREDENTIALS = 'The email or password is wrong.';

/**
 * Sign-in, sessions and the identity behind each request.
 *
 * A session is a row; its refresh secret (in an httpOnly cookie) is kept only as a hash and
 * replaced on every refresh. A secret that was already replaced coming back means the cookie was
 * copied: the whole session is revoked. Access tokens are short-lived and name the session, which
 * every request checks, so logout, deactivation and revocation take effect at once.
 */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccessTokens,
    private readonly passwords: PasswordService,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string, address: string, requestId: string): Promise<SignedIn> {
    const normalised = email.trim().toLowerCase();
    await this.limits.beforeSignIn(normalised, address);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: normalised });
    // Always one Argon2 verification, against a dummy hash when there is no account: equal timing.
    const passwordMatches = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !passwordMatches || !user.active) {
      await this.limits.signInFailed(normalised);
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    await this.limits.signInSucceeded(normalised);

    return this.dataSource.transaction(async (manager) => {
      const secret = newSecret();
      const session = await manager.save(
        manager.create(SessionEntity, {
          userId: user.id,
          tokenHash: hash(secret),
          lastUsedAt: new Date(),
          expiresAt: new Date(Date.now() + this.config.auth.sessionTtlDays * 86_400_000),
          revokedAt: null,
          revokedReason: null,
        }),
      );
      user.lastSignInAt = new Date();
      await manager.update(UserEntity, user.id, { lastSignInAt: user.lastSignInAt });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'LOGIN',
        entityType: 'Session',
        entityId: session.id,
        centreId: user.centreId,
        requestId,
      });
      return {
        access: await this.tokens.issue({ userId: user.id, sessionId: session.id }),
        user,
        refreshToken: `${session.id}.${secret}`,
        sessionExpiresAt: session.expiresAt,
      };
    });
  }

  /** Trades a refresh token for a new one and a new access token. */
  async refresh(refreshToken: string | undefined, requestId: string): Promise<SignedIn> {
    const [sessionId, secret] = (refreshToken ?? '').split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw new UnauthenticatedError('Sign in again.');

    const outcome = await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt || session.expiresAt <= new Date()) return { refused: true as const };
      if (session.tokenHash !== hash(secret)) {
        // An old secret: someone holds a copy of this cookie. End the session for everyone.
        await manager.update(SessionEntity, session.id, { revokedAt: new Date(), revokedReason: 'refresh token reused' });
        return { refused: true as const };
      }
      const user = await manager.findOneBy(UserEntity, { id: session.userId });
      if (!user?.active) return { refused: true as const };
      const next = newSecret();
      await manager.update(SessionEntity, session.id, { tokenHash: hash(next), lastUsedAt: new Date() });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'REFRESH_SESSION',
        entityType: 'Session',
        entityId: session.id,
        centreId: user.centreId,
        requestId,
      });
      return {
        refused: false as const,
        signedIn: {
          access: await this.tokens.issue({ userId: user.id, sessionId: session.id }),
          user,
          refreshToken: `${session.id}.${next}`,
          sessionExpiresAt: session.expiresAt,
        },
      };
    });
    // Thrown after the transaction, so a reuse revocation is committed, not rolled back.
    if (outcome.refused) throw new UnauthenticatedError('Sign in again.');
    return outcome.signedIn;
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(SessionEntity, actor.sessionId, { revokedAt: new Date(), revokedReason: 'signed out' });
      await this.audit.record(manager, {
        actorId: actor.user.id,
        action: 'LOGOUT',
        entityType: 'Session',
        entityId: actor.sessionId,
        centreId: actor.user.centreId,
        requestId: actor.requestId,
      });
    });
  }

  /**
   * Who is behind a request's bearer token: null for no token, a problem for a token that no longer
   * holds (expired, signed out, deactivated). One SQL statement.
   */
  async actorForToken(token: string, requestId: string): Promise<Actor | 'invalid'> {
    const claims = await this.tokens.read(token);
    if (!claims) return 'invalid';
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(SessionEntity, 's', 's.user_id = u.id')
      .where('u.id = :userId AND s.id = :sessionId', claims)
      .andWhere('u.active AND s.revoked_at IS NULL AND s.expires_at > now()')
      .getOne();
    return user ? actorFor(user, claims.sessionId, requestId) : 'invalid';
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Refresh secrets are random and long: a fast hash suffices (no password to guess). */
function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
