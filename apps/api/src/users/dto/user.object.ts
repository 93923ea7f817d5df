import { type Language, type Role, ROLES } from '@mrc/domain';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { LanguageEnum } from '../../common/localisation.js';
import { enumOf } from '../../graphql/enum-of.js';

export const RoleEnum = enumOf(ROLES);

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a user may do.',
  valuesMap: {
    REGIONAL_ADMIN: { description: 'Staff of the regional centre: everything, including users and the audit trail.' },
    DISTRICT_COORDINATOR: { description: 'One per district centre: reads the network, writes only their own centre\'s data.' },
    ANALYST: { description: 'Reads the whole network, writes nothing.' },
  },
});

@ObjectType('User', { description: 'A person who signs in to the platform.' })
export class User {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field({ description: 'Sign-in address, lower-case.' })
  email!: string;

  @Field({ description: 'The name shown to others.' })
  displayName!: string;

  @Field(() => RoleEnum, { description: 'What the user may do.' })
  role!: Role;

  @Field({ description: 'False once deactivated: such a user cannot sign in and their sessions have ended.' })
  active!: boolean;

  @Field(() => LanguageEnum, { description: 'The language the dashboard opens in for this user.' })
  preferredLanguage!: Language;

  @Field(() => GraphQLDateTime, { description: 'When the account was created.' })
  createdAt!: Date;

  /** Not a plain field: UsersResolver.lastSignInAt notes that the answer shows sign-in activity. */
  lastSignInAt!: Date | null;

  /** Not a field: `centre` resolves it through a DataLoader. */
  centreId!: string | null;
}
