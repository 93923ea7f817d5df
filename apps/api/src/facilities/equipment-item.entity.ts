import type { EquipmentKind } from '@mrc/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Equipment a centre lends, as stored. The GraphQL shape lives in dto/equipment-item.object.ts. */
@Entity({ name: 'equipment_item' })
export class EquipmentItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ type: 'text' })
  kind!: EquipmentKind;

  @Column({ name: 'name_kk', type: 'text', nullable: true })
  nameKk!: string | null;

  @Column({ name: 'name_ru', type: 'text', nullable: true })
  nameRu!: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn!: string | null;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
