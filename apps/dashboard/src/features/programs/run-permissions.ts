import { subject } from '@casl/ability';
import type { AppAbility } from '@mrc/domain';

/**
 * Runs belong to a centre: administrators schedule and change them anywhere, a coordinator at their
 * own centre. The same policy (@mrc/domain) decides on the API.
 */
export function canScheduleRuns(ability: AppAbility): boolean {
  return ability.can('create', 'ProgramRun');
}

export function canScheduleAt(ability: AppAbility, centreId: string): boolean {
  return ability.can('create', subject('ProgramRun', { centreId }));
}

export function canChangeRunAt(ability: AppAbility, centreId: string): boolean {
  return ability.can('update', subject('ProgramRun', { centreId }));
}
