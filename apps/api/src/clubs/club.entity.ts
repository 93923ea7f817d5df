import type { ClubStatus, LocalisedText } from '@mrc/domain';
import { Column, Entity } from 'typeorm';
import { RecordColumns } from '../database/record-columns.js';
import type { ClubTypeEntity } from './club-type.entity.js';

/** A club type running at one centre, as stored. */
@Entity({ name: 'club' })
export class ClubEntity extends RecordColumns {
  @Column({ name: 'club_type_id', type: 'uuid' })
  clubTypeId!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ name: 'leader_name', type: 'text', nullable: true })
  leaderName!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  schedule!: LocalisedText | null;

  @Column({ type: 'text' })
  status!: ClubStatus;

  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  /** Not a column: the club's type, where a query joins it in (ClubsService.clubsBy). */
  type?: ClubTypeEntity;
}
