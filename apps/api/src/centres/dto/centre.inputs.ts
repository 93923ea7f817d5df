import { CENTRE_KINDS, type CentreKind } from '@mrc/domain';
import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsLatitude, IsLongitude, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { GraphQLDate } from 'graphql-scalars';
import { LocalisedNameField, type LocalisedTextInput, OptionalLocalisedField, OptionalLocalisedNameField } from '../../common/localisation.js';
import { Centre, CentreKindEnum } from './centre.object.js';
import { IsCode, IsDay, IsEmailAddress, IsPhone, OmitOrGive, Trim } from '../../common/input-rules.js';

const DISTRICT_KINDS = CENTRE_KINDS.filter((kind) => kind !== 'REGIONAL');

@InputType({ description: 'A new centre under an existing one. Only the regional centre is REGIONAL.' })
export class CreateCentreInput {
  @Field({ description: 'Short stable key, e.g. `temirtau`; unique in the network.' })
  @IsCode()
  code!: string;

  @Field(() => CentreKindEnum, { description: 'What level of the network the centre serves (not REGIONAL).' })
  @IsIn(DISTRICT_KINDS, { message: 'must be CITY, CITY_DISTRICT or RURAL_DISTRICT' })
  kind!: CentreKind;

  @Field(() => ID, { description: 'The centre it reports to, e.g. the regional centre.' })
  @IsUUID('all', { message: 'must be a centre id' })
  parentId!: string;

  @LocalisedNameField('The name in the languages you have (at least one).')
  names!: LocalisedTextInput;

  @OptionalLocalisedField('The town the centre is in.')
  towns?: LocalisedTextInput | null;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84); give it with the longitude.' })
  @IsOptional()
  @IsLatitude({ message: 'must be a latitude from -90 to 90' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84); give it with the latitude.' })
  @IsOptional()
  @IsLongitude({ message: 'must be a longitude from -180 to 180' })
  longitude?: number | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the centre opened; reports are expected from then on.' })
  @IsOptional()
  @IsDay()
  openedOn?: Date | null;

  @Field(() => String, { nullable: true, description: 'Telephone number, e.g. `+7 7212 41 00 00`.' })
  @IsOptional()
  @Trim()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address of the centre.' })
  @IsOptional()
  @Trim()
  @IsEmailAddress()
  @MaxLength(254)
  email?: string | null;

  @OptionalLocalisedField('Street address.')
  address?: LocalisedTextInput | null;
}

@InputType({
  description:
    'Changes to a centre; omitted fields stay as they are, null clears an optional one. A district coordinator may change only the contacts (phone, email, address) of their own centre.',
})
export class UpdateCentreInput {
  @Field(() => ID, { description: 'The centre to change.' })
  @IsUUID('all', { message: 'must be a centre id' })
  id!: string;

  @Field({ nullable: true, description: 'Short stable key; unique in the network.' })
  @OmitOrGive()
  @IsCode()
  code?: string;

  @Field(() => CentreKindEnum, { nullable: true, description: 'What level of the network the centre serves.' })
  @OmitOrGive()
  @IsIn(CENTRE_KINDS)
  kind?: CentreKind;

  @Field(() => ID, { nullable: true, description: 'Moves the centre under another one (not under itself or a centre below it).' })
  @OmitOrGive()
  @IsUUID('all', { message: 'must be a centre id' })
  parentId?: string;

  @OptionalLocalisedNameField('The name (at least one language stays filled in).')
  names?: LocalisedTextInput;

  @OptionalLocalisedField('The town the centre is in.')
  towns?: LocalisedTextInput | null;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84); set or clear it with the longitude.' })
  @IsOptional()
  @IsLatitude({ message: 'must be a latitude from -90 to 90' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84); set or clear it with the latitude.' })
  @IsOptional()
  @IsLongitude({ message: 'must be a longitude from -180 to 180' })
  longitude?: number | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the centre opened.' })
  @IsOptional()
  @IsDay()
  openedOn?: Date | null;

  @Field(() => String, { nullable: true, description: 'Telephone number.' })
  @IsOptional()
  @Trim()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address of the centre.' })
  @IsOptional()
  @Trim()
  @IsEmailAddress()
  @MaxLength(254)
  email?: string | null;

  @OptionalLocalisedField('Street address.')
  address?: LocalisedTextInput | null;
}

@ObjectType({ description: 'The centre a mutation changed.' })
export class CentrePayload {
  @Field(() => Centre, { description: 'The centre as it is now.' })
  centre!: Centre;
}
