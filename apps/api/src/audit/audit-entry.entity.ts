import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One changed field: JSON values as they were before and after. */
export interface AuditFieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What one accepted mutation changed. Append-only: a database trigger refuses updates, and deletes of anything but sign-in activity 30 or more days old (SignInAuditSweeper). */
@Entity({ name: 'audit_entry' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId!: string | null;

  /** The centre the change concerns, so a centre's history can be asked for. */
  @Column({ name: 'centre_id', type: 'uuid', nullable: true })
  centreId!: string | null;

  @Column({ type: 'jsonb' })
  changes!: AuditFieldChange[];

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
