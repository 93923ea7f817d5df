import { ROLLOUT_GATES, type PolicyUser, type RolloutGate } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { fieldErrors, fieldProblemCodes } from '../../app/apollo/error-details';
import type { FieldProblems } from '../../app/ui/field-problems';
import type { SessionUser } from '../auth/session-store';

function isGate(value: string): value is RolloutGate {
  return (ROLLOUT_GATES as readonly string[]).includes(value);
}

/** "Leader assigned, First meeting held" from the API's "LEADER_ASSIGNED, FIRST_MEETING_HELD". */
export function gateNames(gates: string, t: TFunction): string {
  return gates
    .split(',')
    .map((gate) => gate.trim())
    .filter(Boolean)
    .map((gate) => (isGate(gate) ? t(`rollout.gate.${gate}`) : gate))
    .join(', ');
}

/**
 * A refusal's problems per field. Those whose code the page knows are worded here (gates by their
 * names in the UI language); the rest keep the API's message, which is said in the UI language too.
 */
export function rolloutProblems(error: unknown, t: TFunction): FieldProblems {
  const problems: FieldProblems = fieldErrors(error);
  for (const [path, { code, params }] of Object.entries(fieldProblemCodes(error))) {
    if (code === 'gatesOpen') problems[path] = t('rollout.problem.gatesOpen', { gates: gateNames(params['gates'] ?? '', t) });
    else if (code === 'reasonNeeded') problems[path] = t('rollout.problem.reasonNeeded');
    else if (code === 'launchedKeepsGates') problems[path] = t('rollout.problem.launchedKeepsGates');
    else if (code === 'notInFuture' && path === 'launchedOn') problems[path] = t('rollout.problem.launchNotInFuture');
  }
  return problems;
}

/** The signed-in person as the domain's rules take them. */
export function policyUserOf(user: SessionUser | null): PolicyUser | null {
  return user ? { id: user.id, role: user.role, centreId: user.centre?.id ?? null } : null;
}
