import { Column, Entity } from 'typeorm';
import { RecordColumns } from '../database/record-columns.js';

/** A GraphQL query saved in the workbench, as stored. */
@Entity({ name: 'saved_query' })
export class SavedQueryEntity extends RecordColumns {
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  document!: string;

  /** The variables to run it with: a JSON object, or null. */
  @Column({ type: 'jsonb', nullable: true })
  variables!: Record<string, unknown> | null;

  @Column({ type: 'boolean' })
  shared!: boolean;
}
