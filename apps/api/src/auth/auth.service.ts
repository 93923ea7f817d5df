import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { UnauthenticatedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { DataVersion } from '../graphql/data-version.js';
import { UserEntity } from '../users/user.entity.js';
import { type AccessToken, AccessTokens } from './access-tokens.js';
import { type AuthChange, AuthChanges } from './auth-changes.js';
import { type Actor, actorFor } from './actor.js';
import { PasswordService } from './passwords.js';
import { RateLimits } from './rate-limits.js';
import { SessionEntity } from './session.entity.js';

export interface SignedIn {
  access: AccessToken;
  user: UserEntity;
  /** The new refresh cookie value: `<session id>.<secret>`; null when the cookie stays as it is. */
  refreshToken: string | null;
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
  /**
   * Sessions found valid, believed without asking PostgreSQL again: until the session expires,
   * PostgreSQL tells of a change to it or its account (AuthChanges: a sign-out, a deactivation, a
   * role change, through any process or by hand), a mutation writes in this process (DataVersion:
   * here the news is at once, the notification a moment later), or SESSION_CACHE_SECONDS pass.
   * While this process cannot hear PostgreSQL nothing is believed: every request checks.
   */
  private readonly beliefs: LRUCache<string, Belief> | null;
  /** The believed sessions of each account, so that news of an account forgets its sessions without a scan. */
  private readonly believedOfUser = new Map<string, Set<string>>();
  /**
   * Lookups running now, by session. A burst of one session's requests (the overview's documents
   * together, many tabs, a script) arriving when nothing is believed shares one lookup instead of
   * sending one each; under load they would all queue for the same pool.
   */
  private readonly lookups = new Map<string, Lookup>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccessTokens,
    private readonly passwords: PasswordService,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
    private readonly dataVersion: DataVersion,
    private readonly changes: AuthChanges,
  ) {
    const seconds = config.auth.sessionCacheSeconds;
    this.beliefs =
      seconds > 0
        ? new LRUCache<string, Belief>({
            max: 10_000,
            ttl: seconds * 1000,
            dispose: (belief, sessionId) => {
              const sessions = this.believedOfUser.get(belief.user.id);
              sessions?.delete(sessionId);
              if (sessions?.size === 0) this.believedOfUser.delete(belief.user.id);
            },
          })
        : null;
    changes.onChange((change) => this.forget(change));
  }

  async login(email: string, password: string, address: string, requestId: string): Promise<SignedIn> {
    const normalised = email.trim().toLowerCase();
    await this.limits.beforePasswordCheck(normalised, address);
    const found = await this.dataSource.getRepository(UserEntity).findOneBy({ email: normalised });
    // Always one Argon2 verification, against a dummy hash when there is no account: equal timing.
    const passwordMatches = await this.passwords.verify(found?.passwordHash, password);
    if (!found || !passwordMatches || !found.active) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    await this.limits.passwordAccepted(normalised);

    return this.dataSource.transaction(async (manager) => {
      // The password was checked outside the transaction (it is slow); a reset or a deactivation
      // that committed meanwhile must win, or the old password would open a fresh session.
      const user = await manager.findOne(UserEntity, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      if (!user?.active || user.passwordHash !== found.passwordHash) throw new UnauthenticatedError(WRONG_CREDENTIALS);
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
      const presented = hash(secret);
      // The secret the last refresh replaced, within seconds of it: two tabs refreshed together.
      // The other tab already holds the new cookie (the browser shares it), so answer without rotating.
      const raced =
        presented === session.previousTokenHash &&
        session.rotatedAt !== null &&
        Date.now() - session.rotatedAt.getTime() < this.config.auth.refreshRaceSeconds * 1000;
      if (presented !== session.tokenHash && !raced) {
        if (presented === session.previousTokenHash) {
          // A replaced secret, long after: someone holds a copy of this cookie. End the session for everyone.
          await manager.update(SessionEntity, session.id, { revokedAt: new Date(), revokedReason: 'refresh token reused' });
        }
        return { refused: true as const };
      }
      const user = await manager.findOneBy(UserEntity, { id: session.userId });
      if (!user?.active) return { refused: true as const };
      const next = raced ? null : newSecret();
      if (next) {
        await manager.update(SessionEntity, session.id, {
          tokenHash: hash(next),
          previousTokenHash: session.tokenHash,
          rotatedAt: new Date(),
          lastUsedAt: new Date(),
        });
      }
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
          refreshToken: next ? `${session.id}.${next}` : null,
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
   * holds (expired, signed out, deactivated). One SQL statement, shared by the requests that need it
   * at the same moment; none while the session is believed.
   */
  async actorForToken(token: string, request: { requestId: string; address: string }): Promise<Actor | 'invalid'> {
    const claims = await this.tokens.read(token);
    if (!claims) return 'invalid';
    const belief = this.beliefs?.get(claims.sessionId);
    if (belief && belief.user.id === claims.userId && this.holds(belief)) return actorFor(belief.user, claims.sessionId, request);
    // With no belief at all (SESSION_CACHE_SECONDS=0) every request reads for itself, as configured.
    const found = this.beliefs ? await this.sharedLookup(claims) : await this.sessionUser(claims);
    if (!found) return 'invalid';
    return actorFor(found.user, claims.sessionId, request);
  }

  /**
   * Nothing is believed while nothing can be heard. An answer kept meanwhile is forgotten when
   * listening starts again (AuthChanges tells 'all'), with any lookup still running then.
   */
  private holds(belief: Belief): boolean {
    return this.changes.listening && belief.version === this.dataVersion.current && belief.expiresAt > Date.now();
  }

  /**
   * One lookup for the requests of a session that arrive while it runs. Its answer is believed only
   * if nothing was heard of the session, its account or this process's writes while it ran: the
   * lookup may have read from before that change.
   */
  private sharedLookup(claims: { userId: string; sessionId: string }): Promise<LiveSession | null> {
    const key = claims.sessionId;
    const running = this.lookups.get(key);
    if (running && running.userId === claims.userId && !running.spoiled && running.version === this.dataVersion.current) return running.answer;
    const lookup: Lookup = { userId: claims.userId, sessionId: claims.sessionId, version: this.dataVersion.current, spoiled: false, answer: Promise.resolve(null) };
    lookup.answer = this.sessionUser(claims)
      .then((found) => {
        if (found && !lookup.spoiled && lookup.version === this.dataVersion.current) {
          this.believe(key, { ...found, version: lookup.version });
        }
        return found;
      })
      .finally(() => {
        if (this.lookups.get(key) === lookup) this.lookups.delete(key);
      });
    this.lookups.set(key, lookup);
    return lookup.answer;
  }

  private believe(sessionId: string, belief: Belief): void {
    if (!this.beliefs) return;
    this.beliefs.set(sessionId, belief);
    const sessions = this.believedOfUser.get(belief.user.id) ?? new Set<string>();
    sessions.add(sessionId);
    this.believedOfUser.set(belief.user.id, sessions);
  }

  /** What PostgreSQL told of: the beliefs it may have made wrong go, and so does any lookup running for them. */
  private forget(change: AuthChange): void {
    for (const lookup of this.lookups.values()) {
      if (change === 'all' || ('session' in change ? change.session === lookup.sessionId : change.user === lookup.userId)) lookup.spoiled = true;
    }
    if (!this.beliefs) return;
    if (change === 'all') return this.beliefs.clear();
    if ('session' in change) return void this.beliefs.delete(change.session);
    for (const sessionId of [...(this.believedOfUser.get(change.user) ?? [])]) this.beliefs.delete(sessionId);
  }

  /** The user of a session that is live: not revoked, not expired, its user active; with when the session expires. */
  private async sessionUser(claims: { userId: string; sessionId: string }): Promise<LiveSession | null> {
    const { entities, raw } = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(SessionEntity, 's', 's.user_id = u.id')
      .addSelect('s.expires_at', 'session_expires_at')
      .where('u.id = :userId AND s.id = :sessionId', claims)
      .andWhere('u.active AND s.revoked_at IS NULL AND s.expires_at > now()')
      .getRawAndEntities<{ session_expires_at: Date }>();
    const user = entities[0];
    return user ? { user, expiresAt: new Date(raw[0]!.session_expires_at).getTime() } : null;
  }
}

/** A live session's user, and when the session expires (ms since the epoch). */
interface LiveSession {
  user: UserEntity;
  expiresAt: number;
}

/** A session believed live, under the data version it was read at. */
interface Belief extends LiveSession {
  version: number;
}

interface Lookup {
  userId: string;
  sessionId: string;
  /** The data version when it began. */
  version: number;
  /** Something was heard of its session or account while it ran: its answer serves its callers but is not believed. */
  spoiled: boolean;
  answer: Promise<LiveSession | null>;
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Refresh secrets are random and long: a fast hash suffices (no password to guess). */
function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
