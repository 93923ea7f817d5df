import { CLUB_STATUSES, type ClubStatus } from '@mrc/domain';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from 'graphql-scalars';
import { LocalisedText } from '../../common/localisation.js';
import { enumOf } from '../../graphql/enum-of.js';

export const ClubStatusEnum = enumOf(CLUB_STATUSES);

registerEnumType(ClubStatusEnum, {
  name: 'ClubStatus',
  description: 'Where a club stands.',
  valuesMap: {
    PLANNED: { description: 'Set up but not meeting yet.' },
    ACTIVE: { description: 'Meeting on its schedule.' },
    PAUSED: { description: 'On a break (holidays, no leader for now); it has met before.' },
    CLOSED: { description: 'Stopped; kept with its history and can be reopened.' },
  },
});

@ObjectType('ClubType', { description: 'A kind of interest club in the regional catalogue (dombra, oratory, singing, ...), launched at the regional centre and rolled out to the districts.' })
export class ClubType {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field({ description: 'Short stable key, e.g. `dombra`; unique in the catalogue.' })
  code!: string;

  @Field(() => LocalisedText, { description: 'The name in all three languages.' })
  names!: LocalisedText;

  @Field(() => LocalisedText, { description: 'What the club does, in all three languages.' })
  descriptions!: LocalisedText;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the type left the catalogue; null while new clubs of it may start.' })
  closedOn!: string | null;
}

@ObjectType('Club', { description: 'One club type running at one centre, with its leader and schedule.' })
export class Club {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field(() => ClubStatusEnum, { description: 'Where the club stands.' })
  status!: ClubStatus;

  @Field(() => String, { nullable: true, description: 'Who leads the club (a staff member or invited expert); null until someone is assigned.' })
  leaderName!: string | null;

  @Field(() => LocalisedText, { description: 'When the club meets, in all three languages, e.g. "Tue, Thu 18:00–19:30".' })
  schedules!: LocalisedText;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day of the first meeting; null while PLANNED.' })
  startedOn!: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the club closed; null while it is open.' })
  closedOn!: string | null;

  /** Not fields: `type` and `centre` resolve them through DataLoaders. */
  clubTypeId!: string;
  centreId!: string;
}
