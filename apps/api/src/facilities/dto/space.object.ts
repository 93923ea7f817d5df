import { SPACE_KINDS, type SpaceKind } from '@mrc/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from 'graphql-scalars';
import { LocalisedText } from '../../common/localisation.js';
import { enumOf } from '../../graphql/enum-of.js';

export const SpaceKindEnum = enumOf(SPACE_KINDS);

registerEnumType(SpaceKindEnum, {
  name: 'SpaceKind',
  description: 'What a space is for.',
  valuesMap: {
    COWORKING: { description: 'A coworking zone: desks and wifi for study and projects.' },
    PODCAST_STUDIO: { description: 'A podcast studio.' },
    DESIGN_STUDIO: { description: 'A design studio.' },
    LECTURE_HALL: { description: 'A lecture hall for talks, screenings and trainings.' },
    PHOTO_STUDIO: { description: 'A photo studio.' },
    SOUND_STUDIO: { description: 'A sound-recording studio.' },
    OTHER: { description: 'Any other room.' },
  },
});

@ObjectType('Space', { description: 'A room of a centre that young people use for free: a coworking zone, a studio, a lecture hall.' })
export class Space {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field(() => SpaceKindEnum, { description: 'What the space is for.' })
  kind!: SpaceKind;

  @Field(() => LocalisedText, { description: 'The name in all three languages.' })
  names!: LocalisedText;

  @Field(() => Int, { description: 'How many people the space holds.' })
  capacity!: number;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the space closed; null while it is in use.' })
  closedOn!: string | null;

  /** Not a field: `centre` resolves it through a DataLoader. */
  centreId!: string;
}
