import type { SpaceKind } from '@mrc/domain';
import { Column, Entity } from 'typeorm';
import { NamedRecordColumns } from '../database/record-columns.js';

/** A room of a centre, as stored. The GraphQL shape lives in dto/space.object.ts. */
@Entity({ name: 'space' })
export class SpaceEntity extends NamedRecordColumns {
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ type: 'text' })
  kind!: SpaceKind;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;
}
