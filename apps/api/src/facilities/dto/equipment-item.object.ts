import { EQUIPMENT_KINDS, type EquipmentKind } from '@mrc/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from 'graphql-scalars';
import { LocalisedText } from '../../common/localisation.js';
import { enumOf } from '../../graphql/enum-of.js';

export const EquipmentKindEnum = enumOf(EQUIPMENT_KINDS);

registerEnumType(EquipmentKindEnum, {
  name: 'EquipmentKind',
  description: 'What kind of equipment an item is.',
  valuesMap: {
    LIGHT: { description: 'Lighting: studio lights, LED panels.' },
    CAMERA: { description: 'Photo and video cameras, lenses, tripods.' },
    SOUND: { description: 'Microphones, recorders, mixers, speakers.' },
    COMPUTER: { description: 'Laptops and tablets.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType('EquipmentItem', { description: 'Equipment a centre lends to young people (light, cameras, sound), with how many it has.' })
export class EquipmentItem {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field(() => EquipmentKindEnum, { description: 'What kind of equipment it is.' })
  kind!: EquipmentKind;

  @Field(() => LocalisedText, { description: 'The name in all three languages.' })
  names!: LocalisedText;

  @Field(() => Int, { description: 'How many of it the centre has.' })
  quantity!: number;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day it was written off; null while it can be lent.' })
  closedOn!: string | null;

  /** Not a field: `centre` resolves it through a DataLoader. */
  centreId!: string;
}
