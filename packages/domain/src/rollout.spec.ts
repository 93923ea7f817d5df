import { describe, expect, it } from 'vitest';
import { allowedRolloutActions, forecastCompletion, isRolloutLate, mayEditRolloutDetails, nextRolloutStatus, type RolloutState, rolloutRefusal } from './rollout.js';

const admin = { id: 'a', role: 'REGIONAL_ADMIN' as const, centreId: null };
const temirtau = { id: 't', role: 'DISTRICT_COORDINATOR' as const, centreId: 'temirtau' };
const analyst = { id: 'x', role: 'ANALYST' as const, centreId: null };
const ALL_GATES = ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'] as const;

const item = (overrides: Partial<RolloutState> = {}): RolloutState => ({ status: 'PLANNED', gates: [], launchedOn: null, centreId: 'temirtau', ...overrides });

describe('rollout transitions', () => {
  it('moves PLANNED → PREPARING → LAUNCHED → ACTIVE', () => {
    expect(nextRolloutStatus(item(), 'PREPARE')).toBe('PREPARING');
    expect(nextRolloutStatus(item({ status: 'PREPARING' }), 'LAUNCH')).toBe('LAUNCHED');
    expect(nextRolloutStatus(item({ status: 'LAUNCHED' }), 'ACTIVATE')).toBe('ACTIVE');
  });

  it('resumes a paused item where it was: ACTIVE once launched, PREPARING before', () => {
    expect(nextRolloutStatus(item({ status: 'PAUSED', launchedOn: '2026-05-01' }), 'RESUME')).toBe('ACTIVE');
    expect(nextRolloutStatus(item({ status: 'PAUSED' }), 'RESUME')).toBe('PREPARING');
    expect(nextRolloutStatus(item({ status: 'ACTIVE' }), 'RESUME')).toBeNull();
  });

  it('resumes a launched club only with every gate met again', () => {
    const paused = item({ status: 'PAUSED', launchedOn: '2026-05-01', gates: ['SPACE_READY'] });
    expect(rolloutRefusal(paused, 'RESUME', admin, null)).toBe('gatesOpen');
    expect(rolloutRefusal({ ...paused, gates: ALL_GATES }, 'RESUME', admin, null)).toBeNull();
    expect(rolloutRefusal(item({ status: 'PAUSED' }), 'RESUME', admin, null)).toBeNull();
  });

  it('refuses launching with a gate open, stopping or reviving without a reason, and skipping steps', () => {
    const preparing = item({ status: 'PREPARING', gates: ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE'] });
    expect(rolloutRefusal(preparing, 'LAUNCH', admin, null)).toBe('gatesOpen');
    expect(rolloutRefusal({ ...preparing, gates: ALL_GATES }, 'LAUNCH', admin, null)).toBeNull();
    expect(rolloutRefusal(item({ status: 'CANCELLED' }), 'REVIVE', admin, '  ')).toBe('reasonNeeded');
    expect(rolloutRefusal(item({ status: 'CANCELLED' }), 'REVIVE', admin, 'The akimat found a hall.')).toBeNull();
    expect(rolloutRefusal(item({ status: 'ACTIVE' }), 'PAUSE', admin, undefined)).toBe('reasonNeeded');
    expect(rolloutRefusal(item(), 'LAUNCH', admin, null)).toBe('notAllowedFromStatus');
  });

  it("lets a district's coordinator run its own items but not cancel them, nor touch another district's", () => {
    const preparing = item({ status: 'PREPARING', gates: ALL_GATES });
    expect(allowedRolloutActions(preparing, temirtau)).toEqual(['LAUNCH', 'PAUSE']);
    expect(allowedRolloutActions(preparing, admin)).toEqual(['LAUNCH', 'PAUSE', 'CANCEL']);
    expect(rolloutRefusal(preparing, 'CANCEL', temirtau, 'no leader')).toBe('regionDecides');
    expect(rolloutRefusal({ ...preparing, centreId: 'balkhash' }, 'LAUNCH', temirtau, null)).toBe('notYourDistrict');
    expect(allowedRolloutActions(preparing, analyst)).toEqual([]);
    expect(mayEditRolloutDetails(preparing, temirtau)).toBe(true);
    expect(mayEditRolloutDetails({ ...preparing, centreId: 'balkhash' }, temirtau)).toBe(false);
    expect(mayEditRolloutDetails({ ...preparing, status: 'CANCELLED' }, admin)).toBe(false);
  });

  it('calls an item late when its planned day has passed before launch', () => {
    expect(isRolloutLate({ status: 'PREPARING', plannedOn: '2026-10-01' }, '2026-11-26')).toBe(true);
    expect(isRolloutLate({ status: 'LAUNCHED', plannedOn: '2026-10-01' }, '2026-11-26')).toBe(false);
    expect(isRolloutLate({ status: 'PLANNED', plannedOn: '2026-11-26' }, '2026-11-26')).toBe(false);
    expect(isRolloutLate({ status: 'PAUSED', plannedOn: '2026-10-01' }, '2026-11-26')).toBe(false);
  });
});

describe('the forecast', () => {
  it('spreads the districts still to go at the pace of launches so far', () => {
    // 3 districts launched in the 289 days since the first launch on 10 February: 11 to go take
    // 11 / (3 / 289) = 1059.7 → 1060 days after 26 November 2026.
    expect(forecastCompletion({ firstLaunchOn: '2026-02-10', launched: 3, remaining: 11, today: '2026-11-26' })).toBe('2029-10-21');
  });

  it('has no forecast before the first launch, and is done when nothing is left', () => {
    expect(forecastCompletion({ firstLaunchOn: null, launched: 0, remaining: 14, today: '2026-11-26' })).toBeNull();
    expect(forecastCompletion({ firstLaunchOn: '2026-02-10', launched: 14, remaining: 0, today: '2026-11-26' })).toBe('2026-11-26');
  });
});
