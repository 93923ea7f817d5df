import type { PolicyRecord, PolicySubjectType } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { type Actor, authorize } from '../auth/actor.js';
import { NotFoundError } from '../common/errors.js';
import { AuditService, changedFields } from './audit.service.js';

/** What the audited writes need to know about one kind of record. */
export interface AuditedRecordType<E extends { id: string }> {
  entity: EntityTarget<E>;
  /** The policy subject and the audit trail's entity type, e.g. 'Club'. */
  type: Exclude<PolicySubjectType, 'all'>;
  /** The fields whose changes the trail records. */
  fields: (keyof E & string)[];
  /** What the policy looks at (a coordinator's centre) and the centre the audit entry files it under. */
  policyRecord(record: E): PolicyRecord;
  /** Loads what the trail follows beyond the row's own columns (a program's partners), before a change. */
  load?(manager: EntityManager, record: E): Promise<Partial<E>>;
}

/**
 * Creates and changes network records the one way every such write must go: in a transaction,
 * checked against the policy for the record itself, with an audit entry of exactly the fields that
 * changed committed together with the change (or neither).
 */
@Injectable()
export class AuditedWrites {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * `intended` is what the policy checks before anything is read (the centre the record is for),
   * so a coordinator writing to another centre hears FORBIDDEN, not a validation message about it.
   * `afterSave` writes what hangs on the new record (its history) in the same transaction.
   */
  create<E extends { id: string }>(
    actor: Actor,
    recordType: AuditedRecordType<E>,
    intended: PolicyRecord,
    build: (manager: EntityManager) => Promise<E>,
    afterSave?: (manager: EntityManager, saved: E) => Promise<void>,
  ): Promise<E> {
    authorize(actor, 'create', recordType.type, intended);
    return this.dataSource.transaction(async (manager) => {
      const record = await build(manager);
      authorize(actor, 'create', recordType.type, recordType.policyRecord(record));
      const saved = await manager.save(recordType.entity, record);
      await afterSave?.(manager, saved);
      await this.record(manager, actor, recordType, `CREATE_${upperSnake(recordType.type)}`, saved, changedFields(null, saved, recordType.fields));
      return saved;
    });
  }

  /**
   * Locks the record, checks the actor may change it (before and after the change, so nobody moves
   * a record out of their reach), applies the change and records what differs. A change that
   * changes nothing is still audited as an attempt with no fields, and returns the record as is.
   */
  update<E extends { id: string }>(
    actor: Actor,
    recordType: AuditedRecordType<E>,
    id: string,
    action: string,
    apply: (record: E, manager: EntityManager) => Promise<void> | void,
  ): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const record = await manager.findOne(recordType.entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
      if (!record) throw new NotFoundError(recordType.type, id);
      authorize(actor, 'update', recordType.type, recordType.policyRecord(record));
      if (recordType.load) Object.assign(record, await recordType.load(manager, record));
      const before = { ...record };
      await apply(record, manager);
      authorize(actor, 'update', recordType.type, recordType.policyRecord(record));
      const changes = changedFields(before, record, recordType.fields);
      const saved = changes.length > 0 ? await manager.save(recordType.entity, record) : record;
      await this.record(manager, actor, recordType, action, saved, changes);
      return saved;
    });
  }

  private record<E extends { id: string }>(
    manager: EntityManager,
    actor: Actor,
    recordType: AuditedRecordType<E>,
    action: string,
    record: E,
    changes: ReturnType<typeof changedFields>,
  ): Promise<void> {
    const policy = recordType.policyRecord(record);
    return this.audit.record(manager, {
      actorId: actor.user.id,
      action,
      entityType: recordType.type,
      entityId: record.id,
      centreId: policy.centreId ?? (recordType.type === 'Centre' ? record.id : null),
      changes,
      requestId: actor.requestId,
    });
  }
}

/** 'ProgramRun' → 'PROGRAM_RUN', for audit actions such as CREATE_PROGRAM_RUN. */
export function upperSnake(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
