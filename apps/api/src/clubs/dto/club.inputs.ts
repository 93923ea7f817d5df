import { CLUB_STATUSES, type ClubStatus, OPEN_CLUB_STATUSES } from '@mrc/domain';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { GraphQLDate } from 'graphql-scalars';
import { CentreScopeFilter } from '../../centres/centre-scope.js';
import { LocalisedNameField, type LocalisedTextInput, OptionalLocalisedField, OptionalLocalisedNameField } from '../../common/localisation.js';
import { ConnectionArgs, OrderDirection } from '../../common/pagination.js';
import { Club, ClubStatusEnum, ClubType } from './club.objects.js';
import { HasNoNul, IsCode, IsDay, OmitOrGive, Trim, IsFilterList } from '../../common/input-rules.js';


@InputType({ description: 'A new club type for the catalogue.' })
export class CreateClubTypeInput {
  @Field({ description: 'Short stable key, e.g. `dombra`; unique in the catalogue.' })
  @IsCode()
  code!: string;

  @LocalisedNameField('The name in the languages you have (at least one).')
  names!: LocalisedTextInput;

  @OptionalLocalisedField('What the club does.')
  descriptions?: LocalisedTextInput | null;
}

@InputType({ description: 'Changes to a club type; omitted fields stay as they are.' })
export class UpdateClubTypeInput {
  @Field(() => ID, { description: 'The club type to change.' })
  @IsUUID('all', { message: 'must be a club type id' })
  id!: string;

  @Field({ nullable: true, description: 'Short stable key; unique in the catalogue.' })
  @OmitOrGive()
  @IsCode()
  code?: string;

  @OptionalLocalisedNameField('The name (at least one language stays filled in).')
  names?: LocalisedTextInput;

  @OptionalLocalisedField('What the club does; null clears it.')
  descriptions?: LocalisedTextInput | null;
}

@InputType({ description: 'A new club: a type from the catalogue at an open centre. A coordinator may start clubs at their own centre.' })
export class CreateClubInput {
  @Field(() => ID, { description: 'The centre the club meets at; it must be open.' })
  @IsUUID('all', { message: 'must be a centre id' })
  centreId!: string;

  @Field(() => ID, { description: 'The club type from the catalogue; one open club of a type per centre.' })
  @IsUUID('all', { message: 'must be a club type id' })
  clubTypeId!: string;

  @Field(() => String, { nullable: true, description: 'Who leads the club.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  leaderName?: string | null;

  @OptionalLocalisedField('When the club meets.')
  schedules?: LocalisedTextInput | null;

  @Field(() => ClubStatusEnum, { defaultValue: 'PLANNED', description: 'PLANNED, ACTIVE or PAUSED (a club starts open).' })
  @IsIn(OPEN_CLUB_STATUSES, { message: 'must be PLANNED, ACTIVE or PAUSED' })
  status: ClubStatus = 'PLANNED';

  @Field(() => GraphQLDate, { nullable: true, description: 'The day of the first meeting; needed for ACTIVE and PAUSED, not in the future.' })
  @IsOptional()
  @IsDay()
  startedOn?: Date | null;
}

@InputType({ description: 'Changes to a club; omitted fields stay as they are. To move a club, close it and start one at the other centre.' })
export class UpdateClubInput {
  @Field(() => ID, { description: 'The club to change.' })
  @IsUUID('all', { message: 'must be a club id' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Who leads the club; null when nobody does for now.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  leaderName?: string | null;

  @OptionalLocalisedField('When the club meets; null clears it.')
  schedules?: LocalisedTextInput | null;

  @Field(() => ClubStatusEnum, { nullable: true, description: 'PLANNED, ACTIVE or PAUSED; use closeClub to close.' })
  @OmitOrGive()
  @IsIn(OPEN_CLUB_STATUSES, { message: 'must be PLANNED, ACTIVE or PAUSED (use closeClub to close)' })
  status?: ClubStatus;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day of the first meeting.' })
  @IsOptional()
  @IsDay()
  startedOn?: Date | null;
}

@ObjectType({ description: 'The club type a mutation changed.' })
export class ClubTypePayload {
  @Field(() => ClubType, { description: 'The club type as it is now.' })
  clubType!: ClubType;
}

@ObjectType({ description: 'The club a mutation changed.' })
export class ClubPayload {
  @Field(() => Club, { description: 'The club as it is now.' })
  club!: Club;
}

@InputType({ description: 'Which club types to list.' })
export class ClubTypeFilter {
  @Field({ nullable: true, description: 'Only types whose name contains this text, in any language.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @HasNoNul()
  search?: string;

  @Field({ defaultValue: false, description: 'Also list types that left the catalogue.' })
  @IsBoolean()
  includeClosed: boolean = false;
}

export enum ClubTypeOrderField {
  NAME = 'NAME',
  CODE = 'CODE',
}
registerEnumType(ClubTypeOrderField, {
  name: 'ClubTypeOrderField',
  description: 'What club types can be ordered by.',
  valuesMap: {
    NAME: { description: 'By name in the request\'s language, with that language\'s alphabet.' },
    CODE: { description: 'By code.' },
  },
});

@InputType({ description: 'How to order club types; ties are broken by id.' })
export class ClubTypeOrder {
  @Field(() => ClubTypeOrderField, { defaultValue: ClubTypeOrderField.NAME, description: 'The key to order by.' })
  @IsIn(Object.values(ClubTypeOrderField))
  field: ClubTypeOrderField = ClubTypeOrderField.NAME;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  @IsIn(Object.values(OrderDirection))
  direction: OrderDirection = OrderDirection.ASC;
}

@ArgsType()
export class ClubTypesArgs extends ConnectionArgs {
  @Field(() => ClubTypeFilter, { nullable: true, description: 'Which types to list; the current catalogue when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClubTypeFilter)
  filter?: ClubTypeFilter;

  @Field(() => ClubTypeOrder, { nullable: true, description: 'The order of the list; by name when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClubTypeOrder)
  orderBy?: ClubTypeOrder;
}

@InputType({ description: 'Which clubs to list. Every field given must hold (AND).' })
export class ClubFilter extends CentreScopeFilter {
  @Field(() => [ID], { nullable: true, description: 'Only clubs of these types.' })
  @IsOptional()
  @IsFilterList()
  @IsUUID('all', { each: true, message: 'must be club type ids' })
  clubTypeIds?: string[];

  @Field(() => [ClubStatusEnum], { nullable: true, description: 'Only clubs in these statuses; open ones (not CLOSED) when omitted.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(CLUB_STATUSES, { each: true })
  statuses?: ClubStatus[];

  @Field(() => GraphQLDate, { nullable: true, description: 'Only clubs that started on or after this day.' })
  @IsOptional()
  @IsDay()
  startedFrom?: Date;

  @Field(() => GraphQLDate, { nullable: true, description: 'Only clubs that started on or before this day.' })
  @IsOptional()
  @IsDay()
  startedTo?: Date;

  @Field({ nullable: true, description: 'Only clubs whose type name or leader contains this text, in any language.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @HasNoNul()
  search?: string;
}

export enum ClubOrderField {
  TYPE = 'TYPE',
  CENTRE = 'CENTRE',
  STARTED_ON = 'STARTED_ON',
}
registerEnumType(ClubOrderField, {
  name: 'ClubOrderField',
  description: 'What clubs can be ordered by.',
  valuesMap: {
    TYPE: { description: 'By type name, then centre name, in the request\'s language.' },
    CENTRE: { description: 'By centre name, then type name.' },
    STARTED_ON: { description: 'By the day of the first meeting (not started yet last), then type name.' },
  },
});

@InputType({ description: 'How to order clubs; ties are broken by id.' })
export class ClubOrder {
  @Field(() => ClubOrderField, { defaultValue: ClubOrderField.TYPE, description: 'The key to order by.' })
  @IsIn(Object.values(ClubOrderField))
  field: ClubOrderField = ClubOrderField.TYPE;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  @IsIn(Object.values(OrderDirection))
  direction: OrderDirection = OrderDirection.ASC;
}

@ArgsType()
export class ClubsArgs extends ConnectionArgs {
  @Field(() => ClubFilter, { nullable: true, description: 'Which clubs to list; every open club when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClubFilter)
  filter?: ClubFilter;

  @Field(() => ClubOrder, { nullable: true, description: 'The order of the list; by type when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClubOrder)
  orderBy?: ClubOrder;
}
