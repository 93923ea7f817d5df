import type { Language, Role } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager, In, type Repository } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service.js';
import { type Actor, authorize } from '../auth/actor.js';
import { PasswordService } from '../auth/passwords.js';
import { RateLimits } from '../auth/rate-limits.js';
import { SessionEntity } from '../auth/session.entity.js';
import { applyCentreScope } from '../centres/centre-scope.js';
import { CentreEntity } from '../centres/centre.entity.js';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors.js';
import { type ConnectionShape, decodeCursor, toConnection } from '../common/pagination.js';
import type { User } from './dto/user.object.js';
import type {
  ChangeMyPasswordInput,
  CreateUserInput,
  ResetUserPasswordInput,
  UpdateMyPreferencesInput,
  UpdateUserInput,
  UsersArgs,
} from './dto/user.inputs.js';
import { UserEntity } from './user.entity.js';
import { toUser } from './user.mapper.js';

/** Fields of an account that the audit trail follows. */
const AUDITED_FIELDS: (keyof UserEntity & string)[] = ['email', 'displayName', 'role', 'centreId', 'active', 'preferredLanguage', 'passwordHash'];

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  centreId: string | null;
  preferredLanguage: Language;
  password: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
  ) {}

  async getUser(actor: Actor, id: string): Promise<User> {
    // Checked before the lookup, so a guessed id tells a non-administrator nothing about who exists.
    authorize(actor, 'read', 'User', { id });
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return toUser(user);
  }

  async listUsers(args: UsersArgs): Promise<ConnectionShape<User>> {
    const ordering = 'EMAIL';
    const query = this.users.createQueryBuilder('u');
    const filter = args.filter;
    if (filter?.role) query.andWhere('u.role = :role', { role: filter.role });
    applyCentreScope(query, 'u.centre_id', filter);
    if (filter?.active !== undefined) query.andWhere('u.active = :active', { active: filter.active });
    const search = filter?.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      query.andWhere(new Brackets((where) => where.where('u.email ILIKE :pattern', { pattern }).orWhere('u.display_name ILIKE :pattern', { pattern })));
    }
    const page = query.clone();
    if (args.after) {
      const [email] = decodeCursor(args.after, ordering, 1);
      page.andWhere('u.email > :email', { email });
    }
    page.orderBy('u.email', 'ASC').limit(args.first + 1);
    return toConnection(() => page.getMany(), args, ordering, (row) => [row.email], toUser, query);
  }

  /** For the DataLoader: users by id, in the order asked for (null where none). */
  async findByIds(ids: readonly string[]): Promise<(User | null)[]> {
    const found = await this.users.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((user) => [user.id, toUser(user)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  createUser(actor: Actor, input: CreateUserInput): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertAccount(manager, { ...input, centreId: input.centreId ?? null });
      await this.audit.record(manager, {
        actorId: actor.user.id,
        action: 'CREATE_USER',
        entityType: 'User',
        entityId: user.id,
        centreId: user.centreId,
        changes: changedFields(null, user, AUDITED_FIELDS),
        requestId: actor.requestId,
      });
      return toUser(user);
    });
  }

  /** An administrator added from the command line (no actor yet): audited as done by nobody. */
  createFirstAdmin(email: string, displayName: string, password: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertAccount(manager, { email, displayName, role: 'REGIONAL_ADMIN', centreId: null, preferredLanguage: 'ru', password });
      await this.audit.record(manager, {
        actorId: null,
        action: 'CREATE_USER',
        entityType: 'User',
        entityId: user.id,
        changes: changedFields(null, user, AUDITED_FIELDS),
        requestId: 'create-admin command',
      });
      return toUser(user);
    });
  }

  /**
   * Inserts an account after checking it: the email is free, the password acceptable, and a
   * coordinator (only a coordinator) has an existing centre. Also used by the start-up seeds.
   */
  async insertAccount(manager: EntityManager, account: NewAccount): Promise<UserEntity> {
    const email = account.email.trim().toLowerCase();
    const problems: Record<string, string> = {};
    const passwordProblem = await this.passwords.problemWith(account.password, [email, account.displayName]);
    if (passwordProblem) problems.password = passwordProblem;
    Object.assign(problems, await centreProblems(manager, account.role, account.centreId));
    if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
    if (await manager.existsBy(UserEntity, { email })) {
      throw new ConflictError('An account with this email already exists.', { fields: { email: 'is already in use' } });
    }
    const user = manager.create(UserEntity, {
      email,
      displayName: account.displayName.trim(),
      role: account.role,
      centreId: account.role === 'DISTRICT_COORDINATOR' ? account.centreId : null,
      active: true,
      preferredLanguage: account.preferredLanguage,
      passwordHash: await this.passwords.hash(account.password),
    });
    return manager.save(user);
  }

  updateUser(actor: Actor, input: UpdateUserInput): Promise<User> {
    return this.change(actor, input.id, 'UPDATE_USER', async (user, manager) => {
      const role = input.role ?? user.role;
      // An omitted centre stays for a coordinator and goes for the other roles; a given one is checked.
      const centreId = input.centreId !== undefined ? input.centreId : role === 'DISTRICT_COORDINATOR' ? user.centreId : null;
      const problems = await centreProblems(manager, role, centreId);
      if (Object.keys(problems).length > 0) throw new BadUserInputError('Check centreId.', problems);
      if (user.role === 'REGIONAL_ADMIN' && role !== 'REGIONAL_ADMIN') await assertAnotherAdmin(manager, user.id);
      if (input.displayName !== undefined) user.displayName = input.displayName.trim();
      if (input.preferredLanguage !== undefined) user.preferredLanguage = input.preferredLanguage;
      user.role = role;
      user.centreId = centreId;
    });
  }

  deactivateUser(actor: Actor, id: string): Promise<User> {
    if (id === actor.user.id) throw new BadUserInputError('You cannot deactivate your own account.', { id: 'is your own account' });
    return this.change(actor, id, 'DEACTIVATE_USER', async (user, manager) => {
      if (user.role === 'REGIONAL_ADMIN') await assertAnotherAdmin(manager, user.id);
      user.active = false;
      // Sessions end at once: every request checks its session, so tokens already issued stop working.
      await revokeSessions(manager, user.id, 'deactivated');
    });
  }

  activateUser(actor: Actor, id: string): Promise<User> {
    return this.change(actor, id, 'ACTIVATE_USER', async (user) => {
      user.active = true;
    });
  }

  resetPassword(actor: Actor, input: ResetUserPasswordInput): Promise<User> {
    return this.change(actor, input.id, 'RESET_PASSWORD', async (user, manager) => {
      await this.setPassword(user, input.newPassword, 'newPassword');
      await revokeSessions(manager, user.id, 'password reset');
    });
  }

  changeMyPassword(actor: Actor, input: ChangeMyPasswordInput): Promise<User> {
    return this.change(actor, actor.user.id, 'CHANGE_OWN_PASSWORD', async (user, manager) => {
      // Counted like sign-ins: a stolen access token must not become a way to guess the password.
      await this.limits.beforePasswordCheck(user.email, actor.address);
      if (!(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
        throw new BadUserInputError('The current password is wrong.', { currentPassword: 'is wrong' });
      }
      await this.limits.passwordAccepted(user.email);
      await this.setPassword(user, input.newPassword, 'newPassword');
      // Other devices sign in again; this session goes on. Sessions already expired keep how they ended.
      await manager
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ revokedAt: () => 'now()', revokedReason: 'password changed' })
        .where('user_id = :userId AND revoked_at IS NULL AND expires_at > now() AND id <> :sessionId', { userId: user.id, sessionId: actor.sessionId })
        .execute();
    }, { ownAccount: true });
  }

  updateMyPreferences(actor: Actor, input: UpdateMyPreferencesInput): Promise<User> {
    return this.change(actor, actor.user.id, 'UPDATE_OWN_PREFERENCES', async (user) => {
      if (input.displayName !== undefined) user.displayName = input.displayName.trim();
      if (input.preferredLanguage !== undefined) user.preferredLanguage = input.preferredLanguage;
    }, { ownAccount: true });
  }

  private async setPassword(user: UserEntity, password: string, field: string): Promise<void> {
    const problem = await this.passwords.problemWith(password, [user.email, user.displayName]);
    if (problem) throw new BadUserInputError(`The new password ${problem}.`, { [field]: problem });
    user.passwordHash = await this.passwords.hash(password);
  }

  /**
   * One audited change to an account, in one transaction: lock the row, check the actor may change
   * it, apply, save, and record exactly the fields that changed.
   */
  private change(
    actor: Actor,
    id: string,
    action: string,
    apply: (user: UserEntity, manager: EntityManager) => Promise<void>,
    { ownAccount = false } = {},
  ): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw ownAccount ? new UnauthenticatedError() : new NotFoundError('User', id);
      if (!ownAccount) authorize(actor, 'update', 'User', user);
      const before = { ...user };
      await apply(user, manager);
      const changes = changedFields(before, user, AUDITED_FIELDS);
      const saved = changes.length > 0 ? await manager.save(user) : user;
      await this.audit.record(manager, {
        actorId: actor.user.id,
        action,
        entityType: 'User',
        entityId: user.id,
        centreId: user.centreId ?? before.centreId,
        changes,
        requestId: actor.requestId,
      });
      return toUser(saved);
    });
  }
}

async function centreProblems(manager: EntityManager, role: Role, centreId: string | null | undefined): Promise<Record<string, string>> {
  if (role !== 'DISTRICT_COORDINATOR') {
    return centreId ? { centreId: 'only a district coordinator belongs to a centre' } : {};
  }
  if (!centreId) return { centreId: 'a district coordinator needs a centre' };
  if (!(await manager.existsBy(CentreEntity, { id: centreId }))) return { centreId: 'no centre has this id' };
  return {};
}

/** Someone must be left to manage the network: the last active administrator stays one. */
async function assertAnotherAdmin(manager: EntityManager, userId: string): Promise<void> {
  // Locking the other administrators' rows serialises two admins demoting each other at once.
  const others = await manager
    .createQueryBuilder(UserEntity, 'u')
    .select('u.id')
    .where("u.role = 'REGIONAL_ADMIN' AND u.active AND u.id <> :userId", { userId })
    .setLock('pessimistic_write')
    .getMany();
  if (others.length === 0) throw new ConflictError('This is the last active administrator; make another one first.');
}

/**
 * Ends a user's live sessions. An expired one is left as it is: it ended when it expired, and its row
 * (kept SESSION_KEEP_DAYS for people to read) must not claim a later end for another reason.
 */
export async function revokeSessions(manager: EntityManager, userId: string, reason: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(SessionEntity)
    .set({ revokedAt: () => 'now()', revokedReason: reason })
    .where('user_id = :userId AND revoked_at IS NULL AND expires_at > now()', { userId })
    .execute();
}
