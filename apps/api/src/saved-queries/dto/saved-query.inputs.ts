import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { HasNoNul, OmitOrGive, Trim } from '../../common/input-rules.js';
import { ConnectionArgs } from '../../common/pagination.js';
import { SavedQuery } from './saved-query.object.js';

/** The limits the saved_query table's CHECKs hold too. */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const DOCUMENT_MAX = 20_000;
/** The JSON text of the variables: generous, but bounded like every text input. */
export const VARIABLES_MAX = 20_000;

const TitleRules = () => applyDecorators(Trim(), IsString(), MinLength(1, { message: 'must not be empty' }), MaxLength(TITLE_MAX), HasNoNul());
const DescriptionRules = () => applyDecorators(IsOptional(), Trim(), IsString(), MaxLength(DESCRIPTION_MAX), HasNoNul());
const DocumentRules = () => applyDecorators(IsString(), MinLength(1, { message: 'must not be empty' }), MaxLength(DOCUMENT_MAX), HasNoNul());
const VariablesRules = () => applyDecorators(IsOptional(), IsString(), MaxLength(VARIABLES_MAX), HasNoNul());

@InputType({ description: 'A query to save in the workbench (analysts and administrators). The document must be valid against the schema; BAD_USER_INPUT says why at `document`.' })
export class SaveQueryInput {
  @Field({ description: 'A short title, 1 to 200 characters.' })
  @TitleRules()
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the query answers, at most 2000 characters.' })
  @DescriptionRules()
  description?: string | null;

  @Field({ description: 'The GraphQL document, at most 20,000 characters; it must parse and be valid against the schema.' })
  @DocumentRules()
  document!: string;

  @Field(() => String, { nullable: true, description: 'The variables to run it with, as the JSON text of an object, e.g. `{"from": "2026-01"}`.' })
  @VariablesRules()
  variables?: string | null;

  @Field({ defaultValue: false, description: 'True to share it with every analyst and administrator at once.' })
  @IsBoolean()
  shared: boolean = false;
}

@InputType({ description: 'Changes to one of your saved queries; omitted fields stay. Refused with CONFLICT when `version` is stale.' })
export class UpdateSavedQueryInput {
  @Field(() => ID, { description: 'The saved query; only its owner changes it.' })
  @IsUUID('all', { message: 'must be a saved query id' })
  id!: string;

  @Field(() => Int, { description: 'The version the change is based on; CONFLICT with `currentVersion` when stale.' })
  @IsInt()
  version!: number;

  @Field(() => String, { nullable: true, description: 'A new title, 1 to 200 characters.' })
  @OmitOrGive()
  @TitleRules()
  title?: string;

  @Field(() => String, { nullable: true, description: 'A new description; null clears it.' })
  @DescriptionRules()
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'A new document, valid against the schema.' })
  @OmitOrGive()
  @DocumentRules()
  document?: string;

  @Field(() => String, { nullable: true, description: 'New variables as the JSON text of an object; null clears them.' })
  @VariablesRules()
  variables?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True to share it, false to make it private again.' })
  @OmitOrGive()
  @IsBoolean()
  shared?: boolean;
}

@InputType({ description: 'One of your saved queries, to delete.' })
export class DeleteSavedQueryInput {
  @Field(() => ID, { description: 'The saved query; only its owner deletes it.' })
  @IsUUID('all', { message: 'must be a saved query id' })
  id!: string;
}

@InputType({ description: 'Which saved queries to list. Every field given must hold (AND).' })
export class SavedQueryFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only your own (true), or only those others shared (false).' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only shared ones (true), or only your private ones (false).' })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;

  @Field(() => String, { nullable: true, description: 'Only those whose title or description contains this text (any letter case).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @HasNoNul()
  search?: string;
}

@ArgsType()
export class SavedQueriesArgs extends ConnectionArgs {
  @Field(() => SavedQueryFilter, { nullable: true, description: 'Which saved queries; all you may see when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SavedQueryFilter)
  filter?: SavedQueryFilter;
}

@ObjectType({ description: 'The query saveQuery saved.' })
export class SaveQueryPayload {
  @Field(() => SavedQuery, { description: 'The saved query as it is now.' })
  savedQuery!: SavedQuery;
}

@ObjectType({ description: 'The query updateSavedQuery changed.' })
export class UpdateSavedQueryPayload {
  @Field(() => SavedQuery, { description: 'The saved query as it is now.' })
  savedQuery!: SavedQuery;
}

@ObjectType({ description: 'What deleteSavedQuery deleted.' })
export class DeleteSavedQueryPayload {
  @Field(() => ID, { description: 'The id of the deleted query: remove it from what you show.' })
  id!: string;
}
