import { subject } from '@casl/ability';
import type { AppAbility } from '@mrc/domain';

/**
 * The questions the dashboard asks the shared policy (@mrc/domain's defineAbilityFor), named once so
 * the navigation and the routes cannot disagree. The API asks the same policy and refuses anyway.
 */
export type PermissionCheck = (ability: AppAbility) => boolean;

/** Everyone may read their own account; listing and changing others' is the administrators'. */
export const canManageUsers: PermissionCheck = (ability) => ability.can('manage', 'User');

export const canReadAudit: PermissionCheck = (ability) => ability.can('read', 'AuditEntry');

/** The records a centre keeps, which its own coordinator may add and change. */
export type CentreRecordType = 'Space' | 'Equipment' | 'Club' | 'ProgramRun';

/** Close and reopen centres, and change their names, kind, place in the tree: the region's work. */
export const canManageCentres: PermissionCheck = (ability) => ability.can('manage', 'Centre');

/** Add a centre to the network under the regional centre: the region's work too. */
export const canAddCentres: PermissionCheck = (ability) => ability.can('create', 'Centre');

/** Change some field of this centre: every field for an administrator, the contacts for its own coordinator. */
export function canEditCentre(ability: AppAbility, centreId: string, field?: string): boolean {
  return ability.can('update', subject('Centre', { id: centreId }), field);
}

/** Add a space, equipment, club or program run at this centre. */
export function canAddAtCentre(ability: AppAbility, type: CentreRecordType, centreId: string): boolean {
  return ability.can('create', subject(type, { centreId }));
}

/** Change (and close or reopen) a record of this centre. */
export function canEditAtCentre(ability: AppAbility, type: CentreRecordType, centreId: string): boolean {
  return ability.can('update', subject(type, { centreId }));
}

/** Approve, return and reopen reports: the regional centre's review. */
export const canReviewReports: PermissionCheck = (ability) => ability.can('manage', 'Report');

/**
 * Read every centre's reports (the completeness grid, the network's rates): administrators and
 * analysts. A coordinator's rule is limited to their own centre, so it has conditions.
 */
export const canReadAllReports: PermissionCheck = (ability) =>
  ability.rulesFor('read', 'Report').some((rule) => !rule.inverted && !rule.conditions);

/** Write this centre's reports: its own coordinator, or an administrator. */
export function canWriteReports(ability: AppAbility, centreId: string): boolean {
  return ability.can('update', subject('Report', { centreId }));
}

/** Read this centre's reports. */
export function canReadReports(ability: AppAbility, centreId: string): boolean {
  return ability.can('read', subject('Report', { centreId }));
}

/**
 * Aggregates over the whole network and the query workbench: analysts and administrators. The API
 * refuses a coordinator's `analytics` with FORBIDDEN anyway.
 */
export const canReadAnalytics: PermissionCheck = (ability) => ability.can('read', 'Analytics');
