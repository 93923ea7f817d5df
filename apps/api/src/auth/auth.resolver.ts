import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import type { RequestContext } from '../graphql/request-context.js';
import { User } from '../users/dto/user.object.js';
import { toUser } from '../users/user.mapper.js';
import type { Actor } from './actor.js';
import { AuthService, type SignedIn } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import { LoginInput, LogoutPayload, SessionPayload } from './dto/session.objects.js';
import { Policy, Public } from './policy.decorators.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => SessionPayload, {
    description:
      'Signs in. A wrong email, a wrong password and a deactivated account get the same UNAUTHENTICATED answer; repeated failures get RATE_LIMITED with `retryAfter`.',
  })
  async login(@Args('input', { description: 'The credentials.' }) input: LoginInput, @Context() context: RequestContext): Promise<SessionPayload> {
    const signedIn = await this.auth.login(input.email, input.password, context.req.ip ?? 'unknown', context.requestId);
    context.signIns.onlyRecorded = true;
    return this.respond(signedIn, context);
  }

  @Public()
  @Mutation(() => SessionPayload, {
    description: 'Renews the access token from the session cookie, and replaces the cookie. UNAUTHENTICATED when the session has ended.',
  })
  async refreshSession(@Context() context: RequestContext): Promise<SessionPayload> {
    try {
      const renewed = await this.auth.refresh(readRefreshCookie(context.req), context.requestId);
      // Renewed, not refused: a refusal may have revoked the session, which moves the data version.
      context.signIns.onlyRecorded = true;
      return this.respond(renewed, context);
    } catch (error) {
      clearRefreshCookie(context.res);
      throw error;
    }
  }

  @Policy('read', 'User')
  @Mutation(() => LogoutPayload, { description: 'Ends this session at once, here and for its access tokens.' })
  async logout(@CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<LogoutPayload> {
    await this.auth.logout(actor);
    clearRefreshCookie(context.res);
    return { ok: true };
  }

  @Policy('read', 'User')
  @Query(() => User, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor): User {
    return toUser(actor.user);
  }

  private respond(signedIn: SignedIn, context: RequestContext): SessionPayload {
    if (signedIn.refreshToken) {
      setRefreshCookie(context.req, context.res, this.config, signedIn.refreshToken, signedIn.sessionExpiresAt);
    }
    return { accessToken: signedIn.access.token, accessTokenExpiresAt: signedIn.access.expiresAt, user: toUser(signedIn.user) };
  }
}
