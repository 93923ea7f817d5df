import { type Language, type Role, ROLES } from '@mrc/domain';
import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { HasNoNul, OmitOrGive, Trim } from '../../common/input-rules.js';
import { LanguageEnum } from '../../common/localisation.js';
import { CentreScopeFilter } from '../../centres/centre-scope.js';
import { ConnectionArgs } from '../../common/pagination.js';
import { RoleEnum, User } from './user.object.js';

const LANGUAGE_CODES = Object.values(LanguageEnum);

/**
 * A user's name as the app_user_display_name_present CHECK wants it: trimmed before the length is
 * checked, so a name of only spaces, tabs or line breaks is refused at the field (found by fuzzing:
 * it passed a plain MinLength(1) and then broke the CHECK), and without the NUL PostgreSQL refuses.
 */
const DisplayNameRules = () => applyDecorators(Trim(), IsString(), MinLength(1, { message: 'must not be empty' }), MaxLength(200), HasNoNul());

@InputType({ description: 'A new account. `centreId` is required exactly when the role is DISTRICT_COORDINATOR.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in address; stored lower-case.' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: 'The name shown to others; white space around it is dropped.' })
  @DisplayNameRules()
  displayName!: string;

  @Field(() => RoleEnum, { description: 'What the user may do.' })
  @IsIn(ROLES)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The coordinator\'s centre.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a centre id' })
  centreId?: string | null;

  @Field(() => LanguageEnum, { defaultValue: 'ru', description: 'The language the dashboard opens in.' })
  @IsIn(LANGUAGE_CODES)
  preferredLanguage: Language = 'ru';

  @Field({ description: 'At least 10 characters, not a common or easily guessed password.' })
  @IsString()
  password!: string;
}

@InputType({ description: 'Changes to an account; omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'The user to change.' })
  @IsUUID('all', { message: 'must be a user id' })
  id!: string;

  @Field({ nullable: true, description: 'The name shown to others; white space around it is dropped.' })
  // Null would reach the service as a name to trim and the NOT NULL column (found by fuzzing).
  @OmitOrGive()
  @DisplayNameRules()
  displayName?: string;

  @Field(() => RoleEnum, { nullable: true, description: 'What the user may do.' })
  @OmitOrGive()
  @IsIn(ROLES)
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'The coordinator\'s centre (required when the role becomes DISTRICT_COORDINATOR).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a centre id' })
  centreId?: string | null;

  @Field(() => LanguageEnum, { nullable: true, description: 'The language the dashboard opens in.' })
  @OmitOrGive()
  @IsIn(LANGUAGE_CODES)
  preferredLanguage?: Language;
}

@InputType({ description: 'Names one user.' })
export class UserIdInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID('all', { message: 'must be a user id' })
  id!: string;
}

@InputType({ description: 'A new password set by an administrator; the user\'s sessions end.' })
export class ResetUserPasswordInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID('all', { message: 'must be a user id' })
  id!: string;

  @Field({ description: 'At least 10 characters, not a common or easily guessed password.' })
  @IsString()
  newPassword!: string;
}

@InputType({ description: 'A new password chosen by the signed-in user.' })
export class ChangeMyPasswordInput {
  @Field({ description: 'The password in use now.' })
  @IsString()
  currentPassword!: string;

  @Field({ description: 'At least 10 characters, not a common or easily guessed password.' })
  @IsString()
  newPassword!: string;
}

@InputType({ description: 'The signed-in user\'s own settings; omitted fields stay as they are.' })
export class UpdateMyPreferencesInput {
  @Field({ nullable: true, description: 'The name shown to others; white space around it is dropped.' })
  // Null would reach the service as a name to trim and the NOT NULL column (found by fuzzing).
  @OmitOrGive()
  @DisplayNameRules()
  displayName?: string;

  @Field(() => LanguageEnum, { nullable: true, description: 'The language the dashboard opens in.' })
  @OmitOrGive()
  @IsIn(LANGUAGE_CODES)
  preferredLanguage?: Language;
}

@ObjectType({ description: 'The account a mutation changed.' })
export class UserPayload {
  @Field(() => User, { description: 'The account as it is now.' })
  user!: User;
}

@InputType({
  description:
    'Which users to list. Every field given must hold (AND). `centreId` gives the coordinators of that centre; with `includeSubtree`, of it and every centre below it (a region\'s whole team).',
})
export class UserFilter extends CentreScopeFilter {
  @Field(() => RoleEnum, { nullable: true, description: 'Only users with this role.' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @Field({ nullable: true, description: 'Only active (true) or deactivated (false) users.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true, description: 'Only users whose name or email contains this text.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => UserFilter, { nullable: true, description: 'Which users to list; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}

@ArgsType()
export class UserArgs {
  @Field(() => ID, { description: 'The user\'s id.' })
  @IsUUID('all', { message: 'must be a user id' })
  id!: string;
}
