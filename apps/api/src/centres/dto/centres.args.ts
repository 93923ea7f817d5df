import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { CENTRE_KINDS, type CentreKind } from '@mrc/domain';
import { CentreScopeFilter } from '../centre-scope.js';
import { ConnectionArgs, OrderDirection } from '../../common/pagination.js';
import { CentreKindEnum } from './centre.object.js';
import { GraphQLDate } from 'graphql-scalars';
import { HasNoNul, IsDay, IsFilterList } from '../../common/input-rules.js';

export enum CentreOrderField {
  NAME = 'NAME',
  CODE = 'CODE',
}
registerEnumType(CentreOrderField, {
  name: 'CentreOrderField',
  description: 'What centres can be ordered by.',
  valuesMap: {
    NAME: { description: 'By name in the request\'s language, with that language\'s alphabet (Kazakh Ұ after У).' },
    CODE: { description: 'By code.' },
  },
});

@InputType({ description: 'How to order centres. The regional centre always comes first; ties are broken by id.' })
export class CentreOrder {
  @Field(() => CentreOrderField, { defaultValue: CentreOrderField.NAME, description: 'The key to order by.' })
  @IsIn(Object.values(CentreOrderField))
  field: CentreOrderField = CentreOrderField.NAME;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  @IsIn(Object.values(OrderDirection))
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Which centres to list. Every field given must hold (AND).' })
export class CentreFilter extends CentreScopeFilter {
  @Field(() => ID, { nullable: true, description: 'Only the centres directly under this centre.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a centre id' })
  parentId?: string;

  @Field(() => [CentreKindEnum], { nullable: true, description: 'Only centres of these kinds.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(CENTRE_KINDS, { each: true })
  kinds?: CentreKind[];

  @Field({ nullable: true, description: 'Only open centres (true) or only closed ones (false); both when omitted.' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'Only centres open during this day: opened on or before it (or with no opening day recorded) and not closed by then (a centre closed on a day is closed that day).',
  })
  @IsOptional()
  @IsDay()
  openOn?: Date;

  @Field(() => GraphQLDate, { nullable: true, description: 'Only centres that opened on or after this day (those with no opening day recorded are left out).' })
  @IsOptional()
  @IsDay()
  openedFrom?: Date;

  @Field(() => GraphQLDate, { nullable: true, description: 'Only centres that opened on or before this day (those with no opening day recorded are left out).' })
  @IsOptional()
  @IsDay()
  openedTo?: Date;

  @Field({ nullable: true, description: 'Only centres whose name or town contains this text, in any language.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @HasNoNul()
  search?: string;
}

@ArgsType()
export class CentresArgs extends ConnectionArgs {
  @Field(() => CentreFilter, { nullable: true, description: 'Which centres to list; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CentreFilter)
  filter?: CentreFilter;

  @Field(() => CentreOrder, { nullable: true, description: 'The order of the list; by name when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CentreOrder)
  orderBy?: CentreOrder;
}
