import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { User } from '../../users/dto/user.object.js';

@InputType({ description: 'Credentials to sign in with.' })
export class LoginInput {
  @Field({ description: 'The account\'s email (any letter case).' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field({ description: 'The account\'s password.' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

@ObjectType({
  description:
    'A signed-in session. Send `accessToken` as `Authorization: Bearer …`; renew it with `refreshSession` before `accessTokenExpiresAt` (the refresh token travels in an httpOnly cookie).',
})
export class SessionPayload {
  @Field({ description: 'Short-lived bearer token.' })
  accessToken!: string;

  @Field(() => GraphQLDateTime, { description: 'When the access token stops working.' })
  accessTokenExpiresAt!: Date;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}

@ObjectType({ description: 'The result of signing out.' })
export class LogoutPayload {
  @Field({ description: 'True: the session has ended and its cookie is cleared.' })
  ok!: boolean;
}
