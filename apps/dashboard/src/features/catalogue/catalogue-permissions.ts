import type { PermissionCheck } from '../auth/permissions';

/**
 * The catalogue is the region's: every role reads it, only administrators change it. The same
 * policy (@mrc/domain) decides on the API, which refuses anyway.
 */
export const canEditClubTypes: PermissionCheck = (ability) => ability.can('create', 'ClubType');

export const canEditPrograms: PermissionCheck = (ability) => ability.can('create', 'Program');
