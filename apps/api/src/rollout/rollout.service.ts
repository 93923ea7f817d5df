import {
  isRolloutLate,
  type Language,
  mayEditRolloutDetails,
  nextRolloutStatus,
  openGates,
  ROLLOUT_GATES,
  type RolloutAction,
  rolloutRefusal,
} from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { type AuditedRecordType, AuditedWrites } from '../audit/audited-writes.js';
import { stableJson } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { CentreEntity } from '../centres/centre.entity.js';
import { applyCentreScope } from '../centres/centre-scope.js';
import { checkOpenCentre } from '../centres/open-centre.js';
import { ClubTypeEntity } from '../clubs/club-type.entity.js';
import { isoDay, today } from '../common/dates.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { groupByKey } from '../common/grouping.js';
import { localisedNameSql } from '../common/localisation.js';
import { type ConnectionShape, keysetConnection, OrderDirection } from '../common/pagination.js';
import { problem } from '../common/problems.js';
import { LiveEvents } from '../graphql/live-events.js';
import { UserEntity } from '../users/user.entity.js';
import type { AdvanceRolloutInput, PlanRolloutInput, RolloutItemsArgs, UpdateRolloutItemInput } from './dto/rollout.inputs.js';
import { RolloutOrderField } from './dto/rollout.inputs.js';
import type { RolloutChange, RolloutItem } from './dto/rollout.objects.js';
import { RolloutChangeEntity, RolloutItemEntity } from './rollout-item.entity.js';

/** The channel of rollout changes: the payload is `{ rolloutItemChanged: RolloutItem }`. */
export const ROLLOUT_ITEM_CHANGED = 'rolloutItemChanged';

/** The fields whose changes the history and the audit trail follow. */
const FOLLOWED = ['status', 'gates', 'plannedOn', 'launchedOn', 'responsibleName', 'notes'] as const;

const ROLLOUT_RECORD: AuditedRecordType<RolloutItemEntity> = {
  entity: RolloutItemEntity,
  type: 'RolloutItem',
  fields: [...FOLLOWED, 'statusReason'],
  policyRecord: (item) => ({ centreId: item.centreId }),
};

export function toRolloutItem(entity: RolloutItemEntity, day = today()): RolloutItem {
  const gates = ROLLOUT_GATES.filter((gate) => entity.gates.includes(gate));
  return {
    id: entity.id,
    clubTypeId: entity.clubTypeId,
    centreId: entity.centreId,
    plannedOn: entity.plannedOn,
    status: entity.status,
    gates,
    openGates: openGates(gates),
    launchedOn: entity.launchedOn,
    responsibleName: entity.responsibleName,
    notes: entity.notes,
    statusReason: entity.statusReason,
    late: isRolloutLate(entity, day),
    version: entity.version,
    updatedAt: entity.updatedAt,
  };
}

/** SQL for "late", as isRolloutLate says it. */
const LATE_SQL = `(i.planned_on < :today AND i.status IN ('PLANNED', 'PREPARING'))`;

/**
 * The rollout of club types to the district centres. Every change goes through AuditedWrites (one
 * transaction, the policy on the record itself, an audit entry), writes a history row per field
 * that really changed, and is announced to live subscribers once it has committed.
 */
@Injectable()
export class RolloutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: AuditedWrites,
    private readonly events: LiveEvents,
  ) {}

  async getItem(id: string): Promise<RolloutItem> {
    const item = await this.dataSource.manager.findOneBy(RolloutItemEntity, { id });
    if (!item) throw new NotFoundError('RolloutItem', id);
    return toRolloutItem(item);
  }

  listItems(args: RolloutItemsArgs, language: Language): Promise<ConnectionShape<RolloutItem>> {
    const query = this.dataSource.manager
      .createQueryBuilder(RolloutItemEntity, 'i')
      .innerJoin(ClubTypeEntity, 't', 't.id = i.club_type_id')
      .innerJoin(CentreEntity, 'c', 'c.id = i.centre_id');
    const filter = args.filter;
    applyCentreScope(query, 'i.centre_id', filter);
    if (filter?.clubTypeIds?.length) query.andWhere('i.club_type_id IN (:...clubTypeIds)', { clubTypeIds: filter.clubTypeIds });
    if (filter?.statuses?.length) query.andWhere('i.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.late !== undefined && filter.late !== null) query.andWhere(filter.late ? LATE_SQL : `NOT ${LATE_SQL}`, { today: today() });

    const field = args.orderBy?.field ?? RolloutOrderField.CENTRE;
    const descending = args.orderBy?.direction === OrderDirection.DESC;
    const typeName = localisedNameSql('t', language);
    const centreName = localisedNameSql('c', language);
    const plannedOn = `coalesce(to_char(i.planned_on, 'YYYY-MM-DD'), 'infinity') COLLATE "C"`;
    const keys = { CENTRE: [centreName, typeName], CLUB_TYPE: [typeName, centreName], PLANNED_ON: [plannedOn, centreName] }[field];
    const day = today();
    return keysetConnection(query, { keys, id: 'i.id', descending, ordering: `rollout:${field}:${descending ? 'DESC' : 'ASC'}:${language}` }, args, (item) =>
      toRolloutItem(item, day),
    );
  }

  /** For the DataLoaders: each item's history, oldest first, with the names of who made each change. */
  async historyOf(itemIds: readonly string[]): Promise<RolloutChange[][]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(RolloutChangeEntity, 'h')
      .leftJoin(UserEntity, 'u', 'u.id = h.actor_id')
      .addSelect('u.display_name', 'actor_name')
      .where('h.item_id IN (:...itemIds)', { itemIds })
      .orderBy('h.id', 'ASC')
      .getRawAndEntities<{ actor_name: string | null }>();
    const changes = rows.entities.map((entity, index) => ({ entity, actorName: rows.raw[index]?.actor_name ?? null }));
    return groupByKey(itemIds, changes, (change) => change.entity.itemId, ({ entity, actorName }) => ({
      at: entity.changedAt,
      actorName,
      action: entity.action,
      field: entity.field,
      from: asText(entity.before),
      to: asText(entity.after),
      reason: entity.reason,
    }));
  }

  /** For the DataLoaders: the items of each centre. */
  async itemsOfCentres(centreIds: readonly string[]): Promise<RolloutItem[][]> {
    const rows = await this.dataSource.manager.find(RolloutItemEntity, { where: { centreId: In([...centreIds]) }, order: { id: 'ASC' } });
    const day = today();
    return groupByKey(centreIds, rows, (row) => row.centreId, (row) => toRolloutItem(row, day));
  }

  async plan(actor: Actor, input: PlanRolloutInput): Promise<RolloutItem> {
    const item = await this.writes.create(actor, ROLLOUT_RECORD, { centreId: input.centreId }, async (manager) => {
      const { centre, problems } = await checkOpenCentre(manager, input.centreId);
      if (centre?.kind === 'REGIONAL') problems.centreId = problem('notADistrict');
      const type = await manager.findOne(ClubTypeEntity, { where: { id: input.clubTypeId }, lock: { mode: 'pessimistic_read' } });
      if (!type) problems.clubTypeId = problem('noSuchRecord');
      else if (type.closedOn) problems.clubTypeId = problem('clubTypeRetired', { day: type.closedOn });
      if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
      const existing = await manager.findOneBy(RolloutItemEntity, { clubTypeId: input.clubTypeId, centreId: input.centreId });
      if (existing) throw new ConflictError('This district already has this club type on the plan.', { rolloutItemId: existing.id, fields: { clubTypeId: problem('alreadyPlanned') } });
      return manager.create(RolloutItemEntity, {
        clubTypeId: input.clubTypeId,
        centreId: input.centreId,
        plannedOn: isoDay(input.plannedOn),
        status: 'PLANNED',
        gates: [],
        responsibleName: input.responsibleName ?? null,
        notes: input.notes ?? null,
      });
    }, (manager, saved) => writeHistory(manager, actor, 'PLAN', null, saved, null));
    return this.announce(item);
  }

  async update(actor: Actor, input: UpdateRolloutItemInput): Promise<RolloutItem> {
    const item = await this.writes.update(actor, ROLLOUT_RECORD, input.id, 'UPDATE_ROLLOUT_ITEM', async (record, manager) => {
      assertVersion(record, input.version);
      const user = policyUser(actor);
      if (!mayEditRolloutDetails(record, user)) throw new ConflictError('A cancelled item cannot be changed; revive it first.', { status: record.status });
      const before = { ...record, gates: [...record.gates] };
      if (input.plannedOn !== undefined) {
        if (actor.user.role !== 'REGIONAL_ADMIN') throw new ForbiddenError('The planned day is the region\'s to set.');
        record.plannedOn = isoDay(input.plannedOn);
      }
      if (input.gates !== undefined) {
        const gates = ROLLOUT_GATES.filter((gate) => input.gates!.includes(gate));
        if ((record.status === 'LAUNCHED' || record.status === 'ACTIVE') && openGates(gates).length > 0) {
          throw new BadUserInputError('A launched club keeps all its gates; pause it instead.', { gates: problem('launchedKeepsGates') });
        }
        record.gates = gates;
      }
      if (input.notes !== undefined) record.notes = input.notes || null;
      if (input.responsibleName !== undefined) record.responsibleName = input.responsibleName || null;
      await writeHistory(manager, actor, 'UPDATE', before, record, null);
    });
    // A change that changed nothing keeps its version, and nobody needs telling.
    return item.version === input.version ? toRolloutItem(item) : this.announce(item);
  }

  async advance(actor: Actor, input: AdvanceRolloutInput): Promise<RolloutItem> {
    const item = await this.writes.update(actor, ROLLOUT_RECORD, input.id, input.action, async (record, manager) => {
      assertVersion(record, input.version);
      refuseUnlessAllowed(actor, record, input.action, input.reason);
      if (input.launchedOn && input.action !== 'LAUNCH') {
        throw new BadUserInputError('A launch day goes with LAUNCH only.', { launchedOn: problem('onlyWithLaunch') });
      }
      const before = { ...record, gates: [...record.gates] };
      record.status = nextRolloutStatus(record, input.action)!;
      if (input.action === 'LAUNCH') record.launchedOn = await launchDay(manager, record, input.launchedOn);
      if (input.action === 'PAUSE' || input.action === 'CANCEL') record.statusReason = input.reason!.trim();
      if (input.action === 'RESUME' || input.action === 'REVIVE') record.statusReason = null;
      if (input.action === 'REVIVE') {
        // A revived item starts again from the plan: its earlier launch, if any, is history.
        record.launchedOn = null;
        record.gates = [];
      }
      await writeHistory(manager, actor, input.action, before, record, input.reason?.trim() || null);
    });
    return this.announce(item);
  }

  private announce(entity: RolloutItemEntity): RolloutItem {
    const item = toRolloutItem(entity);
    this.events.publish(ROLLOUT_ITEM_CHANGED, { [ROLLOUT_ITEM_CHANGED]: item });
    return item;
  }
}

function policyUser(actor: Actor) {
  return { id: actor.user.id, role: actor.user.role, centreId: actor.user.centreId };
}

function assertVersion(record: RolloutItemEntity, version: number): void {
  if (record.version !== version) {
    throw new ConflictError(`The item has changed since version ${version}; it is now at version ${record.version}. Reload it and try again.`, {
      rolloutItemId: record.id,
      currentVersion: record.version,
      status: record.status,
    });
  }
}

/** The domain's refusal, as the code a client branches on and a message a person reads. */
function refuseUnlessAllowed(actor: Actor, record: RolloutItemEntity, action: RolloutAction, reason: string | null | undefined): void {
  const refusal = rolloutRefusal(record, action, policyUser(actor), reason);
  switch (refusal) {
    case null:
      return;
    case 'notYourDistrict':
      throw new ForbiddenError('This item belongs to another district.');
    case 'regionDecides':
      throw new ForbiddenError('Only the regional centre cancels or revives a club in a district.');
    case 'notAllowedFromStatus':
      throw new ConflictError(`An item that is ${record.status} cannot take the step ${action}.`, { status: record.status, currentVersion: record.version });
    case 'gatesOpen': {
      const open = openGates(record.gates);
      throw new BadUserInputError(`A club cannot run while gates are open: ${open.join(', ')}.`, { action: problem('gatesOpen', { gates: open.join(', ') }) });
    }
    case 'reasonNeeded':
      throw new BadUserInputError(`Say why (${action}).`, { reason: problem('reasonNeeded') });
  }
}

/** The day a club launched: today unless given; not in the future, nor before its centre opened (nor this century, when that is unknown). */
async function launchDay(manager: EntityManager, record: RolloutItemEntity, given: Date | null | undefined): Promise<string> {
  const day = given ? isoDay(given) : today();
  if (day > today()) throw new BadUserInputError('A launch cannot be in the future.', { launchedOn: problem('notInFuture') });
  const centre = await manager.findOneBy(CentreEntity, { id: record.centreId });
  const earliest = centre?.openedOn ?? '2000-01-01';
  if (day < earliest) throw new BadUserInputError('A club cannot launch before its centre opened.', { launchedOn: problem('notBeforeCentreOpened', { day: earliest }) });
  return day;
}

/** A history row for each followed field whose value really changed; nothing for a change that changes nothing. */
async function writeHistory(
  manager: EntityManager,
  actor: Actor,
  action: string,
  before: RolloutItemEntity | null,
  after: RolloutItemEntity,
  reason: string | null,
): Promise<void> {
  const rows = FOLLOWED.flatMap((field) => {
    const was = before ? (before[field] ?? null) : null;
    const now = after[field] ?? null;
    if (stableJson(was) === stableJson(now) || (was === null && Array.isArray(now) && now.length === 0)) return [];
    return [{ itemId: after.id, actorId: actor.user.id, action, field, before: was, after: now, reason }];
  });
  if (rows.length > 0) await manager.insert(RolloutChangeEntity, rows);
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(', ');
  return String(value);
}
