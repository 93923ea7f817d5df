import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { applyCentreScope } from '../centres/centre-scope.js';
import { type ConnectionShape, decodeCursor, toConnection } from '../common/pagination.js';
import { AuditEntryEntity, type AuditFieldChange } from './audit-entry.entity.js';
import type { AuditEntry } from './dto/audit-entry.object.js';
import type { AuditEntriesArgs } from './dto/audit-entries.args.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  centreId?: string | null;
  changes?: AuditFieldChange[];
  requestId: string | null;
}

/** Fields whose values never enter the trail (their change is recorded, the value is not). */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);

/** The before/after of the fields that differ; secrets show as "changed" without their values. */
export function changedFields<T extends object>(before: Partial<T> | null, after: Partial<T>, fields: (keyof T & string)[]): AuditFieldChange[] {
  const changes: AuditFieldChange[] = [];
  for (const field of fields) {
    const was = before?.[field] ?? null;
    const now = after[field] ?? null;
    if (stableJson(was) === stableJson(now)) continue;
    changes.push(SECRET_FIELDS.has(field) ? { field, before: '(secret)', after: '(secret)' } : { field, before: was, after: now });
  }
  return changes;
}

/** JSON with object keys sorted: PostgreSQL hands jsonb back in its own key order, so {kk,ru,en} and {en,kk,ru} are one value. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Writes one entry inside the caller's transaction: the change and its record commit together or not at all. */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.save(
      manager.create(AuditEntryEntity, {
        actorId: record.actorId,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        centreId: record.centreId ?? null,
        changes: record.changes ?? [],
        requestId: record.requestId,
      }),
    );
  }

  async list(args: AuditEntriesArgs): Promise<ConnectionShape<AuditEntry>> {
    const ordering = 'NEWEST';
    const query = this.entries.createQueryBuilder('a');
    const filter = args.filter;
    if (filter?.userId) query.andWhere('a.actor_id = :userId', { userId: filter.userId });
    if (filter?.entityType) query.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter?.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    applyCentreScope(query, 'a.centre_id', filter);
    if (filter?.from) query.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter?.to) query.andWhere('a.occurred_at < :to', { to: filter.to });

    const page = query.clone();
    if (args.after) {
      const [occurredAt, id] = decodeCursor(args.after, ordering, 2);
      page.andWhere('(a.occurred_at, a.id) < (:occurredAt::timestamptz, :id::uuid)', { occurredAt, id });
    }
    // The cursor keeps PostgreSQL's own text of the time: a JavaScript Date would drop the microseconds.
    page.addSelect('a.occurred_at::text', 'occurred_at_key');
    page.orderBy('a.occurred_at', 'DESC').addOrderBy('a.id', 'DESC').limit(args.first + 1);
    const fetchPage = async () => {
      const { entities, raw } = await page.getRawAndEntities<{ occurred_at_key: string }>();
      return entities.map((entity, index) => ({ entity, key: raw[index]?.occurred_at_key ?? '' }));
    };
    return toConnection(fetchPage, args, ordering, (row) => [row.key, row.entity.id], (row) => toAuditEntry(row.entity), query);
  }
}

export function toAuditEntry(entity: AuditEntryEntity): AuditEntry {
  return {
    id: entity.id,
    occurredAt: entity.occurredAt,
    actorId: entity.actorId,
    action: entity.action,
    entityType: entity.entityType,
    entityId: entity.entityId,
    centreId: entity.centreId,
    changes: entity.changes.map((change) => ({
      field: change.field,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
    })),
    requestId: entity.requestId,
  };
}
