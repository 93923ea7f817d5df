import type { AppAbility } from '@mrc/domain';

/**
 * The questions the dashboard asks the shared policy (@mrc/domain's defineAbilityFor), named once so
 * the navigation and the routes cannot disagree. The API asks the same policy and refuses anyway.
 */
export type PermissionCheck = (ability: AppAbility) => boolean;

/** Everyone may read their own account; listing and changing others' is the administrators'. */
export const canManageUsers: PermissionCheck = (ability) => ability.can('manage', 'User');

export const canReadAudit: PermissionCheck = (ability) => ability.can('read', 'AuditEntry');
