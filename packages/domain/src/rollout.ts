import type { PolicyUser } from './policy.js';

/**
 * The rollout of clubs to the districts (issue 6): one item per club type and district centre, moving
 * PLANNED → PREPARING → LAUNCHED → ACTIVE, or PAUSED / CANCELLED with a reason. Pure functions: the
 * API enforces exactly what the dashboard offers.
 */
export const ROLLOUT_STATUSES = ['PLANNED', 'PREPARING', 'LAUNCHED', 'ACTIVE', 'PAUSED', 'CANCELLED'] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

/** What must be true before a club launches in a district. */
export const ROLLOUT_GATES = ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'] as const;
export type RolloutGate = (typeof ROLLOUT_GATES)[number];

export const ROLLOUT_ACTIONS = ['PREPARE', 'LAUNCH', 'ACTIVATE', 'PAUSE', 'RESUME', 'CANCEL', 'REVIVE'] as const;
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number];

/** The statuses in which the club is running in the district. */
export const LAUNCHED_STATUSES: readonly RolloutStatus[] = ['LAUNCHED', 'ACTIVE'];

/** Not launched yet and still meant to: such an item is late once its planned day has passed (isRolloutLate). */
export const NOT_YET_LAUNCHED_STATUSES: readonly RolloutStatus[] = ['PLANNED', 'PREPARING'];

export interface RolloutState {
  status: RolloutStatus;
  gates: readonly RolloutGate[];
  /** The day it launched; kept through a pause, so a resumed club goes back to ACTIVE. */
  launchedOn: string | null;
  centreId: string;
}

/** Where each action leads from each status it may start from. RESUME is decided by launchedOn (see nextRolloutStatus). */
const TRANSITIONS: Record<Exclude<RolloutAction, 'RESUME'>, Partial<Record<RolloutStatus, RolloutStatus>>> = {
  PREPARE: { PLANNED: 'PREPARING' },
  LAUNCH: { PREPARING: 'LAUNCHED' },
  ACTIVATE: { LAUNCHED: 'ACTIVE' },
  PAUSE: { PREPARING: 'PAUSED', LAUNCHED: 'PAUSED', ACTIVE: 'PAUSED' },
  CANCEL: { PLANNED: 'CANCELLED', PREPARING: 'CANCELLED', LAUNCHED: 'CANCELLED', ACTIVE: 'CANCELLED', PAUSED: 'CANCELLED' },
  REVIVE: { CANCELLED: 'PLANNED' },
};

/** Actions that need a reason: stopping, and bringing back what was stopped. */
const NEEDS_REASON: readonly RolloutAction[] = ['PAUSE', 'CANCEL', 'REVIVE'];

/** What only the region decides: whether a district gets a club at all. The district runs the rest. */
const REGION_ONLY: readonly RolloutAction[] = ['CANCEL', 'REVIVE'];

export function nextRolloutStatus(item: Pick<RolloutState, 'status' | 'launchedOn'>, action: RolloutAction): RolloutStatus | null {
  if (action === 'RESUME') return item.status === 'PAUSED' ? (item.launchedOn ? 'ACTIVE' : 'PREPARING') : null;
  return TRANSITIONS[action][item.status] ?? null;
}

export function rolloutActionNeedsReason(action: RolloutAction): boolean {
  return NEEDS_REASON.includes(action);
}

export function openGates(gates: readonly RolloutGate[]): RolloutGate[] {
  return ROLLOUT_GATES.filter((gate) => !gates.includes(gate));
}

/** Why an action cannot be taken now, or null when it can. */
export type RolloutRefusal = 'notAllowedFromStatus' | 'gatesOpen' | 'reasonNeeded' | 'regionDecides' | 'notYourDistrict';

export function rolloutRefusal(item: RolloutState, action: RolloutAction, user: PolicyUser | null, reason: string | null | undefined): RolloutRefusal | null {
  if (!user || user.role === 'ANALYST') return 'notYourDistrict';
  if (user.role === 'DISTRICT_COORDINATOR') {
    if (user.centreId !== item.centreId) return 'notYourDistrict';
    if (REGION_ONLY.includes(action)) return 'regionDecides';
  }
  if (nextRolloutStatus(item, action) === null) return 'notAllowedFromStatus';
  // A club runs only with every gate met: launching, and resuming one that had launched.
  if ((action === 'LAUNCH' || (action === 'RESUME' && item.launchedOn !== null)) && openGates(item.gates).length > 0) return 'gatesOpen';
  if (rolloutActionNeedsReason(action) && !reason?.trim()) return 'reasonNeeded';
  return null;
}

/** The actions this person may take now, in the order the dashboard offers them (a reason is asked for where needed). */
export function allowedRolloutActions(item: RolloutState, user: PolicyUser | null): RolloutAction[] {
  return ROLLOUT_ACTIONS.filter((action) => rolloutRefusal(item, action, user, 'reason given') === null);
}

/** Gates and notes are kept by the district (its coordinator) and the region; not on a cancelled item. */
export function mayEditRolloutDetails(item: Pick<RolloutState, 'status' | 'centreId'>, user: PolicyUser | null): boolean {
  if (!user || item.status === 'CANCELLED') return false;
  return user.role === 'REGIONAL_ADMIN' || (user.role === 'DISTRICT_COORDINATOR' && user.centreId === item.centreId);
}

/** Late: the planned day has passed and the club has not launched (a paused or cancelled item is not late). */
export function isRolloutLate(item: { status: RolloutStatus; plannedOn: string | null }, today: string): boolean {
  return item.plannedOn !== null && item.plannedOn < today && NOT_YET_LAUNCHED_STATUSES.includes(item.status);
}

/**
 * When a club type will have reached every district it is planned for, at the pace so far: the
 * districts launched, divided by the days from the type's first launch (the regional centre's club
 * or the first district, whichever came first) to today, gives launches per day; the districts still
 * to go, divided by that pace, give the days left. Null when nothing has launched yet or the pace
 * is zero; today when nothing is left.
 */
export function forecastCompletion(input: { firstLaunchOn: string | null; launched: number; remaining: number; today: string }): string | null {
  if (input.remaining <= 0) return input.today;
  if (!input.firstLaunchOn || input.launched === 0) return null;
  const days = Math.max(1, daysBetween(input.firstLaunchOn, input.today));
  const perDay = input.launched / days;
  return addDays(input.today, Math.ceil(input.remaining / perDay));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
