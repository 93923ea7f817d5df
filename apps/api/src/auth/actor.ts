import { subject } from '@casl/ability';
import { type AppAbility, defineAbilityFor, type PolicyAction, type PolicyRecord, type PolicySubjectType } from '@mrc/domain';
import { ForbiddenError } from '../common/errors.js';
import type { UserEntity } from '../users/user.entity.js';

/** The signed-in person behind a request, with what they may do. */
export interface Actor {
  user: UserEntity;
  sessionId: string;
  ability: AppAbility;
  /** The request's id, recorded with every audit entry it causes. */
  requestId: string;
  /** The client's address, for attempt counting. */
  address: string;
}

export function actorFor(user: UserEntity, sessionId: string, request: { requestId: string; address: string }): Actor {
  return { user, sessionId, ...request, ability: defineAbilityFor({ id: user.id, role: user.role, centreId: user.centreId }) };
}

/**
 * Refuses unless the actor may do this to this record. The guard checked the kind of record;
 * this checks the record itself (a coordinator's own centre, a user's own account).
 */
export function authorize(actor: Actor, action: PolicyAction, type: PolicySubjectType, record: PolicyRecord, field?: string): void {
  if (!actor.ability.can(action, subject(type, { ...record }), field)) throw new ForbiddenError();
}
