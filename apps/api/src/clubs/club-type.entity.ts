import type { LocalisedText } from '@mrc/domain';
import { Column, Entity } from 'typeorm';
import { NamedRecordColumns } from '../database/record-columns.js';

/** A kind of interest club in the regional catalogue (dombra, oratory, ...), as stored. */
@Entity({ name: 'club_type' })
export class ClubTypeEntity extends NamedRecordColumns {
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalisedText | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;
}
