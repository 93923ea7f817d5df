import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { RequestContext } from '../graphql/request-context.js';
import { POLICY_KEY, PUBLIC_KEY, type RequiredPolicy } from './policy.decorators.js';

/**
 * The one authorization layer every query and mutation passes (registered globally in AuthModule):
 * anonymous callers get UNAUTHENTICATED unless the operation is @Public; the signed-in get
 * FORBIDDEN unless the shared policy (packages/domain/src/policy.ts) allows the operation's
 * @Policy. An operation with neither is refused: deny by default.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // HTTP routes (/health, the dashboard's files) are public by nature; GraphQL is what is guarded.
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const { actor, tokenRejected, rateLimited } = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (!actor) {
      throw new UnauthenticatedError(tokenRejected ? 'Your session has ended. Sign in again.' : 'Sign in to do this.');
    }
    if (rateLimited) throw rateLimited;
    const policy = this.reflector.getAllAndOverride<RequiredPolicy | undefined>(POLICY_KEY, targets);
    if (!policy) throw new ForbiddenError('No access policy covers this operation.');
    if (!actor.ability.can(policy.action, policy.subject)) throw new ForbiddenError();
    return true;
  }
}
