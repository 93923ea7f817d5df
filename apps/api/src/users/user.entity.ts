import type { Language, Role } from '@mrc/domain';
import { Column, Entity } from 'typeorm';
import { RecordColumns } from '../database/record-columns.js';

/** A person who signs in. The GraphQL shape lives apart in dto/user.object.ts; the hash never leaves the API. */
@Entity({ name: 'app_user' })
export class UserEntity extends RecordColumns {
  /** Lower-case, trimmed: one account per address however it is typed. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** A coordinator's centre; null for the other roles (a CHECK constraint holds this). */
  @Column({ name: 'centre_id', type: 'uuid', nullable: true })
  centreId!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'preferred_language', type: 'text' })
  preferredLanguage!: Language;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;
}
