import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { CentreScopeFilter } from '../../centres/centre-scope.js';
import { ConnectionArgs } from '../../common/pagination.js';

@InputType({
  description:
    'Which audit entries to list. Every field given must hold (AND). `centreId` gives the changes concerning that centre; with `includeSubtree`, concerning it or any centre below it.',
})
export class AuditEntryFilter extends CentreScopeFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes made by this user.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  userId?: string;

  @Field({ nullable: true, description: 'Only changes to this kind of record, e.g. `User`.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @Field(() => ID, { nullable: true, description: 'Only changes to this record.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  entityId?: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Only changes at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Only changes before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditEntriesArgs extends ConnectionArgs {
  @Field(() => AuditEntryFilter, { nullable: true, description: 'Which entries to list; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEntryFilter)
  filter?: AuditEntryFilter;
}
