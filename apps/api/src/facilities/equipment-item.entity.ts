import type { EquipmentKind } from '@mrc/domain';
import { Column, Entity } from 'typeorm';
import { NamedRecordColumns } from '../database/record-columns.js';

/** Equipment a centre lends, as stored. The GraphQL shape lives in dto/equipment-item.object.ts. */
@Entity({ name: 'equipment_item' })
export class EquipmentItemEntity extends NamedRecordColumns {
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ type: 'text' })
  kind!: EquipmentKind;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;
}
