import type { RolloutGate, RolloutStatus } from '@mrc/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '../database/record-columns.js';

/** One club type to be launched at one district centre, as stored. */
@Entity({ name: 'rollout_item' })
export class RolloutItemEntity extends RecordColumns {
  @Column({ name: 'club_type_id', type: 'uuid' })
  clubTypeId!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ name: 'planned_on', type: 'date', nullable: true })
  plannedOn!: string | null;

  @Column({ type: 'text' })
  status!: RolloutStatus;

  /** The gates met, in the order of ROLLOUT_GATES. */
  @Column({ type: 'text', array: true })
  gates!: RolloutGate[];

  @Column({ name: 'launched_on', type: 'date', nullable: true })
  launchedOn!: string | null;

  @Column({ name: 'responsible_name', type: 'text', nullable: true })
  responsibleName!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** Why it is paused or cancelled; null otherwise. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;
}

/** One real change to a rollout item's field. */
@Entity({ name: 'rollout_change' })
export class RolloutChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  field!: string;

  /** A day, a name, a status or the list of gates; null when empty. */
  @Column({ type: 'jsonb', nullable: true })
  before!: string | string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: string | string[] | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
