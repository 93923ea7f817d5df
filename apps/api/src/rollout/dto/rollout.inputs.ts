import { applyDecorators } from '@nestjs/common';
import { ROLLOUT_ACTIONS, ROLLOUT_GATES, ROLLOUT_STATUSES, type RolloutAction, type RolloutGate, type RolloutStatus } from '@mrc/domain';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayUnique, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { GraphQLDate } from 'graphql-scalars';
import { CentreScopeArgs, CentreScopeFilter } from '../../centres/centre-scope.js';
import { HasNoNul, IsDay, IsFilterList, OmitOrGive, Trim } from '../../common/input-rules.js';
import { ConnectionArgs, OrderDirection } from '../../common/pagination.js';
import { RolloutActionEnum, RolloutGateEnum, RolloutItem, RolloutStatusEnum } from './rollout.objects.js';

/** The person responsible for an item in its district: optional, not blank, a name's length. */
const ResponsibleNameField = (description: string) =>
  applyDecorators(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    Trim(),
    IsString(),
    MinLength(1, { message: 'must not be empty' }),
    MaxLength(200),
    HasNoNul(),
  );

/** An item's notes: optional, at most 4000 characters (the database's limit). */
const NotesField = (description: string) => applyDecorators(Field(() => String, { nullable: true, description }), IsOptional(), Trim(), IsString(), MaxLength(4000), HasNoNul());

@InputType({ description: 'A club type planned for a district centre (administrators). CONFLICT when the district already has an item for the type.' })
export class PlanRolloutInput {
  @Field(() => ID, { description: 'The club type from the catalogue.' })
  @IsUUID('all', { message: 'must be a club type id' })
  clubTypeId!: string;

  @Field(() => ID, { description: 'A district centre (not the regional centre), open.' })
  @IsUUID('all', { message: 'must be a centre id' })
  centreId!: string;

  @Field(() => GraphQLDate, { description: 'The planned launch day.' })
  @IsDay()
  plannedOn!: Date;

  @ResponsibleNameField('Who in the district is responsible.')
  responsibleName?: string | null;

  @NotesField('Notes, at most 4000 characters.')
  notes?: string | null;
}

@InputType({ description: 'Changes to a rollout item; omitted fields stay. The district\'s coordinator keeps the gates, the responsible person and the notes; the planned day is the region\'s.' })
export class UpdateRolloutItemInput {
  @Field(() => ID, { description: 'The item.' })
  @IsUUID('all', { message: 'must be a rollout item id' })
  id!: string;

  @Field(() => Int, { description: 'The version the change is based on; CONFLICT when stale.' })
  @IsInt()
  version!: number;

  @Field(() => GraphQLDate, { nullable: true, description: 'A new planned launch day (administrators).' })
  @OmitOrGive()
  @IsDay()
  plannedOn?: Date;

  @Field(() => [RolloutGateEnum], { nullable: true, description: 'The gates met now (the whole set). A launched club keeps all four.' })
  @OmitOrGive()
  @IsIn(ROLLOUT_GATES, { each: true })
  @ArrayUnique()
  gates?: RolloutGate[];

  @ResponsibleNameField('Who is responsible; null clears it.')
  responsibleName?: string | null;

  @NotesField('Notes; null clears them.')
  notes?: string | null;
}

@InputType({ description: 'A step of a rollout item. Refused with FORBIDDEN (not your district, or a step only the region takes), CONFLICT (not from this status, or a stale version) or BAD_USER_INPUT (a gate still open, a reason missing).' })
export class AdvanceRolloutInput {
  @Field(() => ID, { description: 'The item.' })
  @IsUUID('all', { message: 'must be a rollout item id' })
  id!: string;

  @Field(() => Int, { description: 'The version the step is based on; CONFLICT when stale.' })
  @IsInt()
  version!: number;

  @Field(() => RolloutActionEnum, { description: 'The step.' })
  @IsIn(ROLLOUT_ACTIONS)
  action!: RolloutAction;

  @Field(() => String, { nullable: true, description: 'Why: needed to PAUSE, CANCEL or REVIVE.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  @HasNoNul()
  reason?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'For LAUNCH: the day of the launch (today when omitted; not in the future).' })
  @IsOptional()
  @IsDay()
  launchedOn?: Date | null;
}

@ObjectType({ description: 'The rollout item a mutation changed.' })
export class RolloutItemPayload {
  @Field(() => RolloutItem, { description: 'The item as it is now.' })
  rolloutItem!: RolloutItem;
}

@InputType({ description: 'Which rollout items to list. Every field given must hold (AND).' })
export class RolloutItemFilter extends CentreScopeFilter {
  @Field(() => [ID], { nullable: true, description: 'Only items of these club types.' })
  @IsOptional()
  @IsFilterList()
  @IsUUID('all', { each: true, message: 'must be club type ids' })
  clubTypeIds?: string[];

  @Field(() => [RolloutStatusEnum], { nullable: true, description: 'Only items in these statuses.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(ROLLOUT_STATUSES, { each: true })
  statuses?: RolloutStatus[];

  @Field({ nullable: true, description: 'Only late items (true) or only those on time (false).' })
  @IsOptional()
  @IsBoolean()
  late?: boolean;
}

export enum RolloutOrderField {
  CENTRE = 'CENTRE',
  CLUB_TYPE = 'CLUB_TYPE',
  PLANNED_ON = 'PLANNED_ON',
}
registerEnumType(RolloutOrderField, {
  name: 'RolloutOrderField',
  description: 'What rollout items can be ordered by.',
  valuesMap: {
    CENTRE: { description: 'By district name, then club type name: the matrix\'s order.' },
    CLUB_TYPE: { description: 'By club type name, then district name.' },
    PLANNED_ON: { description: 'By planned launch day (none last), then district name.' },
  },
});

@InputType({ description: 'How to order rollout items; ties are broken by id.' })
export class RolloutOrder {
  @Field(() => RolloutOrderField, { defaultValue: RolloutOrderField.CENTRE, description: 'The key.' })
  @IsIn(Object.values(RolloutOrderField))
  field: RolloutOrderField = RolloutOrderField.CENTRE;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  @IsIn(Object.values(OrderDirection))
  direction: OrderDirection = OrderDirection.ASC;
}

@ArgsType()
export class RolloutItemsArgs extends ConnectionArgs {
  @Field(() => RolloutItemFilter, { nullable: true, description: 'Which items; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RolloutItemFilter)
  filter?: RolloutItemFilter;

  @Field(() => RolloutOrder, { nullable: true, description: 'The order; the matrix\'s when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RolloutOrder)
  orderBy?: RolloutOrder;
}

@ArgsType()
export class RolloutProgressArgs extends CentreScopeArgs {}

@ArgsType()
export class RolloutChangedArgs {
  @Field(() => ID, { nullable: true, description: 'Only changes to items of this district.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a centre id' })
  centreId?: string;
}
