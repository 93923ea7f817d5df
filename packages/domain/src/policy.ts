import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { Role } from './role.js';

/**
 * Who may do what: the one policy of the platform. The API enforces it on every query and
 * mutation; the dashboard reads the same rules to hide what a user may not do.
 *
 * - Regional administrators may do everything.
 * - District coordinators read the network and write only their own centre's data.
 * - Analysts read the whole network and write nothing.
 * Users and the audit trail are administrators' business; everyone may read their own account.
 */
export const POLICY_ACTIONS = ['read', 'create', 'update', 'manage'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const POLICY_SUBJECTS = ['Centre', 'User', 'AuditEntry', 'all'] as const;
export type PolicySubjectType = (typeof POLICY_SUBJECTS)[number];

/** The fields of a record the rules look at. */
export interface PolicyRecord {
  id?: string;
  centreId?: string | null;
}

export type AppAbility = MongoAbility<[PolicyAction, PolicySubjectType | (PolicyRecord & { __caslSubjectType__?: string })]>;

/** The signed-in person, as far as the policy cares. */
export interface PolicyUser {
  id: string;
  role: Role;
  /** A coordinator's centre; null for the other roles. */
  centreId: string | null;
}

export function defineAbilityFor(user: PolicyUser | null): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (!user) return build();
  switch (user.role) {
    case 'REGIONAL_ADMIN':
      can('manage', 'all');
      break;
    case 'DISTRICT_COORDINATOR':
      can('read', 'Centre');
      if (user.centreId) {
        can('update', 'Centre', { id: user.centreId });
      }
      can('read', 'User', { id: user.id });
      break;
    case 'ANALYST':
      can('read', 'Centre');
      can('read', 'User', { id: user.id });
      break;
  }
  return build();
}
