import { EQUIPMENT_KINDS, type EquipmentKind, SPACE_KINDS, type SpaceKind } from '@mrc/domain';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { CentreScopeFilter } from '../../centres/centre-scope.js';
import { LocalisedNameField, type LocalisedTextInput, OptionalLocalisedNameField } from '../../common/localisation.js';
import { ConnectionArgs } from '../../common/pagination.js';
import { EquipmentItem, EquipmentKindEnum } from './equipment-item.object.js';
import { Space, SpaceKindEnum } from './space.object.js';
import { OmitOrGive, IsFilterList } from '../../common/input-rules.js';

const MAX_COUNT = 10_000;

@InputType({ description: 'A new space at a centre. A coordinator may add spaces to their own centre.' })
export class CreateSpaceInput {
  @Field(() => ID, { description: 'The centre the space belongs to; it must be open.' })
  @IsUUID('all', { message: 'must be a centre id' })
  centreId!: string;

  @Field(() => SpaceKindEnum, { description: 'What the space is for.' })
  @IsIn(SPACE_KINDS)
  kind!: SpaceKind;

  @LocalisedNameField('The name in the languages you have (at least one).')
  names!: LocalisedTextInput;

  @Field(() => Int, { description: `How many people it holds, 1 to ${MAX_COUNT}.` })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_COUNT, { message: `must be at most ${MAX_COUNT}` })
  capacity!: number;
}

@InputType({ description: 'Changes to a space; omitted fields stay as they are.' })
export class UpdateSpaceInput {
  @Field(() => ID, { description: 'The space to change.' })
  @IsUUID('all', { message: 'must be a space id' })
  id!: string;

  @Field(() => SpaceKindEnum, { nullable: true, description: 'What the space is for.' })
  @OmitOrGive()
  @IsIn(SPACE_KINDS)
  kind?: SpaceKind;

  @OptionalLocalisedNameField('The name (at least one language stays filled in).')
  names?: LocalisedTextInput;

  @Field(() => Int, { nullable: true, description: `How many people it holds, 1 to ${MAX_COUNT}.` })
  @OmitOrGive()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_COUNT, { message: `must be at most ${MAX_COUNT}` })
  capacity?: number;
}

@InputType({ description: 'New equipment at a centre. A coordinator may add equipment to their own centre.' })
export class CreateEquipmentItemInput {
  @Field(() => ID, { description: 'The centre that lends it; it must be open.' })
  @IsUUID('all', { message: 'must be a centre id' })
  centreId!: string;

  @Field(() => EquipmentKindEnum, { description: 'What kind of equipment it is.' })
  @IsIn(EQUIPMENT_KINDS)
  kind!: EquipmentKind;

  @LocalisedNameField('The name in the languages you have (at least one).')
  names!: LocalisedTextInput;

  @Field(() => Int, { description: `How many the centre has, 1 to ${MAX_COUNT}.` })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_COUNT, { message: `must be at most ${MAX_COUNT}` })
  quantity!: number;
}

@InputType({ description: 'Changes to equipment; omitted fields stay as they are.' })
export class UpdateEquipmentItemInput {
  @Field(() => ID, { description: 'The equipment to change.' })
  @IsUUID('all', { message: 'must be an equipment id' })
  id!: string;

  @Field(() => EquipmentKindEnum, { nullable: true, description: 'What kind of equipment it is.' })
  @OmitOrGive()
  @IsIn(EQUIPMENT_KINDS)
  kind?: EquipmentKind;

  @OptionalLocalisedNameField('The name (at least one language stays filled in).')
  names?: LocalisedTextInput;

  @Field(() => Int, { nullable: true, description: `How many the centre has, 1 to ${MAX_COUNT}.` })
  @OmitOrGive()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_COUNT, { message: `must be at most ${MAX_COUNT}` })
  quantity?: number;
}

@ObjectType({ description: 'The space a mutation changed.' })
export class SpacePayload {
  @Field(() => Space, { description: 'The space as it is now.' })
  space!: Space;
}

@ObjectType({ description: 'The equipment a mutation changed.' })
export class EquipmentItemPayload {
  @Field(() => EquipmentItem, { description: 'The equipment as it is now.' })
  equipmentItem!: EquipmentItem;
}

@InputType({ description: 'Which spaces to list. Every field given must hold (AND).' })
export class SpaceFilter extends CentreScopeFilter {
  @Field(() => [SpaceKindEnum], { nullable: true, description: 'Only spaces of these kinds.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(SPACE_KINDS, { each: true })
  kinds?: SpaceKind[];

  @Field({ defaultValue: false, description: 'Also list closed spaces.' })
  @IsBoolean()
  includeClosed: boolean = false;
}

@InputType({ description: 'Which equipment to list. Every field given must hold (AND).' })
export class EquipmentItemFilter extends CentreScopeFilter {
  @Field(() => [EquipmentKindEnum], { nullable: true, description: 'Only equipment of these kinds.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(EQUIPMENT_KINDS, { each: true })
  kinds?: EquipmentKind[];

  @Field({ defaultValue: false, description: 'Also list equipment written off.' })
  @IsBoolean()
  includeClosed: boolean = false;
}

@ArgsType()
export class SpacesArgs extends ConnectionArgs {
  @Field(() => SpaceFilter, { nullable: true, description: 'Which spaces to list; all open ones when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpaceFilter)
  filter?: SpaceFilter;
}

@ArgsType()
export class EquipmentItemsArgs extends ConnectionArgs {
  @Field(() => EquipmentItemFilter, { nullable: true, description: 'Which equipment to list; all in use when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EquipmentItemFilter)
  filter?: EquipmentItemFilter;
}
