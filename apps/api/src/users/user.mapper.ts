import type { UserEntity } from './user.entity.js';
import type { User } from './dto/user.object.js';

/** The stored account as the API shows it: never the password hash. */
export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    role: entity.role,
    active: entity.active,
    preferredLanguage: entity.preferredLanguage,
    createdAt: entity.createdAt,
    lastSignInAt: entity.lastSignInAt,
    centreId: entity.centreId,
  };
}
