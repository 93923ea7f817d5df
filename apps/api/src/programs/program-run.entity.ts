import { Column, Entity } from 'typeorm';
import { RecordColumns } from '../database/record-columns.js';

/** A program held at one centre between two days, as stored. */
@Entity({ name: 'program_run' })
export class ProgramRunEntity extends RecordColumns {
  @Column({ name: 'program_id', type: 'uuid' })
  programId!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  /** The day the run was cancelled or stopped early. */
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;
}
