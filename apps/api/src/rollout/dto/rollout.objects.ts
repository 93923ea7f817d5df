import { ROLLOUT_ACTIONS, ROLLOUT_GATES, ROLLOUT_STATUSES, type RolloutGate, type RolloutStatus } from '@mrc/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate, GraphQLDateTime } from 'graphql-scalars';
import { enumOf } from '../../graphql/enum-of.js';

export const RolloutStatusEnum = enumOf(ROLLOUT_STATUSES);
registerEnumType(RolloutStatusEnum, {
  name: 'RolloutStatus',
  description: 'Where a club type stands in one district: PLANNED → PREPARING → LAUNCHED → ACTIVE, or PAUSED / CANCELLED with a reason.',
  valuesMap: {
    PLANNED: { description: 'On the plan, with a planned launch day; nothing done yet.' },
    PREPARING: { description: 'The district is meeting the gates (space, leader, equipment, first meeting).' },
    LAUNCHED: { description: 'Every gate met and the club has launched.' },
    ACTIVE: { description: 'Launched and meeting regularly.' },
    PAUSED: { description: 'On hold, with a reason; resumes where it was.' },
    CANCELLED: { description: 'Taken off the plan by the region, with a reason; can be revived with a reason.' },
  },
});

export const RolloutGateEnum = enumOf(ROLLOUT_GATES);
registerEnumType(RolloutGateEnum, {
  name: 'RolloutGate',
  description: 'A readiness gate: a club launches only when all four are met.',
  valuesMap: {
    SPACE_READY: { description: 'A room is ready for the club.' },
    LEADER_ASSIGNED: { description: 'Someone leads the club.' },
    EQUIPMENT_IN_PLACE: { description: 'The instruments or equipment are there.' },
    FIRST_MEETING_HELD: { description: 'The first meeting has taken place.' },
  },
});

export const RolloutActionEnum = enumOf(ROLLOUT_ACTIONS);
registerEnumType(RolloutActionEnum, {
  name: 'RolloutAction',
  description: 'A step of a rollout item (packages/domain/src/rollout.ts holds the rules).',
  valuesMap: {
    PREPARE: { description: 'PLANNED → PREPARING.' },
    LAUNCH: { description: 'PREPARING → LAUNCHED; needs every gate met.' },
    ACTIVATE: { description: 'LAUNCHED → ACTIVE: meeting regularly.' },
    PAUSE: { description: 'PREPARING, LAUNCHED or ACTIVE → PAUSED; needs a reason.' },
    RESUME: { description: 'PAUSED → ACTIVE if it had launched, PREPARING otherwise.' },
    CANCEL: { description: 'Any → CANCELLED; the region only, with a reason.' },
    REVIVE: { description: 'CANCELLED → PLANNED; the region only, with a reason.' },
  },
});

@ObjectType('RolloutItem', { description: 'One club type to be launched at one district centre: the plan, its gates and where it stands.' })
export class RolloutItem {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'The planned launch day.' })
  plannedOn!: string | null;

  @Field(() => RolloutStatusEnum, { description: 'Where it stands.' })
  status!: RolloutStatus;

  @Field(() => [RolloutGateEnum], { description: 'The gates met.' })
  gates!: RolloutGate[];

  @Field(() => [RolloutGateEnum], { description: 'The gates still open.' })
  openGates!: RolloutGate[];

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the club launched; kept through a pause.' })
  launchedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Who in the district is responsible.' })
  responsibleName!: string | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it is paused or cancelled.' })
  statusReason!: string | null;

  @Field({ description: 'The planned day has passed and the club has not launched (PLANNED or PREPARING).' })
  late!: boolean;

  @Field(() => Int, { description: 'Grows with each change; send it back with a change, which gets CONFLICT when stale.' })
  version!: number;

  @Field(() => GraphQLDateTime, { description: 'The latest change.' })
  updatedAt!: Date;

  /** Not fields: `clubType` and `centre` resolve them. */
  clubTypeId!: string;
  centreId!: string;
}

@ObjectType('RolloutChange', { description: 'One real change to a rollout item: who, when, what, from and to, and why.' })
export class RolloutChange {
  @Field(() => GraphQLDateTime, { description: 'When.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Who: the person\'s display name; null when the account is gone or for the seed.' })
  actorName!: string | null;

  @Field({ description: 'The step or edit: PLAN, UPDATE, PREPARE, LAUNCH, ACTIVATE, PAUSE, RESUME, CANCEL, REVIVE.' })
  action!: string;

  @Field({ description: 'The field that changed: status, gates, plannedOn, launchedOn, responsibleName, notes.' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value before, as text (gates comma-separated); null when empty.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as text; null when empty.' })
  to!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given with the step.' })
  reason!: string | null;
}

@ObjectType('RolloutTotals', { description: 'How far the plan is: items not cancelled, of them launched (LAUNCHED or ACTIVE), and late.' })
export class RolloutTotals {
  @Field(() => Int, { description: 'Items on the plan (not CANCELLED).' })
  planned!: number;

  @Field(() => Int, { description: 'Of those, running: LAUNCHED or ACTIVE.' })
  launched!: number;

  @Field(() => Int, { description: 'Of those, ACTIVE.' })
  active!: number;

  @Field(() => Int, { description: 'Planned day passed, not launched.' })
  late!: number;

  @Field(() => Float, { nullable: true, description: 'launched / planned, from 0 to 1; null when nothing is planned.' })
  share!: number | null;
}

@ObjectType('ClubTypeRollout', { description: 'One club type\'s way through the districts.' })
export class ClubTypeRollout {
  @Field(() => RolloutTotals, { description: 'Districts planned, launched, active and late.' })
  totals!: RolloutTotals;

  @Field(() => GraphQLDate, { nullable: true, description: 'The type\'s first launch anywhere: its club at the regional centre, or its first district.' })
  firstLaunchOn!: string | null;

  @Field(() => Int, { description: 'District launches so far (paused ones included: they did launch).' })
  launchesSoFar!: number;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'When the type will run in every planned district at the pace so far: launchesSoFar ÷ days from firstLaunchOn to today gives launches per day; the districts still to go ÷ that pace gives the days left. Null before any district launch; today when none is left.',
  })
  forecastOn!: string | null;

  /** Not a field: `clubType` resolves it. */
  clubTypeId!: string;
}

@ObjectType('CentreRollout', { description: 'One district\'s clubs on the plan.' })
export class CentreRollout {
  @Field(() => RolloutTotals, { description: 'Club types planned, launched, active and late in the district.' })
  totals!: RolloutTotals;

  /** Not a field: `centre` resolves it. */
  centreId!: string;
}

@ObjectType('RolloutMonth', { description: 'Plan against actual, one month: how many launches were planned by its end, and how many happened.' })
export class RolloutMonth {
  @Field({ description: 'The month, `YYYY-MM`.' })
  month!: string;

  @Field(() => Int, { description: 'Items (not cancelled) planned to launch by the end of the month, cumulative.' })
  planned!: number;

  @Field(() => Int, { description: 'Items launched by the end of the month, cumulative.' })
  launched!: number;
}

/** Each part is computed when it is asked for: the overview's card asks for `network` alone, one statement. */
@ObjectType('RolloutProgress', { description: 'How the rollout of clubs to the districts is going, and when it will be done at today\'s pace.' })
export class RolloutProgress {
  @Field(() => RolloutTotals, { description: 'The whole plan in scope.' })
  network!: PromiseLike<RolloutTotals>;

  @Field(() => [ClubTypeRollout], { description: 'Per club type, by name.' })
  byClubType!: PromiseLike<ClubTypeRollout[]>;

  @Field(() => [CentreRollout], { description: 'Per district, by name.' })
  byCentre!: PromiseLike<CentreRollout[]>;

  @Field(() => [RolloutMonth], { description: 'Plan against actual per month, from the first planned or actual launch to the last planned one.' })
  timeline!: PromiseLike<RolloutMonth[]>;

  @Field(() => GraphQLDate, { nullable: true, description: 'When every club type reaches every planned district: the latest of the types\' forecasts; null while a type has no forecast.' })
  forecastOn!: PromiseLike<string | null>;

  @Field({ description: 'How the forecast is made, in words, in the caller\'s language.' })
  forecastMethod!: string;
}
