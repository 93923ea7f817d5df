import { EDUCATION_LEVELS, type EducationLevel, PROGRAM_KINDS, PROGRAM_RUN_STATUSES, type ProgramKind, type ProgramRunStatus } from '@mrc/domain';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLDate } from 'graphql-scalars';
import { CentreScopeFilter } from '../../centres/centre-scope.js';
import { HasTextInSomeLanguage, LocalisedNameField, LocalisedTextInput, OptionalLocalisedField, OptionalLocalisedNameField } from '../../common/localisation.js';
import { ConnectionArgs, OrderDirection } from '../../common/pagination.js';
import { EducationLevelEnum, Program, ProgramKindEnum, ProgramRun, ProgramRunStatusEnum } from './program.objects.js';
import { HasNoNul, IsCode, IsDay, OmitOrGive, Trim, IsFilterList } from '../../common/input-rules.js';


@InputType({ description: 'A mentor of a program.' })
export class MentorInput {
  @Field({ description: 'The mentor\'s full name.' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  fullName!: string;

  @OptionalLocalisedField('The mentor\'s field.')
  expertises?: LocalisedTextInput | null;
}

/** Fields shared by creating and changing a program; the create input makes the key ones required. */
@InputType({ isAbstract: true })
abstract class ProgramFields {
  @OptionalLocalisedField('What the program offers.')
  descriptions?: LocalisedTextInput | null;

  @OptionalLocalisedField('Why the age range reaches outside 14–35 (required when it does).')
  ageExceptionReason?: LocalisedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'How long one run lasts, in weeks (1–520); null when ongoing.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(520, { message: 'must be at most 520' })
  durationWeeks?: number | null;

  @Field(() => [LocalisedTextInput], { nullable: true, description: 'Partner organisations, in order (their names); replaces the list when given.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LocalisedTextInput)
  @HasTextInSomeLanguage(200, { each: true })
  partners?: LocalisedTextInput[];

  @Field(() => [MentorInput], { nullable: true, description: 'Mentors, in order; replaces the list when given.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MentorInput)
  mentors?: MentorInput[];
}

@InputType({ description: 'A new program. Ages default to 14–35; a range outside it needs `ageExceptionReason`.' })
export class CreateProgramInput extends ProgramFields {
  @Field({ description: 'Short stable key, e.g. `school-of-analytics`; unique.' })
  @IsCode()
  code!: string;

  @Field(() => ProgramKindEnum, { description: 'What kind of offer it is.' })
  @IsIn(PROGRAM_KINDS)
  kind!: ProgramKind;

  @LocalisedNameField('The name in the languages you have (at least one).')
  names!: LocalisedTextInput;

  @Field(() => Int, { defaultValue: 14, description: 'Youngest age admitted.' })
  @IsInt({ message: 'must be a whole number' })
  minAge: number = 14;

  @Field(() => Int, { defaultValue: 35, description: 'Oldest age admitted.' })
  @IsInt({ message: 'must be a whole number' })
  maxAge: number = 35;

  @Field(() => EducationLevelEnum, { defaultValue: 'NONE', description: 'The least education a participant needs.' })
  @IsIn(EDUCATION_LEVELS)
  minEducation: EducationLevel = 'NONE';

  @Field({ defaultValue: false, description: 'Only young people from villages may take part.' })
  @IsBoolean()
  ruralOnly: boolean = false;

  @Field({ defaultValue: false, description: 'A support group: members are never named, only counted.' })
  @IsBoolean()
  anonymous: boolean = false;
}

@InputType({ description: 'Changes to a program; omitted fields stay as they are, null clears an optional one.' })
export class UpdateProgramInput extends ProgramFields {
  @Field(() => ID, { description: 'The program to change.' })
  @IsUUID('all', { message: 'must be a program id' })
  id!: string;

  @Field({ nullable: true, description: 'Short stable key; unique.' })
  @OmitOrGive()
  @IsCode()
  code?: string;

  @Field(() => ProgramKindEnum, { nullable: true, description: 'What kind of offer it is.' })
  @OmitOrGive()
  @IsIn(PROGRAM_KINDS)
  kind?: ProgramKind;

  @OptionalLocalisedNameField('The name (at least one language stays filled in).')
  names?: LocalisedTextInput;

  @Field(() => Int, { nullable: true, description: 'Youngest age admitted.' })
  @OmitOrGive()
  @IsInt({ message: 'must be a whole number' })
  minAge?: number;

  @Field(() => Int, { nullable: true, description: 'Oldest age admitted.' })
  @OmitOrGive()
  @IsInt({ message: 'must be a whole number' })
  maxAge?: number;

  @Field(() => EducationLevelEnum, { nullable: true, description: 'The least education a participant needs.' })
  @OmitOrGive()
  @IsIn(EDUCATION_LEVELS)
  minEducation?: EducationLevel;

  @Field({ nullable: true, description: 'Only young people from villages may take part.' })
  @OmitOrGive()
  @IsBoolean()
  ruralOnly?: boolean;

  @Field({ nullable: true, description: 'A support group: members are never named, only counted.' })
  @OmitOrGive()
  @IsBoolean()
  anonymous?: boolean;
}

@InputType({ description: 'A program held at an open centre. A coordinator may schedule runs at their own centre.' })
export class CreateProgramRunInput {
  @Field(() => ID, { description: 'The program; it must not be retired.' })
  @IsUUID('all', { message: 'must be a program id' })
  programId!: string;

  @Field(() => ID, { description: 'The centre it runs at; it must be open.' })
  @IsUUID('all', { message: 'must be a centre id' })
  centreId!: string;

  @Field(() => GraphQLDate, { description: 'The first day (not before the centre opened).' })
  @IsDay()
  startsOn!: Date;

  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'The last day. When omitted for a program with a duration, it is worked out from it (a five-week run ends on its 35th day); otherwise the run is ongoing.',
  })
  @IsOptional()
  @IsDay()
  endsOn?: Date | null;
}

@InputType({ description: 'Changes to a program run\'s days; omitted fields stay as they are.' })
export class UpdateProgramRunInput {
  @Field(() => ID, { description: 'The run to change.' })
  @IsUUID('all', { message: 'must be a program run id' })
  id!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'The first day.' })
  @OmitOrGive()
  @IsDay()
  startsOn?: Date;

  @Field(() => GraphQLDate, { nullable: true, description: 'The last day; null makes the run ongoing.' })
  @IsOptional()
  @IsDay()
  endsOn?: Date | null;
}

@ObjectType({ description: 'The program a mutation changed.' })
export class ProgramPayload {
  @Field(() => Program, { description: 'The program as it is now.' })
  program!: Program;
}

@ObjectType({ description: 'The program run a mutation changed.' })
export class ProgramRunPayload {
  @Field(() => ProgramRun, { description: 'The run as it is now.' })
  programRun!: ProgramRun;
}

@InputType({ description: 'Which programs to list. Every field given must hold (AND).' })
export class ProgramFilter {
  @Field(() => [ProgramKindEnum], { nullable: true, description: 'Only programs of these kinds.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(PROGRAM_KINDS, { each: true })
  kinds?: ProgramKind[];

  @Field({ nullable: true, description: 'Only programs for rural youth (true) or open to all (false).' })
  @IsOptional()
  @IsBoolean()
  ruralOnly?: boolean;

  @Field({ nullable: true, description: 'Only programs whose name contains this text, in any language.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @HasNoNul()
  search?: string;

  @Field({ defaultValue: false, description: 'Also list retired programs.' })
  @IsBoolean()
  includeClosed: boolean = false;
}

export enum ProgramOrderField {
  NAME = 'NAME',
  CODE = 'CODE',
}
registerEnumType(ProgramOrderField, {
  name: 'ProgramOrderField',
  description: 'What programs can be ordered by.',
  valuesMap: {
    NAME: { description: 'By name in the request\'s language, with that language\'s alphabet.' },
    CODE: { description: 'By code.' },
  },
});

@InputType({ description: 'How to order programs; ties are broken by id.' })
export class ProgramOrder {
  @Field(() => ProgramOrderField, { defaultValue: ProgramOrderField.NAME, description: 'The key to order by.' })
  @IsIn(Object.values(ProgramOrderField))
  field: ProgramOrderField = ProgramOrderField.NAME;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  @IsIn(Object.values(OrderDirection))
  direction: OrderDirection = OrderDirection.ASC;
}

@ArgsType()
export class ProgramsArgs extends ConnectionArgs {
  @Field(() => ProgramFilter, { nullable: true, description: 'Which programs to list; the current ones when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgramFilter)
  filter?: ProgramFilter;

  @Field(() => ProgramOrder, { nullable: true, description: 'The order of the list; by name when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgramOrder)
  orderBy?: ProgramOrder;
}

@InputType({ description: 'Which program runs to list. Every field given must hold (AND).' })
export class ProgramRunFilter extends CentreScopeFilter {
  @Field(() => [ID], { nullable: true, description: 'Only runs of these programs.' })
  @IsOptional()
  @IsFilterList()
  @IsUUID('all', { each: true, message: 'must be program ids' })
  programIds?: string[];

  @Field(() => [ProgramKindEnum], { nullable: true, description: 'Only runs of programs of these kinds.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(PROGRAM_KINDS, { each: true })
  kinds?: ProgramKind[];

  @Field(() => [ProgramRunStatusEnum], { nullable: true, description: 'Only runs in these statuses today; all when omitted.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(PROGRAM_RUN_STATUSES, { each: true })
  statuses?: ProgramRunStatus[];

  @Field(() => GraphQLDate, { nullable: true, description: 'Only runs that are on during this day (started, not ended, not cancelled).' })
  @IsOptional()
  @IsDay()
  activeOn?: Date;

  @Field(() => GraphQLDate, { nullable: true, description: 'Only runs starting on or after this day.' })
  @IsOptional()
  @IsDay()
  startsFrom?: Date;

  @Field(() => GraphQLDate, { nullable: true, description: 'Only runs starting on or before this day.' })
  @IsOptional()
  @IsDay()
  startsTo?: Date;
}

export enum ProgramRunOrderField {
  STARTS_ON = 'STARTS_ON',
  PROGRAM = 'PROGRAM',
  CENTRE = 'CENTRE',
}
registerEnumType(ProgramRunOrderField, {
  name: 'ProgramRunOrderField',
  description: 'What program runs can be ordered by.',
  valuesMap: {
    STARTS_ON: { description: 'By the first day, then program name.' },
    PROGRAM: { description: 'By program name, then first day.' },
    CENTRE: { description: 'By centre name, then first day.' },
  },
});

@InputType({ description: 'How to order program runs; ties are broken by id.' })
export class ProgramRunOrder {
  @Field(() => ProgramRunOrderField, { defaultValue: ProgramRunOrderField.STARTS_ON, description: 'The key to order by.' })
  @IsIn(Object.values(ProgramRunOrderField))
  field: ProgramRunOrderField = ProgramRunOrderField.STARTS_ON;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  @IsIn(Object.values(OrderDirection))
  direction: OrderDirection = OrderDirection.ASC;
}

@ArgsType()
export class ProgramRunsArgs extends ConnectionArgs {
  @Field(() => ProgramRunFilter, { nullable: true, description: 'Which runs to list; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgramRunFilter)
  filter?: ProgramRunFilter;

  @Field(() => ProgramRunOrder, { nullable: true, description: 'The order of the list; newest first (STARTS_ON, DESC) when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgramRunOrder)
  orderBy?: ProgramRunOrder;
}
