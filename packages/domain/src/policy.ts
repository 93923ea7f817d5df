import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import { CENTRE_CONTACT_FIELDS } from './network.js';
import type { Role } from './role.js';

/**
 * Who may do what: the one policy of the platform. The API enforces it on every query and
 * mutation; the dashboard reads the same rules to hide what a user may not do.
 *
 * - Regional administrators may do everything.
 * - District coordinators read the network and write only their own centre's data: its contacts,
 *   spaces, equipment, clubs and program runs. The catalogue (club types, programs) and the shape
 *   of the network (centres, names, parents) are the region's.
 * - Analysts read the whole network and write nothing.
 * Rollout items are read by all; a district's coordinator moves its own, the region plans them.
 * Activity reports are a centre's own: its coordinator writes them and reads no other centre's;
 * administrators review them; analysts read them all.
 * Users and the audit trail are administrators' business; everyone may read their own account.
 * Aggregates over the whole network (Analytics) are for analysts and administrators.
 * Saved workbench queries (SavedQuery) are analysts' and administrators': each keeps their own and
 * reads those shared; only the owner changes or deletes one (the API checks the owner).
 */
export const POLICY_ACTIONS = ['read', 'create', 'update', 'manage'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const POLICY_SUBJECTS = [
  'Centre',
  'Space',
  'Equipment',
  'ClubType',
  'Club',
  'Program',
  'ProgramRun',
  'Report',
  'RolloutItem',
  'User',
  'AuditEntry',
  'Analytics',
  'SavedQuery',
  'all',
] as const;
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

/** What everyone signed in may read: the network and its catalogue are open to all roles. */
const NETWORK_SUBJECTS: PolicySubjectType[] = ['Centre', 'Space', 'Equipment', 'ClubType', 'Club', 'Program', 'ProgramRun', 'RolloutItem'];

/** Records that belong to one centre, which that centre's coordinator keeps. */
const CENTRE_OWNED_SUBJECTS: PolicySubjectType[] = ['Space', 'Equipment', 'Club', 'ProgramRun'];

export function defineAbilityFor(user: PolicyUser | null): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (!user) return build();
  switch (user.role) {
    case 'REGIONAL_ADMIN':
      can('manage', 'all');
      break;
    case 'DISTRICT_COORDINATOR':
      can('read', NETWORK_SUBJECTS);
      if (user.centreId) {
        can('update', 'Centre', [...CENTRE_CONTACT_FIELDS], { id: user.centreId });
        can(['create', 'update'], CENTRE_OWNED_SUBJECTS, { centreId: user.centreId });
        can(['read', 'create', 'update'], 'Report', { centreId: user.centreId });
        // The district runs its rollout items (gates, notes, steps); the region plans and cancels them (rollout.ts).
        can('update', 'RolloutItem', { centreId: user.centreId });
      }
      can('read', 'User', { id: user.id });
      break;
    case 'ANALYST':
      can('read', [...NETWORK_SUBJECTS, 'Report', 'Analytics']);
      can(['read', 'create', 'update'], 'SavedQuery');
      can('read', 'User', { id: user.id });
      break;
  }
  return build();
}
