import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../common/errors.js';
import type { RequestContext } from '../graphql/request-context.js';
import type { Actor } from './actor.js';

/** The signed-in actor of a guarded operation (PolicyGuard has already refused anonymous callers). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const { actor } = GqlExecutionContext.create(context).getContext<RequestContext>();
  if (!actor) throw new UnauthenticatedError();
  return actor;
});
