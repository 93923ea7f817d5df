import { CENTRE_KINDS, type CentreKind } from '@mrc/domain';
import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from 'graphql-scalars';
import { LocalisedText } from '../../common/localisation.js';
import { enumOf } from '../../graphql/enum-of.js';

export const CentreKindEnum = enumOf(CENTRE_KINDS);

registerEnumType(CentreKindEnum, {
  name: 'CentreKind',
  description: 'What level of the network a centre serves.',
  valuesMap: {
    REGIONAL: { description: 'The regional Youth Resource Centre, root of the network.' },
    CITY: { description: 'A centre of a city of regional significance (e.g. Temirtau).' },
    CITY_DISTRICT: { description: 'A centre of a district of a city (Karaganda has two).' },
    RURAL_DISTRICT: { description: 'A centre of a rural district, in the district town.' },
  },
});

@ObjectType('Centre', {
  description:
    'A youth resource centre: the regional MRC or a centre under it. Young people aged 14–35 use every centre for free.',
})
export class Centre {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field({ description: 'Short stable key, e.g. `temirtau`; unique in the network.' })
  code!: string;

  @Field(() => CentreKindEnum, { description: 'What level of the network the centre serves.' })
  kind!: CentreKind;

  @Field(() => LocalisedText, { description: 'The name in all three languages.' })
  names!: LocalisedText;

  @Field(() => LocalisedText, { description: 'The town the centre is in, in all three languages.' })
  towns!: LocalisedText;

  @Field(() => Float, { nullable: true, description: 'Latitude of the centre (WGS 84 degrees).' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude of the centre (WGS 84 degrees).' })
  longitude!: number | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the centre opened, when known.' })
  openedOn!: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the centre closed; null while it is open.' })
  closedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone number of the centre, as it is dialled.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address of the centre.' })
  email!: string | null;

  @Field(() => LocalisedText, { description: 'Street address in all three languages.' })
  addresses!: LocalisedText;

  /** Not a field: `parent` resolves it through a DataLoader. */
  parentId!: string | null;
}
